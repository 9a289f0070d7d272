#include "workflow/n8n/n8ntriggers.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Switchboard::N8nTriggers {

namespace {

QString num(const QJsonObject &o, const char *key, int fallback)
{
    const QJsonValue v = o.value(QLatin1String(key));
    return QString::number(v.isString() ? v.toString().toInt() : v.toInt(fallback));
}

// n8n's cron may carry seconds first; at "0" seconds it is the same five-field cron.
Result<QString> fiveFields(const QString &expression)
{
    QStringList fields = expression.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (fields.size() == 6) {
        if (fields.first() != QLatin1String("0"))
            return makeError(QStringLiteral("the cron \"%1\" fires at seconds other than :00; a "
                                            "Switchboard schedule fires on the minute")
                                 .arg(expression));
        fields.removeFirst();
    }
    if (fields.size() != 5)
        return makeError(
            QStringLiteral("the cron \"%1\" does not have five fields").arg(expression));
    return fields.join(QLatin1Char(' '));
}

Result<QString> scheduleRule(const QJsonObject &r)
{
    const QString field = r.value(QLatin1String("field")).toString(QStringLiteral("days"));
    const QString minute = num(r, "triggerAtMinute", 0);
    const QString hour = num(r, "triggerAtHour", 0);
    const auto every = [](const QString &n) {
        return n == QLatin1String("1") ? QStringLiteral("*") : QStringLiteral("*/") + n;
    };
    if (field == QLatin1String("cronExpression"))
        return fiveFields(r.value(QLatin1String("expression")).toString());
    if (field == QLatin1String("minutes"))
        return QStringLiteral("%1 * * * *").arg(every(num(r, "minutesInterval", 5)));
    if (field == QLatin1String("hours"))
        return QStringLiteral("%1 %2 * * *").arg(minute, every(num(r, "hoursInterval", 1)));
    if (field == QLatin1String("days"))
        return QStringLiteral("%1 %2 %3 * *").arg(minute, hour, every(num(r, "daysInterval", 1)));
    if (field == QLatin1String("weeks")) {
        if (num(r, "weeksInterval", 1) != QLatin1String("1"))
            return makeError(QStringLiteral("a schedule every few weeks; cron has no such step"));
        QStringList days;
        for (const auto &d : r.value(QLatin1String("triggerAtDay")).toArray())
            days << QString::number(d.toInt());
        return QStringLiteral("%1 %2 * * %3")
            .arg(minute, hour, days.isEmpty() ? QStringLiteral("0") : days.join(QLatin1Char(',')));
    }
    if (field == QLatin1String("months"))
        return QStringLiteral("%1 %2 %3 %4 *")
            .arg(minute, hour, num(r, "triggerAtDayOfMonth", 1),
                 every(num(r, "monthsInterval", 1)));
    return makeError(QStringLiteral("a schedule every few %1; Switchboard schedules fire at most "
                                    "once a minute")
                         .arg(field));
}

Result<QString> cronTime(const QJsonObject &t)
{
    const QString mode = t.value(QLatin1String("mode")).toString(QStringLiteral("everyDay"));
    const QString minute = num(t, "minute", 0);
    const QString hour = num(t, "hour", 14); // the Cron node's default
    if (mode == QLatin1String("everyMinute"))
        return QStringLiteral("* * * * *");
    if (mode == QLatin1String("everyHour"))
        return QStringLiteral("%1 * * * *").arg(minute);
    if (mode == QLatin1String("everyDay"))
        return QStringLiteral("%1 %2 * * *").arg(minute, hour);
    if (mode == QLatin1String("everyWeek"))
        return QStringLiteral("%1 %2 * * %3").arg(minute, hour, num(t, "weekday", 1));
    if (mode == QLatin1String("everyMonth"))
        return QStringLiteral("%1 %2 %3 * *").arg(minute, hour, num(t, "dayOfMonth", 1));
    if (mode == QLatin1String("everyX")) {
        const QString value = num(t, "value", 2);
        return t.value(QLatin1String("unit")).toString(QStringLiteral("hours"))
                == QLatin1String("minutes")
            ? QStringLiteral("*/%1 * * * *").arg(value)
            : QStringLiteral("0 */%1 * * *").arg(value);
    }
    if (mode == QLatin1String("custom"))
        return fiveFields(
            t.value(QLatin1String("cronExpression")).toString(QStringLiteral("* * * * * *")));
    return makeError(QStringLiteral("the time mode \"%1\"").arg(mode));
}

N8nTrigger webhook(const N8nNode &n)
{
    N8nTrigger t;
    t.name = n.name;
    t.item = N8nDataRoot::at(QStringLiteral("input"), true);
    const QString path = n.param("path");
    const QString method = n.param("httpMethod", QStringLiteral("GET"));
    const QString mode = n.param("responseMode", QStringLiteral("onReceived"));
    t.trigger = {{QStringLiteral("kind"), QStringLiteral("webhook")},
                 {QStringLiteral("path"), path},
                 {QStringLiteral("respond"),
                  mode == QLatin1String("onReceived") ? QStringLiteral("immediately")
                                                      : QStringLiteral("on_end")}};
    static const QRegularExpression allowed(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9/_.-]{0,120}$"));
    if (method != QLatin1String("POST"))
        t.refused = QStringLiteral("listens for %1; a Switchboard webhook takes POST with a JSON "
                                   "body")
                        .arg(method);
    else if (!allowed.match(path).hasMatch())
        t.refused = QStringLiteral("listens on the path \"%1\"; a Switchboard webhook path has "
                                   "letters, digits, / _ . - and no :parameters")
                        .arg(path);
    else if (n.param("authentication", QStringLiteral("none")) != QLatin1String("none"))
        t.refused = QStringLiteral("checks %1 credentials; set the workflow's secret_header and "
                                   "its secret in Switchboard instead")
                        .arg(n.param("authentication"));
    t.described =
        QStringLiteral("webhook POST /hooks/%1, answering %2")
            .arg(path,
                 mode == QLatin1String("onReceived") ? QStringLiteral("at once")
                                                     : QStringLiteral("when the run ends"));
    return t;
}

} // namespace

bool isTrigger(const N8nNode &n)
{
    const QString kind = n.kind();
    return kind == QLatin1String("webhook") || kind == QLatin1String("start")
        || kind == QLatin1String("cron") || kind == QLatin1String("interval")
        || kind.endsWith(QLatin1String("Trigger")) || kind.endsWith(QLatin1String("trigger"));
}

Result<QStringList> cronsOf(const N8nNode &n)
{
    QStringList crons;
    if (n.kind() == QLatin1String("scheduleTrigger")) {
        QJsonArray rules = n.parameters.value(QLatin1String("rule"))
                               .toObject()
                               .value(QLatin1String("interval"))
                               .toArray();
        if (rules.isEmpty())
            rules.append(QJsonObject {}); // n8n's default: every day at midnight
        for (const auto &r : std::as_const(rules)) {
            auto cron = scheduleRule(r.toObject());
            if (!cron)
                return cron.error();
            crons << *cron;
        }
    } else {
        for (const auto &t : n.parameters.value(QLatin1String("triggerTimes"))
                                 .toObject()
                                 .value(QLatin1String("item"))
                                 .toArray()) {
            auto cron = cronTime(t.toObject());
            if (!cron)
                return cron.error();
            crons << *cron;
        }
        if (crons.isEmpty())
            return makeError(QStringLiteral("a Cron node with no times never fires"));
    }
    return crons;
}

QList<N8nTrigger> map(const N8nNode &n)
{
    const QString kind = n.kind();
    if (kind == QLatin1String("webhook"))
        return {webhook(n)};
    const N8nDataRoot noItem = N8nDataRoot::none(
        QStringLiteral("the item of \"%1\" has no Switchboard equivalent").arg(n.name));
    const QJsonObject manual {{QStringLiteral("kind"), QStringLiteral("manual")}};
    if (kind == QLatin1String("manualTrigger") || kind == QLatin1String("start"))
        return {{manual,
                 QStringLiteral("manual start"),
                 {},
                 N8nDataRoot::at(QStringLiteral("input")),
                 n.name}};
    if (kind == QLatin1String("executeWorkflowTrigger"))
        return {{manual,
                 QStringLiteral("manual start: another workflow or POST "
                                "/api/v1/workflows/{id}/executions passes the input"),
                 {},
                 N8nDataRoot::at(QStringLiteral("input")),
                 n.name}};
    if (kind == QLatin1String("scheduleTrigger") || kind == QLatin1String("cron")) {
        auto crons = cronsOf(n);
        if (!crons)
            return {{manual, {}, crons.error().message, noItem, n.name}};
        QList<N8nTrigger> out;
        for (int i = 0; i < crons->size(); ++i) {
            const QString cron = crons->at(i);
            out.append({{{QStringLiteral("kind"), QStringLiteral("schedule")},
                         {QStringLiteral("cron"), cron}},
                        QStringLiteral("schedule \"%1\" in the clinic's time zone").arg(cron),
                        {},
                        noItem,
                        crons->size() == 1
                            ? n.name
                            : QStringLiteral("%1 (rule %2)").arg(n.name).arg(i + 1)});
        }
        return out;
    }
    return {{manual,
             {},
             QStringLiteral("starts on an outside service's event; Switchboard starts workflows "
                            "by webhook, schedule, module event or by hand"),
             noItem,
             n.name}};
}

} // namespace Switchboard::N8nTriggers
