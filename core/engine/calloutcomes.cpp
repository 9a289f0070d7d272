#include "engine/calloutcomes.h"

#include "common/clock.h"
#include "engine/deadletterqueue.h"
#include "engine/executionjson.h"
#include "engine/executionstore.h"
#include "engine/modulecalls.h"
#include "engine/saga.h"
#include "engine/stepdurations.h"

namespace Switchboard {

using namespace ExecutionJson;

CallOutcomes::CallOutcomes(ExecutionStore &store, Saga &saga, DeadLetterQueue &deadLetters,
                           StepDurations &durations, const Clock &clock)
    : m_store(store)
    , m_saga(saga)
    , m_deadLetters(deadLetters)
    , m_durations(durations)
    , m_clock(clock)
{
}

void CallOutcomes::apply(ExecutionRun &run, const QString &nodeId, int attempt, bool compensation,
                         const ModuleCallResult &result)
{
    const WorkflowNode *node = run.def.node(nodeId);
    const qint64 now = m_clock.nowMs();
    const QJsonObject detail {{QStringLiteral("http_status"), result.httpStatus},
                              {QStringLiteral("elapsed_ms"), result.elapsedMs}};

    if (compensation) {
        if (result.ok()) {
            run.record(now, QStringLiteral("compensation_completed"), nodeId, attempt, detail);
        } else if (result.retryable && attempt < 3) {
            const qint64 due = now + ModuleCalls::backoffMs(*node, attempt);
            run.ops.append([this, executionId = run.id, nodeId, due, attempt] {
                return m_store.addTimer(executionId, nodeId, QStringLiteral("compensate_retry"),
                                        due, {{QStringLiteral("attempt"), attempt + 1}});
            });
            run.timersChanged = run.waited = true;
            run.record(now, QStringLiteral("compensation_failed"), nodeId, attempt,
                       {{QStringLiteral("error"), result.error},
                        {QStringLiteral("retry_at"), isoOrNull(due)}});
            return;
        } else {
            run.record(now, QStringLiteral("compensation_failed"), nodeId, attempt,
                       {{QStringLiteral("error"), result.error}, {QStringLiteral("final"), true}});
        }
        m_saga.compensateNext(run);
        return;
    }

    if (result.ok()) {
        StepState &step = run.state.changeStep(nodeId);
        step.status = StepStatus::Completed;
        step.output = result.body;
        step.attempts = attempt;
        step.finishedAt = now;
        if (step.uncertain)
            step.uncertain = false; // settled
        run.record(now, QStringLiteral("step_completed"), nodeId, attempt, detail);
        observeStep(run, nodeId);
        if (node && node->settings.contains(QLatin1String("compensation")))
            run.state.completed.append(nodeId);
        run.follow(nodeId, QStringLiteral("out"));
        return;
    }

    const bool willRetry = result.retryable && node && attempt < ModuleCalls::maxAttempts(*node);
    // Whether the module may have acted: set by an uncertain attempt, settled only by an
    // answer from the module itself (the same key makes a module that did act say so).
    StepState &step = run.state.changeStep(nodeId);
    const bool uncertain =
        result.uncertain || (result.httpStatus == 0 && step.uncertain.value_or(false));
    step.uncertain = uncertain;
    run.record(now, QStringLiteral("step_failed"), nodeId, attempt,
               {{QStringLiteral("error"), result.error},
                {QStringLiteral("http_status"), result.httpStatus},
                {QStringLiteral("retryable"), result.retryable},
                {QStringLiteral("outcome"),
                 uncertain ? QStringLiteral("unknown") : QStringLiteral("not_done")},
                {QStringLiteral("final"), !willRetry}});
    if (willRetry) {
        // The module's Retry-After wins when it asks for longer than the backoff (up to an hour).
        const qint64 delay = std::max(ModuleCalls::backoffMs(*node, attempt),
                                      std::min<qint64>(result.retryAfterMs, 3600LL * 1000));
        const qint64 due = now + delay;
        run.ops.append([this, executionId = run.id, nodeId, due, attempt] {
            return m_store.addTimer(executionId, nodeId, QStringLiteral("retry"), due,
                                    {{QStringLiteral("attempt"), attempt + 1}});
        });
        run.timersChanged = run.waited = true;
        run.state.waiting.append(nodeId);
        step.status = StepStatus::Retrying;
        step.attempts = attempt;
        step.error = result.error;
        run.record(now, QStringLiteral("retry_scheduled"), nodeId, attempt + 1,
                   {{QStringLiteral("delay_ms"), delay}, {QStringLiteral("due"), isoOrNull(due)}});
        return;
    }
    if (uncertain && node) {
        // No definite answer after every attempt: counted as possibly done, so a saga undoes
        // it with the rest (compensations must be idempotent for this).
        run.record(now, QStringLiteral("step_outcome_unknown"), nodeId, attempt,
                   {{QStringLiteral("compensated_if_the_execution_fails"),
                     node->settings.contains(QLatin1String("compensation"))}});
        if (node->settings.contains(QLatin1String("compensation")))
            run.state.completed.append(nodeId);
    }
    if (node)
        addDeadLetter(run, *node, attempt,
                      uncertain ? result.error
                              + QStringLiteral(" (outcome unknown: the module may have acted)")
                                : result.error);
    observeStep(run, nodeId);
    step.status = StepStatus::Failed;
    step.attempts = attempt;
    step.error = result.error;
    step.finishedAt = now;
    const bool hasErrorPath =
        node && std::any_of(run.def.edges.begin(), run.def.edges.end(), [&](const WorkflowEdge &e) {
            return e.from == nodeId && e.port == QLatin1String("error");
        });
    if (hasErrorPath) {
        step.output = QJsonObject {{QStringLiteral("error"), result.error}};
        run.follow(nodeId, QStringLiteral("error"));
    } else {
        m_saga.fail(run, nodeId, result.error);
    }
}

void CallOutcomes::addDeadLetter(ExecutionRun &run, const WorkflowNode &node, int attempts,
                                 const QString &error)
{
    // The payload as it was sent (kept with the step), without the action the queue keeps apart.
    const QJsonObject sent = ModuleCalls::keptBody(run, node.id, false).value_or(QJsonObject());
    const QString key = QString::fromLatin1(ModuleCalls::idempotencyKey(run, node.id, false, sent));
    QJsonObject payload = sent;
    payload.remove(QStringLiteral("action"));
    const DeadLetterQueue::Entry entry {QStringLiteral("dl_") + QString::fromLatin1(randomHex(8)),
                                        run.id,
                                        node.id,
                                        node.text("module"),
                                        node.text("action"),
                                        payload,
                                        key,
                                        error,
                                        attempts};
    run.ops.append([this, entry] { return m_deadLetters.add(entry); });
    run.record(m_clock.nowMs(), QStringLiteral("dead_lettered"), node.id, attempts,
               {{QStringLiteral("dead_letter_id"), entry.id}});
}

void CallOutcomes::observeStep(const ExecutionRun &run, const QString &node)
{
    const WorkflowNode *n = run.def.node(node);
    const StepState *step = run.state.step(node);
    const qint64 started = step ? step->startedAt : 0;
    if (!n || started <= 0)
        return;
    m_durations.observe(toWire(n->type), std::max<qint64>(0, m_clock.nowMs() - started));
}

} // namespace Switchboard
