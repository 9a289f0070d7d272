#pragma once

#include <QJsonObject>
#include <QUndoCommand>

namespace Switchboard {

class WorkflowGraph;

// One edit of the workflow being built, undoable. It keeps the whole document before and after
// the edit (JSON values are shared, so this costs little), which makes undo return exactly the
// model that was there. The edit itself is applied by the builder through the model's own
// methods before the command is pushed; redo after an undo restores the "after" document.
// Consecutive edits with the same merge key (dragging one step, typing in one field) become
// one command.
class GraphCommand final : public QUndoCommand
{
public:
    GraphCommand(WorkflowGraph &graph, const QJsonObject &before, const QString &text,
                 int mergeKey = -1);

    void undo() override;
    void redo() override;
    int id() const override { return m_mergeKey; }
    bool mergeWith(const QUndoCommand *other) override;

    // Merge keys for edits that repeat.
    static int keyFor(const QString &what);

private:
    WorkflowGraph &m_graph;
    QJsonObject m_before;
    QJsonObject m_after;
    int m_mergeKey;
    bool m_applied = true; // the edit was made before the command was pushed
};

} // namespace Switchboard
