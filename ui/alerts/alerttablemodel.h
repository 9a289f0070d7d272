#pragma once

#include "common/clock.h"

#include <QAbstractItemModel>
#include <QJsonArray>
#include <QJsonObject>
#include <QSet>

namespace Switchboard {

// The alert inbox: one row per alert (AlertBook's JSON), optionally under a group row per module
// or category. Remembers which alerts this console has opened, so new ones stand out (bold)
// and can be counted on the navigation.
class AlertTableModel final : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Column { Severity, Title, Module, FirstSeen, LastSeen, Count, State, Owner, ColumnCount };
    enum Grouping { NoGrouping, ByModule, ByCategory };
    enum Role {
        IdRole = Qt::UserRole + 1, // qint64; 0 on a group row
        AlertRole, // the alert's JSON
        StateRole, // firing | acknowledged | snoozed | silenced | resolved
        SeverityRole, // critical | warning | info
        SearchRole, // everything a search may match
        GroupRole, // true on a group row
    };

    explicit AlertTableModel(const Clock &clock, QObject *parent = nullptr);

    void setAlerts(const QJsonArray &alerts);
    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }
    void markRead(qint64 id);
    // Open alerts this console has not opened yet.
    int unreadCount() const;
    QModelIndex indexOfAlert(qint64 id) const;
    QJsonObject alert(qint64 id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    // "Firing", "Acknowledged", … for people; silenced and inhibited alerts say so.
    static QString stateText(const QJsonObject &alert);
    static QString severityText(const QString &severity);

Q_SIGNALS:
    void unreadChanged(int unread);

private:
    struct Group
    {
        QString key;
        QString label;
        QList<int> rows; // into m_alerts
    };
    void regroup();
    QVariant alertData(const QJsonObject &alert, int column, int role) const;

    const Clock &m_clock;
    QList<QJsonObject> m_alerts;
    QList<Group> m_groups; // empty without grouping
    Grouping m_grouping = NoGrouping;
    QSet<qint64> m_read;
    bool m_loaded = false; // the first list counts as read: only what arrives later is new
};

} // namespace Switchboard
