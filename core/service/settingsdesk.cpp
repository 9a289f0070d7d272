#include "service/settingsdesk.h"

#include "audit/audittrail.h"
#include "common/logging.h"
#include "config/settingstable.h"
#include "modules/modulecatalog.h"
#include "store/database.h"
#include "store/datafolder.h"

#include <QFileInfo>
#include <QJsonDocument>

namespace Switchboard {

namespace {

QString number(int v)
{
    return QString::number(v);
}

} // namespace

const QList<SettingsDesk::Editable> &SettingsDesk::editable()
{
    using SettingsTable::durationText;
    static const QList<Editable> list = [] {
        const QString clinic = QStringLiteral("clinic");
        const QString health = QStringLiteral("health");
        QList<Editable> l {
            {QStringLiteral("BRAND_NAME"), clinic, true,
             [](const CoreConfig &c) {
                 return c.brandName;
             }},
            {QStringLiteral("TIMEZONE"), clinic, false,
             [](const CoreConfig &c) {
                 return c.timezone;
             }},
            {QStringLiteral("HEALTH_CHECK_INTERVAL_MS"), health, true,
             [](const CoreConfig &c) {
                 return durationText(c.health.intervalMs);
             }},
            {QStringLiteral("HEALTH_CHECK_TIMEOUT_MS"), health, true,
             [](const CoreConfig &c) {
                 return number(c.health.timeoutMs);
             }},
            {QStringLiteral("HEALTH_CHECK_RETRIES"), health, true,
             [](const CoreConfig &c) {
                 return number(c.health.retries);
             }},
            {QStringLiteral("ERROR_THRESHOLD"), health, true,
             [](const CoreConfig &c) {
                 return number(c.health.errorThreshold);
             }},
            {QStringLiteral("SLOW_RESPONSE_MS"), health, true,
             [](const CoreConfig &c) {
                 return number(c.health.slowResponseMs);
             }},
            {QStringLiteral("NO_EXECUTION_ALERT_HOURS"), health, true,
             [](const CoreConfig &c) {
                 return number(c.health.noExecutionHours);
             }},
            {QStringLiteral("DLQ_ALERT_THRESHOLD"), health, true,
             [](const CoreConfig &c) {
                 return number(c.deadLetterAlertThreshold);
             }},
            {QStringLiteral("CIRCUIT_BREAKER_THRESHOLD"), health, false,
             [](const CoreConfig &c) {
                 return number(c.circuitBreaker.threshold);
             }},
            {QStringLiteral("CIRCUIT_BREAKER_TIMEOUT"), health, false,
             [](const CoreConfig &c) {
                 return number(c.circuitBreaker.timeoutMs);
             }},
            {QStringLiteral("KPI_THRESHOLDS_JSON"), QStringLiteral("kpis"), true,
             [](const CoreConfig &c) {
                 QJsonObject o;
                 for (auto it = c.kpiThresholds.begin(); it != c.kpiThresholds.end(); ++it)
                     o.insert(it.key(), it.value());
                 return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
             }},
        };
        const QString retention = QStringLiteral("retention");
        l << Editable {QStringLiteral("RETENTION_DAYS_EXECUTIONS"), retention, true,
                       [](const CoreConfig &c) {
                           return number(c.retention.executionDays);
                       }}
          << Editable {QStringLiteral("RETENTION_DAYS_SAMPLES"), retention, true,
                       [](const CoreConfig &c) {
                           return number(c.retention.sampleDays);
                       }}
          << Editable {QStringLiteral("RETENTION_DAYS_ALERTS"), retention, true,
                       [](const CoreConfig &c) {
                           return number(c.retention.alertDays);
                       }}
          << Editable {QStringLiteral("RETENTION_DAYS_DELIVERIES"), retention, true,
                       [](const CoreConfig &c) {
                           return number(c.retention.deliveryDays);
                       }};
        for (const ModuleInfo &info : ModuleCatalog::all()) {
            const QString nn = QStringLiteral("%1").arg(info.number, 2, 10, QLatin1Char('0'));
            const QString id = info.id;
            const auto module = [id](const CoreConfig &c) {
                return c.module(id);
            };
            l << Editable {QStringLiteral("MODULE_%1_ENDPOINT").arg(nn), QStringLiteral("modules"),
                           true,
                           [module](const CoreConfig &c) {
                               return module(c)->endpoint.toString();
                           }}
              << Editable {QStringLiteral("MODULE_%1_HEALTH").arg(nn), QStringLiteral("modules"),
                           true,
                           [module](const CoreConfig &c) {
                               return module(c)->health.toString();
                           }}
              << Editable {QStringLiteral("MODULE_%1_TIMEOUT_S").arg(nn), QStringLiteral("modules"),
                           true, [module](const CoreConfig &c) {
                               const int s = module(c)->timeoutSeconds;
                               return s > 0 ? number(s) : QString();
                           }};
        }
        return l;
    }();
    return list;
}

SettingsDesk::SettingsDesk(Database &db, const Clock &clock, CoreConfig &config,
                           QMap<QString, QString> lockedBy)
    : m_db(db)
    , m_clock(clock)
    , m_config(config)
    , m_base(config)
    , m_lockedBy(std::move(lockedBy))
{
}

Result<QMap<QString, QString>> SettingsDesk::stored() const
{
    auto q = m_db.exec(QStringLiteral("SELECT name, value FROM console_settings"));
    if (!q)
        return q.error();
    QMap<QString, QString> values;
    while (q->next())
        values.insert(q->value(0).toString(), q->value(1).toString());
    return values;
}

Result<CoreConfig> SettingsDesk::composed(const QMap<QString, QString> &values) const
{
    CoreConfig next = m_base;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const SettingsTable::Setting *setting = SettingsTable::byEnv(it.key());
        if (!setting)
            return makeError(QStringLiteral("no setting is named %1").arg(it.key()), it.key());
        if (Status st = setting->apply(next, it.value(), it.key()); !st)
            return st.error();
    }
    // Switched on or off in the Modules section, which keeps its own record.
    for (ModuleConfig &m : next.modules)
        m.enabled = m_config.module(m.id)->enabled;
    return next;
}

Status SettingsDesk::applyStored()
{
    auto values = stored();
    if (!values)
        return values.error();
    CoreConfig next = m_base;
    for (auto it = values->begin(); it != values->end(); ++it) {
        const SettingsTable::Setting *setting = SettingsTable::byEnv(it.key());
        if (m_lockedBy.contains(it.key()))
            continue; // the file's value stands
        if (!setting) {
            qCWarning(lcService) << "stored setting" << it.key() << "is not known; left alone";
            continue;
        }
        CoreConfig trial = next;
        if (Status st = setting->apply(trial, it.value(), it.key()); !st) {
            qCWarning(lcService).noquote()
                << "stored setting" << it.key() << "not applied:" << st.error().message;
            continue;
        }
        next = trial;
    }
    m_config = next;
    return Ok {};
}

Result<QJsonArray> SettingsDesk::list() const
{
    auto q =
        m_db.exec(QStringLiteral("SELECT name, updated_at, actor, value FROM console_settings"));
    if (!q)
        return q.error();
    struct Change
    {
        qint64 at;
        QString actor;
        QString value;
    };
    QHash<QString, Change> changes;
    while (q->next())
        changes.insert(q->value(0).toString(),
                       {q->value(1).toLongLong(), q->value(2).toString(), q->value(3).toString()});
    QJsonArray out;
    for (const Editable &e : editable()) {
        const SettingsTable::Setting *setting = SettingsTable::byEnv(e.env);
        QJsonObject o {{QStringLiteral("name"), e.env},
                       {QStringLiteral("section"), e.section},
                       {QStringLiteral("value"), e.read(m_config)},
                       {QStringLiteral("default"), setting ? setting->defaultText : QString()},
                       {QStringLiteral("live"), e.live}};
        if (m_lockedBy.contains(e.env))
            o.insert(QStringLiteral("locked_by"), m_lockedBy.value(e.env));
        if (changes.contains(e.env) && !m_lockedBy.contains(e.env)) {
            const Change change = changes.value(e.env);
            o.insert(QStringLiteral("changed_by"), change.actor);
            o.insert(QStringLiteral("changed_at"),
                     QDateTime::fromMSecsSinceEpoch(change.at, Qt::UTC).toString(Qt::ISODate));
            CoreConfig then = m_config;
            if (!e.live && setting && setting->apply(then, change.value, e.env)
                && e.read(then) != e.read(m_config))
                o.insert(QStringLiteral("next_start"), e.read(then));
        }
        out.append(o);
    }
    return out;
}

Result<SettingsDesk::Changed> SettingsDesk::change(const QJsonObject &values, const QString &actor)
{
    if (values.isEmpty())
        return makeError(QStringLiteral("no settings to change"), QStringLiteral("settings"));
    auto current = stored();
    if (!current)
        return current.error();
    QMap<QString, QString> next = *current;
    Changed changed;
    for (auto it = values.begin(); it != values.end(); ++it) {
        const auto known = std::find_if(editable().begin(), editable().end(),
                                        [&](const Editable &e) { return e.env == it.key(); });
        if (known == editable().end())
            return makeError(QStringLiteral("%1 cannot be changed here; the settings that can are "
                                            "listed by GET /api/v1/settings")
                                 .arg(it.key()),
                             it.key());
        if (m_lockedBy.contains(it.key()))
            return conflict(QStringLiteral("%1 is set in %2; change it there")
                                .arg(it.key(), m_lockedBy.value(it.key())),
                            it.key());
        if (!it.value().isString())
            return makeError(QStringLiteral("give %1 as text, as in the env file").arg(it.key()),
                             it.key());
        const QString value = it.value().toString().trimmed();
        if (value.isEmpty())
            next.remove(it.key());
        else
            next.insert(it.key(), value);
        (known->live ? changed.applied : changed.atRestart) << it.key();
    }
    // Every value through its rule, on the whole new configuration, before anything is kept.
    auto config = composed(next);
    if (!config)
        return config.error();
    const qint64 now = m_clock.nowMs();
    Status saved = m_db.transaction([&]() -> Status {
        for (auto it = values.begin(); it != values.end(); ++it) {
            auto written = next.contains(it.key())
                ? m_db.run(QStringLiteral("INSERT INTO console_settings (name, value, "
                                          "updated_at, actor) VALUES (?, ?, ?, ?) ON "
                                          "CONFLICT (name) DO UPDATE SET value = "
                                          "excluded.value, updated_at = excluded.updated_at, "
                                          "actor = excluded.actor"),
                           {it.key(), next.value(it.key()), now, actor})
                : m_db.run(QStringLiteral("DELETE FROM console_settings WHERE name = ?"),
                           {it.key()});
            if (!written)
                return written.error();
        }
        QJsonObject audited;
        for (auto it = values.begin(); it != values.end(); ++it)
            audited.insert(it.key(), next.value(it.key(), QStringLiteral("(as configured)")));
        if (!m_audit)
            return internalError(QStringLiteral("settings changed before the audit log is open"));
        if (Status told = m_db.announce(QStringLiteral("settings")); !told)
            return told; // the other cores sharing the store apply them too
        return m_audit->record(QStringLiteral("settings.changed"), actor,
                               {{QStringLiteral("settings"), audited}});
    });
    if (!saved)
        return saved.error();
    // What waits for a restart is kept, not applied: the running parts keep what they started
    // with, and the list shows the running value.
    CoreConfig applied = *config;
    for (const QString &name : std::as_const(changed.atRestart)) {
        CoreConfig keep = m_config;
        if (name == QLatin1String("TIMEZONE"))
            applied.timezone = keep.timezone;
        else if (name.startsWith(QLatin1String("CIRCUIT_BREAKER")))
            applied.circuitBreaker = keep.circuitBreaker;
    }
    m_config = applied;
    return changed;
}

void SettingsDesk::setDataFolder(const QString &dir, const QString &database, const QString &name)
{
    m_dataDir = dir;
    m_database = database;
    m_name = name;
}

Result<QJsonObject> SettingsDesk::overview() const
{
    auto settings = list();
    if (!settings)
        return settings.error();
    QJsonArray backups;
    for (const QString &path : DataFolder::backups(m_dataDir, m_name)) {
        const QFileInfo info(path);
        backups.append(
            QJsonObject {{QStringLiteral("path"), path},
                         {QStringLiteral("at"), info.lastModified().toUTC().toString(Qt::ISODate)},
                         {QStringLiteral("bytes"), info.size()}});
    }
    QJsonObject data {{QStringLiteral("folder"), m_dataDir},
                      {QStringLiteral("database"), m_database},
                      {QStringLiteral("backups"), backups}};
    if (const QString pending = DataFolder::pendingRestore(m_database); !pending.isEmpty())
        data.insert(QStringLiteral("restore_at_next_start"), pending);
    return QJsonObject {{QStringLiteral("settings"), *settings}, {QStringLiteral("data"), data}};
}

Result<QString> SettingsDesk::backupNow(const QString &actor)
{
    if (m_dataDir.isEmpty())
        return makeError(QStringLiteral("this core keeps no data folder (it runs in memory)"),
                         QStringLiteral("data"));
    auto path = DataFolder::backupNow(m_db, m_dataDir, m_name);
    if (!path)
        return path;
    if (Status audited = audit(m_audit, QStringLiteral("database.backed_up"), actor,
                               {{QStringLiteral("backup"), *path}});
        !audited)
        return audited.error();
    return path;
}

Status SettingsDesk::restoreAtNextStart(const QString &backup, const QString &actor)
{
    if (!DataFolder::backups(m_dataDir, m_name).contains(backup))
        return notFound(QStringLiteral("%1 is not one of this core's backups").arg(backup),
                        QStringLiteral("backup"));
    if (Status st = DataFolder::scheduleRestore(m_database, backup); !st)
        return st;
    return audit(m_audit, QStringLiteral("database.restore_scheduled"), actor,
                 {{QStringLiteral("backup"), backup}});
}

} // namespace Switchboard
