#include "builder/inspector.h"

#include "builder/caseseditor.h"
#include "builder/payloadeditor.h"
#include "builder/reviewfieldseditor.h"
#include "common/statusstyle.h"
#include "common/tone.h"
#include "modules/modulecatalog.h"
#include "workflow/expressionengine.h"
#include "workflow/workflow.h"
#include "workflow/workflowgraph.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSpinBox>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

// A choice's value in words; the value itself is what the workflow keeps.
QString choiceText(const QString &value)
{
    static const QHash<QString, const char *> words {
        {QStringLiteral("manual"), QT_TRANSLATE_NOOP("Inspector", "By hand")},
        {QStringLiteral("event"), QT_TRANSLATE_NOOP("Inspector", "A module's event")},
        {QStringLiteral("schedule"), QT_TRANSLATE_NOOP("Inspector", "On a schedule")},
        {QStringLiteral("webhook"), QT_TRANSLATE_NOOP("Inspector", "A webhook call")},
        {QStringLiteral("all"), QT_TRANSLATE_NOOP("Inspector", "All of them")},
        {QStringLiteral("any"), QT_TRANSLATE_NOOP("Inspector", "The first one")},
        {QStringLiteral("n"), QT_TRANSLATE_NOOP("Inspector", "A number of them")},
        {QStringLiteral("support"), QT_TRANSLATE_NOOP("Inspector", "Support staff")},
        {QStringLiteral("manager"), QT_TRANSLATE_NOOP("Inspector", "A manager")},
        {QStringLiteral("admin"), QT_TRANSLATE_NOOP("Inspector", "An admin")},
        {QStringLiteral("console"), QT_TRANSLATE_NOOP("Inspector", "The console")},
        {QStringLiteral("email"), QT_TRANSLATE_NOOP("Inspector", "E-mail")},
        {QStringLiteral("info"), QT_TRANSLATE_NOOP("Inspector", "Information")},
        {QStringLiteral("warning"), QT_TRANSLATE_NOOP("Inspector", "Warning")},
        {QStringLiteral("critical"), QT_TRANSLATE_NOOP("Inspector", "Critical")},
        {QStringLiteral("completed"), QT_TRANSLATE_NOOP("Inspector", "Completed")},
        {QStringLiteral("failed"), QT_TRANSLATE_NOOP("Inspector", "Failed")},
        {QStringLiteral("slack"), "Slack"},
        {QStringLiteral("sms"), "SMS"},
        {QStringLiteral("pagerduty"), "PagerDuty"}};
    const char *word = words.value(value);
    return word ? QCoreApplication::translate("Inspector", word) : value;
}

QJsonValue valueAt(const QJsonObject &o, const QString &key)
{
    const QStringList parts = key.split(QLatin1Char('.'));
    QJsonValue v = o;
    for (const QString &p : parts)
        v = v.toObject().value(p);
    return v;
}

QJsonObject withValue(QJsonObject o, const QStringList &parts, const QJsonValue &value)
{
    if (parts.size() == 1) {
        if (value.isUndefined() || (value.isString() && value.toString().isEmpty()))
            o.remove(parts.first());
        else
            o.insert(parts.first(), value);
        return o;
    }
    QJsonObject inner = withValue(o.value(parts.first()).toObject(), parts.mid(1), value);
    if (inner.isEmpty())
        o.remove(parts.first());
    else
        o.insert(parts.first(), inner);
    return o;
}

const QString VariablesHint = QStringLiteral("input, steps.<step>.output, vars, env");

} // namespace

Inspector::Inspector(WorkflowGraph &graph, ExpressionEngine &expressions, QWidget *parent)
    : QWidget(parent)
    , m_graph(graph)
    , m_expressions(expressions)
    , m_form(new QFormLayout)
    , m_heading(new QLabel(this))
{
    QFont font = m_heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    m_heading->setFont(font);
    m_heading->setWordWrap(true);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // A narrow inspector puts a field under its label rather than cutting it off.
    m_form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addLayout(m_form);
    layout->addStretch(1);
    // A change made elsewhere (undo, another field) shows here; typing keeps the editor.
    connect(&graph, &WorkflowGraph::reset, this, [this] {
        if (!m_id.isEmpty() && !m_graph.hasNode(m_id))
            m_id.clear();
        rebuild();
    });
    connect(&graph, &WorkflowGraph::nodeRemoved, this, [this](const QString &id) {
        if (id == m_id)
            showNode(QString());
    });
    rebuild();
}

QList<Inspector::Spec> Inspector::specsFor(const QString &type)
{
    const Spec name {QStringLiteral("name"), tr("Name"), Kind::Text};
    if (type == QLatin1String("module_call"))
        return {name,
                {QStringLiteral("module"), tr("Module"), Kind::Module},
                {QStringLiteral("action"), tr("Action"), Kind::Action},
                {QStringLiteral("payload"), tr("Sends"), Kind::Payload},
                {QStringLiteral("timeout_s"), tr("Time limit (s)"), Kind::Integer, {}, 5, 60},
                {QStringLiteral("retry.max_attempts"), tr("Attempts"), Kind::Integer, {}, 1, 10},
                {QStringLiteral("retry.initial_delay"), tr("First retry after"), Kind::Duration},
                {QStringLiteral("compensation"), tr("Undo with (JSON: module, action, payload)"),
                 Kind::Json}};
    if (type == QLatin1String("condition"))
        return {name,
                {QStringLiteral("cases"), tr("Ways out, tried in order"), Kind::Cases},
                {QStringLiteral("default"), tr("Otherwise"), Kind::Text}};
    if (type == QLatin1String("join"))
        return {name,
                {QStringLiteral("mode"),
                 tr("Wait for"),
                 Kind::Choice,
                 {QStringLiteral("all"), QStringLiteral("any"), QStringLiteral("n")}},
                {QStringLiteral("n"), tr("How many (mode n)"), Kind::Integer, {}, 1, 50}};
    if (type == QLatin1String("delay"))
        return {name,
                {QStringLiteral("duration"), tr("Wait for"), Kind::Duration},
                {QStringLiteral("until"), tr("Or until (expression)"), Kind::Expression}};
    if (type == QLatin1String("wait_for_event"))
        return {name,
                {QStringLiteral("event_type"), tr("Event"), Kind::Text},
                {QStringLiteral("module"), tr("From module"), Kind::Module},
                {QStringLiteral("match"), tr("Matching (expression)"), Kind::Expression},
                {QStringLiteral("timeout"), tr("Give up after"), Kind::Duration}};
    if (type == QLatin1String("human_review"))
        return {name,
                {QStringLiteral("queue"), tr("Queue"), Kind::Text},
                {QStringLiteral("role"),
                 tr("Who decides"),
                 Kind::Choice,
                 {QStringLiteral("support"), QStringLiteral("manager"), QStringLiteral("admin")}},
                {QStringLiteral("title"), tr("Task title (template)"), Kind::Template},
                {QStringLiteral("sla"), tr("Decide within"), Kind::Duration},
                {QStringLiteral("outcomes"), tr("Decisions (comma-separated)"), Kind::List},
                {QStringLiteral("fields"), tr("Form fields"), Kind::Fields}};
    if (type == QLatin1String("notify"))
        return {name,
                {QStringLiteral("channel"),
                 tr("Channel"),
                 Kind::Choice,
                 {QStringLiteral("console"), QStringLiteral("email"), QStringLiteral("slack"),
                  QStringLiteral("sms"), QStringLiteral("webhook"), QStringLiteral("pagerduty")}},
                {QStringLiteral("message"), tr("Message (template)"), Kind::Template},
                {QStringLiteral("severity"),
                 tr("Severity"),
                 Kind::Choice,
                 {QString(), QStringLiteral("info"), QStringLiteral("warning"),
                  QStringLiteral("critical")}}};
    if (type == QLatin1String("set"))
        return {name, {QStringLiteral("values"), tr("Values"), Kind::Payload}};
    if (type == QLatin1String("run_workflow"))
        return {name,
                {QStringLiteral("workflow"), tr("Workflow to run"), Kind::Workflow},
                {QStringLiteral("input"), tr("Gives it"), Kind::Payload},
                {QStringLiteral("wait"), tr("Wait for it to end"), Kind::Check}};
    if (type == QLatin1String("end"))
        return {name,
                {QStringLiteral("status"),
                 tr("Ends as"),
                 Kind::Choice,
                 {QStringLiteral("completed"), QStringLiteral("failed")}},
                {QStringLiteral("output"), tr("Output"), Kind::Payload},
                {QStringLiteral("error"), tr("Error message"), Kind::Text}};
    return {name};
}

void Inspector::fillActions(QComboBox *combo, const QString &module, const QString &current)
{
    combo->clear();
    for (const QString &action : ModuleCatalog::actions(module))
        combo->addItem(ModuleCatalog::actionName(action), action);
    if (!current.isEmpty() && combo->findData(current) < 0)
        combo->addItem(current, current); // an action the catalogue does not know
    combo->setCurrentIndex(combo->findData(current));
    if (current.isEmpty())
        combo->setCurrentText(QString());
}

void Inspector::showNode(const QString &id)
{
    m_id = id;
    rebuild();
}

void Inspector::setSuggestions(const QStringList &paths)
{
    m_suggestions = paths;
    for (QWidget *editor : std::as_const(m_editors)) {
        if (auto *payload = qobject_cast<PayloadEditor *>(editor))
            payload->setSuggestions(paths);
    }
}

void Inspector::setWorkflows(const QList<std::pair<QString, QString>> &workflows)
{
    m_workflows = workflows;
    if (!m_id.isEmpty() && m_editors.contains(QStringLiteral("workflow")))
        rebuild();
}

void Inspector::renameRefused(const QString &message)
{
    showError(QStringLiteral("id"), message);
}

QWidget *Inspector::editor(const QString &key) const
{
    return m_editors.value(key);
}

QString Inspector::errorFor(const QString &key) const
{
    QLabel *label = m_errors.value(key);
    return label && !label->isHidden() ? label->text() : QString();
}

void Inspector::rebuild()
{
    m_building = true;
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_editors.clear();
    m_errors.clear();
    if (m_id.isEmpty()) {
        // The workflow itself: name, description and what starts it.
        m_heading->setText(tr("Workflow settings"));
        const QJsonObject meta = m_graph.metadata();
        for (const Spec &spec :
             {Spec {QStringLiteral("name"), tr("Name"), Kind::Text},
              Spec {QStringLiteral("description"), tr("Description"), Kind::Text},
              Spec {QStringLiteral("trigger.kind"),
                    tr("Starts"),
                    Kind::Choice,
                    {QStringLiteral("manual"), QStringLiteral("event"), QStringLiteral("schedule"),
                     QStringLiteral("webhook")}},
              Spec {QStringLiteral("trigger.event_type"), tr("On event"), Kind::Text},
              Spec {QStringLiteral("trigger.module"), tr("From module"), Kind::Module},
              Spec {QStringLiteral("trigger.cron"), tr("Schedule (cron)"), Kind::Text},
              Spec {QStringLiteral("trigger.path"), tr("Webhook path"), Kind::Text}})
            addField(spec, meta);
    } else {
        const QJsonObject node = m_graph.node(m_id);
        const QString type = node.value(QLatin1String("type")).toString();
        m_heading->setText(tr("Step \"%1\"").arg(m_id));
        addField({QStringLiteral("id"), tr("Id"), Kind::Id}, node);
        for (const Spec &spec : specsFor(type))
            addField(spec, node);
    }
    m_building = false;
}

void Inspector::addField(const Spec &spec, const QJsonObject &source)
{
    const QJsonValue value = valueAt(source, spec.key);
    QWidget *editor = nullptr;
    switch (spec.kind) {
    case Kind::Choice:
    case Kind::Module: {
        auto *combo = new QComboBox(this);
        // Long module names do not widen the inspector.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        if (spec.kind == Kind::Module) {
            combo->addItem(tr("— none —"), QString());
            for (const ModuleInfo &info : ModuleCatalog::all())
                combo->addItem(info.numberText() + QLatin1Char(' ')
                                   + ModuleCatalog::displayName(info.id),
                               info.id);
        } else {
            for (const QString &o : spec.options)
                combo->addItem(o.isEmpty() ? tr("— none —") : choiceText(o), o);
        }
        combo->setCurrentIndex(std::max(0, combo->findData(value.toString())));
        connect(combo, &QComboBox::activated, this, [this, spec, combo] { commit(spec, combo); });
        editor = combo;
        break;
    }
    case Kind::Action: {
        // The module's actions in words; another action can still be typed by its name.
        auto *combo = new QComboBox(this);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        fillActions(combo, source.value(QLatin1String("module")).toString(), value.toString());
        connect(combo->lineEdit(), &QLineEdit::editingFinished, this,
                [this, spec, combo] { commit(spec, combo); });
        connect(combo, &QComboBox::activated, this, [this, spec, combo] { commit(spec, combo); });
        editor = combo;
        break;
    }
    case Kind::Workflow: {
        // The published workflows by name; one not published yet can be typed by its id.
        auto *combo = new QComboBox(this);
        combo->setEditable(true);
        combo->setInsertPolicy(QComboBox::NoInsert);
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(8);
        for (const auto &[id, workflowName] : std::as_const(m_workflows))
            combo->addItem(workflowName, id);
        const QString current = value.toString();
        if (!current.isEmpty() && combo->findData(current) < 0)
            combo->addItem(current, current);
        combo->setCurrentIndex(combo->findData(current));
        if (current.isEmpty())
            combo->setCurrentText(QString());
        combo->lineEdit()->setPlaceholderText(tr("Choose a published workflow"));
        connect(combo->lineEdit(), &QLineEdit::editingFinished, this,
                [this, spec, combo] { commit(spec, combo); });
        connect(combo, &QComboBox::activated, this, [this, spec, combo] { commit(spec, combo); });
        editor = combo;
        break;
    }
    case Kind::Check: {
        auto *check = new QCheckBox(this);
        check->setChecked(value.toBool(true));
        connect(check, &QCheckBox::toggled, this, [this, spec, check] { commit(spec, check); });
        editor = check;
        break;
    }
    case Kind::Integer: {
        auto *spin = new QSpinBox(this);
        spin->setRange(spec.min - 1, spec.max);
        spin->setSpecialValueText(tr("default"));
        spin->setValue(value.isDouble() ? value.toInt() : spec.min - 1);
        connect(spin, &QSpinBox::editingFinished, this, [this, spec, spin] { commit(spec, spin); });
        editor = spin;
        break;
    }
    case Kind::Json: {
        auto *edit = new QPlainTextEdit(this);
        edit->setTabChangesFocus(true);
        edit->setPlainText(
            value.isUndefined()
                ? QString()
                : QString::fromUtf8(
                    value.isArray()
                        ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Indented)
                        : QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented)));
        edit->setFixedHeight(edit->fontMetrics().lineSpacing() * 6);
        edit->setToolTip(tr("Templates may use %1").arg(VariablesHint));
        connect(edit, &QPlainTextEdit::textChanged, this,
                [this, spec, edit] { commit(spec, edit); });
        editor = edit;
        break;
    }
    case Kind::Cases:
    case Kind::Payload: {
        FormJsonEditor *form = nullptr;
        if (spec.kind == Kind::Cases) {
            form = new CasesEditor(this);
        } else {
            auto *payload = new PayloadEditor(this);
            payload->setSuggestions(m_suggestions);
            form = payload;
        }
        form->setValue(value);
        connect(form, &FormJsonEditor::edited, this, [this, spec, form] { commit(spec, form); });
        editor = form;
        break;
    }
    case Kind::Fields: {
        auto *table = new ReviewFieldsEditor(this);
        table->setFields(value.toArray());
        connect(table, &ReviewFieldsEditor::edited, this,
                [this, spec, table] { commit(spec, table); });
        editor = table;
        break;
    }
    case Kind::List: {
        QStringList items;
        for (const auto &v : value.toArray())
            items << v.toString();
        auto *edit = new QLineEdit(items.join(QStringLiteral(", ")), this);
        edit->setCursorPosition(0); // the start of a long text shows
        connect(edit, &QLineEdit::textEdited, this, [this, spec, edit] { commit(spec, edit); });
        editor = edit;
        break;
    }
    case Kind::Id: {
        auto *edit = new QLineEdit(value.toString(), this);
        edit->setCursorPosition(0); // the start of a long text shows
        edit->setToolTip(tr("Lower-case letters, digits and _; other steps read this one as "
                            "steps.<id>, and they follow a rename"));
        connect(edit, &QLineEdit::editingFinished, this, [this, edit] {
            const QString next = edit->text().trimmed();
            if (!m_building && !m_id.isEmpty() && next != m_id)
                Q_EMIT nodeRenamed(m_id, next);
        });
        editor = edit;
        break;
    }
    default: {
        auto *edit = new QLineEdit(value.toString(), this);
        edit->setCursorPosition(0); // the start of a long text shows
        if (spec.kind == Kind::Expression || spec.kind == Kind::Template) {
            edit->setPlaceholderText(spec.kind == Kind::Expression
                                         ? tr("e.g. input.score > 8")
                                         : tr("e.g. Hello {{ input.first_name }}"));
            edit->setToolTip(tr("Can use %1").arg(VariablesHint));
        } else if (spec.kind == Kind::Duration) {
            edit->setPlaceholderText(tr("e.g. 30s, 15m, 4h, 7d"));
        }
        connect(edit, &QLineEdit::textEdited, this, [this, spec, edit] { commit(spec, edit); });
        editor = edit;
        break;
    }
    }
    editor->setObjectName(QStringLiteral("inspector_") + spec.key);
    editor->setAccessibleName(spec.label);
    auto *error = new QLabel(this);
    error->setObjectName(QStringLiteral("inspectorError_") + spec.key);
    error->setWordWrap(true);
    Tone::status(error, ModuleStatus::Down);
    error->hide();
    auto *box = new QWidget(this);
    auto *v = new QVBoxLayout(box);
    v->setContentsMargins(0, 0, 0, 0);
    v->setSpacing(2);
    v->addWidget(editor);
    v->addWidget(error);
    // Tables take the whole width, under their label.
    if (spec.kind == Kind::Cases || spec.kind == Kind::Payload || spec.kind == Kind::Fields
        || spec.kind == Kind::Json) {
        m_form->addRow(new QLabel(spec.label, this));
        m_form->addRow(box);
    } else {
        m_form->addRow(spec.label, box);
    }
    m_editors.insert(spec.key, editor);
    m_errors.insert(spec.key, error);
}

void Inspector::showError(const QString &key, const QString &message)
{
    if (QLabel *label = m_errors.value(key)) {
        label->setText(message);
        label->setVisible(!message.isEmpty());
    }
}

void Inspector::commit(const Spec &spec, QWidget *editor)
{
    if (m_building)
        return;
    QJsonValue value;
    QString problem;
    if (auto *form = qobject_cast<FormJsonEditor *>(editor)) {
        problem = form->problem();
        value = form->value();
    } else if (auto *table = qobject_cast<ReviewFieldsEditor *>(editor)) {
        problem = table->problem();
        value = table->fields();
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        if (spec.kind == Kind::Action || spec.kind == Kind::Workflow) {
            const int index = combo->findText(combo->currentText());
            value = index >= 0 ? combo->itemData(index).toString() : combo->currentText().trimmed();
        } else {
            value = combo->currentData().toString();
        }
    } else if (auto *check = qobject_cast<QCheckBox *>(editor)) {
        value = check->isChecked();
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        value = spin->value() < spec.min ? QJsonValue(QJsonValue::Undefined)
                                         : QJsonValue(spin->value());
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        const QString json = text->toPlainText().trimmed();
        if (json.isEmpty()) {
            value = QJsonValue(QJsonValue::Undefined);
        } else {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
            if (error.error != QJsonParseError::NoError)
                problem = tr("Not valid JSON yet: %1 (at character %2)")
                              .arg(error.errorString())
                              .arg(error.offset);
            else
                value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        }
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        const QString text = line->text().trimmed();
        if (spec.kind == Kind::List) {
            QJsonArray items;
            for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
                items.append(item.trimmed());
            value = items;
        } else {
            value = text;
            if (!text.isEmpty() && spec.kind == Kind::Duration && durationMs(text) < 0)
                problem = tr("Not a duration: write a number and a unit, e.g. 30s, 15m, 4h, 7d");
            if (!text.isEmpty() && spec.kind == Kind::Expression) {
                if (Status ok = m_expressions.checkExpression(text); !ok)
                    problem = ok.error().message;
            }
            if (!text.isEmpty() && spec.kind == Kind::Template) {
                if (Status ok = m_expressions.checkTemplate(text); !ok)
                    problem = ok.error().message;
            }
        }
    }
    showError(spec.key, problem);
    if (!problem.isEmpty())
        return; // nothing is written while the field is wrong
    const QStringList parts = spec.key.split(QLatin1Char('.'));
    if (m_id.isEmpty()) {
        Q_EMIT metadataEdited(withValue(m_graph.metadata(), parts, value), spec.key);
        return;
    }
    QJsonObject node = withValue(m_graph.node(m_id), parts, value);
    Q_EMIT nodeEdited(m_id, node, spec.key);
    // Picking another module offers its actions.
    if (spec.kind == Kind::Module && spec.key == QLatin1String("module")) {
        if (auto *action = qobject_cast<QComboBox *>(m_editors.value(QStringLiteral("action")))) {
            const int index = action->findText(action->currentText());
            const QString current =
                index >= 0 ? action->itemData(index).toString() : action->currentText();
            fillActions(action, value.toString(), current);
        }
    }
}

} // namespace Switchboard
