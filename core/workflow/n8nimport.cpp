#include "workflow/n8nimport.h"

#include "modules/modulecatalog.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

namespace Switchboard {

namespace {

QString idFrom(const QString &name, const QSet<QString> &taken)
{
    QString id = name.toLower();
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]+")), QStringLiteral("_"));
    id.remove(QRegularExpression(QStringLiteral("^_+|_+$")));
    if (id.isEmpty() || !id.at(0).isLetter())
        id.prepend(QStringLiteral("step_"));
    QString unique = id;
    for (int n = 2; taken.contains(unique); ++n)
        unique = QStringLiteral("%1_%2").arg(id).arg(n);
    return unique;
}

// n8n's "={{ $json.score }}" (or a plain value) as a Switchboard expression.
QString expression(const QJsonValue &value)
{
    QString text = value.isString() ? value.toString() : QString::number(value.toDouble());
    if (value.isBool())
        text = value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (text.startsWith(QLatin1Char('='))) {
        text = text.mid(1);
        text.remove(QStringLiteral("{{")).remove(QStringLiteral("}}"));
        text = text.trimmed();
    } else if (value.isString()) {
        text = QStringLiteral("'%1'").arg(text.replace(QLatin1Char('\''), QStringLiteral("\\'")));
    }
    text.replace(QRegularExpression(QStringLiteral("\\$json(\\[\"([^\"]+)\"\\])")),
                 QStringLiteral("input.\\2"));
    text.replace(QStringLiteral("$json."), QStringLiteral("input."));
    text.replace(QStringLiteral("$json"), QStringLiteral("input"));
    return text;
}

QString comparison(const QString &left, const QString &operation, const QString &right)
{
    static const QHash<QString, QString> ops = {
        {QStringLiteral("equal"), QStringLiteral("==")},
        {QStringLiteral("notEqual"), QStringLiteral("!=")},
        {QStringLiteral("larger"), QStringLiteral(">")},
        {QStringLiteral("largerEqual"), QStringLiteral(">=")},
        {QStringLiteral("smaller"), QStringLiteral("<")},
        {QStringLiteral("smallerEqual"), QStringLiteral("<=")},
    };
    if (operation == QLatin1String("contains"))
        return QStringLiteral("String(%1).includes(%2)").arg(left, right);
    if (operation == QLatin1String("isEmpty"))
        return QStringLiteral("!(%1)").arg(left);
    if (operation == QLatin1String("isNotEmpty"))
        return QStringLiteral("!!(%1)").arg(left);
    return QStringLiteral("%1 %2 %3").arg(left, ops.value(operation, QStringLiteral("==")), right);
}

// The IF node's conditions, joined by its "combineOperation" (all / any).
QString ifExpression(const QJsonObject &parameters)
{
    QStringList parts;
    const QJsonObject conditions = parameters.value(QLatin1String("conditions")).toObject();
    for (const QString &kind : conditions.keys()) {
        for (const auto &c : conditions.value(kind).toArray()) {
            const QJsonObject o = c.toObject();
            const QString operation =
                o.value(QLatin1String("operation")).toString(QStringLiteral("equal"));
            parts << comparison(expression(o.value(QLatin1String("value1"))), operation,
                                expression(o.value(QLatin1String("value2"))));
        }
    }
    if (parts.isEmpty())
        return QStringLiteral("true");
    const bool any =
        parameters.value(QLatin1String("combineOperation")).toString() == QLatin1String("any");
    return parts.join(any ? QStringLiteral(" || ") : QStringLiteral(" && "));
}

QString moduleForUrl(const QString &url)
{
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        if (url.contains(QLatin1Char('/') + info.webhookPath))
            return info.id;
    }
    return {};
}

} // namespace

bool N8nImport::looksLikeN8n(const QJsonObject &document)
{
    return document.value(QLatin1String("connections")).isObject()
        && document.value(QLatin1String("nodes")).isArray();
}

Result<N8nImport> N8nImport::convert(const QJsonObject &n8n)
{
    if (!looksLikeN8n(n8n))
        return makeError(
            QStringLiteral("not an n8n export: it needs \"nodes\" and \"connections\""),
            QStringLiteral("connections"));
    N8nImport result;
    QSet<QString> taken;
    QHash<QString, QString> idOf; // n8n name → step id
    QHash<QString, QStringList> outputs; // step id → its ports by n8n output index
    QJsonArray nodes;
    QJsonObject trigger {{QStringLiteral("kind"), QStringLiteral("manual")}};
    QString triggerId;

    for (const auto &v : n8n.value(QLatin1String("nodes")).toArray()) {
        const QJsonObject n = v.toObject();
        const QString name = n.value(QLatin1String("name")).toString();
        const QString type =
            n.value(QLatin1String("type")).toString().section(QLatin1Char('.'), -1);
        const QJsonObject p = n.value(QLatin1String("parameters")).toObject();
        const QJsonArray at = n.value(QLatin1String("position")).toArray();
        QString id = idFrom(name, taken);
        QJsonObject step {{QStringLiteral("name"), name}};
        QStringList ports {QStringLiteral("out")};
        QString described;
        if (type == QLatin1String("webhook") || type == QLatin1String("manualTrigger")
            || type == QLatin1String("scheduleTrigger") || type == QLatin1String("cron")) {
            if (!triggerId.isEmpty()) {
                result.unmapped << QStringLiteral("%1 (%2): a second trigger; Switchboard "
                                                  "workflows have one, left out")
                                       .arg(name, type);
                continue;
            }
            id = QStringLiteral("start");
            step.insert(QStringLiteral("type"), QStringLiteral("trigger"));
            if (type == QLatin1String("webhook")) {
                const QString path = p.value(QLatin1String("path")).toString(id);
                trigger = {
                    {QStringLiteral("kind"), QStringLiteral("webhook")},
                    {QStringLiteral("path"), path},
                    {QStringLiteral("respond"),
                     p.value(QLatin1String("responseMode")).toString() == QLatin1String("lastNode")
                         ? QStringLiteral("on_end")
                         : QStringLiteral("immediately")}};
                described = QStringLiteral("webhook /hooks/%1").arg(path);
            } else if (type == QLatin1String("manualTrigger")) {
                described = QStringLiteral("manual start");
            } else {
                trigger = {{QStringLiteral("kind"), QStringLiteral("schedule")},
                           {QStringLiteral("cron"), QStringLiteral("0 7 * * *")}};
                described = QStringLiteral("schedule, set to 07:00 daily: check the time");
            }
            triggerId = id;
        } else if (type == QLatin1String("httpRequest")) {
            const QString url = p.value(QLatin1String("url")).toString();
            const QString module = moduleForUrl(url);
            if (module.isEmpty()) {
                step.insert(QStringLiteral("type"), QStringLiteral("set"));
                step.insert(QStringLiteral("values"), QJsonObject {});
                result.unmapped << QStringLiteral("%1 (httpRequest to %2): not one of the nine "
                                                  "modules; kept as placeholder step %3")
                                       .arg(name, url, id);
            } else {
                step.insert(QStringLiteral("type"), QStringLiteral("module_call"));
                step.insert(QStringLiteral("module"), module);
                QJsonObject payload;
                for (const auto &b : p.value(QLatin1String("bodyParameters"))
                                         .toObject()
                                         .value(QLatin1String("parameters"))
                                         .toArray()) {
                    const QJsonObject kv = b.toObject();
                    const QJsonValue value = kv.value(QLatin1String("value"));
                    payload.insert(
                        kv.value(QLatin1String("name")).toString(),
                        value.isString() && value.toString().startsWith(QLatin1Char('='))
                            ? QJsonValue(QStringLiteral("{{ %1 }}").arg(expression(value)))
                            : value);
                }
                const QString action = payload.take(QStringLiteral("action")).toString();
                step.insert(QStringLiteral("action"),
                            action.isEmpty() ? ModuleCatalog::actions(module).value(0) : action);
                step.insert(QStringLiteral("payload"), payload);
                ports << QStringLiteral("error");
                described = QStringLiteral("call %1").arg(module);
            }
        } else if (type == QLatin1String("if")) {
            step.insert(QStringLiteral("type"), QStringLiteral("condition"));
            step.insert(QStringLiteral("cases"),
                        QJsonArray {QJsonObject {{QStringLiteral("label"), QStringLiteral("true")},
                                                 {QStringLiteral("when"), ifExpression(p)}}});
            step.insert(QStringLiteral("default"), QStringLiteral("false"));
            ports = {QStringLiteral("true"), QStringLiteral("false")};
            described = QStringLiteral("condition");
        } else if (type == QLatin1String("switch")) {
            const QString left = expression(p.value(QLatin1String("value1")));
            QJsonArray cases;
            ports.clear();
            const QJsonArray rules =
                p.value(QLatin1String("rules")).toObject().value(QLatin1String("rules")).toArray();
            for (int i = 0; i < rules.size(); ++i) {
                const QJsonObject r = rules.at(i).toObject();
                const QString label = QStringLiteral("case_%1").arg(i + 1);
                cases.append(
                    QJsonObject {{QStringLiteral("label"), label},
                                 {QStringLiteral("when"),
                                  comparison(left, r.value(QLatin1String("operation")).toString(),
                                             expression(r.value(QLatin1String("value2"))))}});
                ports << label;
            }
            step.insert(QStringLiteral("type"), QStringLiteral("condition"));
            step.insert(QStringLiteral("cases"), cases);
            step.insert(QStringLiteral("default"), QStringLiteral("otherwise"));
            ports << QStringLiteral("otherwise");
            described = QStringLiteral("condition with %1 cases").arg(rules.size());
        } else if (type == QLatin1String("wait")) {
            const QString unit = p.value(QLatin1String("unit")).toString(QStringLiteral("hours"));
            const int amount = std::max(1, p.value(QLatin1String("amount")).toInt(1));
            const QString suffix = unit.startsWith(QLatin1String("second")) ? QStringLiteral("s")
                : unit.startsWith(QLatin1String("minute"))                  ? QStringLiteral("m")
                : unit.startsWith(QLatin1String("day"))                     ? QStringLiteral("d")
                                                                            : QStringLiteral("h");
            step.insert(QStringLiteral("type"), QStringLiteral("delay"));
            step.insert(QStringLiteral("duration"), QString::number(amount) + suffix);
            described = QStringLiteral("delay %1%2").arg(amount).arg(suffix);
        } else if (type == QLatin1String("merge")) {
            step.insert(QStringLiteral("type"), QStringLiteral("join"));
            step.insert(QStringLiteral("mode"), QStringLiteral("all"));
            described = QStringLiteral("join");
        } else {
            step.insert(QStringLiteral("type"), QStringLiteral("set"));
            step.insert(QStringLiteral("values"), QJsonObject {});
            result.unmapped << QStringLiteral("%1 (%2): no Switchboard equivalent; kept as "
                                              "placeholder step %3 to replace")
                                   .arg(name, type, id);
        }
        step.insert(QStringLiteral("id"), id);
        if (at.size() == 2)
            step.insert(QStringLiteral("position"),
                        QJsonObject {{QStringLiteral("x"), at.at(0).toDouble()},
                                     {QStringLiteral("y"), at.at(1).toDouble()}});
        if (!described.isEmpty())
            result.mapped << QStringLiteral("%1 → %2 (%3)").arg(name, id, described);
        taken.insert(id);
        idOf.insert(name, id);
        outputs.insert(id, ports);
        nodes.append(step);
    }

    QJsonArray edges;
    QSet<QString> usedPorts; // "id/port"
    QSet<QString> hasInput;
    const QJsonObject connections = n8n.value(QLatin1String("connections")).toObject();
    for (auto it = connections.begin(); it != connections.end(); ++it) {
        const QString from = idOf.value(it.key());
        if (from.isEmpty())
            continue;
        const QJsonArray main = it.value().toObject().value(QLatin1String("main")).toArray();
        for (int output = 0; output < main.size(); ++output) {
            const QString port = outputs.value(from).value(output, QStringLiteral("out"));
            for (const auto &target : main.at(output).toArray()) {
                const QString to =
                    idOf.value(target.toObject().value(QLatin1String("node")).toString());
                if (to.isEmpty() || to == from)
                    continue;
                if (usedPorts.contains(from + QLatin1Char('/') + port)) {
                    result.unmapped << QStringLiteral("%1: a second connection from one output "
                                                      "(to %2) was left out; add a parallel step "
                                                      "to do both")
                                           .arg(from, to);
                    continue;
                }
                usedPorts.insert(from + QLatin1Char('/') + port);
                hasInput.insert(to);
                edges.append(QJsonObject {{QStringLiteral("from"), from},
                                          {QStringLiteral("to"), to},
                                          {QStringLiteral("port"), port}});
            }
        }
    }
    // Exactly one start: without an n8n trigger, a manual one before every step nothing
    // leads to (through a parallel step when there are several).
    if (triggerId.isEmpty()) {
        triggerId = QStringLiteral("start");
        nodes.prepend(QJsonObject {{QStringLiteral("id"), triggerId},
                                   {QStringLiteral("type"), QStringLiteral("trigger")}});
        outputs.insert(triggerId, {QStringLiteral("out")});
        result.mapped << QStringLiteral("(none) → start (manual start added)");
        QStringList roots;
        for (const auto &v : std::as_const(nodes)) {
            const QString id = v.toObject().value(QLatin1String("id")).toString();
            if (id != triggerId && !hasInput.contains(id))
                roots << id;
        }
        if (roots.size() == 1) {
            edges.append(QJsonObject {{QStringLiteral("from"), triggerId},
                                      {QStringLiteral("to"), roots.first()}});
            usedPorts.insert(triggerId + QStringLiteral("/out"));
        }
    }
    // Every open output ends: one shared end step.
    bool needsEnd = false;
    for (auto it = outputs.begin(); it != outputs.end(); ++it) {
        for (const QString &port : it.value()) {
            if (port == QLatin1String("error"))
                continue; // an unconnected error output fails the run, as it should
            if (!usedPorts.contains(it.key() + QLatin1Char('/') + port)) {
                needsEnd = true;
                edges.append(QJsonObject {{QStringLiteral("from"), it.key()},
                                          {QStringLiteral("to"), QStringLiteral("end")},
                                          {QStringLiteral("port"), port}});
            }
        }
    }
    if (needsEnd)
        nodes.append(QJsonObject {{QStringLiteral("id"), idFrom(QStringLiteral("end"), taken)},
                                  {QStringLiteral("type"), QStringLiteral("end")},
                                  {QStringLiteral("status"), QStringLiteral("completed")}});
    // Edges for "out" keep no port key, as the format writes them.
    QJsonArray cleanEdges;
    for (const auto &v : std::as_const(edges)) {
        QJsonObject e = v.toObject();
        if (e.value(QLatin1String("port")).toString() == QLatin1String("out"))
            e.remove(QStringLiteral("port"));
        cleanEdges.append(e);
    }
    QString name = n8n.value(QLatin1String("name")).toString(QStringLiteral("Imported from n8n"));
    result.workflow = {
        {QStringLiteral("id"), idFrom(name, {}).replace(QLatin1Char('_'), QLatin1Char('-'))},
        {QStringLiteral("name"), name},
        {QStringLiteral("description"), QStringLiteral("Imported from n8n.")},
        {QStringLiteral("trigger"), trigger},
        {QStringLiteral("nodes"), nodes},
        {QStringLiteral("edges"), cleanEdges}};
    return result;
}

} // namespace Switchboard
