#pragma once

#include <QJsonObject>
#include <QString>

namespace Switchboard {

// One entry of an execution's history as the engine records it: stored as a row of
// execution_events, announced after its commit, shown as JSON only when someone reads it.
struct HistoryEvent
{
    int seq = 0;
    qint64 ts = 0; // ms since the epoch, when it happened
    QString type; // execution_started, step_started, step_completed, …
    QString node; // empty for the execution as a whole
    int attempt = 0; // 0: not an attempt of a call
    QJsonObject data;

    // {"seq", "ts", "type", "node"?, "attempt"?, "data"?}, as the history API shows it.
    QJsonObject toJson() const
    {
        QJsonObject e {{QStringLiteral("seq"), seq},
                       {QStringLiteral("ts"), double(ts)},
                       {QStringLiteral("type"), type}};
        if (!node.isEmpty())
            e.insert(QStringLiteral("node"), node);
        if (attempt > 0)
            e.insert(QStringLiteral("attempt"), attempt);
        if (!data.isEmpty())
            e.insert(QStringLiteral("data"), data);
        return e;
    }
};

} // namespace Switchboard
