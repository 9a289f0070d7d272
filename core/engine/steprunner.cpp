#include "engine/steprunner.h"

#include "engine/executionjson.h"
#include "engine/executionstore.h"
#include "review/taskstore.h"
#include "workflow/expressionengine.h"

namespace Switchboard {

using namespace ExecutionJson;

StepRunner::StepRunner(ExecutionStore &store, TaskStore &tasks, ExpressionEngine &expressions,
                       const Clock &clock)
    : m_store(store)
    , m_tasks(tasks)
    , m_expressions(expressions)
    , m_clock(clock)
{
}

Result<StepRunner::Outcome> StepRunner::run(ExecutionRun &run, const WorkflowNode &node)
{
    const qint64 now = m_clock.nowMs();
    run.state.startStep(node.id, now);
    // The step is now `status`; completed ones get their finish time, and output if given.
    const auto settle = [&](StepStatus status, const QJsonValue &output = QJsonValue::Undefined) {
        StepState &step = run.state.changeStep(node.id);
        step.status = status;
        if (!output.isUndefined())
            step.output = output;
        if (status == StepStatus::Completed)
            step.finishedAt = now;
    };
    const auto completed = [&](const QJsonValue &output,
                               const QString &port = QStringLiteral("out")) {
        settle(StepStatus::Completed, output);
        run.record(now, QStringLiteral("step_completed"), node.id, 0,
                   port == QLatin1String("out") ? QJsonObject()
                                                : QJsonObject {{QStringLiteral("branch"), port}});
        run.follow(node.id, port);
    };
    const auto waitOn = [&](const QString &type, const QJsonObject &data) {
        settle(StepStatus::Waiting);
        run.state.waiting.append(node.id);
        run.record(now, type, node.id, 0, data);
    };
    const QJsonObject &s = node.settings;

    switch (node.type) {
    case NodeType::Trigger:
        completed(run.input);
        return Outcome {};
    case NodeType::Set: {
        auto values = m_expressions.render(s.value(QLatin1String("values")), run.scope(node));
        if (!values)
            return makeError(
                QStringLiteral("values.%1: %2").arg(values.error().field, values.error().message));
        const QJsonObject set = values->toObject();
        for (auto it = set.begin(); it != set.end(); ++it)
            run.state.vars.insert(it.key(), it.value());
        completed(set);
        return Outcome {};
    }
    case NodeType::Condition: {
        QString branch = s.value(QLatin1String("default")).toString(QStringLiteral("default"));
        const QJsonArray cases = s.value(QLatin1String("cases")).toArray();
        for (int i = 0; i < cases.size(); ++i) {
            const QJsonObject c = cases.at(i).toObject();
            auto v =
                m_expressions.evaluate(c.value(QLatin1String("when")).toString(), run.scope(node));
            if (!v)
                return makeError(
                    QStringLiteral("cases[%1].when: %2").arg(i).arg(v.error().message));
            if (m_expressions.truthy(*v)) {
                branch = c.value(QLatin1String("label")).toString();
                break;
            }
        }
        completed(QJsonObject {{QStringLiteral("branch"), branch}}, branch);
        return Outcome {};
    }
    case NodeType::Parallel: {
        settle(StepStatus::Completed);
        run.record(now, QStringLiteral("step_completed"), node.id);
        for (const WorkflowEdge &e : run.def.outgoing(node.id))
            run.state.ready.append(e.to);
        return Outcome {};
    }
    case NodeType::Join: {
        JoinState &j = run.state.joins[node.id];
        const int arrived = ++j.arrived;
        const QString mode = s.value(QLatin1String("mode")).toString(QStringLiteral("all"));
        const int need = mode == QLatin1String("any") ? 1
            : mode == QLatin1String("n")              ? s.value(QLatin1String("n")).toInt(1)
                                                      : int(run.def.incoming(node.id).size());
        const bool fire = !j.fired && arrived >= need;
        if (fire)
            j.fired = true;
        if (fire) {
            completed(QJsonObject {{QStringLiteral("arrived"), arrived}});
        } else {
            run.state.changeStep(node.id).status =
                j.fired ? StepStatus::Completed : StepStatus::Waiting;
            run.record(now, QStringLiteral("join_arrival"), node.id, 0,
                       {{QStringLiteral("arrived"), arrived}, {QStringLiteral("needed"), need}});
        }
        return Outcome {};
    }
    case NodeType::Notify: {
        auto message = m_expressions.render(s.value(QLatin1String("message")), run.scope(node));
        if (!message)
            return makeError(QStringLiteral("message: %1").arg(message.error().message));
        const QJsonObject n {
            {QStringLiteral("channel"), s.value(QLatin1String("channel")).toString()},
            {QStringLiteral("severity"),
             s.value(QLatin1String("severity")).toString(QStringLiteral("info"))},
            {QStringLiteral("message"), message->toString()},
            {QStringLiteral("workflow_id"), run.workflowId},
            {QStringLiteral("trace_id"), run.traceId}};
        run.notifications.append(n);
        completed(n);
        return Outcome {};
    }
    case NodeType::End: {
        auto output = m_expressions.render(s.value(QLatin1String("output")), run.scope(node));
        if (!output)
            return makeError(
                QStringLiteral("output.%1: %2").arg(output.error().field, output.error().message));
        if (!output->isObject() && s.contains(QLatin1String("output")))
            return makeError(
                QStringLiteral("output: the template gave %1, not an object")
                    .arg(QString::fromLatin1(output->isArray() ? "a list" : "a single value")));
        settle(StepStatus::Completed, *output);
        run.record(now, QStringLiteral("step_completed"), node.id);
        if (s.value(QLatin1String("status")).toString() == QLatin1String("failed"))
            return Outcome {Ends::Failed,
                            {},
                            s.value(QLatin1String("error"))
                                .toString(QStringLiteral("the workflow ended as failed"))};
        return Outcome {Ends::Completed, output->toObject(), {}};
    }
    case NodeType::Delay: {
        qint64 due = 0;
        if (s.contains(QLatin1String("until"))) {
            auto until =
                m_expressions.evaluate(s.value(QLatin1String("until")).toString(), run.scope(node));
            if (!until)
                return makeError(QStringLiteral("until: %1").arg(until.error().message));
            const QDateTime t = QDateTime::fromString(until->toString(), Qt::ISODateWithMs);
            if (!t.isValid())
                return makeError(
                    QStringLiteral("until: \"%1\" is not an ISO 8601 time").arg(until->toString()));
            due = t.toMSecsSinceEpoch();
        } else {
            due = now + durationMs(s.value(QLatin1String("duration")).toString());
        }
        const QString execId = run.id;
        const QString nodeId = node.id;
        run.ops.append([this, execId, nodeId, due] {
            return m_store.addTimer(execId, nodeId, QStringLiteral("delay"), due);
        });
        run.timersChanged = run.waited = true;
        waitOn(QStringLiteral("timer_set"), {{QStringLiteral("due"), isoOrNull(due)}});
        return Outcome {};
    }
    case NodeType::WaitForEvent: {
        const qint64 due = now + durationMs(s.value(QLatin1String("timeout")).toString());
        const QString execId = run.id;
        const QString nodeId = node.id;
        const QString type = s.value(QLatin1String("event_type")).toString();
        const QString module = s.value(QLatin1String("module")).toString();
        const QString match = s.value(QLatin1String("match")).toString();
        run.ops.append([this, execId, nodeId, type, module, match, due] {
            return m_store.addWaiter(execId, nodeId, type, module, match, due);
        });
        run.timersChanged = run.waited = true;
        waitOn(
            QStringLiteral("waiting_for_event"),
            {{QStringLiteral("event_type"), type}, {QStringLiteral("timeout_at"), isoOrNull(due)}});
        return Outcome {};
    }
    case NodeType::HumanReview: {
        auto title = m_expressions.render(s.value(QLatin1String("title")).toString(node.name()),
                                          run.scope(node));
        if (!title)
            return makeError(QStringLiteral("title: %1").arg(title.error().message));
        QJsonArray fields;
        for (const auto &f : s.value(QLatin1String("fields")).toArray()) {
            QJsonObject field = f.toObject();
            for (const char *key : {"value", "confidence"}) {
                if (field.contains(QLatin1String(key))) {
                    auto v = m_expressions.render(field.value(QLatin1String(key)), run.scope(node));
                    if (!v)
                        return makeError(QStringLiteral("fields.%1.%2: %3")
                                             .arg(field.value(QLatin1String("name")).toString(),
                                                  QLatin1String(key), v.error().message));
                    field.insert(QLatin1String(key), *v);
                }
            }
            fields.append(field);
        }
        const QJsonObject form {{QStringLiteral("fields"), fields},
                                {QStringLiteral("outcomes"), s.value(QLatin1String("outcomes"))}};
        const QString taskId = QStringLiteral("tk_") + QString::fromLatin1(randomHex(8));
        const qint64 sla = s.contains(QLatin1String("sla"))
            ? now + durationMs(s.value(QLatin1String("sla")).toString())
            : 0;
        const QString queue = s.value(QLatin1String("queue")).toString();
        const TaskStore::NewTask task {
            taskId,
            run.id,
            node.id,
            queue,
            s.value(QLatin1String("role")).toString(QStringLiteral("support")),
            title->toString(),
            form,
            now,
            sla};
        run.ops.append([this, task] { return m_tasks.add(task); });
        run.waited = true;
        run.tasks.append(taskId);
        run.state.changeStep(node.id).taskId = taskId;
        waitOn(QStringLiteral("task_created"),
               {{QStringLiteral("task_id"), taskId}, {QStringLiteral("queue"), queue}});
        return Outcome {};
    }
    case NodeType::RunWorkflow: {
        const int depth = run.state.parent ? run.state.parent->depth : 0;
        if (depth >= MaxWorkflowDepth)
            return makeError(QStringLiteral("workflow: workflows already run each other %1 deep, "
                                            "the most they may (does a workflow run itself?)")
                                 .arg(depth));
        // An object of templates, or one "{{ … }}" that gives an object (the item passed on).
        const QJsonValue given = s.value(QLatin1String("input"));
        auto input =
            m_expressions.render(given.isUndefined() ? QJsonObject() : given, run.scope(node));
        if (!input)
            return makeError(
                QStringLiteral("input.%1: %2").arg(input.error().field, input.error().message));
        if (!input->isObject())
            return makeError(
                QStringLiteral("input: the template gave %1, not an object")
                    .arg(QString::fromLatin1(input->isArray() ? "a list" : "a single value")));
        run.state.changeStep(node.id).request = input->toObject();
        // The workflow is started by the step's timer (ChildRuns), once this is stored.
        const QString execId = run.id;
        const QString nodeId = node.id;
        run.ops.append([this, execId, nodeId, now] {
            return m_store.addTimer(execId, nodeId, QStringLiteral("child"), now);
        });
        run.timersChanged = run.waited = true;
        waitOn(QStringLiteral("workflow_requested"),
               {{QStringLiteral("workflow_id"), s.value(QLatin1String("workflow"))}});
        return Outcome {};
    }
    case NodeType::ModuleCall: {
        run.queueCall(now, node.id, 1, false,
                      {{QStringLiteral("module"), s.value(QLatin1String("module"))},
                       {QStringLiteral("action"), s.value(QLatin1String("action"))}});
        return Outcome {};
    }
    }
    return Outcome {};
}

} // namespace Switchboard
