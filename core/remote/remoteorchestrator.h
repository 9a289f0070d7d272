#pragma once

#include "engine/executionqueries.h"
#include "remote/remotelink.h"
#include "service/orchestrator.h"

#include <QHash>
#include <QSet>
#include <QTimer>

namespace Switchboard {

// The console against a core on another machine: every Orchestrator request is one of the
// HTTP API's routes (docs/api.md), every answer comes back as the same signal the embedded
// core sends, and the live feed (RemoteLink) keeps the picture current. While the link is down
// the console is told at once (linkChanged), what it shows is not refreshed, and anything that
// would change something is refused with the reason rather than queued.
//
// Who acts is the person logged in (or the service token's name), and the core checks every
// request against their role; the console only hides what the role cannot do.
class RemoteOrchestrator final : public Orchestrator
{
    Q_OBJECT

public:
    explicit RemoteOrchestrator(const QUrl &base, QObject *parent = nullptr);

    RemoteLink &link() { return m_link; }
    // A service token (SWITCHBOARD_TOKEN) instead of a person's log-in.
    void useToken(const QByteArray &token) { m_link.setToken(token); }
    // Logs in (POST /api/v1/login); loginFailed, or the console starts as start() would.
    void logIn(const QString &name, const QString &password);

    void start() override;
    QString connectionLabel() const override;
    bool isDemo() const override { return false; }
    QString role() const override { return m_role; }
    void checkNow() override;
    void checkModule(const QString &moduleId) override;
    void resetCircuitBreaker(const QString &moduleId) override;
    void requestReport() override;
    void setModuleEnabled(const QString &moduleId, bool enabled) override;
    bool canControlModules() const override;
    void requestKpiHistory(const QString &name, int days) override;
    void requestModuleHistory(const QString &moduleId, int days) override;
    QString userName() const override { return m_name; }
    bool mayReadPhi() const override;
    void requestTasks() override;
    void claimTask(const QString &taskId) override;
    void releaseTask(const QString &taskId) override;
    void decideTask(const QString &taskId, const QString &decision, const QJsonObject &fields,
                    const QString &comment) override;
    void decideTasks(const QStringList &taskIds, const QString &decision) override;
    void requestWorkflows() override;
    void requestWorkflow(const QString &id) override;
    void saveWorkflow(const QJsonObject &document) override;
    void publishWorkflow(const QString &id, const QString &note) override;
    void requestVersion(const QString &id, int version) override;
    void promoteWorkflow(const QString &id, int version, const QString &environment) override;
    void testRun(const QJsonObject &document, const QJsonObject &input) override;
    void requestExecution(const QString &executionId) override;
    void requestExecutions(const ExecutionFilter &filter) override;
    void cancelExecution(const QString &executionId) override;
    void retryExecution(const QString &executionId) override;
    void revealExecution(const QString &executionId) override;
    void previewRerun(const QString &executionId, const QString &fromStep,
                      const std::optional<QJsonObject> &input) override;
    void rerunExecution(const QString &executionId, const QString &fromStep,
                        const std::optional<QJsonObject> &input) override;
    void requestJourney(const QString &key, const QString &value) override;
    void requestDeadLetters(const QString &status, bool reveal) override;
    void replayDeadLetters(const QStringList &ids) override;
    void replayDeadLetter(const QString &id, const QJsonObject &payload) override;
    void discardDeadLetter(const QString &id, const QString &reason) override;
    void requestAlerts() override;
    void requestAlert(qint64 id) override;
    void actOnAlerts(const QList<qint64> &ids, const QString &action, const QString &note,
                     int minutes) override;
    void addSilence(const QJsonObject &definition) override;
    void removeSilence(qint64 id) override;
    void saveChannel(const QJsonObject &definition, const QString &secret) override;
    void removeChannel(const QString &id) override;
    void testChannel(const QString &id) override;
    void requestSettings() override;
    void changeSettings(const QJsonObject &values) override;
    void backupNow() override;
    void restoreBackup(const QString &path) override;
    void requestTokens() override;
    void issueToken(const QString &name, const QString &role) override;
    void revokeToken(qint64 id) override;
    void requestUsers() override;
    void addUser(const QJsonObject &person, const QString &password) override;
    void changeUser(qint64 id, const QJsonObject &changes) override;
    void resetPassword(qint64 id, const QString &password) override;
    void requestCredential(const QString &moduleId) override;
    void setCredential(const QString &moduleId, const QString &kind, const QString &header,
                       const QString &secret) override;
    void removeCredential(const QString &moduleId) override;

Q_SIGNALS:
    // No token yet, or the session ended: ask for a name and password (logIn).
    void loginNeeded(const QString &reason);
    void loginFailed(const QString &message);

private:
    using Done = RemoteLink::Done;
    void call(const QByteArray &method, const QString &path, const QJsonObject &body, Done done)
    {
        m_link.request(method, path, body, std::move(done));
    }
    void get(const QString &path, Done done) { call("GET", path, {}, std::move(done)); }
    // GET /api/v1/me, then the live feed, then the whole picture; ready() the first time.
    void begin();
    void loadPicture();
    void onChange(const QString &kind, const QJsonObject &data);
    void onLinkState(RemoteLink::State state);
    void reloadAll();
    void pushTasks();
    void fetchTasks();
    void applyTask(const QJsonObject &task);
    void fetchWorkflows();
    void fetchAlerts();
    void fetchExecutions();
    void fetchDeadLetters();
    void pollWatched();
    void taskAnswer(const QString &taskId, const QString &action, const Result<QJsonObject> &r);
    void executionAnswer(const QString &executionId, const QString &action,
                         const Result<QJsonObject> &r);
    void deadLettersAnswer(const QString &action, const Result<QJsonObject> &r,
                           const QString &id = {});
    void alertAnswer(const Result<QJsonObject> &r);
    void userAnswer(const Result<QJsonObject> &r);
    void settingsAnswer(const QString &field, const Result<QJsonObject> &r,
                        const std::function<void(const QJsonObject &)> &then);

    RemoteLink m_link;
    QString m_name; // who is logged in (their log-in name)
    QString m_displayName;
    QString m_role = QStringLiteral("viewer");
    bool m_started = false; // ready() was sent
    // What the console asked to be kept current, reloaded after a reconnect that lost changes.
    bool m_tasksWanted = false;
    bool m_workflowsWanted = false;
    bool m_alertsWanted = false;
    bool m_executionsWanted = false;
    bool m_deadLettersWanted = false;
    QHash<QString, QJsonObject> m_tasks; // the open tasks by id, as the feed last told
    bool m_tasksLoading = false; // GET /api/v1/tasks is on its way
    QList<QJsonObject> m_tasksMeanwhile; // task changes that came while it was
    ExecutionFilter m_filter;
    QString m_deadLetterStatus;
    bool m_deadLettersRevealed = false;
    QTimer m_executionsSoon; // a burst of execution changes: one list
    QTimer m_alertsSoon;
    // Test runs being watched: the history events already passed on, by execution.
    QHash<QString, int> m_watched;
    QTimer m_watchTimer;
};

} // namespace Switchboard
