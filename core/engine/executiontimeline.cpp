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
    QString start;
    qint64 startMs = 0;
    QString end;
    qint64 endMs = 0;
    QString outcome = QStringLiteral("running");
};

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
    if (type == QLatin1String("retry_scheduled"))
        return QStringLiteral("retry_wait");
    return {};
}

} // namespace

QJsonArray build(const QJsonArray &history)
{
    QList<Bar> bars;
    QHash<QString, int> open; // node → its open bar
    const auto close = [&](const QString &node, const QString &ts, const QString &outcome) {
        const auto it = open.constFind(node);
        if (it == open.constEnd())
            return false;
        Bar &bar = bars[*it];
        bar.end = ts;
        bar.endMs = msOf(ts);
        bar.outcome = outcome;
        open.erase(it);
        return true;
    };
    const auto begin = [&](const QString &node, const QString &kind, int attempt,
                           const QString &ts) {
        close(node, ts, QStringLiteral("completed"));
        bars.append({node, kind, attempt, ts, msOf(ts), {}, 0, QStringLiteral("running")});
        open.insert(node, int(bars.size() - 1));
    };

    for (const QJsonValue &v : history) {
        const QJsonObject e = v.toObject();
        const QString type = e.value(QLatin1String("type")).toString();
        const QString node = e.value(QLatin1String("node")).toString();
        const QString ts = e.value(QLatin1String("ts")).toString();
        const int attempt = e.value(QLatin1String("attempt")).toInt();
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
                   || type == QLatin1String("step_resumed")) {
            if (!close(node, ts, QStringLiteral("completed"))
                && type == QLatin1String("step_completed")) {
                // A step that took no time (a condition, a transform): a point on the line.
                bars.append({node, QStringLiteral("step"), 0, ts, msOf(ts), ts, msOf(ts),
                             QStringLiteral("completed")});
            }
        } else if (type == QLatin1String("step_failed")
                   || type == QLatin1String("compensation_failed")) {
            if (!close(node, ts, QStringLiteral("failed")))
                bars.append({node, QStringLiteral("step"), 0, ts, msOf(ts), ts, msOf(ts),
                             QStringLiteral("failed")});
        } else if (type == QLatin1String("step_outcome_unknown")) {
            close(node, ts, QStringLiteral("unknown"));
        } else if (type == QLatin1String("wait_timed_out")) {
            close(node, ts, QStringLiteral("timed_out"));
        }
    }

    QJsonArray out;
    for (const Bar &b : std::as_const(bars)) {
        QJsonObject o {{QStringLiteral("node"), b.node},
                       {QStringLiteral("kind"), b.kind},
                       {QStringLiteral("start"), b.start},
                       {QStringLiteral("end"), b.end.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                               : QJsonValue(b.end)},
                       {QStringLiteral("outcome"), b.outcome}};
        if (b.attempt > 0)
            o.insert(QStringLiteral("attempt"), b.attempt);
        if (!b.end.isEmpty())
            o.insert(QStringLiteral("duration_ms"), double(b.endMs - b.startMs));
        out.append(o);
    }
    return out;
}

} // namespace Switchboard::ExecutionTimeline
