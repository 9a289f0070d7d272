#pragma once

#include "common/clock.h"
#include "config/coreconfig.h"
#include "service/coreoptions.h"
#include "service/embeddedexecutions.h"
#include "service/orchestrator.h"

#include <QPointer>
#include <QSet>
#include <QThread>
#include <functional>

namespace Switchboard {

class CoreService;

// Runs a CoreService on a worker thread so that network, checks and rules never touch the
// GUI thread; its signals arrive queued on the caller's thread.
class EmbeddedOrchestrator final : public Orchestrator
{
    Q_OBJECT

public:
    EmbeddedOrchestrator(const CoreConfig &config, const CoreOptions &options,
                         QObject *parent = nullptr);
    ~EmbeddedOrchestrator() override;

    void start() override;
    QString connectionLabel() const override;
    bool isDemo() const override { return m_options.demo; }
    void checkNow() override;
    void checkModule(const QString &moduleId) override;
    void resetCircuitBreaker(const QString &moduleId) override;
    void requestReport() override;
    void setModuleEnabled(const QString &moduleId, bool enabled) override;
    void requestKpiHistory(const QString &name, int days) override;
    void requestModuleHistory(const QString &moduleId, int days) override;
    QString userName() const override;
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
    QString traceUrlTemplate() const override { return m_config.traceUrlTemplate; }
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

private:
    // Runs work on the core's thread with the service, if it is running.
    void onCore(std::function<void(CoreService &)> work);
    void pushTasks(CoreService &service);
    void pushWorkflows(CoreService &service);
    void pushAlerts(CoreService &service);
    void alertFailure(const QString &message);
    // userSaved and usersReady, or usersRefused; from any thread.
    void userAnswer(const Result<QJsonObject> &user);
    void report(const QString &taskId, const QString &action, const Status &result);

    SystemClock m_clock;
    CoreConfig m_config;
    CoreOptions m_options;
    QThread m_thread;
    QObject *m_context = nullptr; // lives on m_thread; owns the service
    // Called on the core's thread when a credential was stored or removed.
    void answerCredential(const QPointer<CoreService> &core, const QString &moduleId,
                          const Status &done);

    QPointer<CoreService> m_service;
    // Work asked for before the core was up, done in order once it is (at most MaxWaiting).
    QList<std::function<void(CoreService &)>> m_waiting;
    static constexpr qsizetype MaxWaiting = 1000;
    bool m_tasksConnected = false; // touched on the core's thread only
    bool m_runsConnected = false; // same
    bool m_alertsConnected = false; // same
    bool m_alertsPending = false; // a push is queued; core thread only
    EmbeddedExecutions m_executions;
    QSet<QString> m_watched; // test runs whose events go to the console; core thread only
};

} // namespace Switchboard
