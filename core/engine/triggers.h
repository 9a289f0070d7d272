#pragma once

#include "store/workflowstore.h"

#include <QJsonObject>
#include <QStringList>
#include <optional>

namespace Switchboard {

class ExpressionEngine;

// Which published, enabled workflows an outside event starts: a module event (by type, module
// and filter expression) or a request to /hooks/<path>.
class Triggers
{
public:
    Triggers(WorkflowStore &workflows, ExpressionEngine &expressions);

    QStringList forEvent(const QString &type, const QString &module, const QJsonObject &data);
    std::optional<WorkflowStore::Summary> forWebhook(const QString &path);

private:
    // The published workflows and their triggers, read again only when the store's generation
    // moves (a publish, a promotion, a switch on or off): not once per request.
    const QList<WorkflowStore::Summary> &workflows();

    WorkflowStore &m_workflows;
    ExpressionEngine &m_expressions;
    QList<WorkflowStore::Summary> m_list;
    std::optional<quint64> m_listGeneration;
};

} // namespace Switchboard
