#include "executions/historymodel.h"

#include <QDateTime>
#include <QHash>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

namespace Switchboard {

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_history.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void HistoryModel::setStepNames(const QHash<QString, QString> &names)
{
    m_names = names;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, StepColumn), index(rowCount() - 1, StepColumn));
}

void HistoryModel::setHistory(const QJsonArray &history)
{
    beginResetModel();
    m_history = history;
    endResetModel();
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_history.size()
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const QJsonObject h = m_history.at(index.row()).toObject();
    switch (index.column()) {
    case TimeColumn: {
        const QDateTime t =
            QDateTime::fromString(h.value(QLatin1String("ts")).toString(), Qt::ISODateWithMs);
        return t.isValid()
            ? QLocale().toString(t.toLocalTime().time(), QStringLiteral("HH:mm:ss.zzz"))
            : QString();
    }
    case WhatColumn:
        return eventText(h.value(QLatin1String("type")).toString());
    case StepColumn: {
        const QString node = h.value(QLatin1String("node")).toString();
        return m_names.value(node, node);
    }
    case DetailsColumn: {
        const QJsonObject data = h.value(QLatin1String("data")).toObject();
        if (data.contains(QLatin1String("error")))
            return data.value(QLatin1String("error")).toString();
        return data.isEmpty()
            ? QString()
            : QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
    }
    default:
        return {};
    }
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case WhatColumn:
        return tr("What happened");
    case StepColumn:
        return tr("Step");
    case DetailsColumn:
        return tr("Details");
    default:
        return {};
    }
}

QString HistoryModel::eventText(const QString &type)
{
    static const QHash<QString, const char *> texts = {
        {QStringLiteral("execution_started"), QT_TR_NOOP("Started")},
        {QStringLiteral("execution_resumed"), QT_TR_NOOP("Picked up again")},
        {QStringLiteral("execution_completed"), QT_TR_NOOP("Completed")},
        {QStringLiteral("execution_failed"), QT_TR_NOOP("Failed")},
        {QStringLiteral("execution_cancelled"), QT_TR_NOOP("Cancelled")},
        {QStringLiteral("step_started"), QT_TR_NOOP("Module call sent")},
        {QStringLiteral("step_completed"), QT_TR_NOOP("Step done")},
        {QStringLiteral("step_failed"), QT_TR_NOOP("Step failed")},
        {QStringLiteral("retry_scheduled"), QT_TR_NOOP("Retry scheduled")},
        {QStringLiteral("step_outcome_unknown"),
         QT_TR_NOOP("No clear answer: the module may have done it, so it counts as done")},
        {QStringLiteral("dead_lettered"), QT_TR_NOOP("Sent to the dead-letter queue")},
        {QStringLiteral("timer_set"), QT_TR_NOOP("Waiting for a timer")},
        {QStringLiteral("timer_fired"), QT_TR_NOOP("Timer fired")},
        {QStringLiteral("waiting_for_event"), QT_TR_NOOP("Waiting for an event")},
        {QStringLiteral("event_received"), QT_TR_NOOP("Event received")},
        {QStringLiteral("wait_timed_out"), QT_TR_NOOP("Wait timed out")},
        {QStringLiteral("task_created"), QT_TR_NOOP("Review task created")},
        {QStringLiteral("workflow_requested"), QT_TR_NOOP("Starting another workflow")},
        {QStringLiteral("workflow_started"), QT_TR_NOOP("Another workflow started")},
        {QStringLiteral("workflow_finished"), QT_TR_NOOP("The other workflow ended")},
        {QStringLiteral("task_decided"), QT_TR_NOOP("Review decided")},
        {QStringLiteral("step_resumed"), QT_TR_NOOP("Continued after the review")},
        {QStringLiteral("join_arrival"), QT_TR_NOOP("Branch arrived")},
        {QStringLiteral("compensation_started"), QT_TR_NOOP("Undoing completed steps")},
        {QStringLiteral("compensation_step_started"), QT_TR_NOOP("Undo call sent")},
        {QStringLiteral("compensation_completed"), QT_TR_NOOP("Step undone")},
        {QStringLiteral("compensation_failed"), QT_TR_NOOP("Undo failed")},
    };
    if (const char *text = texts.value(type))
        return tr(text);
    return type;
}

} // namespace Switchboard
