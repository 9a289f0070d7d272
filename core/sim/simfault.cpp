#include "sim/simfault.h"

namespace Switchboard {

QString SimFault::modeName(Mode mode)
{
    switch (mode) {
    case Mode::None:
        return QStringLiteral("none");
    case Mode::Down:
        return QStringLiteral("down");
    case Mode::Slow:
        return QStringLiteral("slow");
    case Mode::Errors:
        return QStringLiteral("errors");
    case Mode::Timeout:
        return QStringLiteral("timeout");
    case Mode::Flapping:
        return QStringLiteral("flapping");
    case Mode::Malformed:
        return QStringLiteral("malformed");
    }
    return QStringLiteral("none");
}

Result<SimFault> SimFault::fromJson(const QJsonObject &json)
{
    SimFault fault;
    const QString mode = json.value(QLatin1String("mode")).toString();
    bool found = false;
    for (Mode m : {Mode::None, Mode::Down, Mode::Slow, Mode::Errors, Mode::Timeout, Mode::Flapping,
                   Mode::Malformed}) {
        if (modeName(m) == mode) {
            fault.mode = m;
            found = true;
        }
    }
    if (!found)
        return makeError(QStringLiteral("unknown mode \"%1\" (expected none, down, slow, errors, "
                                        "timeout, flapping or malformed)")
                             .arg(mode),
                         QStringLiteral("mode"));
    if (json.contains(QLatin1String("latency_ms"))) {
        const int v = json.value(QLatin1String("latency_ms")).toInt(-1);
        if (v < 0 || v > 600000)
            return makeError(QStringLiteral("must be a number of milliseconds from 0 to 600000"),
                             QStringLiteral("latency_ms"));
        fault.latencyMs = v;
    }
    if (json.contains(QLatin1String("error_rate"))) {
        const double v = json.value(QLatin1String("error_rate")).toDouble(-1);
        if (v < 0 || v > 1)
            return makeError(QStringLiteral("must be a number from 0 to 1"),
                             QStringLiteral("error_rate"));
        fault.errorRate = v;
    }
    if (json.contains(QLatin1String("period_ms"))) {
        const int v = json.value(QLatin1String("period_ms")).toInt(-1);
        if (v < 100 || v > 3600000)
            return makeError(QStringLiteral("must be a number of milliseconds from 100 to 3600000"),
                             QStringLiteral("period_ms"));
        fault.flapPeriodMs = v;
    }
    if (json.contains(QLatin1String("retry_after_s"))) {
        const int v = json.value(QLatin1String("retry_after_s")).toInt(-1);
        if (v < 0 || v > 86400)
            return makeError(QStringLiteral("must be a number of seconds from 0 to 86400"),
                             QStringLiteral("retry_after_s"));
        fault.retryAfterSeconds = v;
    }
    return fault;
}

QJsonObject SimFault::toJson() const
{
    return {{QStringLiteral("mode"), modeName(mode)},
            {QStringLiteral("latency_ms"), latencyMs},
            {QStringLiteral("error_rate"), errorRate},
            {QStringLiteral("period_ms"), flapPeriodMs},
            {QStringLiteral("retry_after_s"), retryAfterSeconds}};
}

} // namespace Switchboard
