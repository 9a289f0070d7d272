#include "service/coreservice.h"

#include "alerts/alertbook.h"
#include "alerts/alertrules.h"
#include "api/accesstokens.h"
#include "api/apiserver.h"
#include "api/livefeed.h"
#include "api/useraccounts.h"
#include "audit/auditlog.h"
#include "common/logging.h"
#include "config/configloader.h"
#include "engine/curlmoduleclient.h"
#include "engine/workflowengine.h"
#include "health/healthmonitor.h"
#include "health/modulehistory.h"
#include "kpis/keyfigures.h"
#include "kpis/kpihistory.h"
#include "kpis/kpirules.h"
#include "modules/modulecatalog.h"
#include "modules/modulecredentials.h"
#include "notify/configuredchannels.h"
#include "notify/notifier.h"
#include "report/reportpublisher.h"
#include "resilience/resilientmoduleclient.h"
#include "review/reviewdesk.h"
#include "secrets/secretbackend.h"
#include "secrets/secretstore.h"
#include "service/clusterduty.h"
#include "service/clustermirror.h"
#include "service/democlinic.h"
#include "service/livechanges.h"
#include "service/settingsdesk.h"
#include "status/statusdocument.h"
#include "store/database.h"
#include "store/datafolder.h"
#include "store/modulesettings.h"
#include "store/retention.h"
#include "store/workflowstore.h"
#include "tracing/enginetracer.h"
#include "workflow/expressionengine.h"
#include "workflow/templatetexts.h"
#include "workflow/workflowvalidator.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLockFile>
#include <QRandomGenerator>
#include <QSysInfo>
#include <QTimeZone>
#include <QTimer>

namespace Switchboard {

CoreService::CoreService(const CoreConfig &config, const Clock &clock, const CoreOptions &options,
                         QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_clock(clock)
    , m_phi(PhiMask(config.phiFields), clock)
    , m_options(options)
    , m_report(new ReportPublisher(
          m_config, clock, [this] { return statusDocument(QString(), 0); }, this))
{
}

CoreService::~CoreService()
{
    // The engine and the module client are QObject children; the stores they use go after.
    delete m_api;
    m_api = nullptr;
    delete m_engine;
    m_engine = nullptr;
    delete m_resilient;
    m_resilient = nullptr;
    delete m_modules;
    m_modules = nullptr;
}

Status CoreService::start()
{
    m_startedAt = m_clock.now();
    if (m_options.demo) {
        Status demo = startDemoFleet();
        if (!demo)
            return demo;
    }
    // Secrets first (in the data folder, when they are kept in a file): the module credentials
    // in them go out with the first call.
    if (Status prepared = DataFolder::prepare(m_options.dataDir); !prepared)
        return prepared;
    const SecretBackend::Choice secrets = SecretBackend::choose(
        m_config.secretsBackend, m_options.dataDir, ConfigLoader::processEnvironment(), this);
    m_secrets = secrets.store;
    qCInfo(lcService).noquote() << "secrets are kept in" << secrets.description;
    if (Status engine = startEngine(); !engine)
        return engine;
    if (Status overrides = applyModuleSettings(); !overrides)
        return overrides;
    m_monitor = new HealthMonitor(m_clock, m_config, this);
    m_monitor->setCredentials(m_credentials);
    m_mirror = new ClusterMirror(*m_db, m_clock, this);
    connect(m_monitor, &HealthMonitor::checked, this, [this](const ModuleSnapshot &s) {
        if (Status kept = m_moduleHistory->record(m_clock.now(), s.id, s.status(), s.responseMs);
            !kept)
            qCWarning(lcService) << "module history not kept:" << kept.error().message;
        // For the consoles of the other cores sharing the store.
        if (m_db->isPostgres()) {
            if (Status shown = m_mirror->publish(s); !shown)
                qCWarning(lcService) << "module snapshot not shared:" << shown.error().message;
        }
    });
    connect(m_mirror, &ClusterMirror::moduleChanged, this, &CoreService::moduleChanged);
    connect(m_mirror, &ClusterMirror::refreshed, this, [this] {
        if (Status read = m_alertBook->follow(); !read)
            qCWarning(lcService) << "cannot read the alerts:" << read.error().message;
        const bool newRound = m_mirror->lastCheck() != m_overview.lastCheck;
        m_overview.lastCheck = m_mirror->lastCheck();
        refreshOverview();
        if (newRound)
            Q_EMIT overviewChanged(m_overview);
    });
    connect(m_resilient, &ResilientModuleClient::circuitChanged, m_monitor,
            &HealthMonitor::setCircuitState);
    // Module events start the workflows they trigger and resume the executions waiting for them.
    connect(m_monitor, &HealthMonitor::eventReceived, this,
            [this](const QString &module, const QJsonObject &event) {
                m_keyFigures->note(module, event);
                const auto delivered =
                    m_engine->deliverEvent(event.value(QLatin1String("type")).toString(), module,
                                           event.value(QLatin1String("data")).toObject());
                if (!delivered)
                    qCWarning(lcService)
                        << "event from" << module << "not delivered:" << delivered.error().message;
            });
    connect(m_monitor, &HealthMonitor::moduleChanged, this, [this](const ModuleSnapshot &s) {
        Q_EMIT moduleChanged(s);
        refreshOverview();
    });
    connect(m_monitor, &HealthMonitor::roundFinished, this, [this](quint64 round) {
        // KPI aggregation follows each round of checks; the round ends when it has, and only
        // then does the overview say when the last check was.
        m_keyFigures->aggregate([this, round] {
            m_overview.lastCheck = m_monitor->lastRoundFinished();
            if (m_db->isPostgres())
                (void)m_mirror->publishRound(m_keyFigures->figures(), m_keyFigures->previousWeek(),
                                             m_overview.lastCheck);
            refreshOverview(true);
            Q_EMIT overviewChanged(m_overview);
            Q_EMIT checksFinished(round);
        });
    });

    if (Status notifier = startNotifier(); !notifier)
        return notifier;
    if (m_options.listen) {
        auto tokens = TokenStore::open(m_options.dataDir, m_options.adminTokenFromEnv);
        if (!tokens)
            return tokens.error();
        for (auto it = m_options.tokens.begin(); it != m_options.tokens.end(); ++it) {
            if (!tokens->add(it.key(), it.value()))
                return makeError(QStringLiteral("token role \"%1\" is not admin, manager, "
                                                "support or viewer")
                                     .arg(it.value()),
                                 QStringLiteral("tokens"));
        }
        m_adminTokenPath = tokens->adminTokenPath();
        m_createdAdminToken = tokens->createdAdminToken();
        m_api = new ApiServer(*this, std::move(tokens).value(), this);
        // Nothing is answered before what it reports stored is durable.
        m_api->setDurability(
            [db = m_db.get()](std::function<void()> fn) { db->whenDurable(std::move(fn)); });
        m_api->setLoopbackOnly(m_options.listenAddress.isLoopback());
        m_api->setTls(m_options.tls);
        auto port = m_api->listenOn(m_options.listenAddress, m_options.listenPort);
        if (!port)
            return port.error();
    }
    if (!m_options.reportDir.isEmpty() && !QDir().mkpath(m_options.reportDir))
        return makeError(
            QStringLiteral("cannot create the report folder %1").arg(m_options.reportDir),
            QStringLiteral("report-dir"));
    refreshOverview();
    // Checking the modules and taking their events, alerts and notifications, pruning and the
    // report: with a store of its own the core does them; sharing one, one core at a time does
    // (ClusterDuty) and the others show what it sees (ClusterMirror).
    m_duty = new ClusterDuty(*m_db, QStringLiteral("modules"), this);
    connect(m_duty, &ClusterDuty::gained, this, &CoreService::takeDuties);
    connect(m_duty, &ClusterDuty::lost, this, [] {
        // Its session with the store ended: another core may be doing the duties already.
        qCCritical(lcService) << "the connection to the shared store broke; stopping so that "
                                 "the service manager starts this core again";
        QCoreApplication::exit(DutyLostExit);
    });
    if (m_db->isPostgres())
        m_mirror->follow();
    m_duty->start();
    if (!m_duty->held())
        qCInfo(lcService) << "another core checks the modules; this one shows what it sees";
    return Ok {};
}

bool CoreService::isSharedStore(const QString &path)
{
    return path.startsWith(QLatin1String("postgresql://"));
}

QString CoreService::databasePath(const CoreOptions &options)
{
    if (!options.storePath.isEmpty())
        return options.storePath;
    if (options.dataDir.isEmpty())
        return QStringLiteral(":memory:");
    return QDir(options.dataDir)
        .filePath((options.demo ? QStringLiteral("demo") : QStringLiteral("switchboard"))
                  + QStringLiteral(".db"));
}

Status CoreService::startEngine()
{
    const QString name = m_options.demo ? QStringLiteral("demo") : QStringLiteral("switchboard");
    if (Status prepared = DataFolder::prepare(m_options.dataDir); !prepared)
        return prepared;
    const QString path = databasePath(m_options);
    // A file of this machine's, or the shared store several cores use at once.
    const bool file = path != QLatin1String(":memory:") && !isSharedStore(path);
    const bool cleanStop = !file || DataFolder::stoppedCleanly(path);
    if (file) {
        auto lock = DataFolder::lock(path);
        if (!lock)
            return lock.error();
        m_lock = std::move(lock).value();
    }
    if (!m_options.dataDir.isEmpty() && file) {
        auto restored = DataFolder::restorePending(path, m_options.dataDir, name);
        if (!restored)
            return restored.error();
        m_restoredFrom = *restored;
        if (!m_restoredFrom.isEmpty())
            qCWarning(lcService).noquote() << "the database was restored from" << m_restoredFrom;
    }
    const bool powerSafe = m_config.durability != QLatin1String("process");
    if (!powerSafe)
        qCWarning(lcService) << "DURABILITY=process: a power loss can lose the last commits";
    m_db = std::make_unique<Database>();
    if (Status st = m_db->open(
            path, powerSafe ? Database::Durability::Power : Database::Durability::Process,
            cleanStop ? Database::Check::Skip : Database::Check::Full);
        !st) {
        const QString backup = m_options.dataDir.isEmpty()
            ? QString()
            : DataFolder::latestBackup(m_options.dataDir, name);
        if (st.error().kind != ErrorKind::Internal || backup.isEmpty())
            return st;
        return internalError(
            QStringLiteral("%1. The last good backup is %2: stop the core, copy it over %3 and "
                           "start again.")
                .arg(st.error().message, backup, path));
    }
    // Owner-only, whatever the umask: the database holds patient data.
    if (file) {
        for (const QString &f :
             {path, path + QStringLiteral("-wal"), path + QStringLiteral("-shm")})
            QFile::setPermissions(f, QFile::ReadOwner | QFile::WriteOwner);
    }
    // The shared store's backups are PostgreSQL's (pg_dump, or the server's own archiving).
    if (!m_options.dataDir.isEmpty() && file) {
        if (Status backed = DataFolder::backupDaily(*m_db, m_options.dataDir, name); !backed)
            qCWarning(lcService) << "no backup today:" << backed.error().message;
    }
    // Test hook: faults injected into the store (see FaultPlan); never set in production.
    if (const QString faults = qEnvironmentVariable("SWITCHBOARD_FAULTS"); !faults.isEmpty()) {
        auto plan = FaultPlan::parse(faults);
        if (!plan)
            return plan.error();
        qCWarning(lcService).noquote() << "fault injection is on:" << plan->toString();
        m_db->setFaults(*plan);
    }
    // The settings changed from the console, over the files' (those the files leave open).
    m_settings = std::make_unique<SettingsDesk>(*m_db, m_clock, m_config, m_options.configuredIn);
    m_settings->setDataFolder(m_options.dataDir, path, name);
    if (Status applied = m_settings->applyStored(); !applied)
        return applied;
    m_accessTokens = std::make_unique<AccessTokens>(*m_db, m_clock);
    if (Status tokens = m_accessTokens->load(); !tokens)
        return tokens;
    m_users = std::make_unique<UserAccounts>(*m_db, m_clock);
    m_expressions = std::make_unique<ExpressionEngine>();
    m_validator = std::make_unique<WorkflowValidator>(*m_expressions);
    m_validator->setMaxNodes(m_config.limits.maxNodes);
    m_workflows = std::make_unique<WorkflowStore>(*m_db, m_clock, *m_validator);
    m_workflows->setEnvironment(m_config.environment);
    m_keyFigures = new KeyFigures(
        *m_db, m_config, m_clock,
        [this] {
            int errors = 0;
            for (const ModuleSnapshot &s : modules())
                errors += s.errors24h;
            return errors;
        },
        this);
    m_report->setHistory(&m_keyFigures->history());
    m_moduleHistory = std::make_unique<ModuleHistory>(*m_db);
    if (Status counted = m_keyFigures->load(); !counted)
        return counted;
    m_modules = new CurlModuleClient(this);
    m_credentials = new ModuleCredentials(*m_secrets, this);
    for (const auto &[variable, why] : m_credentials->configure(m_config.modules, 10000))
        m_unstoredSecrets.append({variable, why});
    m_modules->setCredentials(m_credentials);
    const ResilienceSettings &r = m_config.resilience;
    m_resilient = new ResilientModuleClient(*m_modules, m_clock,
                                            RateLimitConfig {r.globalPerMinute, r.maxWaitMs}, this);
    for (const ModuleConfig &m : m_config.modules) {
        m_resilient->configure(
            m.id,
            ModulePolicy {CircuitBreakerConfig {m_config.circuitBreaker.threshold,
                                                m_config.circuitBreaker.timeoutMs, 1, 1},
                          BulkheadConfig {r.bulkheadConcurrent, r.bulkheadQueued},
                          RateLimitConfig {r.modulePerMinute, r.maxWaitMs}, m.fallback});
    }
    m_engine = new WorkflowEngine(*m_db, *m_workflows, *m_resilient, *m_expressions, m_clock, this);
    if (!m_config.tracing.otlpEndpoint.isEmpty())
        new EngineTracer(*m_engine, m_config.tracing, m_config.instanceId, m_engine);
    applyModuleAddresses();
    m_engine->setMaxHistoryEvents(m_config.limits.maxHistoryEvents);
    if (m_db->isPostgres()) {
        // Named for the logs and the leases: machine, process, and a random part for a
        // process number used again after a restart.
        m_coreName =
            QStringLiteral("%1:%2:%3")
                .arg(QSysInfo::machineHostName())
                .arg(QCoreApplication::applicationPid())
                .arg(QRandomGenerator::global()->generate() & 0xffff, 4, 16, QLatin1Char('0'));
        m_engine->shareStore(m_coreName, m_config.storeLeaseMs);
        m_db->onAnnounced([this](const QString &topic) { applyOtherCoresChange(topic); });
        qCInfo(lcService).noquote() << "sharing the store as" << m_coreName;
    }
    if (!m_config.timezone.isEmpty())
        m_engine->setTimeZone(QTimeZone(m_config.timezone.toUtf8()));
    m_audit = new AuditLog(*m_db, m_clock, *m_resilient, this);
    m_credentials->setAudit(m_audit);
    m_phi.setAudit(m_audit);
    m_settings->setAudit(m_audit);
    m_accessTokens->setAudit(m_audit);
    m_users->setAudit(m_audit);
    if (!m_restoredFrom.isEmpty()) {
        if (Status audited =
                m_audit->record(QStringLiteral("database.restored"), QStringLiteral("system"),
                                {{QStringLiteral("backup"), m_restoredFrom}});
            !audited)
            return audited;
    }
    if (const ModuleConfig *compliance = m_config.module(QStringLiteral("09_compliance"));
        compliance && compliance->enabled && !compliance->endpoint.isEmpty())
        m_audit->setCompliance(compliance->endpoint,
                               compliance->callTimeoutMs(m_config.health.timeoutMs));
    m_workflows->setAudit(m_audit);
    m_engine->setAudit(m_audit);
    m_review = new ReviewDesk(*m_engine, *m_db, *m_audit, m_clock, this);
    m_review->setNames(
        [users = m_users.get()](const QString &actor) { return users->displayNameOf(actor); });
    m_alertBook = new AlertBook(*m_db, m_clock, this);
    m_alertBook->setFlapDamping(m_config.flapChanges, m_config.flapWindowMs);
    m_alertBook->setAudit(m_audit);
    if (!m_config.timezone.isEmpty())
        m_alertBook->setTimeZone(QTimeZone(m_config.timezone.toUtf8()));
    if (Status loaded = m_alertBook->load(); !loaded)
        return loaded;
    connect(m_alertBook, &AlertBook::changed, this, &CoreService::alertsChanged);
    m_live = new LiveFeed(LiveFeed::DefaultKeep, this);
    LiveChanges::publish(*this, *m_live);
    connect(m_review, &ReviewDesk::tasksChanged, this, &CoreService::refreshOverviewSoon);
    connect(m_engine, &WorkflowEngine::historyAppended, this,
            [this](const QString &, const HistoryEvent &event) {
                if (event.type == QLatin1String("dead_lettered"))
                    refreshOverviewSoon();
            });
    if (m_options.templateDrafts && !m_options.demo && !m_options.templates)
        installTemplates(false);
    if (m_options.demo || m_options.templates) {
        installTemplates(true);
        if (m_demo) {
            if (Status seeded = m_demo->seed(*this, m_options.demoHistoryDays); !seeded)
                return seeded;
        }
    }
    for (const QString &path : std::as_const(m_options.workflowFiles)) {
        if (Status published = publishWorkflowFile(path); !published)
            return published;
    }
    if (Status resumed = m_engine->recover(); !resumed)
        return resumed;
    // The schedule triggers (07:00 report, 09:00 reminders, 23:00 cleanup) are armed on every
    // start, so a running core fires them without anyone publishing first.
    return m_engine->scheduleWorkflows();
}

Status CoreService::publishWorkflowFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read %1: %2").arg(path, file.errorString()),
                         QStringLiteral("--workflow"));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (!doc.isObject())
        return makeError(
            QStringLiteral("%1 is not a JSON workflow: %2").arg(path, parseError.errorString()),
            QStringLiteral("--workflow"));
    auto version = m_workflows->publishIfChanged(doc.object(), QStringLiteral("--workflow"),
                                                 QStringLiteral("configuration"));
    if (!version)
        return makeError(QStringLiteral("%1: %2").arg(path, version.error().toString()),
                         QStringLiteral("--workflow"));
    qCInfo(lcService).noquote() << "workflow" << doc.object().value(QLatin1String("id")).toString()
                                << "runs version" << *version << "from" << path;
    return Ok {};
}

void CoreService::installTemplates(bool publish)
{
    // The demo clinic runs the built-in templates, so every view has something to show.
    QDirIterator it(QStringLiteral(":/templates"), {QStringLiteral("*.json")});
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            continue;
        // In the language of the program that installs them (the console's, in the demo).
        const QJsonObject doc =
            TemplateTexts::translated(QJsonDocument::fromJson(file.readAll()).object());
        const QString id = doc.value(QLatin1String("id")).toString();
        if (m_workflows->version(id) || (!publish && m_workflows->draft(id)))
            continue;
        auto saved = m_workflows->saveDraft(doc);
        if (!saved || !saved->isEmpty()) {
            qCWarning(lcService) << "template" << id << "does not validate";
            continue;
        }
        if (!publish) {
            qCInfo(lcService) << "template" << id
                              << "saved as a draft, to publish from the builder";
            continue;
        }
        if (auto v = m_workflows->publish(id, QStringLiteral("built-in template"),
                                          QStringLiteral("switchboard"));
            !v)
            qCWarning(lcService) << "template" << id << "not published:" << v.error().message;
    }
}

Status CoreService::startDemoFleet()
{
    if (!m_options.demoClinic)
        return makeError(QStringLiteral("this program has no demo clinic"), QStringLiteral("demo"));
    m_demo = m_options.demoClinic(m_clock);
    auto base = m_demo->start(m_options.demoBasePort, m_options.demoEventRate);
    if (!base)
        return base.error();
    m_config.useSimulatedFleet(*base);
    // The demo is about watching things move: check often.
    m_config.health.intervalMs = qMin(m_config.health.intervalMs, 5000);
    m_config.health.timeoutMs = qMin(m_config.health.timeoutMs, 2000);
    m_config.health.retryDelayMs = qMin(m_config.health.retryDelayMs, 300);
    // Live demo traffic would exceed the specification's per-module default of 100/min.
    m_config.resilience.globalPerMinute = qMax(m_config.resilience.globalPerMinute, 60000);
    m_config.resilience.modulePerMinute = qMax(m_config.resilience.modulePerMinute, 6000);
    // The specification's example targets, so the key figures show how they stand.
    if (m_config.kpiThresholds.isEmpty())
        m_config.kpiThresholds = {{QStringLiteral("min_leads_24h"), 10},
                                  {QStringLiteral("min_lead_to_booking_rate"), 0.4},
                                  {QStringLiteral("min_nps"), 8.0}};
    qCInfo(lcService) << "demo clinic simulated on 127.0.0.1 ports" << *base << "to" << *base + 9;
    return Ok {};
}

bool CoreService::databaseAnswers() const
{
    if (!m_db)
        return false;
    auto one = m_db->exec(QStringLiteral("SELECT 1"));
    return one && one->next();
}

QString CoreService::reportHtml(bool translated) const
{
    return m_report->html(translated);
}

Result<QString> CoreService::writeReport(const QString &dir) const
{
    return m_report->write(dir);
}

void CoreService::publishDashboard(std::function<void(Result<QString>)> done)
{
    if (!m_config.publishing.toS3())
        return done(QString());
    // One upload a minute at most: a burst of alerts links the same report.
    if (m_report->linkFresh(60))
        return done(m_report->link());
    m_report->upload(std::move(done));
}

KpiHistory *CoreService::kpiHistory() const
{
    return m_keyFigures ? &m_keyFigures->history() : nullptr;
}

QJsonObject CoreService::kpis() const
{
    if (m_mirror && m_mirror->following())
        return m_mirror->figures();
    return m_keyFigures ? m_keyFigures->figures() : QJsonObject();
}

QList<ModuleSnapshot> CoreService::modules() const
{
    if (m_mirror && m_mirror->following())
        return m_mirror->modules();
    return m_monitor ? m_monitor->snapshots() : QList<ModuleSnapshot>();
}

void CoreService::startRetention()
{
    RetentionSettings kept = m_config.retention;
    // The demo clinic runs traffic all day: a week of it is plenty, and keeps its file small.
    if (m_options.demo)
        kept.executionDays = std::min(kept.executionDays, 7);
    m_retention = std::make_unique<Retention>(*m_db, kept);
    // A pass is a batch at a time, RetentionPauseMs apart, however much a day of full load has
    // left behind: requests are served between the batches.
    auto *slice = new QTimer(this);
    slice->setSingleShot(true);
    auto pruned = std::make_shared<QMap<QString, int>>();
    connect(slice, &QTimer::timeout, this, [this, slice, pruned] {
        QElapsedTimer took;
        took.start();
        auto batch = m_retention->pruneSome(m_clock.nowMs());
        if (!batch) {
            qCWarning(lcService) << "retention: the pass stopped:" << batch.error().message;
            pruned->clear();
            return;
        }
        for (auto it = batch->deleted.cbegin(); it != batch->deleted.cend(); ++it)
            (*pruned)[it.key()] += it.value();
        // The next batch after a pause at least as long as this one took (its commit and
        // what the log's sync of it held up): requests get at least half the time.
        if (batch->more)
            return slice->start(int(std::max<qint64>(RetentionPauseMs, 2 * took.elapsed())));
        for (auto it = pruned->cbegin(); it != pruned->cend(); ++it)
            qCInfo(lcService).noquote()
                << "retention: deleted" << it.value() << "rows of" << it.key();
        pruned->clear();
    });
    const auto startPass = [slice] {
        if (!slice->isActive())
            slice->start(RetentionPauseMs); // the last pass may have left a longer interval
    };
    auto *hourly = new QTimer(this);
    connect(hourly, &QTimer::timeout, this, startPass);
    hourly->start(3600 * 1000); // hourly, and once just after start
    QTimer::singleShot(30 * 1000, this, startPass);
}

Status CoreService::startNotifier()
{
    m_notifier = new Notifier(*m_db, *m_alertBook, *m_secrets, m_clock, this);
    m_notifier->setAudit(m_audit);
    if (Status loaded = m_notifier->load(); !loaded)
        return loaded;
    m_notifier->setContext(m_config.brandName, m_config.instanceId,
                           [this] { return toWire(m_overview.health); });
    m_notifier->setRetryPolicy(m_config.notifyAttempts, m_config.notifyRetryDelayMs);
    // With S3 publishing, the messages link a report that already shows what they announce.
    m_notifier->setDashboardUrl([this] { return m_report->link(); },
                                [this](std::function<void()> go) {
                                    // A slow or absent bucket delays no alert past 10 s.
                                    auto once = std::make_shared<std::function<void()>>(go);
                                    const auto release = [once] {
                                        if (auto next = std::exchange(*once, {}))
                                            next();
                                    };
                                    QTimer::singleShot(10000, this, release);
                                    publishDashboard(
                                        [release](const Result<QString> &) { release(); });
                                });
    connect(m_notifier, &Notifier::failingChanged, this, [this] { refreshOverview(); });
    connect(m_notifier, &Notifier::channelsChanged, this, &CoreService::alertsChanged);
    // Secrets from the configuration become channels; stored where secrets are kept, or used
    // from memory for this run with an alert that says so.
    ConfiguredChannels::adopt(*m_notifier, m_config,
                              [this](const QString &variable, const QString &why) {
                                  if (!why.isEmpty())
                                      m_unstoredSecrets.append({variable, why});
                                  refreshOverview();
                              });
    return Ok {};
}

Result<QJsonObject> CoreService::alertDetails(qint64 id) const
{
    auto alert = m_alertBook->alert(id);
    if (!alert)
        return alert;
    QJsonArray executions;
    const QString module = alert->value(QLatin1String("module")).toString();
    if (!module.isEmpty() && m_resilient) {
        // The Idempotency-Key of a call is "<execution>:<node>:<visit>"; audit entries have
        // no execution.
        QSet<QString> seen;
        const QList<RecentCall> recent = m_resilient->stats().value(module).recentCalls();
        for (auto it = recent.crbegin(); it != recent.crend(); ++it) {
            const QString execution = QString::fromLatin1(it->key.split(':').value(0));
            if (it->outcome == RecentCall::Outcome::Ok || execution.isEmpty()
                || execution == QLatin1String("audit") || seen.contains(execution))
                continue;
            seen.insert(execution);
            executions.append(execution);
        }
    }
    alert->insert(QStringLiteral("executions"), executions);
    // Who acted, by the name the console shows.
    QJsonArray history;
    for (const QJsonValue v : alert->value(QLatin1String("history")).toArray()) {
        QJsonObject entry = v.toObject();
        if (const QString actor = entry.value(QLatin1String("actor")).toString(); !actor.isEmpty())
            entry.insert(QStringLiteral("actor_name"), m_users->displayNameOf(actor));
        history.append(entry);
    }
    alert->insert(QStringLiteral("history"), history);
    return alert;
}

void CoreService::refreshOverviewSoon()
{
    if (std::exchange(m_overviewRefreshQueued, true))
        return;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_overviewRefreshQueued = false;
            refreshOverview();
        },
        Qt::QueuedConnection);
}

void CoreService::refreshOverview(bool newRound)
{
    SystemOverview next = m_overview;
    next.deadLetters = m_engine ? m_engine->deadLetters().pendingCount().valueOr(0) : 0;
    next.alerts = AlertRules::evaluate(m_config, modules(), next.deadLetters);
    next.kpis = kpis();
    next.kpiPreviousWeek =
        m_mirror && m_mirror->following() ? m_mirror->previousWeek() : m_keyFigures->previousWeek();
    if (m_workflows && m_workflows->generation() != m_dependenciesGeneration) {
        m_dependenciesGeneration = m_workflows->generation();
        next.dependencies = DependencyGraph::build(m_workflows->published());
    }
    next.kpiThresholds = {};
    for (auto it = m_config.kpiThresholds.begin(); it != m_config.kpiThresholds.end(); ++it)
        next.kpiThresholds.insert(it.key(), it.value());
    // Not before the first round of checks: until module 07 has been asked, the figures are
    // the core's own counts since it started.
    if (m_overview.lastCheck.isValid())
        next.alerts += KpiRules::evaluate(m_config.kpiThresholds, next.kpis);
    if (m_review) {
        next.reviewQueues = m_review->queues();
        next.alerts += AlertRules::reviewSla(m_review->overdueByQueue());
    }
    std::stable_sort(next.alerts.begin(), next.alerts.end(),
                     [](const StatusAlert &a, const StatusAlert &b) {
                         return int(a.severity) < int(b.severity);
                     });
    if (m_notifier)
        next.alerts += AlertRules::notificationFailures(m_notifier->failing());
    next.alerts += AlertRules::unstoredSecrets(m_unstoredSecrets);
    next.health = AlertRules::systemHealth(next.alerts);
    next.envOk = m_config.missingRequired().isEmpty();
    next.clinicName = m_config.brandName;
    next.environment = m_config.environment;
    const bool same = next.alerts == m_overview.alerts && next.health == m_overview.health
        && next.clinicName == m_overview.clinicName && next.envOk == m_overview.envOk
        && next.deadLetters == m_overview.deadLetters && next.kpis == m_overview.kpis
        && next.kpiPreviousWeek == m_overview.kpiPreviousWeek
        && next.dependencies == m_overview.dependencies
        && next.reviewQueues == m_overview.reviewQueues;
    m_overview = next;
    // After the overview, so what the channels are told carries the health of now.
    if (m_alertBook && !(m_mirror && m_mirror->following()))
        m_alertBook->observe(next.alerts, newRound, next.lastCheck.isValid());
    if (same)
        return;
    Q_EMIT overviewChanged(m_overview);
}

QJsonObject CoreService::statusDocument(const QString &controlAction, qint64 executionMs) const
{
    StatusDocument::Inputs in;
    in.config = &m_config;
    in.modules = modules();
    in.alerts = m_overview.alerts;
    in.timestamp = m_clock.now();
    in.traceId = StatusDocument::newTraceId(in.timestamp);
    in.executionMs = executionMs;
    in.controlAction = controlAction;
    in.kpis = kpis();
    in.dashboardUrl = m_report->link();
    QJsonObject doc = StatusDocument::build(in);
    if (m_resilient) {
        // The resilience layer's view of each module next to its health.
        QJsonObject modules = doc.value(QLatin1String("modules")).toObject();
        const auto stats = m_resilient->stats();
        for (auto it = modules.begin(); it != modules.end(); ++it) {
            QJsonObject m = it.value().toObject();
            m.insert(QStringLiteral("calls"), stats.value(it.key()).toJson());
            it.value() = m;
        }
        doc.insert(QStringLiteral("modules"), modules);
    }
    QJsonObject metadata = doc.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("dead_letters"),
                    m_engine ? m_engine->deadLetters().pendingCount().valueOr(0) : 0);
    if (!m_report->lastError().isEmpty())
        metadata.insert(QStringLiteral("dashboard_error"), m_report->lastError());
    doc.insert(QStringLiteral("metadata"), metadata);
    if (m_notifier)
        doc.insert(QStringLiteral("notifications"), m_notifier->summary());
    return doc;
}

void CoreService::applyModuleAddresses()
{
    QHash<QString, QUrl> endpoints;
    QHash<QString, int> timeouts;
    for (const ModuleConfig &m : m_config.modules) {
        if (m.enabled && !m.endpoint.isEmpty())
            endpoints.insert(m.id, m.endpoint);
        timeouts.insert(m.id, m.callTimeoutMs(m_config.health.timeoutMs));
    }
    m_engine->setEndpoints(endpoints);
    m_engine->setModuleTimeouts(timeouts);
}

Result<QJsonObject> CoreService::changeSettings(const QJsonObject &values, const QString &actor)
{
    auto changed = m_settings->change(values, actor);
    if (!changed)
        return changed.error();
    applySettings();
    return QJsonObject {
        {QStringLiteral("applied"), QJsonArray::fromStringList(changed->applied)},
        {QStringLiteral("at_restart"), QJsonArray::fromStringList(changed->atRestart)}};
}

void CoreService::applySettings()
{
    m_monitor->setConfig(m_config);
    applyModuleAddresses();
    m_notifier->setContext(m_config.brandName, m_config.instanceId,
                           [this] { return toWire(m_overview.health); });
    RetentionSettings kept = m_config.retention;
    if (m_options.demo)
        kept.executionDays = std::min(kept.executionDays, 7);
    m_retention = std::make_unique<Retention>(*m_db, kept);
    refreshOverview();
    Q_EMIT overviewChanged(m_overview);
}

quint16 CoreService::apiPort() const
{
    return m_api ? m_api->port() : 0;
}

Status CoreService::auditRefusal(const QString &what, const QString &role, const QString &actor,
                                 const QString &needed)
{
    if (!m_audit)
        return Ok {};
    return m_db->transaction([&] {
        return m_audit->record(QStringLiteral("access.refused"), actor,
                               {{QStringLiteral("what"), what},
                                {QStringLiteral("role"), role},
                                {QStringLiteral("needed"), needed}});
    });
}

} // namespace Switchboard
