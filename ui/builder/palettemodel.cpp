#include "builder/palettemodel.h"

#include "builder/nodeicon.h"
#include "builder/workflowscene.h"
#include "modules/modulecatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMimeData>

namespace Switchboard {

namespace {

QStandardItem *entry(const QString &text, const QString &hint, const QJsonObject &node)
{
    auto *item = new QStandardItem(text);
    item->setToolTip(hint);
    item->setData(node, PaletteModel::NodeRole);
    item->setIcon(NodeIcon::icon(node.value(QLatin1String("type")).toString(),
                                 node.value(QLatin1String("module")).toString()));
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled);
    return item;
}

QStandardItem *group(const QString &text)
{
    auto *item = new QStandardItem(text);
    item->setFlags(Qt::ItemIsEnabled);
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
    return item;
}

} // namespace

PaletteModel::PaletteModel(QObject *parent)
    : QStandardItemModel(parent)
{
    QStandardItem *flow = group(tr("Flow"));
    flow->appendRow(
        entry(tr("Start"), tr("Where a run begins; one per workflow"), {{"type", "trigger"}}));
    flow->appendRow(entry(tr("Condition"), tr("Go one way or another by an expression"),
                          {{"type", "condition"},
                           {"cases", QJsonArray {QJsonObject {{"label", "yes"}, {"when", "true"}}}},
                           {"default", "no"}}));
    flow->appendRow(entry(tr("Parallel"), tr("Do several things at once"), {{"type", "parallel"}}));
    flow->appendRow(entry(tr("Join"), tr("Wait for parallel branches to finish"),
                          {{"type", "join"}, {"mode", "all"}}));
    flow->appendRow(entry(tr("Delay"), tr("Wait for a while (durable: survives restarts)"),
                          {{"type", "delay"}, {"duration", "1h"}}));
    flow->appendRow(entry(
        tr("Wait for event"), tr("Wait for a module's event, with a time limit"),
        {{"type", "wait_for_event"}, {"event_type", "payment.succeeded"}, {"timeout", "24h"}}));
    flow->appendRow(entry(tr("Set values"), tr("Remember values for later steps"),
                          {{"type", "set"}, {"values", QJsonObject {}}}));
    flow->appendRow(entry(
        tr("Run a workflow"), tr("Run another published workflow, and wait for its result"),
        {{"type", "run_workflow"}, {"workflow", ""}, {"input", QJsonObject {}}, {"wait", true}}));
    flow->appendRow(
        entry(tr("End"), tr("The run ends here"), {{"type", "end"}, {"status", "completed"}}));
    appendRow(flow);

    QStandardItem *people = group(tr("People and messages"));
    people->appendRow(entry(tr("Human review"),
                            tr("A person checks and decides, in a review queue"),
                            {{"type", "human_review"},
                             {"queue", "manual-review"},
                             {"role", "support"},
                             {"title", "Check this"},
                             {"sla", "4h"},
                             {"fields", QJsonArray {}},
                             {"outcomes", QJsonArray {"approve", "reject"}}}));
    people->appendRow(entry(
        tr("Notify"), tr("Tell the staff: console, e-mail, Slack, SMS…"),
        {{"type", "notify"}, {"channel", "console"}, {"message", "Something needs attention"}}));
    appendRow(people);

    QStandardItem *modules = group(tr("Modules"));
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        QStandardItem *module =
            group(info.numberText() + QLatin1Char(' ') + ModuleCatalog::displayName(info.id));
        module->setIcon(NodeIcon::icon(QStringLiteral("module_call"), info.id));
        for (const QString &action : ModuleCatalog::actions(info.id))
            module->appendRow(entry(ModuleCatalog::actionName(action),
                                    tr("Call %1: %2 (%3)")
                                        .arg(ModuleCatalog::displayName(info.id),
                                             ModuleCatalog::actionName(action), action),
                                    {{"type", "module_call"},
                                     {"module", info.id},
                                     {"action", action},
                                     {"payload", QJsonObject {}}}));
        modules->appendRow(module);
    }
    appendRow(modules);
}

QStringList PaletteModel::mimeTypes() const
{
    return {WorkflowScene::mimeType()};
}

QMimeData *PaletteModel::mimeData(const QModelIndexList &indexes) const
{
    if (indexes.isEmpty())
        return nullptr;
    const QJsonObject node = indexes.first().data(NodeRole).toJsonObject();
    if (node.isEmpty())
        return nullptr;
    auto *mime = new QMimeData;
    mime->setData(WorkflowScene::mimeType(), QJsonDocument(node).toJson(QJsonDocument::Compact));
    return mime;
}

} // namespace Switchboard
