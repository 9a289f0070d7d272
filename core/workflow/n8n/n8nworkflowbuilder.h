#pragma once

#include "workflow/n8n/n8ngraph.h"
#include "workflow/n8n/n8ntriggers.h"

#include <QJsonArray>
#include <optional>

namespace Switchboard {

// Builds the Switchboard workflow one n8n trigger starts: the steps it reaches, their edges
// (an output with several targets goes through a parallel step), a join for each Merge (waiting
// for every branch only when the branches run side by side), and an end for every open output.
class N8nWorkflowBuilder
{
public:
    // trigger: nullptr for an export without one (a manual start leads to every first step).
    N8nWorkflowBuilder(N8nGraph &graph, const N8nNode *triggerNode, N8nTrigger trigger);

    QJsonObject build(const QString &id, const QString &name);
    const QStringList &mapped() const { return m_mapped; }
    const QStringList &unmapped() const { return m_unmapped; }

private:
    // The trigger node or one it reaches.
    bool inWorkflow(const QString &name) const;
    N8nStep stepOf(const QString &name);
    N8nDataRoot itemAfter(const QString &name);
    N8nDataRoot itemArriving(const QString &name, int input = -1);
    QSet<QString> ancestors(const QString &name) const;
    QString joinMode(const QString &name);
    void addEdges(const QString &from, const QString &fromName,
                  const QList<QList<N8nGraph::Link>> &outputs, const QList<QStringList> &ports);
    void edge(const QString &from, const QString &port, const QString &to);

    N8nGraph &m_graph;
    const N8nNode *m_triggerNode;
    N8nTrigger m_trigger;
    QSet<QString> m_members; // the n8n nodes this trigger reaches
    QHash<QString, N8nStep> m_steps;
    QSet<QString> m_inProgress;
    QHash<QString, std::optional<N8nDataRoot>> m_items; // nullopt while being worked out
    QJsonArray m_nodes;
    QJsonArray m_edges;
    QSet<QString> m_usedPorts; // "id/port"
    QStringList m_mapped;
    QStringList m_unmapped;
};

} // namespace Switchboard
