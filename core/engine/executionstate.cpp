#include "engine/executionstate.h"

#include "common/jsontext.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Switchboard {

namespace {

constexpr StepStatus AllStepStatuses[] = {StepStatus::Running, StepStatus::Waiting,
                                          StepStatus::Retrying, StepStatus::Completed,
                                          StepStatus::Failed};

QJsonArray toArray(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

Result<QStringList> toList(const QJsonObject &state, const char *key)
{
    const QJsonValue value = state.value(QLatin1String(key));
    QStringList out;
    if (value.isUndefined())
        return out;
    if (!value.isArray())
        return internalError(QStringLiteral("%1 is not a list").arg(QLatin1String(key)),
                             QLatin1String(key));
    const QJsonArray array = value.toArray();
    out.reserve(array.size());
    for (const auto &v : array) {
        if (!v.isString())
            return internalError(
                QStringLiteral("%1 holds a value that is not a node id").arg(QLatin1String(key)),
                QLatin1String(key));
        out.append(v.toString());
    }
    return out;
}

QJsonObject parentJson(const ParentLink &parent)
{
    return {{QStringLiteral("execution"), parent.execution},
            {QStringLiteral("node"), parent.node},
            {QStringLiteral("depth"), parent.depth},
            {QStringLiteral("wait"), parent.wait}};
}

qint64 toMs(const QJsonValue &v)
{
    return qint64(v.toDouble());
}

Result<StepState> stepFromJson(const QString &node, const QJsonValue &value)
{
    const QJsonObject o = value.toObject();
    const QString status = o.value(QLatin1String("status")).toString();
    const auto *found = std::find_if(std::begin(AllStepStatuses), std::end(AllStepStatuses),
                                     [&](StepStatus s) { return toWire(s) == status; });
    if (!value.isObject() || found == std::end(AllStepStatuses))
        return internalError(
            QStringLiteral("step \"%1\" has no known status (\"%2\")").arg(node, status),
            QStringLiteral("steps"));
    StepState step;
    step.status = *found;
    step.visits = o.value(QLatin1String("visits")).toInt();
    step.attempts = o.value(QLatin1String("attempts")).toInt();
    step.startedAt = toMs(o.value(QLatin1String("started_at")));
    step.finishedAt = toMs(o.value(QLatin1String("finished_at")));
    step.output = o.value(QLatin1String("output"));
    if (o.contains(QLatin1String("error")))
        step.error = o.value(QLatin1String("error")).toString(QStringLiteral(""));
    if (o.contains(QLatin1String("uncertain")))
        step.uncertain = o.value(QLatin1String("uncertain")).toBool();
    step.taskId = o.value(QLatin1String("task_id")).toString();
    step.child = o.value(QLatin1String("child_execution_id")).toString();
    if (o.value(QLatin1String("request")).isObject())
        step.request = o.value(QLatin1String("request")).toObject();
    if (o.value(QLatin1String("compensation_request")).isObject())
        step.compensationRequest = o.value(QLatin1String("compensation_request")).toObject();
    return step;
}

} // namespace

QString toWire(StepStatus status)
{
    switch (status) {
    case StepStatus::Running:
        return QStringLiteral("running");
    case StepStatus::Waiting:
        return QStringLiteral("waiting");
    case StepStatus::Retrying:
        return QStringLiteral("retrying");
    case StepStatus::Completed:
        return QStringLiteral("completed");
    case StepStatus::Failed:
        break;
    }
    return QStringLiteral("failed");
}

QJsonObject StepState::toJson() const
{
    QJsonObject o {{QStringLiteral("status"), toWire(status)}, {QStringLiteral("visits"), visits}};
    if (startedAt > 0)
        o.insert(QStringLiteral("started_at"), startedAt);
    if (finishedAt > 0)
        o.insert(QStringLiteral("finished_at"), finishedAt);
    if (attempts > 0)
        o.insert(QStringLiteral("attempts"), attempts);
    if (!output.isUndefined())
        o.insert(QStringLiteral("output"), output);
    if (!error.isNull())
        o.insert(QStringLiteral("error"), error);
    if (uncertain)
        o.insert(QStringLiteral("uncertain"), *uncertain);
    if (!taskId.isEmpty())
        o.insert(QStringLiteral("task_id"), taskId);
    if (!child.isEmpty())
        o.insert(QStringLiteral("child_execution_id"), child);
    if (request)
        o.insert(QStringLiteral("request"), *request);
    if (compensationRequest)
        o.insert(QStringLiteral("compensation_request"), *compensationRequest);
    return o;
}

QByteArray StepState::toText() const
{
    // The keys in toJson()'s (sorted) order, written straight from the fields: building a
    // QJsonObject first costs an allocation per key.
    QByteArray out;
    out.reserve(160);
    out += '{';
    JsonText::Members members(out);
    if (attempts > 0)
        members.key("attempts") += QByteArray::number(attempts);
    if (!child.isEmpty())
        JsonText::appendString(members.key("child_execution_id"), child);
    if (compensationRequest)
        JsonText::appendValue(members.key("compensation_request"), *compensationRequest);
    if (!error.isNull())
        JsonText::appendString(members.key("error"), error);
    if (finishedAt > 0)
        members.key("finished_at") += QByteArray::number(finishedAt);
    if (!output.isUndefined())
        JsonText::appendValue(members.key("output"), output);
    if (request)
        JsonText::appendValue(members.key("request"), *request);
    if (startedAt > 0)
        members.key("started_at") += QByteArray::number(startedAt);
    JsonText::appendString(members.key("status"), toWire(status));
    if (!taskId.isEmpty())
        JsonText::appendString(members.key("task_id"), taskId);
    if (uncertain)
        members.key("uncertain") += *uncertain ? "true" : "false";
    members.key("visits") += QByteArray::number(visits);
    out += '}';
    return out;
}

const StepState *ExecutionState::step(const QString &node) const
{
    const auto it = m_steps.find(node);
    return it == m_steps.end() ? nullptr : &it->second;
}

StepState &ExecutionState::changeStep(const QString &node)
{
    if (!m_changedSteps.contains(node))
        m_changedSteps.append(node);
    StepState &step = m_steps[node];
    step.text.clear();
    return step;
}

StepState &ExecutionState::startStep(const QString &node, qint64 nowMs)
{
    StepState &step = changeStep(node);
    const int visits = step.visits + 1;
    step = StepState();
    step.visits = visits;
    step.startedAt = nowMs;
    return step;
}

int ExecutionState::visits(const QString &node) const
{
    const StepState *s = step(node);
    return s ? s->visits : 0;
}

const QJsonObject &ExecutionState::stepsJson() const
{
    for (const QString &node : std::exchange(m_changedSteps, {}))
        m_stepsJson.insert(node, m_steps.at(node).toJson());
    return m_stepsJson;
}

QByteArray ExecutionState::toText() const
{
    // Written straight from the typed state, as withoutSteps() and the steps would read.
    QByteArray out;
    out.reserve(1024);
    out += '{';
    JsonText::Members members(out);
    if (compensate)
        JsonText::appendList(members.key("compensate"), *compensate);
    if (!completed.isEmpty())
        JsonText::appendList(members.key("completed"), completed);
    {
        JsonText::Members calls(members.key("inflight") += '{');
        for (auto it = inflight.cbegin(); it != inflight.cend(); ++it) {
            JsonText::Members fields(calls.key(it.key()) += '{');
            fields.key("attempt") += QByteArray::number(it->attempt);
            if (it->compensation)
                fields.key("compensation") += "true";
            if (!it->span.isEmpty())
                JsonText::appendString(fields.key("span"), it->span);
            fields.key("visit") += QByteArray::number(it->visit);
            out += '}';
        }
        out += '}';
    }
    if (!joins.isEmpty()) {
        JsonText::Members byNode(members.key("joins") += '{');
        for (auto it = joins.cbegin(); it != joins.cend(); ++it) {
            JsonText::Members fields(byNode.key(it.key()) += '{');
            fields.key("arrived") += QByteArray::number(it->arrived);
            if (it->fired)
                fields.key("fired") += "true";
            out += '}';
        }
        out += '}';
    }
    if (parent)
        JsonText::appendValue(members.key("parent"), parentJson(*parent));
    JsonText::appendList(members.key("ready"), ready);
    if (!reuse.isEmpty())
        JsonText::appendValue(members.key("reuse"), reuse);
    {
        JsonText::Members steps(members.key("steps") += '{');
        for (const auto &[node, step] : m_steps) {
            if (step.text.isEmpty())
                step.text = step.toText();
            steps.key(node) += step.text;
        }
        out += '}';
    }
    if (!vars.isEmpty())
        JsonText::appendValue(members.key("vars"), vars);
    JsonText::appendList(members.key("waiting"), waiting);
    out += '}';
    return out;
}

QJsonObject ExecutionState::toJson() const
{
    QJsonObject o = withoutSteps();
    o.insert(QStringLiteral("steps"), stepsJson());
    return o;
}

QJsonObject ExecutionState::withoutSteps() const
{
    QJsonObject inflightJson;
    for (auto it = inflight.cbegin(); it != inflight.cend(); ++it) {
        QJsonObject call {{QStringLiteral("attempt"), it->attempt},
                          {QStringLiteral("visit"), it->visit}};
        if (it->compensation)
            call.insert(QStringLiteral("compensation"), true);
        if (!it->span.isEmpty())
            call.insert(QStringLiteral("span"), it->span);
        inflightJson.insert(it.key(), call);
    }
    QJsonObject joinsJson;
    for (auto it = joins.cbegin(); it != joins.cend(); ++it) {
        QJsonObject join {{QStringLiteral("arrived"), it->arrived}};
        if (it->fired)
            join.insert(QStringLiteral("fired"), true);
        joinsJson.insert(it.key(), join);
    }
    QJsonObject o {{QStringLiteral("ready"), toArray(ready)},
                   {QStringLiteral("inflight"), inflightJson},
                   {QStringLiteral("waiting"), toArray(waiting)}};
    if (!vars.isEmpty())
        o.insert(QStringLiteral("vars"), vars);
    if (!joinsJson.isEmpty())
        o.insert(QStringLiteral("joins"), joinsJson);
    if (!completed.isEmpty())
        o.insert(QStringLiteral("completed"), toArray(completed));
    if (compensate)
        o.insert(QStringLiteral("compensate"), toArray(*compensate));
    if (!reuse.isEmpty())
        o.insert(QStringLiteral("reuse"), reuse);
    if (parent)
        o.insert(QStringLiteral("parent"), parentJson(*parent));
    return o;
}

Result<ExecutionState> ExecutionState::fromJson(const QJsonObject &stored)
{
    ExecutionState state;
    const QJsonObject steps = stored.value(QLatin1String("steps")).toObject();
    for (auto it = steps.begin(); it != steps.end(); ++it) {
        auto step = stepFromJson(it.key(), it.value());
        if (!step)
            return step.error();
        state.m_steps.emplace(it.key(), std::move(step).value());
    }
    state.m_stepsJson = steps;
    state.vars = stored.value(QLatin1String("vars")).toObject();
    state.reuse = stored.value(QLatin1String("reuse")).toObject();
    for (auto [key, list] :
         {std::pair {"ready", &state.ready}, std::pair {"waiting", &state.waiting},
          std::pair {"completed", &state.completed}}) {
        auto read = toList(stored, key);
        if (!read)
            return read.error();
        *list = std::move(read).value();
    }
    if (stored.contains(QLatin1String("compensate"))) {
        auto read = toList(stored, "compensate");
        if (!read)
            return read.error();
        state.compensate = std::move(read).value();
    }
    const QJsonObject inflight = stored.value(QLatin1String("inflight")).toObject();
    for (auto it = inflight.begin(); it != inflight.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        state.inflight.insert(it.key(),
                              {o.value(QLatin1String("attempt")).toInt(1),
                               o.value(QLatin1String("visit")).toInt(1),
                               o.value(QLatin1String("compensation")).toBool(),
                               o.value(QLatin1String("span")).toString()});
    }
    if (stored.contains(QLatin1String("parent"))) {
        const QJsonObject p = stored.value(QLatin1String("parent")).toObject();
        if (p.value(QLatin1String("execution")).toString().isEmpty()
            || p.value(QLatin1String("node")).toString().isEmpty())
            return internalError(QStringLiteral("parent names no execution and step"),
                                 QStringLiteral("parent"));
        state.parent = ParentLink {p.value(QLatin1String("execution")).toString(),
                                   p.value(QLatin1String("node")).toString(),
                                   p.value(QLatin1String("depth")).toInt(1),
                                   p.value(QLatin1String("wait")).toBool(true)};
    }
    const QJsonObject joins = stored.value(QLatin1String("joins")).toObject();
    for (auto it = joins.begin(); it != joins.end(); ++it) {
        const QJsonObject o = it.value().toObject();
        state.joins.insert(
            it.key(),
            {o.value(QLatin1String("arrived")).toInt(), o.value(QLatin1String("fired")).toBool()});
    }
    return state;
}

} // namespace Switchboard
