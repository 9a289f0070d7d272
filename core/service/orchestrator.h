#pragma once

#include "engine/executionqueries.h"
#include "health/modulesnapshot.h"
#include "status/systemoverview.h"

#include <QJsonArray>
#include <QObject>
#include <optional>

namespace Switchboard {

// What the console needs from a core, wherever it runs: the embedded implementation runs one
// in-process on its own thread; a remote one speaks HTTP + WebSocket; tests use fakes.
class Orchestrator : public QObject
{
    Q_OBJECT

public:
    using QObject::QObject;

    // Starts the core (or the connection); ready() or failed() follows.
    virtual void start() = 0;
    // "Embedded core" or the remote URL, for the status bar.
    virtual QString connectionLabel() const = 0;
    // Whether the demo clinic (a simulated fleet) is what is being watched.
    virtual bool isDemo() const = 0;
    // The role of whoever acts from this console ("viewer", "support", "manager", "admin"):
    // the console hides what the role may not do; the core refuses it either way.
    virtual QString role() const { return QStringLiteral("admin"); }

    virtual void checkNow() = 0;
    virtual void checkModule(const QString &moduleId) = 0;
    virtual void resetCircuitBreaker(const QString &moduleId) = 0;
    // Builds the dashboard report (see DashboardReport); reportReady() follows. Asked before
    // the core is up, it waits for the core, as every request does.
    virtual void requestReport() = 0;
    // Switches a module on or off; overviewChanged and moduleChanged follow.
    virtual void setModuleEnabled(const QString &moduleId, bool enabled) = 0;
    // Whether this console may check, reset, enable and disable modules (the embedded core:
    // always; a remote core: the token's role).
    virtual bool canControlModules() const { return true; }
    // Stored hourly samples of the last `days` days; the matching *Ready signal follows, with
    // an empty list when there are none or the request is bad.
    virtual void requestKpiHistory(const QString &name, int days) = 0;
    virtual void requestModuleHistory(const QString &moduleId, int days) = 0;

    // Manual review. Who acts from this console (claims, decisions, the audit log) and whether
    // it may read fields marked as patient data.
    virtual QString userName() const = 0;
    virtual bool mayReadPhi() const { return true; }
    // The open review tasks; tasksChanged follows, and again whenever they change.
    virtual void requestTasks() = 0;
    virtual void claimTask(const QString &taskId) = 0;
    virtual void releaseTask(const QString &taskId) = 0;
    virtual void decideTask(const QString &taskId, const QString &decision,
                            const QJsonObject &fields, const QString &comment) = 0;
    virtual void decideTasks(const QStringList &taskIds, const QString &decision) = 0;

    // Workflows. requestWorkflows: workflowsChanged follows. requestWorkflow: workflowReady with
    // its draft and its versions. saveWorkflow: workflowSaved with the validator's issues (none:
    // saved). publishWorkflow: workflowPublished, or workflowFailed with the reason.
    virtual void requestWorkflows() = 0;
    virtual void requestWorkflow(const QString &id) = 0;
    virtual void saveWorkflow(const QJsonObject &document) = 0;
    virtual void publishWorkflow(const QString &id, const QString &note) = 0;
    // One published version's document: versionReady follows, or workflowFailed.
    virtual void requestVersion(const QString &id, int version) = 0;
    // Makes a version run in dev, staging or production (in that order): workflowPromoted, or
    // workflowFailed with the reason. Each version in workflowReady lists its "environments".
    virtual void promoteWorkflow(const QString &id, int version, const QString &environment) = 0;
    // Runs the workflow being edited, as it is, with sample input: it is published under
    // "test-run-<id>" (disabled, so only this start runs it). testRunStarted follows, then
    // executionEvent for each step of the run and executionReady when asked for the details.
    virtual void testRun(const QJsonObject &document, const QJsonObject &input) = 0;
    virtual void requestExecution(const QString &executionId) = 0;
    // The most recent executions the filter takes, newest first (its first `limit`):
    // executionsChanged follows, and again whenever an execution starts or changes status.
    virtual void requestExecutions(const ExecutionFilter &filter) = 0;
    // Cancel or retry (a new execution of the same version with the same input):
    // executionActionDone (with the new execution's id for a retry) or executionActionFailed.
    virtual void cancelExecution(const QString &executionId) = 0;
    virtual void retryExecution(const QString &executionId) = 0;

    // Repair. revealExecution: executionReady with patient data shown (recorded in the audit
    // log as a reveal; refused when mayReadPhi() is false). Everything else about executions and
    // dead letters comes with patient data masked.
    virtual void revealExecution(const QString &executionId) = 0;
    // Re-run from a step, with the edited input or (nullopt) the original's: previewRerun lists
    // what it would call (rerunPreviewReady); rerunExecution starts it (executionActionDone
    // "rerun" with the new id, or executionActionFailed).
    virtual void previewRerun(const QString &executionId, const QString &fromStep,
                              const std::optional<QJsonObject> &input) = 0;
    virtual void rerunExecution(const QString &executionId, const QString &fromStep,
                                const std::optional<QJsonObject> &input) = 0;
    // Every execution with this business key, across workflows: journeyReady.
    virtual void requestJourney(const QString &key, const QString &value) = 0;
    // The dead letters with this status (empty: all), newest first: deadLettersChanged, with
    // patient data shown when reveal (audited) and masked otherwise.
    virtual void requestDeadLetters(const QString &status, bool reveal) = 0;
    // Sends letters again as they are, or one with an edited payload; discards one with a
    // reason. deadLetterActionDone follows with an outcome per letter, then deadLettersChanged.
    virtual void replayDeadLetters(const QStringList &ids) = 0;
    virtual void replayDeadLetter(const QString &id, const QJsonObject &payload) = 0;
    virtual void discardDeadLetter(const QString &id, const QString &reason) = 0;
    // TRACE_URL_TEMPLATE ("…{trace_id}…"), empty when unset: where a trace id links to.
    virtual QString traceUrlTemplate() const { return {}; }

    // Alerts. requestAlerts: alertsChanged follows, and again whenever an alert, a silence or
    // a channel changes. requestAlert: alertReady with its history, deliveries and executions.
    virtual void requestAlerts() = 0;
    virtual void requestAlert(qint64 id) = 0;
    // action: "ack", "resolve" or "snooze" (for minutes), with a note, on each alert; refusals
    // come back as alertActionFailed.
    virtual void actOnAlerts(const QList<qint64> &ids, const QString &action, const QString &note,
                             int minutes) = 0;
    // Silence::fromJson's definition; alertActionFailed names a bad field.
    virtual void addSilence(const QJsonObject &definition) = 0;
    virtual void removeSilence(qint64 id) = 0;
    // ChannelConfig's JSON and its secret (empty: keep the stored one): channelSaved or
    // channelFailed. testChannel: channelTested.
    virtual void saveChannel(const QJsonObject &definition, const QString &secret) = 0;
    virtual void removeChannel(const QString &id) = 0;
    virtual void testChannel(const QString &id) = 0;

    // Settings (SettingsDesk). requestSettings: settingsReady with {settings, data}.
    // changeSettings ({"ERROR_THRESHOLD": "7"}): settingsChanged with {applied, at_restart}, then
    // settingsReady; or settingsRefused naming the variable. backupNow: backupMade with its path.
    // restoreBackup: restoreScheduled. Refusals of either come as settingsRefused("backup", …).
    virtual void requestSettings() = 0;
    virtual void changeSettings(const QJsonObject &values) = 0;
    virtual void backupNow() = 0;
    virtual void restoreBackup(const QString &path) = 0;
    // People and access (AccessTokens). requestTokens: tokensReady with the list. issueToken
    // (name, role "viewer" … "admin"): tokenIssued with the token, shown this once, then
    // tokensReady. revokeToken: tokensReady. A refusal of either: tokensRefused.
    virtual void requestTokens() = 0;
    virtual void issueToken(const QString &name, const QString &role) = 0;
    virtual void revokeToken(qint64 id) = 0;
    // The people who log in (UserAccounts). requestUsers: usersReady. addUser ({name,
    // display_name, role, queues} and the password), changeUser (any of display_name, role,
    // queues, disabled) and resetPassword: userSaved with the person, then usersReady; a
    // refusal (a name in use, the last admin, a weak password): usersRefused.
    virtual void requestUsers() = 0;
    virtual void addUser(const QJsonObject &person, const QString &password) = 0;
    virtual void changeUser(qint64 id, const QJsonObject &changes) = 0;
    virtual void resetPassword(qint64 id, const QString &password) = 0;
    // The core's credential for a module (ModuleCredentials), never its secret.
    // requestCredential: credentialReady with {"set", "kind", "header"}. setCredential (kind
    // "api_key" with its header, or "bearer") and removeCredential: credentialReady, or
    // credentialRefused naming why.
    virtual void requestCredential(const QString &moduleId) = 0;
    virtual void setCredential(const QString &moduleId, const QString &kind, const QString &header,
                               const QString &secret) = 0;
    virtual void removeCredential(const QString &moduleId) = 0;

Q_SIGNALS:
    void ready();
    void failed(const QString &message);
    // The link to a remote core went down (live false: what is shown may be out of date) or
    // came back; text says which, for the status bar.
    void linkChanged(bool live, const QString &text);
    void moduleChanged(const Switchboard::ModuleSnapshot &snapshot);
    void overviewChanged(const Switchboard::SystemOverview &overview);
    void reportReady(const QString &html);
    // [{ts, value}] of one key figure.
    void kpiHistoryReady(const QString &name, int days, const QJsonArray &samples);
    // CoreService::moduleHistory of one module; empty when it could not be read.
    void moduleHistoryReady(const QString &moduleId, int days, const QJsonObject &history);
    // The open review tasks (ReviewDesk::openTasks), masked when mayReadPhi() is false.
    void tasksChanged(const QJsonArray &tasks);
    // action: "claim", "release", "decide"; a refusal names the reason.
    void taskActionDone(const QString &taskId, const QString &action);
    void taskActionFailed(const QString &taskId, const QString &action, const QString &message);
    // [{id, name, enabled, latest_version}]
    void workflowsChanged(const QJsonArray &workflows);
    void workflowReady(const QString &id, const QJsonObject &draft, const QJsonArray &versions);
    // issues: [{node, field, message}]; empty when the draft was saved.
    void workflowSaved(const QString &id, const QJsonArray &issues);
    void workflowPublished(const QString &id, int version);
    void versionReady(const QString &id, int version, const QJsonObject &document);
    void workflowPromoted(const QString &id, int version, const QString &environment);
    void testRunStarted(const QString &workflowId, const QString &executionId);
    // One entry of a watched execution's history ({type, node, attempt, data}), and its status.
    void executionEvent(const QString &executionId, const QJsonObject &event);
    void executionStatus(const QString &executionId, const QString &status);
    // The execution with its steps (input, output, attempts, error) and history.
    void executionReady(const QString &executionId, const QJsonObject &execution);
    // more: the filter takes more executions than the list's limit.
    void executionsChanged(const QJsonArray &executions, bool more);
    void executionActionDone(const QString &executionId, const QString &action,
                             const QString &newExecutionId);
    void executionActionFailed(const QString &executionId, const QString &action,
                               const QString &message);
    // Reruns::preview: {calls, sent_again, suppressed, outside_world}.
    void rerunPreviewReady(const QString &executionId, const QJsonObject &preview);
    void journeyReady(const QString &key, const QString &value, const QJsonArray &executions);
    void deadLettersChanged(const QString &status, const QJsonArray &letters);
    // action: "replay" or "discard"; results: [{id, status (replayed, discarded, failed),
    // error}].
    void deadLetterActionDone(const QString &action, const QJsonArray &results);
    void workflowFailed(const QString &id, const QString &message);
    // {alerts (open, then the latest resolved), paging, silences, channels}.
    void alertsChanged(const QJsonObject &state);
    void alertReady(qint64 id, const QJsonObject &alert);
    void alertActionFailed(const QString &message);
    void channelSaved(const QString &id);
    void channelFailed(const QString &id, const QString &message);
    void channelTested(const QString &id, bool ok, const QString &message);
    void settingsReady(const QJsonObject &settings);
    void settingsChanged(const QJsonObject &result);
    void settingsRefused(const QString &field, const QString &message);
    void backupMade(const QString &path);
    void restoreScheduled(const QString &path);
    void tokensReady(const QJsonArray &tokens);
    void tokenIssued(const QJsonObject &token);
    void tokensRefused(const QString &message);
    void usersReady(const QJsonArray &users);
    void userSaved(const QJsonObject &user);
    void usersRefused(const QString &message);
    void credentialReady(const QString &moduleId, const QJsonObject &credential);
    void credentialRefused(const QString &moduleId, const QString &message);
};

} // namespace Switchboard
