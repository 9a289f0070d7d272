#include "remote/remoteorchestrator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QUrl>
#include <QUrlQuery>

// The remote console's executions, dead letters, alerts, settings, people and module
// credentials: each one route of the API.
namespace Switchboard {

namespace {

QString isoOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

// Executions.

void RemoteOrchestrator::requestExecution(const QString &executionId)
{
    get(QStringLiteral("/api/v1/executions/") + RemoteLink::encoded(executionId),
        [this, executionId](Result<QJsonObject> execution) {
            if (!execution)
                return Q_EMIT executionActionFailed(executionId, QStringLiteral("load"),
                                                    execution.error().message);
            Q_EMIT executionReady(executionId, *execution);
        });
}

void RemoteOrchestrator::revealExecution(const QString &executionId)
{
    get(QStringLiteral("/api/v1/executions/%1?reveal=true").arg(RemoteLink::encoded(executionId)),
        [this, executionId](Result<QJsonObject> execution) {
            if (!execution)
                return Q_EMIT executionActionFailed(executionId, QStringLiteral("reveal"),
                                                    execution.error().message);
            Q_EMIT executionReady(executionId, *execution);
        });
}

void RemoteOrchestrator::requestExecutions(const ExecutionFilter &filter)
{
    m_executionsWanted = true;
    m_filter = filter;
    fetchExecutions();
}

void RemoteOrchestrator::fetchExecutions()
{
    QUrlQuery query;
    const auto add = [&query](const char *key, const QString &value) {
        if (!value.isEmpty())
            query.addQueryItem(QLatin1String(key), value);
    };
    add("status", m_filter.status);
    add("workflow", m_filter.workflowId);
    add("origin", m_filter.origin);
    add("from", m_filter.fromMs > 0 ? isoOf(m_filter.fromMs) : QString());
    add("to", m_filter.toMs > 0 ? isoOf(m_filter.toMs) : QString());
    add("q", m_filter.search);
    add("cursor", m_filter.cursor);
    add("limit", QString::number(m_filter.limit));
    get(QStringLiteral("/api/v1/executions?") + query.toString(QUrl::FullyEncoded),
        [this](Result<QJsonObject> page) {
            if (!page)
                return; // the list on screen stays; the next change brings a fresh one
            Q_EMIT executionsChanged(page->value(QLatin1String("executions")).toArray(),
                                     !page->value(QLatin1String("next_cursor")).isNull());
        });
}

void RemoteOrchestrator::executionAnswer(const QString &executionId, const QString &action,
                                         const Result<QJsonObject> &r)
{
    if (!r)
        return Q_EMIT executionActionFailed(executionId, action, r.error().message);
    Q_EMIT executionActionDone(executionId, action,
                               r->value(QLatin1String("execution_id")).toString());
}

void RemoteOrchestrator::cancelExecution(const QString &executionId)
{
    call("POST",
         QStringLiteral("/api/v1/executions/%1/cancel").arg(RemoteLink::encoded(executionId)), {},
         [this, executionId](const Result<QJsonObject> &r) {
             executionAnswer(executionId, QStringLiteral("cancel"), r);
         });
}

void RemoteOrchestrator::retryExecution(const QString &executionId)
{
    call("POST",
         QStringLiteral("/api/v1/executions/%1/retry").arg(RemoteLink::encoded(executionId)), {},
         [this, executionId](const Result<QJsonObject> &r) {
             executionAnswer(executionId, QStringLiteral("retry"), r);
         });
}

void RemoteOrchestrator::previewRerun(const QString &executionId, const QString &fromStep,
                                      const std::optional<QJsonObject> &input)
{
    QJsonObject body {{QStringLiteral("from_step"), fromStep}};
    if (input)
        body.insert(QStringLiteral("input"), *input);
    call(
        "POST",
        QStringLiteral("/api/v1/executions/%1/rerun/preview").arg(RemoteLink::encoded(executionId)),
        body, [this, executionId](Result<QJsonObject> preview) {
            if (!preview)
                return Q_EMIT executionActionFailed(executionId, QStringLiteral("rerun"),
                                                    preview.error().message);
            Q_EMIT rerunPreviewReady(executionId, *preview);
        });
}

void RemoteOrchestrator::rerunExecution(const QString &executionId, const QString &fromStep,
                                        const std::optional<QJsonObject> &input)
{
    QJsonObject body {{QStringLiteral("from_step"), fromStep}};
    if (input)
        body.insert(QStringLiteral("input"), *input);
    call("POST",
         QStringLiteral("/api/v1/executions/%1/rerun").arg(RemoteLink::encoded(executionId)), body,
         [this, executionId](const Result<QJsonObject> &r) {
             executionAnswer(executionId, QStringLiteral("rerun"), r);
         });
}

void RemoteOrchestrator::requestJourney(const QString &key, const QString &value)
{
    get(QStringLiteral("/api/v1/journeys/%1/%2")
            .arg(RemoteLink::encoded(key), RemoteLink::encoded(value)),
        [this, key, value](Result<QJsonObject> journey) {
            Q_EMIT journeyReady(key, value,
                                journey ? journey->value(QLatin1String("executions")).toArray()
                                        : QJsonArray());
        });
}

// Dead letters.

void RemoteOrchestrator::requestDeadLetters(const QString &status, bool reveal)
{
    m_deadLettersWanted = true;
    m_deadLetterStatus = status;
    m_deadLettersRevealed = reveal;
    fetchDeadLetters();
}

void RemoteOrchestrator::fetchDeadLetters()
{
    QUrlQuery query;
    if (!m_deadLetterStatus.isEmpty())
        query.addQueryItem(QStringLiteral("status"), m_deadLetterStatus);
    if (m_deadLettersRevealed)
        query.addQueryItem(QStringLiteral("reveal"), QStringLiteral("true"));
    const QString status = m_deadLetterStatus;
    get(QStringLiteral("/api/v1/dlq?") + query.toString(QUrl::FullyEncoded),
        [this, status](Result<QJsonObject> letters) {
            if (letters)
                Q_EMIT deadLettersChanged(status,
                                          letters->value(QLatin1String("dead_letters")).toArray());
        });
}

void RemoteOrchestrator::deadLettersAnswer(const QString &action, const Result<QJsonObject> &r,
                                           const QString &id)
{
    QJsonArray results;
    if (!id.isEmpty()) {
        QJsonObject outcome {{QStringLiteral("id"), id},
                             {QStringLiteral("status"),
                              !r ? QStringLiteral("failed")
                                  : action == QLatin1String("discard")
                                  ? QStringLiteral("discarded")
                                  : QStringLiteral("replayed")}};
        if (!r)
            outcome.insert(QStringLiteral("error"), r.error().message);
        results.append(outcome);
    } else if (r) {
        results = r->value(QLatin1String("results")).toArray();
    }
    Q_EMIT deadLetterActionDone(action, results);
    fetchDeadLetters();
}

void RemoteOrchestrator::replayDeadLetters(const QStringList &ids)
{
    call("POST", QStringLiteral("/api/v1/dlq/replay"),
         {{QStringLiteral("ids"), QJsonArray::fromStringList(ids)}},
         [this, ids](const Result<QJsonObject> &r) {
             if (r)
                 return deadLettersAnswer(QStringLiteral("replay"), r);
             // Refused as a whole (offline, the role): each letter says so.
             QJsonArray results;
             for (const QString &id : ids)
                 results.append(QJsonObject {{QStringLiteral("id"), id},
                                             {QStringLiteral("status"), QStringLiteral("failed")},
                                             {QStringLiteral("error"), r.error().message}});
             Q_EMIT deadLetterActionDone(QStringLiteral("replay"), results);
         });
}

void RemoteOrchestrator::replayDeadLetter(const QString &id, const QJsonObject &payload)
{
    call("POST", QStringLiteral("/api/v1/dlq/%1/replay").arg(RemoteLink::encoded(id)),
         {{QStringLiteral("payload"), payload}}, [this, id](const Result<QJsonObject> &r) {
             deadLettersAnswer(QStringLiteral("replay"), r, id);
         });
}

void RemoteOrchestrator::discardDeadLetter(const QString &id, const QString &reason)
{
    call("POST", QStringLiteral("/api/v1/dlq/%1/discard").arg(RemoteLink::encoded(id)),
         {{QStringLiteral("reason"), reason}}, [this, id](const Result<QJsonObject> &r) {
             deadLettersAnswer(QStringLiteral("discard"), r, id);
         });
}

// Alerts.

void RemoteOrchestrator::requestAlerts()
{
    m_alertsWanted = true;
    fetchAlerts();
}

void RemoteOrchestrator::fetchAlerts()
{
    get(QStringLiteral("/api/v1/alerts?state=all"), [this](Result<QJsonObject> alerts) {
        if (!alerts)
            return;
        const QJsonObject book = *alerts;
        get(QStringLiteral("/api/v1/silences"), [this, book](Result<QJsonObject> silences) {
            const QJsonArray quiet =
                silences ? silences->value(QLatin1String("silences")).toArray() : QJsonArray();
            const auto send = [this, book, quiet](const QJsonArray &channels) {
                Q_EMIT alertsChanged(
                    {{QStringLiteral("alerts"), book.value(QLatin1String("alerts"))},
                     {QStringLiteral("paging"), book.value(QLatin1String("paging"))},
                     {QStringLiteral("silences"), quiet},
                     {QStringLiteral("channels"), channels}});
            };
            if (!canControlModules())
                return send({}); // the channels are for managers
            get(QStringLiteral("/api/v1/channels"), [send](Result<QJsonObject> channels) {
                send(channels ? channels->value(QLatin1String("channels")).toArray()
                              : QJsonArray());
            });
        });
    });
}

void RemoteOrchestrator::requestAlert(qint64 id)
{
    get(QStringLiteral("/api/v1/alerts/%1").arg(id), [this, id](Result<QJsonObject> alert) {
        if (!alert)
            return Q_EMIT alertActionFailed(alert.error().message);
        Q_EMIT alertReady(id, *alert);
    });
}

void RemoteOrchestrator::alertAnswer(const Result<QJsonObject> &r)
{
    if (!r)
        Q_EMIT alertActionFailed(r.error().toString());
}

void RemoteOrchestrator::actOnAlerts(const QList<qint64> &ids, const QString &action,
                                     const QString &note, int minutes)
{
    QJsonObject body {{QStringLiteral("note"), note}};
    if (action == QLatin1String("snooze"))
        body.insert(QStringLiteral("minutes"), minutes);
    for (qint64 id : ids)
        call("POST", QStringLiteral("/api/v1/alerts/%1/%2").arg(id).arg(action), body,
             [this](const Result<QJsonObject> &r) { alertAnswer(r); });
}

void RemoteOrchestrator::addSilence(const QJsonObject &definition)
{
    call("POST", QStringLiteral("/api/v1/silences"), definition,
         [this](const Result<QJsonObject> &r) { alertAnswer(r); });
}

void RemoteOrchestrator::removeSilence(qint64 id)
{
    call("DELETE", QStringLiteral("/api/v1/silences/%1").arg(id), {},
         [this](const Result<QJsonObject> &r) { alertAnswer(r); });
}

void RemoteOrchestrator::saveChannel(const QJsonObject &definition, const QString &secret)
{
    const QString id = definition.value(QLatin1String("id")).toString();
    QJsonObject body = definition;
    if (!secret.isEmpty())
        body.insert(QStringLiteral("secret"), secret);
    call("PUT", QStringLiteral("/api/v1/channels/") + RemoteLink::encoded(id), body,
         [this, id](const Result<QJsonObject> &r) {
             if (r)
                 Q_EMIT channelSaved(id);
             else
                 Q_EMIT channelFailed(id, r.error().toString());
         });
}

void RemoteOrchestrator::removeChannel(const QString &id)
{
    call("DELETE", QStringLiteral("/api/v1/channels/") + RemoteLink::encoded(id), {},
         [this, id](const Result<QJsonObject> &r) {
             if (!r)
                 Q_EMIT channelFailed(id, r.error().message);
         });
}

void RemoteOrchestrator::testChannel(const QString &id)
{
    call("POST", QStringLiteral("/api/v1/channels/%1/test").arg(RemoteLink::encoded(id)), {},
         [this, id](const Result<QJsonObject> &r) {
             Q_EMIT channelTested(id, r.ok(), r ? QString() : r.error().message);
         });
}

// Settings, people and module credentials.

void RemoteOrchestrator::settingsAnswer(const QString &field, const Result<QJsonObject> &r,
                                        const std::function<void(const QJsonObject &)> &then)
{
    if (!r)
        Q_EMIT settingsRefused(r.error().field.isEmpty() ? field : r.error().field,
                               r.error().message);
    else
        then(*r);
    requestSettings();
}

void RemoteOrchestrator::requestSettings()
{
    get(QStringLiteral("/api/v1/settings"), [this](Result<QJsonObject> settings) {
        if (settings)
            Q_EMIT settingsReady(*settings);
        else
            Q_EMIT settingsRefused(settings.error().field, settings.error().message);
    });
}

void RemoteOrchestrator::changeSettings(const QJsonObject &values)
{
    call("PUT", QStringLiteral("/api/v1/settings"), {{QStringLiteral("settings"), values}},
         [this](const Result<QJsonObject> &r) {
             settingsAnswer({}, r,
                            [this](const QJsonObject &result) { Q_EMIT settingsChanged(result); });
         });
}

void RemoteOrchestrator::backupNow()
{
    call("POST", QStringLiteral("/api/v1/backups"), {}, [this](const Result<QJsonObject> &r) {
        settingsAnswer(QStringLiteral("backup"), r, [this](const QJsonObject &made) {
            Q_EMIT backupMade(made.value(QLatin1String("path")).toString());
        });
    });
}

void RemoteOrchestrator::restoreBackup(const QString &path)
{
    call("POST", QStringLiteral("/api/v1/backups/restore"), {{QStringLiteral("backup"), path}},
         [this, path](const Result<QJsonObject> &r) {
             settingsAnswer(QStringLiteral("backup"), r,
                            [this, path](const QJsonObject &) { Q_EMIT restoreScheduled(path); });
         });
}

void RemoteOrchestrator::requestTokens()
{
    get(QStringLiteral("/api/v1/tokens"), [this](Result<QJsonObject> tokens) {
        if (tokens)
            Q_EMIT tokensReady(tokens->value(QLatin1String("tokens")).toArray());
        else
            Q_EMIT tokensRefused(tokens.error().message);
    });
}

void RemoteOrchestrator::issueToken(const QString &name, const QString &role)
{
    call("POST", QStringLiteral("/api/v1/tokens"),
         {{QStringLiteral("name"), name}, {QStringLiteral("role"), role}},
         [this](Result<QJsonObject> issued) {
             if (!issued)
                 return Q_EMIT tokensRefused(issued.error().message);
             Q_EMIT tokenIssued(*issued);
             requestTokens();
         });
}

void RemoteOrchestrator::revokeToken(qint64 id)
{
    call("DELETE", QStringLiteral("/api/v1/tokens/%1").arg(id), {},
         [this](const Result<QJsonObject> &r) {
             if (!r)
                 return Q_EMIT tokensRefused(r.error().message);
             requestTokens();
         });
}

void RemoteOrchestrator::requestUsers()
{
    get(QStringLiteral("/api/v1/users"), [this](Result<QJsonObject> users) {
        if (users)
            Q_EMIT usersReady(users->value(QLatin1String("users")).toArray());
        else
            Q_EMIT usersRefused(users.error().message);
    });
}

void RemoteOrchestrator::userAnswer(const Result<QJsonObject> &r)
{
    if (!r)
        return Q_EMIT usersRefused(r.error().message);
    Q_EMIT userSaved(*r);
    requestUsers();
}

void RemoteOrchestrator::addUser(const QJsonObject &person, const QString &password)
{
    QJsonObject body = person;
    body.insert(QStringLiteral("password"), password);
    call("POST", QStringLiteral("/api/v1/users"), body,
         [this](const Result<QJsonObject> &r) { userAnswer(r); });
}

void RemoteOrchestrator::changeUser(qint64 id, const QJsonObject &changes)
{
    call("PATCH", QStringLiteral("/api/v1/users/%1").arg(id), changes,
         [this](const Result<QJsonObject> &r) { userAnswer(r); });
}

void RemoteOrchestrator::resetPassword(qint64 id, const QString &password)
{
    call("POST", QStringLiteral("/api/v1/users/%1/password").arg(id),
         {{QStringLiteral("password"), password}}, [this, id](const Result<QJsonObject> &r) {
             // The route answers 204: the person is the one asked about.
             userAnswer(r ? Result<QJsonObject>(QJsonObject {{QStringLiteral("id"), id}}) : r);
         });
}

void RemoteOrchestrator::requestCredential(const QString &moduleId)
{
    get(QStringLiteral("/api/v1/modules/%1/credential").arg(RemoteLink::encoded(moduleId)),
        [this, moduleId](Result<QJsonObject> credential) {
            if (credential)
                Q_EMIT credentialReady(moduleId, *credential);
            else
                Q_EMIT credentialRefused(moduleId, credential.error().message);
        });
}

void RemoteOrchestrator::setCredential(const QString &moduleId, const QString &kind,
                                       const QString &header, const QString &secret)
{
    QJsonObject body {{QStringLiteral("kind"), kind}, {QStringLiteral("secret"), secret}};
    if (!header.isEmpty())
        body.insert(QStringLiteral("header"), header);
    call("PUT", QStringLiteral("/api/v1/modules/%1/credential").arg(RemoteLink::encoded(moduleId)),
         body, [this, moduleId](Result<QJsonObject> credential) {
             if (credential)
                 Q_EMIT credentialReady(moduleId, *credential);
             else
                 Q_EMIT credentialRefused(moduleId, credential.error().message);
         });
}

void RemoteOrchestrator::removeCredential(const QString &moduleId)
{
    call("DELETE",
         QStringLiteral("/api/v1/modules/%1/credential").arg(RemoteLink::encoded(moduleId)), {},
         [this, moduleId](const Result<QJsonObject> &r) {
             if (!r)
                 return Q_EMIT credentialRefused(moduleId, r.error().message);
             requestCredential(moduleId);
         });
}

} // namespace Switchboard
