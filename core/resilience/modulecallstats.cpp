#include "resilience/modulecallstats.h"

#include <QDateTime>

namespace Switchboard {

QJsonObject ModuleCallStats::toJson() const
{
    const qint64 calls = succeeded + failed;
    return {{QStringLiteral("succeeded"), succeeded},
            {QStringLiteral("failed"), failed},
            {QStringLiteral("rejected"), rejectedOpen + rejectedBulkhead + rejectedRate},
            {QStringLiteral("fallback"), fallbackCalls},
            {QStringLiteral("average_ms"), calls ? qRound(latencySumMs / double(calls)) : 0},
            {QStringLiteral("in_flight"), inUse},
            {QStringLiteral("queued"), queued},
            {QStringLiteral("rate_limit_waits"), rateLimitWaits}};
}

QJsonArray ModuleCallStats::recentJson() const
{
    QJsonArray out;
    for (const RecentCall &c : recentCalls()) {
        // The Idempotency-Key is "<execution>:<node>:<visit>".
        const QList<QByteArray> parts = c.key.split(':');
        out.append(QJsonObject {
            {QStringLiteral("ts"),
             QDateTime::fromMSecsSinceEpoch(c.atMs, Qt::UTC).toString(Qt::ISODateWithMs)},
            {QStringLiteral("execution"), QString::fromLatin1(parts.value(0))},
            {QStringLiteral("node"), QString::fromLatin1(parts.value(1))},
            {QStringLiteral("outcome"),
             c.outcome == RecentCall::Outcome::Ok           ? QStringLiteral("ok")
                 : c.outcome == RecentCall::Outcome::Failed ? QStringLiteral("failed")
                                                            : QStringLiteral("refused")},
            {QStringLiteral("http_status"), c.httpStatus},
            {QStringLiteral("ms"), c.elapsedMs}});
    }
    return out;
}

} // namespace Switchboard
