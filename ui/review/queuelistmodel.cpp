#include "review/queuelistmodel.h"

#include "review/tasktablemodel.h"

#include <QJsonObject>
#include <QMap>

namespace Switchboard {

QueueListModel::QueueListModel(const Clock &clock, QObject *parent)
    : QAbstractListModel(parent)
    , m_clock(clock)
{
    m_queues.append({QString(), 0, {}});
}

int QueueListModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_queues.size());
}

QVariant QueueListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_queues.size())
        return {};
    const Queue &q = m_queues.at(index.row());
    switch (role) {
    case QueueRole:
        return q.name;
    case CountRole:
        return q.count;
    case Qt::DisplayRole: {
        const QString title =
            q.name.isEmpty() ? tr("All queues") : TaskTableModel::queueTitle(q.name);
        if (q.count == 0)
            return tr("%1 — empty").arg(title);
        const qint64 minutes = std::max<qint64>(0, q.oldest.secsTo(m_clock.now()) / 60);
        const QString age = minutes < 60 ? tr("%1 min").arg(minutes) : tr("%1 h").arg(minutes / 60);
        return tr("%1 (%2)\noldest waiting %3").arg(title).arg(q.count).arg(age);
    }
    case Qt::AccessibleTextRole:
        return data(index, Qt::DisplayRole)
            .toString()
            .replace(QLatin1Char('\n'), QLatin1String(", "));
    }
    return {};
}

void QueueListModel::setTasks(const QJsonArray &tasks)
{
    QMap<QString, Queue> byName;
    Queue all {QString(), 0, {}};
    for (const auto &v : tasks) {
        const QJsonObject t = v.toObject();
        const QString name = t.value(QLatin1String("queue")).toString();
        const QDateTime created =
            QDateTime::fromString(t.value(QLatin1String("created_at")).toString(), Qt::ISODate);
        for (Queue *q : {&byName[name], &all}) {
            if (q != &all)
                q->name = name;
            ++q->count;
            if (!q->oldest.isValid() || created < q->oldest)
                q->oldest = created;
        }
    }
    QList<Queue> queues = byName.values();
    std::stable_sort(queues.begin(), queues.end(),
                     [](const Queue &a, const Queue &b) { return a.count > b.count; });
    queues.prepend(all);
    if (queues.size() == m_queues.size()) {
        bool sameNames = true;
        for (int i = 0; i < queues.size(); ++i)
            sameNames = sameNames && queues.at(i).name == m_queues.at(i).name;
        if (sameNames) {
            m_queues = queues;
            Q_EMIT dataChanged(index(0), index(rowCount() - 1));
            return;
        }
    }
    beginResetModel();
    m_queues = queues;
    endResetModel();
}

int QueueListModel::rowOf(const QString &queue) const
{
    for (int i = 0; i < m_queues.size(); ++i) {
        if (m_queues.at(i).name == queue)
            return i;
    }
    return -1;
}

} // namespace Switchboard
