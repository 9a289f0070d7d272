#pragma once

#include "texts/message.h"
#include "workflow/workflow.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace Switchboard {

class ExpressionEngine;

struct WorkflowIssue
{
    QString node; // empty: the workflow as a whole
    QString field; // e.g. "timeout_s", "cases[0].when", "edges[3].to"
    Message message; // a message id and its arguments (MessageCatalog)

    // "node "x", field: what is wrong", in English for the API and the logs.
    QString toString() const;
    // The same in the running program's language, for the builder.
    QString translated() const;
    bool operator==(const WorkflowIssue &) const = default;
};

// Checks a workflow document against resources/schema/workflow.schema.json and then the rules
// a schema cannot express: one trigger, known modules, edges between existing nodes on
// existing ports, no duplicate edges, every node reachable, no cycle without a wait, a
// default branch on every condition, expressions that compile. Every issue names the node
// and the field.
class WorkflowValidator
{
public:
    explicit WorkflowValidator(ExpressionEngine &expressions);

    QList<WorkflowIssue> validate(const QJsonObject &document) const;

    // Nodes per workflow at most (WORKFLOW_MAX_NODES); connections at most four times that.
    void setMaxNodes(int nodes) { m_maxNodes = nodes; }
    static constexpr int DefaultMaxNodes = 2000;
    // The shortest delay that counts as the wait a loop needs.
    static constexpr qint64 MinLoopDelayMs = 1000;
    static constexpr int MaxCorrelationKeys = 8;

private:
    // "correlation": key names, and each value a path into the input.
    static void checkCorrelation(const QJsonObject &document, QList<WorkflowIssue> &out);
    void checkGraph(const Workflow &workflow, QList<WorkflowIssue> &out) const;
    static void checkDurations(const WorkflowNode &n, QList<WorkflowIssue> &out);
    void checkNodes(const Workflow &workflow, QList<WorkflowIssue> &out) const;
    void checkCycles(const Workflow &workflow, QList<WorkflowIssue> &out) const;
    // One loop (the nodes of a strongly connected component) must pass through a real wait.
    static void checkLoop(const Workflow &workflow, const QList<qsizetype> &component,
                          QList<WorkflowIssue> &out);
    void checkExpression(const QString &node, const QString &field, const QString &expression,
                         QList<WorkflowIssue> &out) const;
    void checkTemplates(const QString &node, const QString &field, const QJsonValue &value,
                        QList<WorkflowIssue> &out) const;

    ExpressionEngine &m_expressions;
    int m_maxNodes = DefaultMaxNodes;
};

} // namespace Switchboard
