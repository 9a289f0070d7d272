#include "service/embeddedexecutions.h"

#include "common/logging.h"
#include "engine/workflowengine.h"
#include "service/coreservice.h"
#include "service/orchestrator.h"

#include <QPointer>
#include <QTimer>

namespace Switchboard {

EmbeddedExecutions::EmbeddedExecutions(Orchestrator &console, OnCore onCore)
    : m_console(console)
    , m_onCore(std::move(onCore))
{
}

void EmbeddedExecutions::onCore(std::function<void(CoreService &)> work)
{
    m_onCore(std::move(work));
}

void EmbeddedExecutions::actionAnswered(const QString &executionId, const QString &action,
                                        const QString &message, const QString &newId)
{
    QMetaObject::invokeMethod(&m_console, [this, executionId, action, message, newId] {
        if (message.isEmpty())
            Q_EMIT m_console.executionActionDone(executionId, action, newId);
        else
            Q_EMIT m_console.executionActionFailed(executionId, action, message);
    });
}

void EmbeddedExecutions::requestExecution(const QString &executionId)
{
    onCore(
        [this, executionId](CoreService &service) { pushExecution(service, executionId, false); });
}

void EmbeddedExecutions::revealExecution(const QString &executionId)
{
    if (!m_console.mayReadPhi())
        return;
    onCore(
        [this, executionId](CoreService &service) { pushExecution(service, executionId, true); });
}

void EmbeddedExecutions::pushExecution(CoreService &service, const QString &executionId,
                                       bool reveal)
{
    auto execution = service.engine()->execution(executionId);
    if (!execution)
        return;
    const QJsonObject detail = service.phi().show(*execution, QStringLiteral("execution"),
                                                  executionId, m_console.userName(), reveal);
    QMetaObject::invokeMethod(&m_console, [this, executionId, detail] {
        Q_EMIT m_console.executionReady(executionId, detail);
    });
}

void EmbeddedExecutions::previewRerun(const QString &executionId, const QString &fromStep,
                                      const std::optional<QJsonObject> &input)
{
    onCore([this, executionId, fromStep, input](CoreService &service) {
        auto preview = service.engine()->rerunPreview(executionId, fromStep, input);
        const QJsonObject answer = preview ? *preview : QJsonObject();
        const QString message = preview ? QString() : preview.error().message;
        QMetaObject::invokeMethod(&m_console, [this, executionId, answer, message] {
            if (message.isEmpty())
                Q_EMIT m_console.rerunPreviewReady(executionId, answer);
            else
                Q_EMIT m_console.executionActionFailed(executionId, QStringLiteral("rerun"),
                                                       message);
        });
    });
}

void EmbeddedExecutions::rerunExecution(const QString &executionId, const QString &fromStep,
                                        const std::optional<QJsonObject> &input)
{
    const QString who = m_console.userName();
    onCore([this, executionId, fromStep, input, who](CoreService &service) {
        auto rerun = service.engine()->rerun(executionId, fromStep, input, who);
        const QString message = rerun ? QString() : rerun.error().message;
        const QString newId =
            rerun ? rerun->value(QLatin1String("execution_id")).toString() : QString();
        actionAnswered(executionId, QStringLiteral("rerun"), message, newId);
    });
}

void EmbeddedExecutions::requestJourney(const QString &key, const QString &value)
{
    onCore([this, key, value](CoreService &service) {
        auto journey = service.engine()->journey(key, value);
        const QJsonArray executions = journey ? *journey : QJsonArray();
        QMetaObject::invokeMethod(&m_console, [this, key, value, executions] {
            Q_EMIT m_console.journeyReady(key, value, executions);
        });
    });
}

void EmbeddedExecutions::requestDeadLetters(const QString &status, bool reveal)
{
    const bool shown = reveal && m_console.mayReadPhi();
    onCore([this, status, shown](CoreService &service) {
        m_deadLetterStatus = status;
        m_deadLettersRevealed = shown;
        pushDeadLetters(service);
    });
}

void EmbeddedExecutions::pushDeadLetters(CoreService &service)
{
    auto letters = service.engine()->deadLetters().list({m_deadLetterStatus, {}, {}});
    if (!letters) {
        qCWarning(lcService) << "the dead letters cannot be read:" << letters.error().message;
        return;
    }
    QJsonArray shown;
    for (const QJsonValue v : std::as_const(*letters)) {
        const QJsonObject letter = v.toObject();
        shown.append(service.phi().show(letter, QStringLiteral("dead_letter"),
                                        letter.value(QLatin1String("id")).toString(),
                                        m_console.userName(), m_deadLettersRevealed));
    }
    const QString status = m_deadLetterStatus;
    QMetaObject::invokeMethod(
        &m_console, [this, status, shown] { Q_EMIT m_console.deadLettersChanged(status, shown); });
}

void EmbeddedExecutions::deadLettersHandled(CoreService &service, const QString &action,
                                            const QJsonArray &results)
{
    QMetaObject::invokeMethod(&m_console, [this, action, results] {
        Q_EMIT m_console.deadLetterActionDone(action, results);
    });
    pushDeadLetters(service);
    service.refreshAlerts();
}

void EmbeddedExecutions::replayDeadLetters(const QStringList &ids)
{
    const QString who = m_console.userName();
    onCore([this, ids, who](CoreService &service) {
        QPointer<CoreService> alive(&service);
        service.engine()->deadLetters().replayAll(
            ids, who, [this, alive](const QJsonArray &results) {
                if (alive)
                    deadLettersHandled(*alive, QStringLiteral("replay"), results);
            });
    });
}

void EmbeddedExecutions::replayDeadLetter(const QString &id, const QJsonObject &payload)
{
    const QString who = m_console.userName();
    onCore([this, id, payload, who](CoreService &service) {
        QPointer<CoreService> alive(&service);
        service.engine()->deadLetters().replay(
            id, payload, who, [this, alive, id](Result<QJsonObject> result) {
                if (alive)
                    deadLettersHandled(*alive, QStringLiteral("replay"),
                                       {DeadLetterQueue::outcomeOf(id, result)});
            });
    });
}

void EmbeddedExecutions::discardDeadLetter(const QString &id, const QString &reason)
{
    const QString who = m_console.userName();
    onCore([this, id, reason, who](CoreService &service) {
        const Status st = service.engine()->deadLetters().discard(id, reason, who);
        QJsonObject outcome {{QStringLiteral("id"), id},
                             {QStringLiteral("status"),
                              st ? QStringLiteral("discarded") : QStringLiteral("failed")}};
        if (!st)
            outcome.insert(QStringLiteral("error"), st.error().message);
        deadLettersHandled(service, QStringLiteral("discard"), {outcome});
    });
}

void EmbeddedExecutions::requestExecutions(const ExecutionFilter &filter)
{
    onCore([this, filter](CoreService &service) {
        m_executionsFilter = filter;
        if (!m_executionsConnected && service.engine()) {
            m_executionsConnected = true;
            // A burst of changes (a busy minute, a recovery) is one push, not one per change.
            QObject::connect(service.engine(), &WorkflowEngine::executionChanged, &service,
                             [this, &service] {
                                 if (std::exchange(m_executionsPending, true))
                                     return;
                                 QTimer::singleShot(250, &service, [this, &service] {
                                     m_executionsPending = false;
                                     pushExecutions(service);
                                 });
                             });
        }
        pushExecutions(service);
    });
}

void EmbeddedExecutions::pushExecutions(CoreService &service)
{
    auto page = service.engine()->executions(m_executionsFilter);
    if (!page) {
        qCWarning(lcService) << "the executions cannot be read:" << page.error().message;
        return;
    }
    const QJsonArray executions = page->executions;
    const bool more = !page->nextCursor.isEmpty();
    QMetaObject::invokeMethod(&m_console, [this, executions, more] {
        Q_EMIT m_console.executionsChanged(executions, more);
    });
}

void EmbeddedExecutions::cancelExecution(const QString &executionId)
{
    const QString who = m_console.userName();
    onCore([this, executionId, who](CoreService &service) {
        const Status st = service.engine()->cancel(executionId, who);
        const QString message = st ? QString() : st.error().message;
        actionAnswered(executionId, QStringLiteral("cancel"), message);
    });
}

void EmbeddedExecutions::retryExecution(const QString &executionId)
{
    const QString who = m_console.userName();
    onCore([this, executionId, who](CoreService &service) {
        auto retried = service.engine()->retry(executionId, who);
        const QString message = retried ? QString() : retried.error().message;
        const QString newId =
            retried ? retried->value(QLatin1String("execution_id")).toString() : QString();
        actionAnswered(executionId, QStringLiteral("retry"), message, newId);
    });
}

} // namespace Switchboard
