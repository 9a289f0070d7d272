#include "workflow/workflowvalidator.h"

#include "modules/modulecatalog.h"
#include "workflow/cronschedule.h"
#include "workflow/expressionengine.h"
#include "workflow/jsonschema.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <functional>

namespace Switchboard {

QString WorkflowIssue::toString() const
{
    QString where = node.isEmpty() ? QString() : QStringLiteral("node \"%1\"").arg(node);
    if (!field.isEmpty())
        where += (where.isEmpty() ? QString() : QStringLiteral(", ")) + field;
    return where.isEmpty() ? message.text() : where + QStringLiteral(": ") + message.text();
}

QString WorkflowIssue::translated() const
{
    const Message where = node.isEmpty()
        ? (field.isEmpty() ? message
                           : Message(QStringLiteral("workflow.problem.at_field"),
                                     {Message::plain(field), message}))
        : field.isEmpty()
        ? Message(QStringLiteral("workflow.problem.at_step"), {Message::plain(node), message})
        : Message(QStringLiteral("workflow.problem.at_step_field"),
                  {Message::plain(node), Message::plain(field), message});
    return where.translated();
}

namespace {

Message say(const char *id, QList<Message> args = {})
{
    return Message(QLatin1String(id), std::move(args));
}

Message plain(const QString &text)
{
    return Message::plain(text);
}

const JsonSchema &schema()
{
    static const JsonSchema instance = [] {
        QFile file(QStringLiteral(":/schema/workflow.schema.json"));
        file.open(QIODevice::ReadOnly);
        return JsonSchema(QJsonDocument::fromJson(file.readAll()).object());
    }();
    return instance;
}

// "nodes[2].cases[0].when" → node id of nodes[2] and "cases[0].when".
WorkflowIssue issueAt(const QJsonObject &document, const QString &path, const Message &message)
{
    static const QRegularExpression nodePath(QStringLiteral(R"(^nodes\[(\d+)\]\.?(.*)$)"));
    const auto m = nodePath.match(path);
    if (m.hasMatch()) {
        const int index = m.captured(1).toInt();
        const QString id = document.value(QLatin1String("nodes"))
                               .toArray()
                               .at(index)
                               .toObject()
                               .value(QLatin1String("id"))
                               .toString();
        return {id.isEmpty() ? QStringLiteral("#%1").arg(index + 1) : id, m.captured(2), message};
    }
    return {QString(), path, message};
}

bool knownModule(const QString &id)
{
    return ModuleCatalog::find(id) != nullptr;
}

} // namespace

WorkflowValidator::WorkflowValidator(ExpressionEngine &expressions)
    : m_expressions(expressions)
{
}

QList<WorkflowIssue> WorkflowValidator::validate(const QJsonObject &document) const
{
    QList<WorkflowIssue> issues;
    // Bounded before anything else looks at it, so that a huge document costs little.
    const qsizetype nodes = document.value(QLatin1String("nodes")).toArray().size();
    const qsizetype edges = document.value(QLatin1String("edges")).toArray().size();
    if (nodes > m_maxNodes || edges > 4 * qsizetype(m_maxNodes)) {
        issues.append({QString(),
                       nodes > m_maxNodes ? QStringLiteral("nodes") : QStringLiteral("edges"),
                       say("workflow.too_large",
                           {Message::number(double(nodes)), Message::number(double(edges)),
                            Message::number(m_maxNodes), Message::number(4.0 * m_maxNodes)})});
        return issues;
    }
    for (const JsonSchema::Violation &v : schema().validate(document))
        issues.append(issueAt(document, v.path, plain(v.message)));
    if (!issues.isEmpty())
        return issues; // the graph rules assume a well-formed document
    auto workflow = Workflow::fromJson(document);
    if (!workflow) {
        issues.append(issueAt(document, workflow.error().field, plain(workflow.error().message)));
        return issues;
    }
    checkCorrelation(document, issues);
    checkNodes(*workflow, issues);
    checkGraph(*workflow, issues);
    return issues;
}

void WorkflowValidator::checkCorrelation(const QJsonObject &document, QList<WorkflowIssue> &out)
{
    static const QRegularExpression keyName(QStringLiteral("^[a-z][a-z0-9_]{0,39}$"));
    static const QRegularExpression inputPath(
        QStringLiteral(R"(^input(\.[A-Za-z_][A-Za-z0-9_]{0,63}){1,8}$)"));
    const QJsonObject keys = document.value(QLatin1String("correlation")).toObject();
    if (keys.size() > MaxCorrelationKeys)
        out.append({QString(), QStringLiteral("correlation"),
                    say("workflow.correlation.too_many", {Message::number(MaxCorrelationKeys)})});
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const QString field = QStringLiteral("correlation.%1").arg(it.key());
        if (!keyName.match(it.key()).hasMatch())
            out.append({QString(), field, say("workflow.correlation.key_name")});
        if (!it.value().isString() || !inputPath.match(it.value().toString()).hasMatch())
            out.append({QString(), field, say("workflow.correlation.value")});
    }
}

void WorkflowValidator::checkExpression(const QString &node, const QString &field,
                                        const QString &expression, QList<WorkflowIssue> &out) const
{
    Status st = m_expressions.checkExpression(expression);
    if (!st)
        out.append({node, field, say("workflow.expression", {plain(st.error().message)})});
}

void WorkflowValidator::checkTemplates(const QString &node, const QString &field,
                                       const QJsonValue &value, QList<WorkflowIssue> &out) const
{
    if (value.isString()) {
        Status st = m_expressions.checkTemplate(value.toString());
        if (!st)
            out.append({node, field, say("workflow.template", {plain(st.error().message)})});
    } else if (value.isObject()) {
        const QJsonObject obj = value.toObject();
        for (auto it = obj.begin(); it != obj.end(); ++it)
            checkTemplates(node, field + QLatin1Char('.') + it.key(), it.value(), out);
    } else if (value.isArray()) {
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size(); ++i)
            checkTemplates(node, field + QStringLiteral("[%1]").arg(i), array.at(i), out);
    }
}

void WorkflowValidator::checkDurations(const WorkflowNode &n, QList<WorkflowIssue> &out)
{
    // Bounded here, so that no stored workflow can overflow a due time or lose an SLA.
    const QJsonObject retry = n.settings.value(QLatin1String("retry")).toObject();
    const QList<QPair<QString, QJsonValue>> durations = {
        {QStringLiteral("duration"), n.settings.value(QLatin1String("duration"))},
        {QStringLiteral("timeout"), n.settings.value(QLatin1String("timeout"))},
        {QStringLiteral("sla"), n.settings.value(QLatin1String("sla"))},
        {QStringLiteral("retry.initial_delay"), retry.value(QLatin1String("initial_delay"))},
        {QStringLiteral("retry.max_delay"), retry.value(QLatin1String("max_delay"))}};
    for (const auto &[field, value] : durations) {
        if (value.isUndefined())
            continue;
        if (!value.isString() || durationMs(value.toString()) < 0)
            out.append({n.id, field, say("workflow.duration")});
    }
}

void WorkflowValidator::checkNodes(const Workflow &w, QList<WorkflowIssue> &out) const
{
    QSet<QString> ids;
    int triggers = 0;
    for (const WorkflowNode &n : w.nodes) {
        if (ids.contains(n.id))
            out.append({n.id, QStringLiteral("id"), say("workflow.node.same_id")});
        ids.insert(n.id);
        const QJsonObject &s = n.settings;
        checkDurations(n, out);
        if (s.contains(QLatin1String("placeholder"))) {
            const QJsonObject p = s.value(QLatin1String("placeholder")).toObject();
            out.append({n.id, QStringLiteral("placeholder"),
                        say("workflow.node.placeholder",
                            {plain(p.value(QLatin1String("n8n_name")).toString()),
                             plain(p.value(QLatin1String("n8n_type")).toString()),
                             plain(p.value(QLatin1String("reason")).toString())})});
        }
        switch (n.type) {
        case NodeType::Trigger:
            ++triggers;
            break;
        case NodeType::ModuleCall:
            if (!knownModule(n.text("module")))
                out.append({n.id, QStringLiteral("module"),
                            say("workflow.module.unknown_expected", {plain(n.text("module"))})});
            checkTemplates(n.id, QStringLiteral("payload"), s.value(QLatin1String("payload")), out);
            if (s.contains(QLatin1String("compensation"))) {
                const QJsonObject c = s.value(QLatin1String("compensation")).toObject();
                if (!knownModule(c.value(QLatin1String("module")).toString()))
                    out.append({n.id, QStringLiteral("compensation.module"),
                                say("workflow.module.unknown",
                                    {plain(c.value(QLatin1String("module")).toString())})});
                checkTemplates(n.id, QStringLiteral("compensation.payload"),
                               c.value(QLatin1String("payload")), out);
            }
            break;
        case NodeType::Condition: {
            const QJsonArray cases = s.value(QLatin1String("cases")).toArray();
            QSet<QString> labels;
            for (int i = 0; i < cases.size(); ++i) {
                const QJsonObject c = cases.at(i).toObject();
                const QString label = c.value(QLatin1String("label")).toString();
                if (labels.contains(label))
                    out.append({n.id, QStringLiteral("cases[%1].label").arg(i),
                                say("workflow.case.same_label", {plain(label)})});
                labels.insert(label);
                checkExpression(n.id, QStringLiteral("cases[%1].when").arg(i),
                                c.value(QLatin1String("when")).toString(), out);
            }
            break;
        }
        case NodeType::Join:
            if (s.value(QLatin1String("mode")).toString() == QLatin1String("n")) {
                const int n_ = s.value(QLatin1String("n")).toInt(0);
                if (n_ < 1 || n_ > w.incoming(n.id).size())
                    out.append({n.id, QStringLiteral("n"),
                                say("workflow.join.n",
                                    {Message::number(double(w.incoming(n.id).size()))})});
            }
            break;
        case NodeType::Delay:
            if (s.contains(QLatin1String("until")))
                checkExpression(n.id, QStringLiteral("until"), n.text("until"), out);
            else if (!s.contains(QLatin1String("duration")))
                out.append(
                    {n.id, QStringLiteral("duration"), say("workflow.delay.needs_duration")});
            break;
        case NodeType::WaitForEvent:
            if (s.contains(QLatin1String("module")) && !knownModule(n.text("module")))
                out.append({n.id, QStringLiteral("module"),
                            say("workflow.module.unknown", {plain(n.text("module"))})});
            if (s.contains(QLatin1String("match")))
                checkExpression(n.id, QStringLiteral("match"), n.text("match"), out);
            break;
        case NodeType::HumanReview:
            checkTemplates(n.id, QStringLiteral("title"), s.value(QLatin1String("title")), out);
            for (int i = 0; i < s.value(QLatin1String("fields")).toArray().size(); ++i) {
                const QJsonObject f = s.value(QLatin1String("fields")).toArray().at(i).toObject();
                checkTemplates(n.id, QStringLiteral("fields[%1].value").arg(i),
                               f.value(QLatin1String("value")), out);
                if (f.value(QLatin1String("type")).toString() == QLatin1String("choice")
                    && f.value(QLatin1String("options")).toArray().isEmpty())
                    out.append({n.id, QStringLiteral("fields[%1].options").arg(i),
                                say("workflow.review.choice_options")});
            }
            break;
        case NodeType::Notify:
            checkTemplates(n.id, QStringLiteral("message"), s.value(QLatin1String("message")), out);
            break;
        case NodeType::Set:
            checkTemplates(n.id, QStringLiteral("values"), s.value(QLatin1String("values")), out);
            break;
        case NodeType::End:
            checkTemplates(n.id, QStringLiteral("output"), s.value(QLatin1String("output")), out);
            break;
        case NodeType::RunWorkflow: {
            // Checked here rather than by the schema's pattern, to say it in words.
            static const QRegularExpression workflowId(QStringLiteral("^[a-z0-9][a-z0-9-]{0,62}$"));
            const QString target = n.text("workflow");
            if (target.isEmpty())
                out.append({n.id, QStringLiteral("workflow"), say("workflow.run.choose")});
            else if (!workflowId.match(target).hasMatch())
                out.append({n.id, QStringLiteral("workflow"),
                            say("workflow.run.bad_id", {plain(target)})});
            checkTemplates(n.id, QStringLiteral("input"), s.value(QLatin1String("input")), out);
            break;
        }
        case NodeType::Parallel:
            break;
        }
    }
    if (triggers != 1)
        out.append({QString(), QStringLiteral("nodes"),
                    triggers == 0 ? say("workflow.trigger.none")
                                  : say("workflow.trigger.many", {Message::number(triggers)})});
    const QString kind = w.trigger.value(QLatin1String("kind")).toString();
    if (kind == QLatin1String("event") && w.trigger.contains(QLatin1String("module"))
        && !knownModule(w.trigger.value(QLatin1String("module")).toString()))
        out.append({QString(), QStringLiteral("trigger.module"),
                    say("workflow.module.unknown",
                        {plain(w.trigger.value(QLatin1String("module")).toString())})});
    if (kind == QLatin1String("schedule")) {
        auto cron = CronSchedule::parse(w.trigger.value(QLatin1String("cron")).toString());
        if (!cron)
            out.append({QString(), QStringLiteral("trigger.cron"),
                        say("workflow.trigger.cron", {plain(cron.error().message)})});
    }
    if (w.trigger.contains(QLatin1String("filter")))
        checkExpression(QString(), QStringLiteral("trigger.filter"),
                        w.trigger.value(QLatin1String("filter")).toString(), out);
}

void WorkflowValidator::checkGraph(const Workflow &w, QList<WorkflowIssue> &out) const
{
    QSet<QString> seen;
    for (int i = 0; i < w.edges.size(); ++i) {
        const WorkflowEdge &e = w.edges.at(i);
        const QString field = QStringLiteral("edges[%1]").arg(i);
        const WorkflowNode *from = w.node(e.from);
        if (!from) {
            out.append({QString(), field + QStringLiteral(".from"),
                        say("workflow.edge.no_node", {plain(e.from)})});
            continue;
        }
        if (!w.node(e.to)) {
            out.append({e.from, field + QStringLiteral(".to"),
                        say("workflow.edge.no_node", {plain(e.to)})});
            continue;
        }
        const QString key = e.from + QChar(0) + e.to + QChar(0) + e.port;
        if (seen.contains(key))
            out.append({e.from, field, say("workflow.edge.twice", {plain(e.to)})});
        seen.insert(key);
        if (from->type == NodeType::End)
            out.append({e.from, field, say("workflow.edge.from_end")});
        else if (from->type != NodeType::Parallel && !from->ports().contains(e.port))
            out.append({e.from, field + QStringLiteral(".port"),
                        say("workflow.edge.port",
                            {plain(e.port), plain(from->ports().join(QStringLiteral(", ")))})});
        if (w.node(e.to)->type == NodeType::Trigger)
            out.append({e.from, field + QStringLiteral(".to"), say("workflow.edge.into_trigger")});
    }

    for (const WorkflowNode &n : w.nodes) {
        const QList<WorkflowEdge> outgoing = w.outgoing(n.id);
        QSet<QString> ports;
        for (const WorkflowEdge &e : outgoing)
            ports.insert(e.port);
        switch (n.type) {
        case NodeType::End:
            break;
        case NodeType::Condition: {
            const QString def =
                n.settings.value(QLatin1String("default")).toString(QStringLiteral("default"));
            if (!ports.contains(def))
                out.append({n.id, QStringLiteral("default"),
                            say("workflow.condition.no_default", {plain(def)})});
            break;
        }
        case NodeType::HumanReview:
            for (const QString &outcome : n.ports()) {
                if (!ports.contains(outcome))
                    out.append({n.id, QStringLiteral("outcomes"),
                                say("workflow.review.outcome_nowhere", {plain(outcome)})});
            }
            break;
        case NodeType::WaitForEvent:
            if (!ports.contains(QStringLiteral("timeout")))
                out.append({n.id, QStringLiteral("timeout"), say("workflow.wait.no_timeout")});
            if (!ports.contains(QStringLiteral("event")))
                out.append({n.id, QStringLiteral("event_type"), say("workflow.wait.no_event")});
            break;
        default:
            if (outgoing.isEmpty()
                || (n.type == NodeType::ModuleCall && !ports.contains(QStringLiteral("out"))))
                out.append({n.id, QString(), say("workflow.node.dead_end")});
            break;
        }
    }

    // Reachability from the trigger.
    if (const WorkflowNode *start = w.triggerNode()) {
        QSet<QString> reached {start->id};
        QList<QString> queue {start->id};
        while (!queue.isEmpty()) {
            const QString id = queue.takeFirst();
            for (const WorkflowEdge &e : w.outgoing(id)) {
                if (w.node(e.to) && !reached.contains(e.to)) {
                    reached.insert(e.to);
                    queue.append(e.to);
                }
            }
        }
        for (const WorkflowNode &n : w.nodes) {
            if (!reached.contains(n.id))
                out.append({n.id, QString(), say("workflow.node.unreachable")});
        }
    }
    checkCycles(w, out);
}

void WorkflowValidator::checkCycles(const Workflow &w, QList<WorkflowIssue> &out) const
{
    // Tarjan's strongly connected components, iterative (a long chain of nodes must not
    // exhaust the stack); a component with a cycle needs a real wait in it.
    const qsizetype n = w.nodes.size();
    QHash<QString, qsizetype> position;
    for (qsizetype i = 0; i < n; ++i)
        position.insert(w.nodes.at(i).id, i);
    QList<QList<qsizetype>> next(n);
    for (const WorkflowEdge &e : w.edges) {
        const auto from = position.constFind(e.from);
        const auto to = position.constFind(e.to);
        if (from != position.constEnd() && to != position.constEnd())
            next[*from].append(*to);
    }
    QList<qsizetype> index(n, -1), low(n, 0);
    QList<bool> onStack(n, false);
    QList<qsizetype> stack;
    qsizetype counter = 0;
    struct Frame
    {
        qsizetype node;
        qsizetype edge;
    };
    for (qsizetype root = 0; root < n; ++root) {
        if (index[root] >= 0)
            continue;
        QList<Frame> frames {{root, 0}};
        index[root] = low[root] = counter++;
        stack.append(root);
        onStack[root] = true;
        while (!frames.isEmpty()) {
            Frame &f = frames.last();
            const qsizetype v = f.node;
            if (f.edge < next[v].size()) {
                const qsizetype to = next[v][f.edge++];
                if (index[to] < 0) {
                    index[to] = low[to] = counter++;
                    stack.append(to);
                    onStack[to] = true;
                    frames.append({to, 0});
                } else if (onStack[to]) {
                    low[v] = std::min(low[v], index[to]);
                }
                continue;
            }
            frames.removeLast();
            if (!frames.isEmpty())
                low[frames.last().node] = std::min(low[frames.last().node], low[v]);
            if (low[v] != index[v])
                continue;
            QList<qsizetype> component;
            qsizetype member = -1;
            do {
                member = stack.takeLast();
                onStack[member] = false;
                component.append(member);
            } while (member != v);
            if (component.size() < 2 && !next[v].contains(v))
                continue;
            checkLoop(w, component, out);
        }
    }
}

void WorkflowValidator::checkLoop(const Workflow &w, const QList<qsizetype> &component,
                                  QList<WorkflowIssue> &out)
{
    // A delay counts as a wait only with a fixed duration of at least a second; a 0 ms delay or
    // one "until" a time that may have passed would let the loop spin.
    const auto realWait = [](const WorkflowNode &node) {
        if (node.type != NodeType::Delay)
            return node.waits();
        return !node.settings.contains(QLatin1String("until"))
            && durationMs(node.text("duration")) >= MinLoopDelayMs;
    };
    QStringList ids;
    bool waits = false;
    for (qsizetype i : component) {
        ids << w.nodes.at(i).id;
        waits = waits || realWait(w.nodes.at(i));
    }
    if (waits)
        return;
    std::sort(ids.begin(), ids.end());
    const QString loop = ids.size() > 12
        ? ids.mid(0, 12).join(QStringLiteral(" → ")) + QStringLiteral(" … (%1)").arg(ids.size())
        : ids.join(QStringLiteral(" → "));
    out.append({ids.first(), QString(), say("workflow.loop.no_wait", {plain(loop)})});
}

} // namespace Switchboard
