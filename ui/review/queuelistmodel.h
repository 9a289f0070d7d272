#pragma once

#include "common/clock.h"

#include <QAbstractListModel>
#include <QJsonArray>

namespace Switchboard {

// The review queues with their open tasks: "All queues" first, then each queue with how many
// tasks wait and how long the oldest has waited, busiest first.
class QueueListModel final : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role { QueueRole = Qt::UserRole + 1, CountRole };

    explicit QueueListModel(const Clock &clock, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void setTasks(const QJsonArray &tasks);
    int rowOf(const QString &queue) const;

private:
    struct Queue
    {
        QString name; // empty: all queues
        int count = 0;
        QDateTime oldest;
    };
    const Clock &m_clock;
    QList<Queue> m_queues;
};

} // namespace Switchboard
