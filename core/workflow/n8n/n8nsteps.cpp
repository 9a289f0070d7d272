#include "workflow/n8n/n8nsteps.h"

#include "modules/modulecatalog.h"
#include "workflow/n8n/n8nconditions.h"
#include "workflow/n8n/n8nexpressions.h"
#include "workflow/n8n/n8ngraph.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <cmath>

namespace Switchboard::N8nSteps {

namespace {

QJsonObject condition(const QJsonArray &cases, const QString &fallback)
{
    return {{QStringLiteral("type"), QStringLiteral("condition")},
            {QStringLiteral("cases"), cases},
            {QStringLiteral("default"), fallback}};
}

QJsonObject when(const QString &label, const QString &expression)
{
    return {{QStringLiteral("label"), label}, {QStringLiteral("when"), expression}};
}

// IF and Filter: v1's typed comparisons, or from v2 on the filter's conditions. A Filter's
// "dropped" port has no n8n output: those items stop there.
N8nStep ifNode(const N8nNode &n, const N8nExpressions &x, bool filter)
{
    auto test = n.version < 2
        ? N8nConditions::ifV1(n.parameters, x)
        : N8nConditions::filter(n.parameters.value(QLatin1String("conditions")).toObject(), x);
    if (!test)
        return N8nStep::refuse(test.error().message);
    const QString yes = filter ? QStringLiteral("kept") : QStringLiteral("true");
    const QString no = filter ? QStringLiteral("dropped") : QStringLiteral("false");
    N8nStep s;
    s.step = condition({when(yes, *test)}, no);
    s.outputs = filter ? QList<QStringList> {{yes}} : QList<QStringList> {{yes}, {no}};
    s.described = QStringLiteral("condition: %1").arg(*test);
    return s;
}

// Switch v1–v3 in rules or expression mode. Each n8n output is a port; a rule leads to its
// output, the first rule that matches wins (as n8n does unless "all matching outputs" is on).
N8nStep switchNode(const N8nNode &n, const N8nExpressions &x)
{
    const QString mode = n.param("mode", QStringLiteral("rules"));
    QJsonArray cases;
    QList<QStringList> outputs;
    const auto portFor = [&outputs](int output, const QString &label) {
        while (outputs.size() <= output)
            outputs.append(QStringList());
        outputs[output] << label;
    };
    QString fallback = QStringLiteral("no_match");
    int fallbackOutput = -1;
    if (mode == QLatin1String("expression")) {
        auto which = x.expression(n.parameters.value(QLatin1String("output")));
        if (!which)
            return N8nStep::refuse(which.error().message);
        const int count = n.version < 2 ? 4
            : n.version < 3 ? n.parameters.value(QLatin1String("outputsAmount")).toInt(4)
                            : n.parameters.value(QLatin1String("numberOutputs")).toInt(4);
        for (int i = 0; i < count; ++i) {
            const QString label = QStringLiteral("output_%1").arg(i);
            cases.append(when(label, QStringLiteral("Number(%1) === %2").arg(*which).arg(i)));
            portFor(i, label);
        }
        fallback = QStringLiteral("out_of_range"); // n8n fails the run there
    } else if (n.version < 3) {
        const QString type = n.param("dataType", QStringLiteral("number"));
        const QJsonValue defaultValue = type == QLatin1String("number") ? QJsonValue(0)
            : type == QLatin1String("boolean")                          ? QJsonValue(false)
                                                                        : QJsonValue(QString());
        auto left = x.expression(n.parameters.value(QLatin1String("value1")).isUndefined()
                                     ? defaultValue
                                     : n.parameters.value(QLatin1String("value1")));
        if (!left)
            return N8nStep::refuse(left.error().message);
        const QJsonArray rules = n.parameters.value(QLatin1String("rules"))
                                     .toObject()
                                     .value(QLatin1String("rules"))
                                     .toArray();
        for (int i = 0; i < rules.size(); ++i) {
            const QJsonObject r = rules.at(i).toObject();
            auto right = x.expression(r.value(QLatin1String("value2")).isUndefined()
                                          ? defaultValue
                                          : r.value(QLatin1String("value2")));
            if (!right)
                return N8nStep::refuse(right.error().message);
            auto test = N8nConditions::compareV1(
                type, r.value(QLatin1String("operation")).toString(QStringLiteral("equal")), *left,
                *right);
            if (!test)
                return N8nStep::refuse(test.error().message);
            const QString label = QStringLiteral("rule_%1").arg(i + 1);
            cases.append(when(label, *test));
            portFor(r.value(QLatin1String("output")).toInt(0), label);
        }
        fallbackOutput = n.parameters.value(QLatin1String("fallbackOutput")).toInt(-1);
    } else {
        const QJsonObject options = n.parameters.value(QLatin1String("options")).toObject();
        if (options.value(QLatin1String("allMatchingOutputs")).toBool())
            return N8nStep::refuse(QStringLiteral("\"send data to all matching outputs\" is on; a "
                                                  "Switchboard condition takes the first match"));
        const QJsonArray rules = n.parameters.value(QLatin1String("rules"))
                                     .toObject()
                                     .value(QLatin1String("values"))
                                     .toArray();
        QStringList labels;
        for (int i = 0; i < rules.size(); ++i) {
            const QJsonObject r = rules.at(i).toObject();
            auto test = N8nConditions::filter(r.value(QLatin1String("conditions")).toObject(), x);
            if (!test)
                return N8nStep::refuse(
                    QStringLiteral("rule %1: %2").arg(i + 1).arg(test.error().message));
            QString label = r.value(QLatin1String("renameOutput")).toBool()
                ? r.value(QLatin1String("outputKey")).toString().trimmed()
                : QString();
            if (label.isEmpty() || labels.contains(label))
                label = QStringLiteral("rule_%1").arg(i + 1);
            labels << label;
            cases.append(when(label, *test));
            portFor(i, label);
        }
        const QJsonValue f = options.value(QLatin1String("fallbackOutput"));
        if (f.toString() == QLatin1String("extra")) {
            fallback = options.value(QLatin1String("renameFallbackOutput"))
                           .toString(QStringLiteral("fallback"));
            fallbackOutput = int(rules.size());
            outputs.append(QStringList());
        } else if (f.isDouble()) {
            fallbackOutput = f.toInt();
        }
    }
    if (cases.isEmpty())
        return N8nStep::refuse(QStringLiteral("a Switch with no rules"));
    if (fallbackOutput >= 0)
        portFor(fallbackOutput, fallback);
    N8nStep s;
    s.step = condition(cases, fallback);
    s.outputs = outputs;
    s.described = QStringLiteral("condition with %1 case(s)").arg(cases.size());
    if (fallbackOutput < 0)
        s.notes << QStringLiteral("what matches no rule stops, as in n8n");
    return s;
}

// "1.5 hours" as the largest whole unit Switchboard writes.
QString durationOf(double amount, const QString &unit)
{
    const double unitMs = unit.startsWith(QLatin1String("second")) ? 1000.0
        : unit.startsWith(QLatin1String("minute"))                 ? 60000.0
        : unit.startsWith(QLatin1String("day"))                    ? 86400000.0
                                                                   : 3600000.0;
    const qint64 ms = qint64(std::llround(amount * unitMs));
    if (ms % 86400000 == 0)
        return QStringLiteral("%1d").arg(ms / 86400000);
    if (ms % 3600000 == 0)
        return QStringLiteral("%1h").arg(ms / 3600000);
    if (ms % 60000 == 0)
        return QStringLiteral("%1m").arg(ms / 60000);
    if (ms % 1000 == 0)
        return QStringLiteral("%1s").arg(ms / 1000);
    return QStringLiteral("%1ms").arg(ms);
}

N8nStep waitNode(const N8nNode &n, const N8nExpressions &x)
{
    const QString resume = n.param("resume", QStringLiteral("timeInterval"));
    N8nStep s;
    s.step = {{QStringLiteral("type"), QStringLiteral("delay")}};
    if (resume == QLatin1String("timeInterval")) {
        const QJsonValue amount = n.parameters.value(QLatin1String("amount"));
        if (amount.isString())
            return N8nStep::refuse(QStringLiteral("a wait whose length is computed while running"));
        const QString duration =
            durationOf(amount.toDouble(1), n.param("unit", QStringLiteral("hours")));
        s.step.insert(QStringLiteral("duration"), duration);
        s.described = QStringLiteral("delay %1").arg(duration);
    } else if (resume == QLatin1String("specificTime")) {
        auto until = x.expression(n.parameters.value(QLatin1String("dateTime")));
        if (!until)
            return N8nStep::refuse(until.error().message);
        s.step.insert(QStringLiteral("until"), *until);
        s.described = QStringLiteral("delay until %1").arg(*until);
    } else {
        return N8nStep::refuse(QStringLiteral("waits for a call to its resume URL (\"%1\"); a "
                                              "Switchboard step waits for a module's event "
                                              "(wait_for_event) instead")
                                   .arg(resume));
    }
    return s;
}

// Set v1–v2 and Edit Fields v3: the fields become a "set" step's values.
N8nStep setNode(const N8nNode &n, const QString &id, const N8nExpressions &x)
{
    if (n.param("mode", QStringLiteral("manual")) != QLatin1String("manual"))
        return N8nStep::refuse(QStringLiteral("fields written as raw JSON"));
    QList<QPair<QString, QJsonValue>> fields;
    bool keepOnly = false;
    if (n.version < 3) {
        const QJsonObject values = n.parameters.value(QLatin1String("values")).toObject();
        for (auto it = values.begin(); it != values.end(); ++it) {
            for (const auto &v : it.value().toArray()) {
                const QJsonObject o = v.toObject();
                fields.append(
                    {o.value(QLatin1String("name")).toString(), o.value(QLatin1String("value"))});
            }
        }
        keepOnly = n.parameters.value(QLatin1String("keepOnlySet")).toBool(false);
    } else {
        const QJsonArray assignments = n.parameters.value(QLatin1String("assignments"))
                                           .toObject()
                                           .value(QLatin1String("assignments"))
                                           .toArray();
        for (const auto &v : assignments) {
            const QJsonObject o = v.toObject();
            fields.append(
                {o.value(QLatin1String("name")).toString(), o.value(QLatin1String("value"))});
        }
        for (const auto &v : n.parameters.value(QLatin1String("fields"))
                                 .toObject()
                                 .value(QLatin1String("values"))
                                 .toArray()) {
            const QJsonObject o = v.toObject();
            const QString type =
                o.value(QLatin1String("type")).toString(QStringLiteral("stringValue"));
            fields.append({o.value(QLatin1String("name")).toString(), o.value(type)});
        }
        // From 3.3 "includeOtherFields" (off by default); before, "include" (all by default).
        keepOnly = n.version >= 3.3
            ? !n.parameters.value(QLatin1String("includeOtherFields")).toBool(false)
            : n.param("include", QStringLiteral("all")) == QLatin1String("none");
        if (!keepOnly && n.version < 3.3
            && n.param("include", QStringLiteral("all")) != QLatin1String("all"))
            return N8nStep::refuse(QStringLiteral("keeps only some of the other fields"));
    }
    QJsonObject values;
    for (const auto &[name, value] : std::as_const(fields)) {
        if (name.isEmpty() || name.contains(QLatin1Char('.')) || name.contains(QLatin1Char('[')))
            return N8nStep::refuse(QStringLiteral("the field \"%1\" is a nested path; Switchboard "
                                                  "sets whole fields")
                                       .arg(name));
        auto v = x.value(value);
        if (!v)
            return N8nStep::refuse(QStringLiteral("%1: %2").arg(name, v.error().message));
        values.insert(name, *v);
    }
    N8nStep s;
    s.step = {{QStringLiteral("type"), QStringLiteral("set")}, {QStringLiteral("values"), values}};
    s.outputs = {{QStringLiteral("out")}};
    const QString own = QStringLiteral("steps.%1.output").arg(id);
    s.item = keepOnly ? N8nItem::own(own) : N8nItem::extending(own, values.keys());
    s.described = QStringLiteral("set %1 field(s)").arg(values.size());
    return s;
}

const ModuleInfo *moduleForUrl(const QString &url)
{
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        if (url.contains(QStringLiteral("/webhook/") + info.webhookPath)
            || url.endsWith(QLatin1Char('/') + info.webhookPath))
            return &info;
    }
    return nullptr;
}

// The request body as name → value, from each version's way of writing it.
Result<QJsonObject> bodyOf(const N8nNode &n)
{
    QJsonObject body;
    const auto pairs = [&body](const QJsonArray &list) {
        for (const auto &v : list) {
            const QJsonObject o = v.toObject();
            body.insert(o.value(QLatin1String("name")).toString(), o.value(QLatin1String("value")));
        }
    };
    pairs(n.parameters.value(QLatin1String("bodyParameters"))
              .toObject()
              .value(QLatin1String("parameters"))
              .toArray());
    pairs(n.parameters.value(QLatin1String("bodyParametersUi"))
              .toObject()
              .value(QLatin1String("parameter"))
              .toArray());
    QJsonValue json = n.parameters.value(QLatin1String("jsonBody"));
    if (json.isUndefined() && n.parameters.value(QLatin1String("jsonParameters")).toBool())
        json = n.parameters.value(QLatin1String("bodyParametersJson"));
    if (json.isString()) {
        QString text = json.toString();
        if (text.startsWith(QLatin1Char('=')))
            text = text.mid(1);
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &error);
        if (!doc.isObject())
            return makeError(QStringLiteral("a JSON body that is not a plain JSON object (with "
                                            "expressions only inside its text values)"));
        // Expressions inside text values stay n8n expressions, read as such below.
        const QJsonObject o = doc.object();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QJsonValue v = it.value();
            body.insert(it.key(),
                        v.isString() && v.toString().contains(QStringLiteral("{{"))
                            ? QJsonValue(QLatin1Char('=') + v.toString())
                            : v);
        }
    }
    return body;
}

// The outputs of a node whose failure may go on: n8n's "continue (using error output)" is the
// step's error port; "continue" takes the regular output either way.
QList<QStringList> outputsOnError(const N8nNode &n)
{
    const QString onError = n.raw.value(QLatin1String("onError")).toString();
    if (onError == QLatin1String("continueErrorOutput"))
        return {{QStringLiteral("out")}, {QStringLiteral("error")}};
    if (onError == QLatin1String("continueRegularOutput")
        || n.raw.value(QLatin1String("continueOnFail")).toBool())
        return {{QStringLiteral("out"), QStringLiteral("error")}};
    return {{QStringLiteral("out")}};
}

N8nStep httpRequestNode(const N8nNode &n, const QString &id, const N8nExpressions &x)
{
    const QString url = n.param("url");
    const ModuleInfo *module = moduleForUrl(url);
    if (!module)
        return N8nStep::refuse(QStringLiteral("calls %1, which is not one of the nine modules' "
                                              "webhooks; Switchboard calls only modules")
                                   .arg(url.isEmpty() ? QStringLiteral("an empty URL") : url));
    const QString method = n.version < 3 ? n.param("requestMethod", QStringLiteral("GET"))
                                         : n.param("method", QStringLiteral("GET"));
    if (method != QLatin1String("POST"))
        return N8nStep::refuse(QStringLiteral("sends %1; the modules take POST").arg(method));
    auto body = bodyOf(n);
    if (!body)
        return N8nStep::refuse(body.error().message);
    const QJsonValue action = body->take(QStringLiteral("action"));
    if (!action.isString() || action.toString().isEmpty()
        || action.toString().startsWith(QLatin1Char('=')))
        return N8nStep::refuse(QStringLiteral("sends no fixed \"action\"; a Switchboard module "
                                              "call names its action"));
    QJsonObject payload;
    for (auto it = body->begin(); it != body->end(); ++it) {
        auto v = x.value(it.value());
        if (!v)
            return N8nStep::refuse(QStringLiteral("%1: %2").arg(it.key(), v.error().message));
        payload.insert(it.key(), *v);
    }
    N8nStep s;
    s.step = {{QStringLiteral("type"), QStringLiteral("module_call")},
              {QStringLiteral("module"), module->id},
              {QStringLiteral("action"), action.toString()},
              {QStringLiteral("payload"), payload}};
    const int timeoutMs = n.parameters.value(QLatin1String("options"))
                              .toObject()
                              .value(QLatin1String("timeout"))
                              .toInt(0);
    if (timeoutMs >= 5000 && timeoutMs <= 60000)
        s.step.insert(QStringLiteral("timeout_s"), timeoutMs / 1000);
    s.outputs = outputsOnError(n);
    s.item = N8nItem::own(QStringLiteral("steps.%1.output").arg(id));
    s.described = QStringLiteral("call %1, %2").arg(module->id, action.toString());
    if (!n.parameters.value(QLatin1String("headerParameters")).toObject().isEmpty()
        || !n.parameters.value(QLatin1String("headerParametersUi")).toObject().isEmpty()
        || n.parameters.contains(QLatin1String("authentication")))
        s.notes << QStringLiteral("its headers and credentials are not carried over; a module's "
                                  "credential is set in Settings › Modules");
    return s;
}

N8nStep mergeNode(const N8nNode &n)
{
    const QString mode = n.param("mode", QStringLiteral("append"));
    N8nStep s;
    s.step = {{QStringLiteral("type"), QStringLiteral("join")}};
    s.outputs = {{QStringLiteral("out")}};
    if (mode == QLatin1String("append") || mode == QLatin1String("wait")) {
        s.item = N8nItem::none(QStringLiteral("\"%1\" appends both inputs' items; name the step "
                                              "whose data you mean")
                                   .arg(n.name));
    } else if (mode == QLatin1String("chooseBranch") || mode == QLatin1String("passThrough")) {
        // v1–v2 say "input1"/"input2"/"empty"; v3 says which input by number.
        const QString chosen = n.version >= 3 ? QStringLiteral("input%1").arg(
                                   n.parameters.value(QLatin1String("useDataOfInput")).toInt(1))
                                              : n.param("output", QStringLiteral("input1"));
        if (chosen == QLatin1String("empty"))
            s.item = N8nItem::none(QStringLiteral("\"%1\" passes an empty item").arg(n.name));
        else
            s.item = N8nItem::fromInput(chosen == QLatin1String("input2") ? 1 : 0);
    } else {
        return N8nStep::refuse(QStringLiteral("merges items by \"%1\"; Switchboard's join waits "
                                              "for branches but does not combine their data")
                                   .arg(mode));
    }
    s.described = QStringLiteral("join");
    return s;
}

N8nStep respondNode(const N8nNode &n, const N8nExpressions &x)
{
    const QString with = n.param("respondWith", QStringLiteral("firstIncomingItem"));
    const int code = n.parameters.value(QLatin1String("options"))
                         .toObject()
                         .value(QLatin1String("responseCode"))
                         .toInt(200);
    if (code != 200)
        return N8nStep::refuse(QStringLiteral("answers with HTTP %1; a Switchboard webhook "
                                              "answers 200 when the run ends")
                                   .arg(code));
    N8nStep s;
    s.step = {{QStringLiteral("type"), QStringLiteral("end")},
              {QStringLiteral("status"), QStringLiteral("completed")}};
    if (with == QLatin1String("firstIncomingItem")) {
        auto item = x.code(QStringLiteral("$json"));
        if (!item)
            return N8nStep::refuse(item.error().message);
        s.step.insert(QStringLiteral("output"), QStringLiteral("{{ %1 }}").arg(*item));
    } else if (with == QLatin1String("json") || with == QLatin1String("text")) {
        QJsonValue body = n.parameters.value(QLatin1String("responseBody"));
        if (with == QLatin1String("json") && body.isString()
            && !body.toString().startsWith(QLatin1Char('='))) {
            const QJsonDocument doc = QJsonDocument::fromJson(body.toString().toUtf8());
            if (doc.isObject())
                body = doc.object();
        }
        if (body.isObject()) {
            s.step.insert(QStringLiteral("output"), body);
        } else {
            auto v = x.value(body);
            if (!v)
                return N8nStep::refuse(v.error().message);
            s.step.insert(QStringLiteral("output"), *v);
        }
    } else if (with != QLatin1String("noData")) {
        return N8nStep::refuse(QStringLiteral("answers with \"%1\"").arg(with));
    }
    s.described = QStringLiteral("end, answering the webhook");
    return s;
}

// Execute Workflow from the database, as run_workflow. The workflow it runs is found by the name
// n8n keeps with it: imported, that export becomes the Switchboard workflow of that name's id.
N8nStep executeWorkflowNode(const N8nNode &n, const QString &id, const N8nExpressions &x)
{
    const QString source = n.param("source", QStringLiteral("database"));
    if (source != QLatin1String("database"))
        return N8nStep::refuse(QStringLiteral("loads the workflow it runs from \"%1\"; a "
                                              "Switchboard step runs a published workflow")
                                   .arg(source));
    // v1: the id as text; v1.1 on: a resource locator with the name n8n showed.
    const QJsonValue chosen = n.parameters.value(QLatin1String("workflowId"));
    const QString n8nId = chosen.isObject()
        ? chosen.toObject().value(QLatin1String("value")).toString()
        : chosen.toString();
    const QString name = chosen.toObject().value(QLatin1String("cachedResultName")).toString();
    if (n8nId.startsWith(QLatin1Char('=')))
        return N8nStep::refuse(QStringLiteral("chooses the workflow it runs by an expression; a "
                                              "Switchboard step names the workflow it runs"));
    QJsonValue input;
    const QJsonObject mapping = n.parameters.value(QLatin1String("workflowInputs")).toObject();
    const QJsonObject values = mapping.value(QLatin1String("value")).toObject();
    QStringList declared;
    for (const QJsonValue field : mapping.value(QLatin1String("schema")).toArray()) {
        if (!field[QLatin1String("removed")].toBool())
            declared << field[QLatin1String("id")].toString();
    }
    if (n.version < 1.2 || (values.isEmpty() && declared.isEmpty())) {
        // The item that arrived is the other workflow's input.
        auto item = x.code(QStringLiteral("$json"));
        if (!item)
            return N8nStep::refuse(item.error().message);
        input = QStringLiteral("{{ %1 }}").arg(*item);
    } else if (mapping.value(QLatin1String("mappingMode")).toString(QStringLiteral("defineBelow"))
                   != QLatin1String("defineBelow")
               || declared.isEmpty()) {
        return N8nStep::refuse(QStringLiteral("passes the item with fields added; a Switchboard "
                                              "step passes either the item or named fields"));
    } else {
        // The inputs the other workflow declares, each as mapped.
        QJsonObject fields;
        for (const QString &field : std::as_const(declared)) {
            auto v = x.value(values.value(field));
            if (!v)
                return N8nStep::refuse(QStringLiteral("%1: %2").arg(field, v.error().message));
            fields.insert(field, values.contains(field) ? *v : QJsonValue(QJsonValue::Null));
        }
        input = fields;
    }
    const bool wait = n.parameters.value(QLatin1String("options"))
                          .toObject()
                          .value(QLatin1String("waitForSubWorkflow"))
                          .toBool(true);
    const QString target = N8nGraph::slug(name, QLatin1Char('-')).left(63);
    N8nStep s;
    s.step = {{QStringLiteral("type"), QStringLiteral("run_workflow")},
              {QStringLiteral("workflow"), target},
              {QStringLiteral("input"), input},
              {QStringLiteral("wait"), wait}};
    s.outputs = outputsOnError(n);
    s.described = QStringLiteral("run the workflow %1%2")
                      .arg(target.isEmpty() ? QStringLiteral("(to choose)") : target,
                           wait ? QStringLiteral(" and wait for it") : QString());
    if (target.isEmpty())
        s.notes << QStringLiteral("n8n names the workflow it runs only by its id %1; choose the "
                                  "Switchboard workflow it becomes")
                       .arg(n8nId.isEmpty() ? QStringLiteral("(none)") : n8nId);
    else
        s.notes << QStringLiteral("runs \"%1\" (n8n id %2): import that export too, and "
                                  "publish it as %3")
                       .arg(name, n8nId, target);
    if (wait) {
        // n8n passes on the other workflow's last items; Switchboard gives its end's output.
        s.item = N8nItem::none(
            QStringLiteral("\"%1\" gives back the other workflow's result, which Switchboard "
                           "reads as steps.%2.output.output (its end step's output), not as "
                           "n8n's last items")
                .arg(n.name, id));
    }
    return s;
}

} // namespace

N8nStep map(const N8nNode &n, const QString &id, const N8nExpressions &x)
{
    const QString kind = n.kind();
    N8nStep s;
    if (n.disabled || kind == QLatin1String("noOp")) {
        s.step = {{QStringLiteral("type"), QStringLiteral("set")},
                  {QStringLiteral("values"), QJsonObject {}}};
        s.described = n.disabled
            ? QStringLiteral("disabled in n8n: passes the item on, as n8n does")
            : QStringLiteral("does nothing, as in n8n");
    } else if (kind == QLatin1String("if") || kind == QLatin1String("filter")) {
        s = ifNode(n, x, kind == QLatin1String("filter"));
    } else if (kind == QLatin1String("switch")) {
        s = switchNode(n, x);
    } else if (kind == QLatin1String("wait")) {
        s = waitNode(n, x);
    } else if (kind == QLatin1String("set")) {
        s = setNode(n, id, x);
    } else if (kind == QLatin1String("httpRequest")) {
        s = httpRequestNode(n, id, x);
    } else if (kind == QLatin1String("merge")) {
        s = mergeNode(n);
    } else if (kind == QLatin1String("respondToWebhook")) {
        s = respondNode(n, x);
    } else if (kind == QLatin1String("executeWorkflow")) {
        s = executeWorkflowNode(n, id, x);
    } else if (kind == QLatin1String("code") || kind == QLatin1String("function")
               || kind == QLatin1String("functionItem")) {
        s = N8nStep::refuse(QStringLiteral("runs its own JavaScript over the items"));
    } else {
        s = N8nStep::refuse(QStringLiteral("no Switchboard step does what this node does"));
    }
    if (s.refused.isEmpty() && s.outputs.isEmpty() && kind != QLatin1String("respondToWebhook"))
        s.outputs = {{QStringLiteral("out")}};
    return s;
}

} // namespace Switchboard::N8nSteps
