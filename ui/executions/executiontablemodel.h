#pragma once

#include "common/clock.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace Switchboard {

// Executions as a table, newest first: workflow and version, status as word, mark and colour,
// when it started, how long it took (or has been going), what started it, and why it failed. Rows
// are identified by execution id, so the view can keep its selection across refreshes.
class ExecutionTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        WorkflowColumn,
        StatusColumn,
        StartedColumn,
        DurationColumn,
        OriginColumn,
        ErrorColumn,
        ColumnCount
    };
    enum Role {
        ExecutionIdRole = Qt::UserRole + 1,
        StatusRole, // the wire status, for filtering
        SearchRole, // id, workflow and trace id, for the search box
        SortRole, // numbers for the time columns
    };

    explicit ExecutionTableModel(const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setExecutions(const QJsonArray &executions);
    // Workflow id → its name, for the Workflow column (the id shows until the name is known).
    void setWorkflowNames(const QHash<QString, QString> &names);
    int rowOf(const QString &executionId) const;
    QJsonObject executionAt(int row) const { return m_rows.value(row); }

    // "✓ Completed", "✕ Failed", … and their colours; one place for the list and the details.
    static QString statusText(const QString &status);
    static QColor statusColor(const QString &status);
    // What started an execution, in words: "Webhook", "Schedule", "Retry", …
    static QString originText(const QString &origin);
    // "4.2 s", "3 min 10 s", "2 h 05 min".
    static QString durationText(qint64 ms);

private:
    const Clock &m_clock;
    QList<QJsonObject> m_rows;
    QHash<QString, QString> m_names;
};

} // namespace Switchboard
