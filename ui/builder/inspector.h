#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QFormLayout;
class QLabel;

namespace Switchboard {

class ExpressionEngine;
class WorkflowGraph;

// The form for the selected step, by its type: module and action pickers, expression and
// template fields checked as you type (with the variables they can use), durations, retry,
// compensation, review fields and outcomes. For the start step it edits the workflow's trigger
// and name. Each change is reported by signal with the whole new JSON; the builder applies it
// as an undoable command. Nothing is written while a field holds something invalid.
class Inspector final : public QWidget
{
    Q_OBJECT

public:
    Inspector(WorkflowGraph &graph, ExpressionEngine &expressions, QWidget *parent = nullptr);

    // The step to show; empty: the workflow's own settings.
    void showNode(const QString &id);
    QString nodeId() const { return m_id; }
    // The paths templates can read, offered as you type a value ("input.patient_id",
    // "steps.book.output.slot"): from the workflow and its last test run.
    void setSuggestions(const QStringList &paths);
    // The published workflows a run_workflow step may run: id and name.
    void setWorkflows(const QList<std::pair<QString, QString>> &workflows);
    // Shows why a rename was refused under the id field.
    void renameRefused(const QString &message);
    // The editor of a setting ("name", "module", "retry.max_attempts", "trigger.kind"…).
    QWidget *editor(const QString &key) const;
    // The message under a field whose value is refused, empty when it is fine.
    QString errorFor(const QString &key) const;

Q_SIGNALS:
    void nodeEdited(const QString &id, const QJsonObject &node, const QString &key);
    void metadataEdited(const QJsonObject &metadata, const QString &key);
    // A new id typed for the step (on Enter or leaving the field).
    void nodeRenamed(const QString &id, const QString &newId);

private:
    enum class Kind {
        Text,
        Template,
        Expression,
        Duration,
        Choice,
        Module,
        Action,
        Integer,
        Json,
        List,
        Fields,
        Cases,
        Payload,
        Id,
        Workflow,
        Check
    };
    struct Spec
    {
        QString key; // dotted for nested settings
        QString label;
        Kind kind;
        QStringList options = {};
        int min = 0;
        int max = 0;
    };
    void rebuild();
    void addField(const Spec &spec, const QJsonObject &source);
    void commit(const Spec &spec, QWidget *editor);
    void showError(const QString &key, const QString &message);
    static QList<Spec> specsFor(const QString &type);
    static void fillActions(QComboBox *combo, const QString &module, const QString &current);

    WorkflowGraph &m_graph;
    ExpressionEngine &m_expressions;
    QString m_id;
    QFormLayout *m_form;
    QLabel *m_heading;
    QHash<QString, QWidget *> m_editors;
    QHash<QString, QLabel *> m_errors;
    QStringList m_suggestions;
    QList<std::pair<QString, QString>> m_workflows;
    bool m_building = false;
};

} // namespace Switchboard
