#pragma once

#include "builder/testrunstates.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;

namespace Switchboard {

class JsonTree;
class WorkflowScene;

// The builder's test run of the workflow on the canvas, as it goes: each step shows its state,
// the connections the run went along are drawn strong and the others faded, and this panel
// shows the selected step's details (status, attempts, input, output, error) as a tree.
class TestRunPanel final : public QWidget
{
    Q_OBJECT

public:
    TestRunPanel(WorkflowScene *scene, QWidget *parent = nullptr);

    // A new run of the steps on the canvas: every step "pending" until its events come.
    void start(const QStringList &nodeIds);
    void setExecutionId(const QString &id) { m_run = id; }
    QString executionId() const { return m_run; }
    QString state(const QString &node) const { return m_states.value(node); }
    // An event of the run moves its step on.
    void applyEvent(const QJsonObject &event);
    // The run's details: every step as the run left it and the path it took.
    TestRunStates::Reading applyExecution(const QJsonObject &execution, const QStringList &nodeIds);
    // Puts the states back on a canvas made anew (the scene rebuilds its items on a reset).
    void reapply();
    // Shows one step's details; an empty id shows the hint.
    void showStep(const QString &node);
    // What the panel shows, as text (the step's details as indented JSON).
    QString text() const;
    // The run as the core last described it; empty before its details came.
    QJsonObject detail() const { return m_detail; }

private:
    void setState(const QString &node, const QString &state);
    void paint(const QString &node) const;

    WorkflowScene *m_scene;
    QLabel *m_heading;
    JsonTree *m_tree;
    QString m_run; // the run's execution id
    QHash<QString, QString> m_states; // step → pending, running, retrying, waiting, done, …
    TestRunStates::Reading m_reading; // the path, once the run's details came
    QJsonObject m_detail; // the run as the core last described it
};

} // namespace Switchboard
