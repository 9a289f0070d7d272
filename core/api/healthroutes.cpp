#include "api/healthroutes.h"

#include "api/apiserver.h"
#include "modules/modulecatalog.h"
#include "service/coreservice.h"
#include "status/systemoverview.h"

#include <QCoreApplication>
#include <QFile>
#include <unistd.h>

namespace Switchboard {

namespace {

// Resident memory above this is reported as "degraded".
constexpr qint64 MemoryDegradedBytes = qint64(1) << 30;

qint64 residentBytes()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toLongLong() * sysconf(_SC_PAGESIZE) : -1;
}

// "healthy" when every enabled module answers, "degraded" when one is degraded, "unhealthy"
// when one is down.
QString modulesState(const QList<ModuleSnapshot> &modules)
{
    QString state = QStringLiteral("healthy");
    for (const ModuleSnapshot &m : modules) {
        if (!m.enabled)
            continue;
        if (m.status() == ModuleStatus::Down)
            return QStringLiteral("unhealthy");
        if (m.status() == ModuleStatus::Degraded)
            state = QStringLiteral("degraded");
    }
    return state;
}

QJsonObject basics(const CoreService &core, bool database, const QString &modules)
{
    const QDateTime now = core.clock().now();
    return {{QStringLiteral("status"),
             !database                                 ? "unhealthy"
                 : modules == QLatin1String("healthy") ? "healthy"
                                                       : "degraded"},
            {QStringLiteral("version"),
             QCoreApplication::applicationVersion().isEmpty()
                 ? QStringLiteral("0.1.0")
                 : QCoreApplication::applicationVersion()},
            {QStringLiteral("uptime_seconds"),
             core.startedAt().isValid() ? core.startedAt().secsTo(now) : 0},
            {QStringLiteral("timestamp"), now.toUTC().toString(Qt::ISODate)},
            {QStringLiteral("service_name"), QStringLiteral("switchboard-core")}};
}

} // namespace

bool HealthRoutes::isOpen(const QString &path)
{
    return path == QLatin1String("/health") || path == QLatin1String("/health/detailed")
        || path == QLatin1String("/health/dependencies");
}

void HealthRoutes::install(ApiServer &server, CoreService &core)
{
    server.route("GET", QStringLiteral("/health"),
                 [&core](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                     const bool database = core.databaseAnswers();
                     reply.sendJson(database ? 200 : 503,
                                    basics(core, database, modulesState(core.modules())));
                 });
    server.route(
        "GET", QStringLiteral("/health/detailed"),
        [&core](const HttpRequest &, const HttpReply &reply, const QStringList &) {
            const bool database = core.databaseAnswers();
            const QString modules = modulesState(core.modules());
            const qint64 memory = residentBytes();
            QJsonObject out = basics(core, database, modules);
            out.insert(
                QStringLiteral("checks"),
                QJsonObject {{QStringLiteral("database"), database ? "healthy" : "unhealthy"},
                             {QStringLiteral("external_services"), modules},
                             {QStringLiteral("memory"),
                              memory < MemoryDegradedBytes ? "healthy" : "degraded"}});
            out.insert(QStringLiteral("memory_rss_bytes"), memory);
            reply.sendJson(database ? 200 : 503, out);
        });
    server.route("GET", QStringLiteral("/health/dependencies"),
                 [&core](const HttpRequest &, const HttpReply &reply, const QStringList &) {
                     QJsonObject out;
                     bool allUp = true;
                     bool journeyBlocked = false;
                     for (const ModuleSnapshot &m : core.modules()) {
                         if (!m.enabled)
                             continue;
                         const bool up = m.status() == ModuleStatus::Healthy
                             || m.status() == ModuleStatus::Degraded;
                         out.insert(m.id, up);
                         allUp = allUp && up;
                         const ModuleInfo *info = ModuleCatalog::find(m.id);
                         journeyBlocked = journeyBlocked || (!up && info && info->criticalPath);
                     }
                     const bool database = core.databaseAnswers();
                     out.insert(QStringLiteral("database"), database);
                     const SystemHealth health = core.overview().health;
                     out.insert(QStringLiteral("overall_status"),
                                !database                             ? QStringLiteral("critical")
                                    : health == SystemHealth::Healthy ? QStringLiteral("healthy")
                                    : health == SystemHealth::Degraded
                                    ? QStringLiteral("degraded")
                                    : QStringLiteral("critical"));
                     // none: everything answers; partial: something does not, off the patient
                     // journey; full: the patient journey is blocked.
                     out.insert(QStringLiteral("degradation_mode"),
                                allUp && database                 ? QStringLiteral("none")
                                    : journeyBlocked || !database ? QStringLiteral("full")
                                                                  : QStringLiteral("partial"));
                     reply.sendJson(database ? 200 : 503, out);
                 });
}

} // namespace Switchboard
