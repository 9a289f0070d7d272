#pragma once

#include "common/clock.h"

#include <QAbstractTableModel>
#include <QJsonArray>
#include <QJsonObject>

class QTimer;

namespace Switchboard {

// The open review tasks as a table: what to check, queue, how long it has waited, the time
// left before its SLA (a countdown that turns amber in the last hour and red when past), and
// who is on it. Sorting and filtering are a proxy's job; rows are identified by task id, so a
// refresh keeps the selection.
class TaskTableModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TitleColumn, QueueColumn, WaitingColumn, DueColumn, OwnerColumn, ColumnCount };
    enum Role {
        TaskIdRole = Qt::UserRole + 1,
        TaskRole, // the whole task (QJsonObject)
        QueueRole, // the queue, for filtering
        SortRole, // numbers for the time columns
        SlaRole, // SlaState
    };
    enum class SlaState { None, Ok, Soon, Overdue };

    explicit TaskTableModel(const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setTasks(const QJsonArray &tasks);
    int rowOf(const QString &taskId) const;
    QJsonObject taskAt(int row) const { return m_tasks.value(row); }
    SlaState slaState(const QJsonObject &task) const;
    // "2 h 05 min left", "35 min over", "no SLA".
    QString dueText(const QJsonObject &task) const;

    // The task column's second line names the queue too (when all queues show together).
    void setQueueShown(bool shown);

    // Queue names as people read them ("ocr-review" → "OCR review").
    static QString queueTitle(const QString &queue);
    // Who has the task, by the name the console shows (the core's claimed_by_name); empty
    // when nobody has.
    static QString ownerName(const QJsonObject &task);

private:
    const Clock &m_clock;
    QList<QJsonObject> m_tasks;
    bool m_queueShown = true;
    QTimer *m_tick;
};

} // namespace Switchboard
