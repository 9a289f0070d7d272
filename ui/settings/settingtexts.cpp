#include "settings/settingtexts.h"

#include <QCoreApplication>

namespace Switchboard::SettingTexts {

namespace {

struct Entry
{
    const char *env;
    const char *label;
    const char *help;
};

const Entry Entries[] = {
    {"BRAND_NAME", QT_TRANSLATE_NOOP("SettingTexts", "Clinic name"),
     QT_TRANSLATE_NOOP("SettingTexts", "Shown in alerts, messages and the report.")},
    {"TIMEZONE", QT_TRANSLATE_NOOP("SettingTexts", "Time zone"),
     QT_TRANSLATE_NOOP("SettingTexts",
                       "For schedules and quiet hours, e.g. America/New_York. Empty: this "
                       "computer's.")},
    {"HEALTH_CHECK_INTERVAL_MS", QT_TRANSLATE_NOOP("SettingTexts", "Check every"),
     QT_TRANSLATE_NOOP("SettingTexts", "How often each module is checked, e.g. 15m or 30s.")},
    {"HEALTH_CHECK_TIMEOUT_MS", QT_TRANSLATE_NOOP("SettingTexts", "Answer within (ms)"),
     QT_TRANSLATE_NOOP("SettingTexts", "A check with no answer by then has failed.")},
    {"HEALTH_CHECK_RETRIES", QT_TRANSLATE_NOOP("SettingTexts", "Tries again"),
     QT_TRANSLATE_NOOP("SettingTexts", "Times a failed check is repeated before it counts.")},
    {"ERROR_THRESHOLD", QT_TRANSLATE_NOOP("SettingTexts", "Errors for “degraded”"),
     QT_TRANSLATE_NOOP("SettingTexts",
                       "A module with more errors than this in 24 hours is degraded.")},
    {"SLOW_RESPONSE_MS", QT_TRANSLATE_NOOP("SettingTexts", "Slow answer (ms)"),
     QT_TRANSLATE_NOOP("SettingTexts", "A check answered slower than this is degraded.")},
    {"NO_EXECUTION_ALERT_HOURS", QT_TRANSLATE_NOOP("SettingTexts", "Idle hours for “down”"),
     QT_TRANSLATE_NOOP("SettingTexts", "A module that has run nothing for longer is down.")},
    {"DLQ_ALERT_THRESHOLD", QT_TRANSLATE_NOOP("SettingTexts", "Dead letters for an alert"),
     QT_TRANSLATE_NOOP("SettingTexts", "More failed calls than this waiting raise an alert.")},
    {"CIRCUIT_BREAKER_THRESHOLD", QT_TRANSLATE_NOOP("SettingTexts", "Failures to pause a module"),
     QT_TRANSLATE_NOOP("SettingTexts", "Failed calls in a row before calls to the module pause.")},
    {"CIRCUIT_BREAKER_TIMEOUT", QT_TRANSLATE_NOOP("SettingTexts", "Pause for (ms)"),
     QT_TRANSLATE_NOOP("SettingTexts", "How long calls stay paused before one is tried.")},
    {"RETENTION_DAYS_EXECUTIONS", QT_TRANSLATE_NOOP("SettingTexts", "Finished runs (days)"),
     QT_TRANSLATE_NOOP("SettingTexts", "Runs, their steps and review tasks are kept this long.")},
    {"RETENTION_DAYS_SAMPLES", QT_TRANSLATE_NOOP("SettingTexts", "Trends (days)"),
     QT_TRANSLATE_NOOP("SettingTexts", "Hourly module and key-figure readings.")},
    {"RETENTION_DAYS_ALERTS", QT_TRANSLATE_NOOP("SettingTexts", "Resolved alerts (days)"),
     QT_TRANSLATE_NOOP("SettingTexts", "With their history.")},
    {"RETENTION_DAYS_DELIVERIES", QT_TRANSLATE_NOOP("SettingTexts", "Notifications sent (days)"),
     QT_TRANSLATE_NOOP("SettingTexts", "The audit log is kept for ever, whatever is set here.")},
};

} // namespace

Text of(const QString &env)
{
    for (const Entry &e : Entries) {
        if (env == QLatin1String(e.env))
            return {QCoreApplication::translate("SettingTexts", e.label),
                    QCoreApplication::translate("SettingTexts", e.help)};
    }
    return {env, QString()};
}

} // namespace Switchboard::SettingTexts
