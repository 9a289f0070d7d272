#include "engine/executiontimeline.h"

#include <QDateTime>
#include <QHash>
#include <QJsonObject>

namespace Switchboard::ExecutionTimeline {

namespace {

struct Bar
{
    QString node;
    QString kind;
    int attempt = 0;
    qint64 startMs = 0;
    qint64 endMs = -1; // -1: still going
    QString outcome = QStringLiteral("running");
};

QJsonValue iso(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

qint64 msOf(const QString &iso)
{
    return QDateTime::fromString(iso, Qt::ISODateWithMs).toMSecsSinceEpoch();
}

QString waitKind(const QString &type)
{
    if (type == QLatin1String("timer_set"))
        return QStringLiteral("timer");
    if (type == QLatin1String("waiting_for_event"))
        return QStringLiteral("event");
    if (type == QLatin1String("task_created"))
        return QStringLiteral("review");
    if (type == QLatin1String("workflow_requested"))
        return QStringLiteral("workflow");
    if (type == QLatin1String("retry_scheduled"))
        return QStringLiteral("retry_wait");
    return {};
}

} // namespace

QJsonArray build(const QJsonArray &history)
{
    QList<HistoryEvent> events;
    events.reserve(history.size());
    for (const QJsonValue v : history) {
        const QJsonObject e = v.toObject();
        events.append({e.value(QLatin1String("seq")).toInt(),
                       msOf(e.value(QLatin1String("ts")).toString()),
                       e.value(QLatin1String("type")).toString(),
                       e.value(QLatin1String("node")).toString(),
                       e.value(QLatin1String("attempt")).toInt(),
                       {}});
    }
    return build(events);
}

QJsonArray build(const QList<HistoryEvent> &history)
{
    QList<Bar> bars;
    QHash<QString, int> open; // node → its open bar
    const auto close = [&](const QString &node, qint64 ts, const QString &outcome) {
        const auto it = open.constFind(node);
        if (it == open.constEnd())
            return false;
        Bar &bar = bars[*it];
        bar.endMs = ts;
        bar.outcome = outcome;
        open.erase(it);
        return true;
    };
    const auto begin = [&](const QString &node, const QString &kind, int attempt, qint64 ts) {
        close(node, ts, QStringLiteral("completed"));
        bars.append({node, kind, attempt, ts, -1, QStringLiteral("running")});
        open.insert(node, int(bars.size() - 1));
    };

    const qint64 first = history.isEmpty() ? 0 : history.first().ts;
    for (const HistoryEvent &e : history) {
        const QString &type = e.type;
        const QString &node = e.node;
        const qint64 ts = e.ts;
        const int attempt = e.attempt;
        if (node.isEmpty())
            continue;
        if (type == QLatin1String("step_started")) {
            begin(node, QStringLiteral("call"), std::max(1, attempt), ts);
        } else if (type == QLatin1String("compensation_step_started")) {
            begin(node, QStringLiteral("compensation"), std::max(1, attempt), ts);
        } else if (const QString kind = waitKind(type); !kind.isEmpty()) {
            // A retry's back-off follows the failed attempt; the other waits begin the step.
            close(node, ts,
                  kind == QLatin1String("retry_wait") ? QStringLiteral("failed")
                                                      : QStringLiteral("completed"));
            begin(node, kind, kind == QLatin1String("retry_wait") ? attempt : 0, ts);
        } else if (type == QLatin1String("step_completed")
                   || type == QLatin1String("compensation_completed")
                   || type == QLatin1String("timer_fired") || type == QLatin1String("task_decided")
                   || type == QLatin1String("event_received")
                   || type == QLatin1String("step_resumed")
                   || type == QLatin1String("workflow_finished")) {
            if (!close(node, ts, QStringLiteral("completed"))
                && type == QLatin1String("step_completed")) {
                // A step that took no time (a condition, a transform): a point on the line.
                bars.append({node, QStringLiteral("step"), 0, ts, ts, QStringLiteral("completed")});
            }
        } else if (type == QLatin1String("step_failed")
                   || type == QLatin1String("compensation_failed")) {
            if (!close(node, ts, QStringLiteral("failed")))
                bars.append({node, QStringLiteral("step"), 0, ts, ts, QStringLiteral("failed")});
        } else if (type == QLatin1String("step_outcome_unknown")) {
            close(node, ts, QStringLiteral("unknown"));
        } else if (type == QLatin1String("wait_timed_out")) {
            close(node, ts, QStringLiteral("timed_out"));
        }
    }

    QJsonArray out;
    for (const Bar &b : std::as_const(bars)) {
        QJsonObject o {
            {QStringLiteral("node"), b.node},
            {QStringLiteral("kind"), b.kind},
            {QStringLiteral("start"), iso(b.startMs)},
            {QStringLiteral("end"), b.endMs < 0 ? QJsonValue(QJsonValue::Null) : iso(b.endMs)},
            {QStringLiteral("offset_ms"), double(b.startMs - first)},
            {QStringLiteral("outcome"), b.outcome}};
        if (b.attempt > 0)
            o.insert(QStringLiteral("attempt"), b.attempt);
        if (b.endMs >= 0)
            o.insert(QStringLiteral("duration_ms"), double(b.endMs - b.startMs));
        out.append(o);
    }
    return out;
}

} // namespace Switchboard::ExecutionTimeline
