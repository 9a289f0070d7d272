#pragma once

#include "common/clock.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

namespace Switchboard {

// Dead letters as a table, newest first: the module and action, what went wrong, the attempts
// made, how long it has waited, the execution it belongs to, and where it stands (waiting,
// being sent, sent again, set aside). Rows are identified by the letter's id.
class DeadLetterModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        ModuleColumn,
        ActionColumn,
        ErrorColumn,
        AttemptsColumn,
        AgeColumn,
        StatusColumn,
        ExecutionColumn,
        ColumnCount
    };
    enum Role { LetterIdRole = Qt::UserRole + 1, ExecutionIdRole, StatusRole };

    explicit DeadLetterModel(const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setLetters(const QJsonArray &letters);
    QJsonObject letterAt(int row) const { return m_rows.value(row); }
    int rowOf(const QString &letterId) const;
    // The ids of the letters still waiting to be handled.
    QStringList pendingIds() const;

    static QString statusText(const QString &status);

private:
    const Clock &m_clock;
    QList<QJsonObject> m_rows;
};

} // namespace Switchboard
