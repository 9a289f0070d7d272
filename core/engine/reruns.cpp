#include "engine/reruns.h"

#include "engine/executionrun.h"
#include "engine/modulecalls.h"
#include "modules/modulecatalog.h"
#include "store/workflowstore.h"

#include <QQueue>

namespace Switchboard {

Reruns::Reruns(ExecutionStore &store, WorkflowStore &workflows, const ModuleCalls &calls)
    : m_store(store)
    , m_workflows(workflows)
    , m_calls(calls)
{
}

QSet<QString> Reruns::reachableFrom(const Workflow &def, const QString &node)
{
    QSet<QString> seen {node};
    QQueue<QString> next;
    next.enqueue(node);
    while (!next.isEmpty()) {
        for (const WorkflowEdge &e : def.outgoing(next.dequeue())) {
            if (!seen.contains(e.to)) {
                seen.insert(e.to);
                next.enqueue(e.to);
            }
        }
    }
    return seen;
}

QSet<QString> Reruns::leadingTo(const Workflow &def, const QString &node)
{
    QSet<QString> seen;
    QQueue<QString> next;
    next.enqueue(node);
    while (!next.isEmpty()) {
        for (const WorkflowEdge &e : def.incoming(next.dequeue())) {
            if (!seen.contains(e.from)) {
                seen.insert(e.from);
                next.enqueue(e.from);
            }
        }
    }
    seen.remove(node);
    return seen;
}

Result<Reruns::Plan> Reruns::plan(const QString &executionId, const QString &fromStep,
                                  const std::optional<QJsonObject> &input)
{
    auto stored = m_store.load(executionId);
    if (!stored)
        return stored.error();
    if (!isFinal(stored->status))
        return conflict(QStringLiteral("the execution is %1; re-run it once it has finished, or "
                                       "cancel it first")
                            .arg(toWire(stored->status)),
                        QStringLiteral("status"));
    auto def = m_workflows.version(stored->workflowId, stored->version);
    if (!def)
        return def.error();
    const WorkflowNode *from = def->node(fromStep);
    if (!from)
        return makeError(QStringLiteral("version %1 of %2 has no step \"%3\"")
                             .arg(stored->version)
                             .arg(stored->workflowId, fromStep),
                         QStringLiteral("from_step"));
    auto original = ExecutionState::fromJson(stored->state);
    if (!original)
        return internalError(QStringLiteral("execution \"%1\" is damaged in the database: %2")
                                 .arg(executionId, original.error().message));

    Plan plan;
    plan.originalId = executionId;
    plan.fromStep = fromStep;
    plan.def = *def;
    plan.input = input.value_or(stored->input);
    // What came before the step is taken as it was; the run starts at the step.
    plan.state.vars = original->vars;
    for (const QString &node : leadingTo(*def, fromStep)) {
        const StepState *step = original->step(node);
        if (step && step->status == StepStatus::Completed)
            plan.state.changeStep(node) = *step;
    }
    plan.state.ready = {fromStep};

    // The calls ahead, rendered in the original's scope (its later outputs are the best guess
    // of what the re-run will see) with the new input.
    ExecutionRun guess;
    guess.id = QStringLiteral("preview");
    guess.def = *def;
    guess.input = plan.input;
    guess.state = *original;
    const QSet<QString> ahead = reachableFrom(*def, fromStep);
    for (const WorkflowNode &node : def->nodes) {
        if (node.type != NodeType::ModuleCall || !ahead.contains(node.id))
            continue;
        const QString module = node.text("module");
        const StepState *before = original->step(node.id);
        const bool inOriginal = before && before->request.has_value();
        QJsonObject call {{QStringLiteral("node"), node.id},
                          {QStringLiteral("name"), node.name()},
                          {QStringLiteral("module"), module},
                          {QStringLiteral("action"), node.text("action")},
                          {QStringLiteral("in_original"), inOriginal}};
        const QString effect = ModuleCatalog::outsideEffect(module);
        call.insert(QStringLiteral("outside_world"),
                    effect.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(effect));
        auto body = m_calls.renderCall(guess, node);
        const bool same = inOriginal && body && *body == *before->request;
        call.insert(QStringLiteral("same_payload"), same);
        if (!inOriginal)
            call.insert(QStringLiteral("outcome"), QStringLiteral("new"));
        else if (!body)
            call.insert(QStringLiteral("outcome"), QStringLiteral("unknown"));
        else
            call.insert(QStringLiteral("outcome"),
                        same ? QStringLiteral("suppressed") : QStringLiteral("sent_again"));
        if (inOriginal) {
            // The original's first-visit key goes with its body: an unchanged call reuses it.
            // (An original that was itself a re-run may have sent it under its own original's.)
            ExecutionRun first;
            first.id = executionId;
            first.state.reuse = original->reuse;
            first.state.changeStep(node.id).visits = 1;
            const QByteArray key =
                ModuleCalls::idempotencyKey(first, node.id, false, *before->request);
            plan.state.reuse.insert(
                node.id,
                QJsonObject {{QStringLiteral("key"), QString::fromLatin1(key)},
                             {QStringLiteral("body"), ModuleCalls::bodyHash(*before->request)}});
        }
        plan.calls.append(call);
    }
    return plan;
}

QJsonObject Reruns::preview(const Plan &plan)
{
    int again = 0;
    int suppressed = 0;
    int outside = 0;
    for (const QJsonValue v : plan.calls) {
        const QJsonObject c = v.toObject();
        const QString outcome = c.value(QLatin1String("outcome")).toString();
        const bool acts = outcome != QLatin1String("suppressed");
        again += outcome == QLatin1String("sent_again") ? 1 : 0;
        suppressed += outcome == QLatin1String("suppressed") ? 1 : 0;
        outside += acts && c.value(QLatin1String("outside_world")).isString() ? 1 : 0;
    }
    return {{QStringLiteral("execution_id"), plan.originalId},
            {QStringLiteral("from_step"), plan.fromStep},
            {QStringLiteral("calls"), plan.calls},
            {QStringLiteral("sent_again"), again},
            {QStringLiteral("suppressed"), suppressed},
            {QStringLiteral("outside_world"), outside}};
}

} // namespace Switchboard
