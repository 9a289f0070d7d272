#pragma once

#include "common/result.h"
#include "modules/modulestatus.h"

#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QList>

namespace Switchboard {

class Database;

// One module's health checks in one hour.
struct ModuleSample
{
    QDateTime at; // start of the hour, UTC
    ModuleStatus status = ModuleStatus::Unknown; // the worst status seen in the hour
    int p50 = -1; // response-time percentiles of the hour's answered checks; -1: none answered
    int p95 = -1;
    int p99 = -1;
    int checks = 0;
    int unanswered = 0;

    bool operator==(const ModuleSample &) const = default;
};

// Each module's health checks over time, kept in the core's database one row per module and
// hour, so that the Modules section can show weeks of status, response times and errors.
class ModuleHistory
{
public:
    explicit ModuleHistory(Database &db);

    // One health check: its time, the module's status after it, and the response time (-1: no
    // answer).
    Status record(const QDateTime &at, const QString &module, ModuleStatus status, int responseMs);
    // Keeps samples as they are (the demo clinic's past), in one transaction.
    Status store(const QList<std::pair<QString, ModuleSample>> &samples);
    // The samples of the last `days` days (1–90), oldest first.
    Result<QList<ModuleSample>> samples(const QString &module, const QDateTime &now, int days);

    // Down is worse than degraded, degraded than healthy; unknown and disabled are the mildest.
    static int severity(ModuleStatus status);
    // [{ts, status, p50, p95, p99, checks, unanswered}], for the API and the console.
    static QJsonArray toJson(const QList<ModuleSample> &samples);
    static QList<ModuleSample> fromJson(const QJsonArray &json);

private:
    struct Hour
    {
        qint64 at = -1;
        QList<int> times; // answered checks
        ModuleStatus worst = ModuleStatus::Unknown;
        int checks = 0;
        int unanswered = 0;
    };

    Database &m_db;
    QHash<QString, Hour> m_current;
};

} // namespace Switchboard
