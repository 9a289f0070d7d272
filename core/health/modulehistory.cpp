#include "health/modulehistory.h"

#include "health/responsestats.h"
#include "modules/modulecatalog.h"
#include "store/database.h"

#include <QJsonObject>

namespace Switchboard {

namespace {

// One hour of one module's checks, written again as the hour goes on.
QString sampleUpsert()
{
    return QStringLiteral("INSERT INTO module_samples (module, at, status, p50, p95, p99, checks, "
                          "unanswered) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                          "ON CONFLICT (module, at) DO UPDATE SET status = excluded.status, "
                          "p50 = excluded.p50, p95 = excluded.p95, p99 = excluded.p99, "
                          "checks = excluded.checks, unanswered = excluded.unanswered");
}

} // namespace

ModuleHistory::ModuleHistory(Database &db)
    : m_db(db)
{
}

int ModuleHistory::severity(ModuleStatus status)
{
    switch (status) {
    case ModuleStatus::Down:
        return 3;
    case ModuleStatus::Degraded:
        return 2;
    case ModuleStatus::Healthy:
        return 1;
    case ModuleStatus::Unknown:
    case ModuleStatus::Disabled:
        break;
    }
    return 0;
}

Status ModuleHistory::record(const QDateTime &at, const QString &module, ModuleStatus status,
                             int responseMs)
{
    const qint64 hour = at.toSecsSinceEpoch() / 3600 * 3600;
    Hour &h = m_current[module];
    if (h.at != hour) {
        h = Hour {hour, {}, ModuleStatus::Unknown, 0, 0};
        // Carry on from what an earlier run of the core stored for this hour.
        auto q = m_db.exec(QStringLiteral("SELECT status, checks, unanswered FROM module_samples "
                                          "WHERE module = ? AND at = ?"),
                           {module, hour});
        if (!q)
            return q.error();
        if (q->next()) {
            h.worst = ModuleStatus(q->value(0).toInt());
            h.checks = q->value(1).toInt();
            h.unanswered = q->value(2).toInt();
        }
    }
    ++h.checks;
    if (responseMs < 0)
        ++h.unanswered;
    else
        h.times.append(responseMs);
    if (severity(status) > severity(h.worst) || h.worst == ModuleStatus::Unknown)
        h.worst = status;
    const ResponseStats stats = ResponseStats::of(h.times);
    auto written = m_db.run(
        sampleUpsert(),
        {module, hour, int(h.worst), stats.p50, stats.p95, stats.p99, h.checks, h.unanswered});
    if (!written)
        return written.error();
    return Ok {};
}

Status ModuleHistory::store(const QList<std::pair<QString, ModuleSample>> &samples)
{
    return m_db.transaction([&]() -> Status {
        for (const auto &[module, s] : samples) {
            auto written = m_db.run(sampleUpsert(),
                                    {module, s.at.toSecsSinceEpoch(), int(s.status), s.p50, s.p95,
                                     s.p99, s.checks, s.unanswered});
            if (!written)
                return written.error();
        }
        return Ok {};
    });
}

Result<QList<ModuleSample>> ModuleHistory::samples(const QString &module, const QDateTime &now,
                                                   int days)
{
    if (!ModuleCatalog::find(module))
        return makeError(
            QStringLiteral("unknown module \"%1\" (expected 01_intake … 09_compliance)")
                .arg(module),
            QStringLiteral("module"));
    if (days < 1 || days > 90)
        return makeError(QStringLiteral("the period must be from 1 to 90 days"),
                         QStringLiteral("days"));
    auto q = m_db.exec(QStringLiteral("SELECT at, status, p50, p95, p99, checks, unanswered FROM "
                                      "module_samples WHERE module = ? AND at > ? AND at <= ? "
                                      "ORDER BY at"),
                       {module, now.addDays(-days).toSecsSinceEpoch(), now.toSecsSinceEpoch()});
    if (!q)
        return q.error();
    QList<ModuleSample> list;
    while (q->next()) {
        list.append({QDateTime::fromSecsSinceEpoch(q->value(0).toLongLong(), Qt::UTC),
                     ModuleStatus(q->value(1).toInt()), q->value(2).toInt(), q->value(3).toInt(),
                     q->value(4).toInt(), q->value(5).toInt(), q->value(6).toInt()});
    }
    return list;
}

QJsonArray ModuleHistory::toJson(const QList<ModuleSample> &samples)
{
    QJsonArray out;
    for (const ModuleSample &s : samples) {
        out.append(QJsonObject {{QStringLiteral("ts"), s.at.toString(Qt::ISODate)},
                                {QStringLiteral("status"), toWire(s.status)},
                                {QStringLiteral("p50"), s.p50},
                                {QStringLiteral("p95"), s.p95},
                                {QStringLiteral("p99"), s.p99},
                                {QStringLiteral("checks"), s.checks},
                                {QStringLiteral("unanswered"), s.unanswered}});
    }
    return out;
}

QList<ModuleSample> ModuleHistory::fromJson(const QJsonArray &json)
{
    QList<ModuleSample> out;
    for (const auto &v : json) {
        const QJsonObject o = v.toObject();
        const QDateTime at =
            QDateTime::fromString(o.value(QLatin1String("ts")).toString(), Qt::ISODate);
        if (!at.isValid())
            continue;
        out.append(
            {at, moduleStatusFromWire(o.value(QLatin1String("status")).toString()),
             o.value(QLatin1String("p50")).toInt(-1), o.value(QLatin1String("p95")).toInt(-1),
             o.value(QLatin1String("p99")).toInt(-1), o.value(QLatin1String("checks")).toInt(),
             o.value(QLatin1String("unanswered")).toInt()});
    }
    return out;
}

} // namespace Switchboard
