#pragma once

#include <QGraphicsView>
#include <QHash>
#include <QJsonObject>

namespace Switchboard {

class WorkflowGraph;
class WorkflowScene;

// The workflow an execution ran, drawn as the builder draws it but read-only: each step shows
// how far it got (done, failed, waiting…), the connections the run took stand out and the steps
// and branches it never reached are faded.
class PathView final : public QGraphicsView
{
    Q_OBJECT

public:
    explicit PathView(QWidget *parent = nullptr);
    ~PathView() override;

    // The workflow version's document; false when it cannot be drawn.
    bool setWorkflow(const QJsonObject &document);
    // The execution (its steps and history) whose path is shown.
    void setRun(const QJsonObject &execution);
    bool hasWorkflow() const;

    // For tests and tooltips: a step's state as drawn ("done", "skipped", …), and whether a
    // connection was taken.
    QString stepState(const QString &node) const { return m_states.value(node); }
    bool taken(const QString &from, const QString &to) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    void apply();
    void fit();

    WorkflowGraph *m_graph;
    WorkflowScene *m_scene;
    QJsonObject m_execution;
    QHash<QString, QString> m_states; // node → run state
    QSet<QString> m_taken; // "from→to"
};

} // namespace Switchboard
