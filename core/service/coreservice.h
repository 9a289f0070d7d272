#pragma once

#include "alerts/alertrules.h"
#include "audit/phiaccess.h"
#include "common/clock.h"
#include "common/result.h"
#include "config/coreconfig.h"
#include "health/modulesnapshot.h"
#include "service/coreoptions.h"
#include "status/systemoverview.h"

#include <QJsonObject>
#include <QObject>
#include <functional>
#include <memory>

class QLockFile;
class QTimer;

namespace Switchboard {

class AlertBook;
class ClusterDuty;
class ClusterMirror;
class LiveFeed;
class ApiServer;
class Notifier;
class AuditLog;
class ReviewDesk;
class CurlModuleClient;
class Database;
class KeyFigures;
class KpiHistory;
class ModuleHistory;
class ExpressionEngine;
class HealthMonitor;
class ResilientModuleClient;
class DemoClinic;
class ReportPublisher;
class Retention;
class SecretStore;
class ModuleCredentials;
class WorkflowEngine;
class SettingsDesk;
class AccessTokens;
class UserAccounts;
class WorkflowStore;
class WorkflowValidator;

// The core, assembled: health monitoring, alerts, the status document, the optional demo
// fleet and the optional HTTP API. Lives on one thread; everything reaches it through signals
// or queued calls.
class CoreService final : public QObject
{
    Q_OBJECT

public:
    CoreService(const CoreConfig &config, const Clock &clock, const CoreOptions &options,
                QObject *parent = nullptr);
    ~CoreService() override;

    Status start();
    // The database the options point at: --store, or <data>/switchboard.db (demo.db for the
    // demo clinic), or memory when there is no data folder.
    static QString databasePath(const CoreOptions &options);
    // A postgresql:// address: a store several cores share.
    static bool isSharedStore(const QString &path);
    // This core's name in a shared store's leases (empty with a store of its own).
    QString coreName() const { return m_coreName; }

    const CoreConfig &config() const { return m_config; }
    // Patient data in executions and dead letters: masked, or revealed and audited.
    PhiAccess &phi() { return m_phi; }
    QList<ModuleSnapshot> modules() const;
    // The clinic's KPIs as the status document carries them, with "source": "07_analytics" or
    // "core_events" (module 07 not answering: the figures the core counted itself).
    QJsonObject kpis() const;
    SystemOverview overview() const { return m_overview; }
    QJsonObject statusDocument(const QString &controlAction, qint64 executionMs) const;

    // Runs a round of health checks now and calls done when every module has answered.
    void runChecks(std::function<void()> done);
    void checkModule(const QString &moduleId);
    Status resetCircuitBreaker(const QString &moduleId, const QString &actor);
    // Switches a module on or off (health checks, status and alerts follow); kept in the
    // database over the configuration.
    Status setModuleEnabled(const QString &moduleId, bool enabled, const QString &actor);
    // One module's stored hourly samples of the last `days` days, its call counts and its
    // recent calls: {module, days, samples, calls, recent_calls}.
    Result<QJsonObject> moduleHistory(const QString &moduleId, int days) const;
    // The dashboard report of now (in the program's language when translated, else in English),
    // and the same written into dir (ReportPublisher).
    QString reportHtml(bool translated = false) const;
    Result<QString> writeReport(const QString &dir) const;
    // Uploads the report when DASHBOARD_STORAGE=s3 and answers with its link; without S3,
    // answers at once with an empty link.
    void publishDashboard(std::function<void(Result<QString>)> done);

    // The settings that can be changed, the data folder and its backups.
    SettingsDesk *settings() const { return m_settings.get(); }
    // The API tokens issued from the console or the API.
    AccessTokens *accessTokens() const { return m_accessTokens.get(); }
    UserAccounts *users() const { return m_users.get(); }
    // Every change a console shows, numbered, for GET /api/v1/live (LiveChanges).
    LiveFeed *live() const { return m_live; }
    // The HTTP API, while it listens (null before start or without --listen).
    ApiServer *api() const { return m_api; }
    // Audits a request or console action that the role may not make ("access.refused").
    Status auditRefusal(const QString &what, const QString &role, const QString &actor,
                        const QString &needed);
    // Changes settings (SettingsDesk::change) and applies at once those that can be:
    // {applied: [...], at_restart: [...]}.
    Result<QJsonObject> changeSettings(const QJsonObject &values, const QString &actor);

    // Re-evaluates the alerts (after something other than a health check changed).
    void refreshAlerts() { refreshOverview(); }
    // One alert of the book with what the console links to: the executions whose calls to its
    // module failed lately ("executions").
    Result<QJsonObject> alertDetails(qint64 id) const;

    quint16 apiPort() const;
    QString adminTokenPath() const { return m_adminTokenPath; }
    bool createdAdminToken() const { return m_createdAdminToken; }
    // The demo clinic's fleet; null unless the core runs the demo.
    DemoClinic *demo() const { return m_demo.get(); }
    ModuleHistory *moduleHistory() const { return m_moduleHistory.get(); }
    HealthMonitor *monitor() const { return m_monitor; }
    WorkflowEngine *engine() const { return m_engine; }
    ReviewDesk *review() const { return m_review; }
    ModuleCredentials *credentials() const { return m_credentials; }
    AlertBook *alerts() const { return m_alertBook; }
    Notifier *notifier() const { return m_notifier; }
    AuditLog *audit() const { return m_audit; }
    KpiHistory *kpiHistory() const;
    const Clock &clock() const { return m_clock; }
    // When start() was called; invalid before.
    QDateTime startedAt() const { return m_startedAt; }
    // Whether the database answers a query now.
    bool databaseAnswers() const;
    WorkflowStore *workflows() const { return m_workflows.get(); }
    const WorkflowValidator *validator() const { return m_validator.get(); }
    ExpressionEngine *expressions() const { return m_expressions.get(); }
    SecretStore *secrets() const { return m_secrets; }
    ResilientModuleClient *moduleCalls() const { return m_resilient; }

Q_SIGNALS:
    void moduleChanged(const Switchboard::ModuleSnapshot &snapshot);
    void overviewChanged(const Switchboard::SystemOverview &overview);
    // A round of health checks and the KPI aggregation after it are done.
    void checksFinished(quint64 round);
    // The alert book, its silences or a channel changed.
    void alertsChanged();

private:
    Status startDemoFleet();
    Status startEngine();
    // The built-in templates, published (the demo) or saved as drafts for a person to publish.
    void installTemplates(bool publish);
    Status applyModuleSettings();
    // newRound: a round of checks just ended, so the alert book counts repeats.
    void refreshOverview(bool newRound = false);
    // The same once the event loop's turn is over: a burst of task changes costs one refresh.
    void refreshOverviewSoon();
    Status startNotifier();
    // --workflow: publishes the file's workflow unless its latest version is the same.
    Status publishWorkflowFile(const QString &path);
    // Prunes finished work past RETENTION_DAYS_* soon after start and every hour.
    void startRetention();
    // The jobs one core of those sharing a store does (ClusterDuty), taken up.
    void takeDuties();
    // Another core sharing the store changed something this one keeps in memory (topics:
    // workflows, settings, modules, alerts).
    void applyOtherCoresChange(const QString &topic);
    // After settings changed: the parts that read them at start take them again.
    void applySettings();
    // The modules' addresses and call timeouts, to the engine.
    void applyModuleAddresses();

    CoreConfig m_config;
    const Clock &m_clock;
    PhiAccess m_phi;
    bool m_overviewRefreshQueued = false;
    // The exit status when the shared store's session ended under this core (EX_TEMPFAIL): the
    // service manager starts it again.
    static constexpr int DutyLostExit = 75;
    static constexpr int RetentionPauseMs = 20; // between two batches of a retention pass
    CoreOptions m_options;
    std::unique_ptr<DemoClinic> m_demo;
    HealthMonitor *m_monitor = nullptr;
    ClusterDuty *m_duty = nullptr;
    ClusterMirror *m_mirror = nullptr;
    ReportPublisher *m_report = nullptr;
    ModuleCredentials *m_credentials = nullptr;
    ApiServer *m_api = nullptr;
    std::unique_ptr<QLockFile> m_lock; // the data folder, held while this core runs
    std::unique_ptr<Database> m_db;
    QDateTime m_startedAt;
    std::unique_ptr<ExpressionEngine> m_expressions;
    std::unique_ptr<WorkflowValidator> m_validator;
    std::unique_ptr<WorkflowStore> m_workflows;
    std::unique_ptr<ModuleHistory> m_moduleHistory;
    std::unique_ptr<Retention> m_retention;
    std::unique_ptr<SettingsDesk> m_settings;
    std::unique_ptr<AccessTokens> m_accessTokens;
    std::unique_ptr<UserAccounts> m_users;
    QString m_coreName;
    QString m_restoredFrom; // the backup restored at this start, if one was
    KeyFigures *m_keyFigures = nullptr;
    quint64 m_dependenciesGeneration = ~quint64(0); // of the workflows the graph was built from
    CurlModuleClient *m_modules = nullptr;
    ResilientModuleClient *m_resilient = nullptr;
    WorkflowEngine *m_engine = nullptr;
    LiveFeed *m_live = nullptr;
    AuditLog *m_audit = nullptr;
    QList<AlertRules::UnstoredSecret> m_unstoredSecrets;
    ReviewDesk *m_review = nullptr;
    AlertBook *m_alertBook = nullptr;
    Notifier *m_notifier = nullptr;
    SecretStore *m_secrets = nullptr;
    SystemOverview m_overview;
    QString m_adminTokenPath;
    bool m_createdAdminToken = false;
};

} // namespace Switchboard
