#include "review/tasktablemodel.h"

#include "common/relativetime.h"
#include "common/statusstyle.h"

#include <QDateTime>
#include <QSet>
#include <QTimer>

namespace Switchboard {

namespace {

QDateTime timeOf(const QJsonObject &task, const char *key)
{
    return QDateTime::fromString(task.value(QLatin1String(key)).toString(), Qt::ISODate);
}

QString duration(qint64 minutes)
{
    return elapsedText(minutes * 60);
}

} // namespace

TaskTableModel::TaskTableModel(const Clock &clock, QObject *parent)
    : QAbstractTableModel(parent)
    , m_clock(clock)
    , m_tick(new QTimer(this))
{
    // The countdown and the waiting time move on their own.
    m_tick->setInterval(30000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (!m_tasks.isEmpty())
            Q_EMIT dataChanged(index(0, WaitingColumn), index(rowCount() - 1, DueColumn));
    });
    m_tick->start();
}

QString TaskTableModel::queueTitle(const QString &queue)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("ocr-review"), QT_TR_NOOP("OCR review")},
        {QStringLiteral("ai-reply-approval"), QT_TR_NOOP("AI reply approval")},
        {QStringLiteral("ai-reply-escalation"), QT_TR_NOOP("AI reply escalation")},
        {QStringLiteral("manual-booking"), QT_TR_NOOP("Manual booking")},
        {QStringLiteral("payment-escalation"), QT_TR_NOOP("Payment escalation")},
        {QStringLiteral("invoice-approval"), QT_TR_NOOP("Invoice approval")},
        {QStringLiteral("supervisor"), QT_TR_NOOP("Supervisors (past SLA)")},
    };
    if (const char *title = titles.value(queue))
        return tr(title);
    QString text = queue;
    text.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

int TaskTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_tasks.size());
}

int TaskTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

TaskTableModel::SlaState TaskTableModel::slaState(const QJsonObject &task) const
{
    const QDateTime due = timeOf(task, "due_at");
    if (!due.isValid())
        return SlaState::None;
    const qint64 left = m_clock.now().secsTo(due);
    if (left <= 0 || task.value(QLatin1String("status")).toString() == QLatin1String("escalated"))
        return SlaState::Overdue;
    return left <= 3600 ? SlaState::Soon : SlaState::Ok;
}

void TaskTableModel::setQueueShown(bool shown)
{
    if (shown == m_queueShown)
        return;
    m_queueShown = shown;
    if (!m_tasks.isEmpty())
        Q_EMIT dataChanged(index(0, TitleColumn), index(rowCount() - 1, TitleColumn));
}

QString TaskTableModel::dueText(const QJsonObject &task) const
{
    const QDateTime due = timeOf(task, "due_at");
    if (!due.isValid())
        return tr("no SLA");
    const qint64 left = m_clock.now().secsTo(due) / 60;
    return left >= 0 ? tr("%1 left").arg(duration(left)) : tr("%1 over").arg(duration(-left));
}

QVariant TaskTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_tasks.size())
        return {};
    const QJsonObject &t = m_tasks.at(index.row());
    switch (role) {
    case TaskIdRole:
        return t.value(QLatin1String("id")).toString();
    case TaskRole:
        return t;
    case QueueRole:
        return t.value(QLatin1String("queue")).toString();
    case SlaRole:
        return int(slaState(t));
    case SortRole:
        if (index.column() == WaitingColumn)
            return timeOf(t, "created_at").toMSecsSinceEpoch();
        if (index.column() == DueColumn) {
            const QDateTime due = timeOf(t, "due_at");
            return due.isValid() ? due.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        }
        return data(index, Qt::DisplayRole);
    case Qt::DisplayRole:
        switch (index.column()) {
        case TitleColumn: {
            // The title, and under it what a person weighs before taking it: which queue,
            // how long it has waited, who has it.
            QStringList about;
            if (m_queueShown)
                about << data(index.siblingAtColumn(QueueColumn), role).toString();
            about << tr("waiting %1")
                         .arg(data(index.siblingAtColumn(WaitingColumn), role).toString());
            const QString owner = ownerName(t);
            about << (owner.isEmpty() ? tr("not taken yet") : tr("taken by %1").arg(owner));
            return t.value(QLatin1String("title")).toString() + QLatin1Char('\n')
                + about.join(QStringLiteral(" · "));
        }
        case QueueColumn: {
            const QString from = t.value(QLatin1String("escalated_from")).toString();
            const QString queue = queueTitle(t.value(QLatin1String("queue")).toString());
            return from.isEmpty() ? queue : tr("%1 (from %2)").arg(queue, queueTitle(from));
        }
        case WaitingColumn:
            return duration(
                std::max<qint64>(0, timeOf(t, "created_at").secsTo(m_clock.now()) / 60));
        case DueColumn: {
            const SlaState sla = slaState(t);
            const QString mark = sla == SlaState::Overdue ? QStringLiteral("✕ ")
                : sla == SlaState::Soon                   ? QStringLiteral("! ")
                                                          : QString();
            return mark + dueText(t);
        }
        case OwnerColumn: {
            const QString owner = ownerName(t);
            return owner.isEmpty() ? tr("open") : owner;
        }
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == DueColumn) {
            switch (slaState(t)) {
            case SlaState::Overdue:
                return StatusStyle::text(ModuleStatus::Down);
            case SlaState::Soon:
                return StatusStyle::text(ModuleStatus::Degraded);
            default:
                break;
            }
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == TitleColumn)
            return t.value(QLatin1String("title")).toString();
        if (index.column() == DueColumn)
            return tr("Due %1").arg(timeOf(t, "due_at").toLocalTime().toString(Qt::TextDate));
        break;
    }
    return {};
}

QVariant TaskTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TitleColumn:
        return tr("Task");
    case QueueColumn:
        return tr("Queue");
    case WaitingColumn:
        return tr("Waiting");
    case DueColumn:
        return tr("SLA");
    case OwnerColumn:
        return tr("Who");
    }
    return {};
}

void TaskTableModel::setTasks(const QJsonArray &tasks)
{
    // Row by row rather than a reset, so that what is selected and current in the views stays
    // selected while the queue refreshes under it.
    QHash<QString, QJsonObject> incoming;
    QStringList order;
    for (const QJsonValue v : tasks) {
        const QString id = v[QLatin1String("id")].toString();
        incoming.insert(id, v.toObject());
        order << id;
    }
    for (int r = int(m_tasks.size()) - 1; r >= 0; --r) {
        if (incoming.contains(m_tasks.at(r).value(QLatin1String("id")).toString()))
            continue;
        beginRemoveRows({}, r, r);
        m_tasks.removeAt(r);
        endRemoveRows();
    }
    QSet<QString> known;
    for (int r = 0; r < m_tasks.size(); ++r) {
        const QString id = m_tasks.at(r).value(QLatin1String("id")).toString();
        known.insert(id);
        if (const QJsonObject &next = incoming[id]; next != m_tasks.at(r)) {
            m_tasks[r] = next;
            Q_EMIT dataChanged(index(r, 0), index(r, ColumnCount - 1));
        }
    }
    QList<QJsonObject> added;
    for (const QString &id : std::as_const(order)) {
        if (!known.contains(id))
            added << incoming.value(id);
    }
    if (added.isEmpty())
        return;
    beginInsertRows({}, int(m_tasks.size()), int(m_tasks.size() + added.size() - 1));
    m_tasks.append(added);
    endInsertRows();
}

int TaskTableModel::rowOf(const QString &taskId) const
{
    for (int i = 0; i < m_tasks.size(); ++i) {
        if (m_tasks.at(i).value(QLatin1String("id")).toString() == taskId)
            return i;
    }
    return -1;
}

QString TaskTableModel::ownerName(const QJsonObject &task)
{
    const QString name = task.value(QLatin1String("claimed_by_name")).toString();
    return name.isEmpty() ? task.value(QLatin1String("claimed_by")).toString() : name;
}

} // namespace Switchboard
