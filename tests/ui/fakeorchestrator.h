#pragma once

#include "service/orchestrator.h"

#include <QHash>
#include <QJsonDocument>

// An Orchestrator the test drives by hand: it emits what it is told and records requests.
class FakeOrchestrator final : public Switchboard::Orchestrator
{
    Q_OBJECT

public:
    using Orchestrator::Orchestrator;

    void start() override { Q_EMIT ready(); }
    QString connectionLabel() const override { return QStringLiteral("Fake core"); }
    bool isDemo() const override { return false; }
    void checkNow() override { ++checks; }
    void checkModule(const QString &moduleId) override { checkedModules << moduleId; }
    void resetCircuitBreaker(const QString &moduleId) override { resetModules << moduleId; }
    void requestReport() override
    {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT reportReady(report); }, Qt::QueuedConnection);
    }

    void setModuleEnabled(const QString &moduleId, bool enabled) override
    {
        switchedModules << (moduleId + (enabled ? QStringLiteral(":on") : QStringLiteral(":off")));
    }
    bool canControlModules() const override { return mayControl; }
    void requestKpiHistory(const QString &name, int days) override
    {
        kpiRequests << QStringLiteral("%1/%2").arg(name).arg(days);
        QMetaObject::invokeMethod(
            this,
            [this, name, days] { Q_EMIT kpiHistoryReady(name, days, kpiSamples.value(name)); },
            Qt::QueuedConnection);
    }
    void requestModuleHistory(const QString &moduleId, int days) override
    {
        QMetaObject::invokeMethod(
            this,
            [this, moduleId, days] { Q_EMIT moduleHistoryReady(moduleId, days, moduleHistory); },
            Qt::QueuedConnection);
    }

    QString userName() const override { return QStringLiteral("ana"); }
    bool mayReadPhi() const override { return readPhi; }
    void requestTasks() override
    {
        ++taskRequests;
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT tasksChanged(tasks); }, Qt::QueuedConnection);
    }
    void claimTask(const QString &taskId) override
    {
        taskActions << QStringLiteral("claim:") + taskId;
    }
    void releaseTask(const QString &taskId) override
    {
        taskActions << QStringLiteral("release:") + taskId;
    }
    void decideTask(const QString &taskId, const QString &decision, const QJsonObject &fields,
                    const QString &comment) override
    {
        taskActions << QStringLiteral("decide:%1:%2").arg(taskId, decision);
        lastFields = fields;
        lastComment = comment;
    }
    void decideTasks(const QStringList &taskIds, const QString &decision) override
    {
        taskActions << QStringLiteral("bulk:%1:%2").arg(taskIds.join(QLatin1Char(',')), decision);
    }

    void requestWorkflows() override
    {
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT workflowsChanged(workflows); }, Qt::QueuedConnection);
    }
    void requestWorkflow(const QString &id) override
    {
        QMetaObject::invokeMethod(
            this,
            [this, id] {
                if (drafts.contains(id))
                    Q_EMIT workflowReady(id, drafts.value(id), {});
                else
                    Q_EMIT workflowFailed(id,
                                          QStringLiteral("no workflow has the id \"%1\"").arg(id));
            },
            Qt::QueuedConnection);
    }
    void saveWorkflow(const QJsonObject &document) override
    {
        const QString id = document.value(QLatin1String("id")).toString();
        drafts.insert(id, document);
        saved << id;
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT workflowSaved(id, saveIssues); }, Qt::QueuedConnection);
    }
    void requestVersion(const QString &id, int version) override
    {
        QMetaObject::invokeMethod(
            this,
            [this, id, version] {
                Q_EMIT versionReady(id, version,
                                    versions.value(QStringLiteral("%1@%2").arg(id).arg(version)));
            },
            Qt::QueuedConnection);
    }
    void testRun(const QJsonObject &document, const QJsonObject &input) override
    {
        testRuns << document.value(QLatin1String("id")).toString();
        testInput = input;
    }
    void requestExecution(const QString &executionId) override
    {
        QMetaObject::invokeMethod(
            this, [this, executionId] { Q_EMIT executionReady(executionId, execution); },
            Qt::QueuedConnection);
    }
    void requestExecutions(const Switchboard::ExecutionFilter &filter) override
    {
        executionRequests << QStringLiteral("%1:%2").arg(filter.status).arg(filter.limit);
        lastExecutionFilter = filter;
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT executionsChanged(executions, moreExecutions); },
            Qt::QueuedConnection);
    }
    void cancelExecution(const QString &executionId) override
    {
        executionActions << QStringLiteral("cancel:") + executionId;
    }
    void retryExecution(const QString &executionId) override
    {
        executionActions << QStringLiteral("retry:") + executionId;
    }
    void revealExecution(const QString &executionId) override
    {
        executionActions << QStringLiteral("reveal:") + executionId;
        QMetaObject::invokeMethod(
            this, [this, executionId] { Q_EMIT executionReady(executionId, revealed); },
            Qt::QueuedConnection);
    }
    void previewRerun(const QString &executionId, const QString &fromStep,
                      const std::optional<QJsonObject> &input) override
    {
        executionActions << QStringLiteral("preview:%1:%2").arg(executionId, fromStep);
        rerunInput = input;
        QMetaObject::invokeMethod(
            this, [this, executionId] { Q_EMIT rerunPreviewReady(executionId, rerunPreview); },
            Qt::QueuedConnection);
    }
    void rerunExecution(const QString &executionId, const QString &fromStep,
                        const std::optional<QJsonObject> &input) override
    {
        executionActions << QStringLiteral("rerun:%1:%2").arg(executionId, fromStep);
        rerunInput = input;
    }
    void requestJourney(const QString &key, const QString &value) override
    {
        journeyRequests << key + QLatin1Char('=') + value;
        QMetaObject::invokeMethod(
            this, [this, key, value] { Q_EMIT journeyReady(key, value, journey); },
            Qt::QueuedConnection);
    }
    void requestDeadLetters(const QString &status, bool reveal) override
    {
        deadLetterRequests << status + (reveal ? QStringLiteral(":reveal") : QString());
        QMetaObject::invokeMethod(
            this, [this, status] { Q_EMIT deadLettersChanged(status, deadLetters); },
            Qt::QueuedConnection);
    }
    void replayDeadLetters(const QStringList &ids) override
    {
        deadLetterActions << QStringLiteral("replay:") + ids.join(u',');
    }
    void replayDeadLetter(const QString &id, const QJsonObject &payload) override
    {
        deadLetterActions << QStringLiteral("edit:") + id;
        editedPayload = payload;
    }
    void discardDeadLetter(const QString &id, const QString &reason) override
    {
        deadLetterActions << QStringLiteral("discard:%1:%2").arg(id, reason);
    }
    QString traceUrlTemplate() const override { return traceTemplate; }
    void promoteWorkflow(const QString &id, int version, const QString &environment) override
    {
        promotions << QStringLiteral("%1@%2:%3").arg(id).arg(version).arg(environment);
        QMetaObject::invokeMethod(
            this,
            [this, id, version, environment] { Q_EMIT workflowPromoted(id, version, environment); },
            Qt::QueuedConnection);
    }
    void publishWorkflow(const QString &id, const QString &note) override
    {
        published << id + QLatin1Char(':') + note;
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT workflowPublished(id, int(published.size())); },
            Qt::QueuedConnection);
    }

    void requestAlerts() override
    {
        ++alertRequests;
        QMetaObject::invokeMethod(
            this, [this] { Q_EMIT alertsChanged(alertState); }, Qt::QueuedConnection);
    }
    void requestAlert(qint64 id) override
    {
        QMetaObject::invokeMethod(
            this, [this, id] { Q_EMIT alertReady(id, alertDetails.value(id)); },
            Qt::QueuedConnection);
    }
    void actOnAlerts(const QList<qint64> &ids, const QString &action, const QString &note,
                     int minutes) override
    {
        QStringList list;
        for (qint64 id : ids)
            list << QString::number(id);
        alertActions
            << QStringLiteral("%1:%2:%3:%4").arg(action, list.join(u','), note).arg(minutes);
    }
    void addSilence(const QJsonObject &definition) override { silencesAdded << definition; }
    void removeSilence(qint64 id) override { silencesRemoved << id; }
    void saveChannel(const QJsonObject &definition, const QString &secret) override
    {
        channelsSaved << definition;
        secrets << secret;
    }
    void removeChannel(const QString &id) override { channelsRemoved << id; }
    void testChannel(const QString &id) override { channelsTested << id; }
    void requestSettings() override { Q_EMIT settingsReady(settings); }
    void changeSettings(const QJsonObject &values) override
    {
        settingChanges.append(values);
        if (!refuseSetting.isEmpty())
            return Q_EMIT settingsRefused(refuseSetting, QStringLiteral("refused"));
        Q_EMIT settingsChanged(
            {{QStringLiteral("applied"), QJsonArray::fromStringList(values.keys())},
             {QStringLiteral("at_restart"), QJsonArray()}});
    }
    void backupNow() override { Q_EMIT backupMade(QStringLiteral("/data/backups/manual/x.db")); }
    void restoreBackup(const QString &path) override { restored << path; }
    void requestTokens() override { Q_EMIT tokensReady({}); }
    void issueToken(const QString &, const QString &) override { }
    void revokeToken(qint64) override { }
    // People: kept here as the core would, a name in use refused; what was asked is recorded.
    QJsonArray users;
    QStringList userRequests;
    void requestUsers() override { Q_EMIT usersReady(users); }
    void addUser(const QJsonObject &person, const QString &password) override
    {
        userRequests << QStringLiteral("add %1 %2").arg(person.value("name").toString(), password);
        for (const QJsonValue u : std::as_const(users)) {
            if (u["name"] == person.value("name"))
                return Q_EMIT usersRefused(QStringLiteral("there is already a user"));
        }
        QJsonObject user = person;
        user.insert("id", users.size() + 1);
        user.insert("disabled", false);
        user.insert("last_login_at", QJsonValue::Null);
        users.append(user);
        Q_EMIT userSaved(user);
        requestUsers();
    }
    void changeUser(qint64 id, const QJsonObject &changes) override
    {
        userRequests << QStringLiteral("change %1 %2")
                            .arg(id)
                            .arg(QString::fromUtf8(
                                QJsonDocument(changes).toJson(QJsonDocument::Compact)));
        QJsonObject user = users.at(id - 1).toObject();
        for (auto it = changes.begin(); it != changes.end(); ++it)
            user.insert(it.key(), it.value());
        users.replace(id - 1, user);
        Q_EMIT userSaved(user);
        requestUsers();
    }
    void resetPassword(qint64 id, const QString &password) override
    {
        userRequests << QStringLiteral("password %1 %2").arg(id).arg(password);
        Q_EMIT userSaved(users.at(id - 1).toObject());
        requestUsers();
    }
    // Credentials: a set one is described back, never its secret.
    QHash<QString, QJsonObject> credentials;
    void requestCredential(const QString &moduleId) override
    {
        Q_EMIT credentialReady(moduleId, credentials.value(moduleId, {{"set", false}}));
    }
    void setCredential(const QString &moduleId, const QString &kind, const QString &header,
                       const QString &secret) override
    {
        if (secret.isEmpty())
            return Q_EMIT credentialRefused(moduleId, QStringLiteral("secret: empty"));
        credentials.insert(moduleId, {{"set", true}, {"kind", kind}, {"header", header}});
        requestCredential(moduleId);
    }
    void removeCredential(const QString &moduleId) override
    {
        credentials.remove(moduleId);
        requestCredential(moduleId);
    }

    int checks = 0;
    int alertRequests = 0;
    QJsonObject alertState; // the answer to requestAlerts
    QHash<qint64, QJsonObject> alertDetails; // answers to requestAlert
    QStringList alertActions; // "ack:1,2:note:0"
    QList<QJsonObject> silencesAdded;
    QList<qint64> silencesRemoved;
    QList<QJsonObject> channelsSaved;
    QStringList secrets;
    QStringList channelsRemoved;
    QStringList channelsTested;
    QStringList checkedModules;
    QStringList resetModules;
    QStringList switchedModules; // "02_booking:off"
    QStringList kpiRequests; // "leads_24h/7"
    QJsonObject settings; // the answer to requestSettings
    QList<QJsonObject> settingChanges;
    QString refuseSetting; // changeSettings refuses this variable when set
    QStringList restored;
    QHash<QString, QJsonArray> kpiSamples; // answers to requestKpiHistory
    QJsonObject moduleHistory; // the answer to requestModuleHistory
    bool mayControl = true;
    bool readPhi = true;
    QJsonArray workflows; // the answer to requestWorkflows
    QHash<QString, QJsonObject> drafts; // by id; saveWorkflow stores here
    QJsonArray saveIssues; // what saveWorkflow answers
    QStringList saved; // ids saved
    QStringList published; // "id:note"
    QHash<QString, QJsonObject> versions; // "id@version" → document
    QStringList promotions; // "id@version:environment"
    QStringList testRuns; // ids of the documents test-run
    QJsonObject testInput;
    QJsonObject execution; // the answer to requestExecution
    QJsonArray executions; // the answer to requestExecutions
    bool moreExecutions = false; // and whether it says there are more
    Switchboard::ExecutionFilter lastExecutionFilter;
    QStringList executionRequests; // "status:limit"
    QStringList executionActions; // "cancel:ex_1", "retry:ex_1", "rerun:ex_1:book"
    QJsonObject revealed; // the answer to revealExecution
    QJsonObject rerunPreview; // the answer to previewRerun
    std::optional<QJsonObject> rerunInput;
    QStringList journeyRequests; // "patient_id=P-1"
    QJsonArray journey;
    QStringList deadLetterRequests; // "pending", "pending:reveal"
    QJsonArray deadLetters;
    QStringList deadLetterActions; // "replay:dl_1,dl_2", "edit:dl_1", "discard:dl_1:why"
    QJsonObject editedPayload;
    QString traceTemplate;
    int taskRequests = 0;
    QJsonArray tasks; // the answer to requestTasks
    QStringList taskActions; // "claim:tk_1", "decide:tk_1:approve", "bulk:tk_1,tk_2:approve"
    QJsonObject lastFields;
    QString lastComment;
    QString report = QStringLiteral("<html><body>Fake report</body></html>");
};
