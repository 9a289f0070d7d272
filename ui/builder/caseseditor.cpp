#include "builder/caseseditor.h"

#include "common/choicedelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>

namespace Switchboard {

namespace {

enum Column { LabelColumn, FieldColumn, TestColumn, ValueColumn };

const QString Expression = QStringLiteral("expression");

bool isBareLiteral(const QString &value)
{
    static const QRegularExpression number(QStringLiteral("^-?\\d+(\\.\\d+)?$"));
    return number.match(value).hasMatch() || value == QLatin1String("true")
        || value == QLatin1String("false") || value == QLatin1String("null");
}

} // namespace

CasesEditor::CasesEditor(QWidget *parent)
    : FormJsonEditor(parent)
    , m_model(new QStandardItemModel(0, 4, this))
    , m_table(new QTableView(this))
    , m_ops(new ChoiceDelegate({{QStringLiteral("=="), QStringLiteral("=")},
                                {QStringLiteral("!="), QStringLiteral("≠")},
                                {QStringLiteral(">"), QStringLiteral(">")},
                                {QStringLiteral(">="), QStringLiteral("≥")},
                                {QStringLiteral("<"), QStringLiteral("<")},
                                {QStringLiteral("<="), QStringLiteral("≤")},
                                {Expression, tr("expression")}},
                               this))
{
    m_model->setHorizontalHeaderLabels({tr("Way out"), tr("Field"), tr("Test"), tr("Value")});
    m_table->setObjectName(QStringLiteral("cases"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(TestColumn, m_ops);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FieldColumn, QHeaderView::Stretch);
    m_table->setMinimumHeight(110);
    m_table->setToolTip(tr("The first way whose test holds is taken; if none holds, the run "
                           "goes the \"Otherwise\" way. Fields can be input.<name> or "
                           "steps.<step>.output.<name>."));
    setForm(m_table);
    connect(m_model, &QStandardItemModel::itemChanged, this, [this](QStandardItem *item) {
        if (loading())
            return;
        // "expression" joins field, comparison and value into one expression to edit;
        // another comparison splits one that is simple enough.
        if (item->column() == TestColumn) {
            const int r = item->row();
            QStandardItem *field = m_model->item(r, FieldColumn);
            QStandardItem *value = m_model->item(r, ValueColumn);
            const QString op = item->data(Qt::UserRole).toString();
            const bool wasExpression = !value->isEditable();
            if (op == Expression && !wasExpression) {
                QSignalBlocker block(m_model);
                field->setText(join(field->text(), QStringLiteral("=="), value->text()));
                value->setText(QString());
                value->setEditable(false);
            } else if (op != Expression && wasExpression) {
                const Test t = split(field->text());
                QSignalBlocker block(m_model);
                if (!t.op.isEmpty())
                    field->setText(t.field);
                value->setText(t.op.isEmpty() ? QString() : t.value);
                value->setEditable(true);
            }
            m_table->viewport()->update();
        }
        formEdited();
    });

    auto *add = new QToolButton(this);
    add->setText(tr("Add a way"));
    auto *remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    auto *up = new QToolButton(this);
    up->setText(QStringLiteral("↑"));
    auto *down = new QToolButton(this);
    down->setText(QStringLiteral("↓"));
    up->setToolTip(tr("Try this way earlier"));
    down->setToolTip(tr("Try this way later"));
    up->setAccessibleName(tr("Move up"));
    down->setAccessibleName(tr("Move down"));
    connect(add, &QToolButton::clicked, this, [this] {
        appendCase(QStringLiteral("way_%1").arg(m_model->rowCount() + 1),
                   QStringLiteral("input.value == 1"));
        formEdited();
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (const int row = m_table->currentIndex().row(); row >= 0) {
            m_model->removeRow(row);
            formEdited();
        }
    });
    connect(up, &QToolButton::clicked, this, [this] { moveCurrent(-1); });
    connect(down, &QToolButton::clicked, this, [this] { moveCurrent(1); });
    buttons()->insertWidget(0, add);
    buttons()->insertWidget(1, remove);
    buttons()->insertWidget(2, up);
    buttons()->insertWidget(3, down);
}

CasesEditor::Test CasesEditor::split(const QString &when)
{
    // field, comparison, then one literal: a number, true/false/null or a quoted text.
    static const QRegularExpression simple(QStringLiteral(
        R"re(^\s*([A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*)\s*(===|!==|==|!=|>=|<=|>|<)\s*)re"
        R"re((-?\d+(?:\.\d+)?|true|false|null|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')\s*$)re"));
    const QRegularExpressionMatch m = simple.match(when);
    if (!m.hasMatch())
        return {when, {}, {}};
    QString op = m.captured(2);
    if (op.size() == 3)
        op.chop(1); // === reads as ==
    return {m.captured(1), op, m.captured(3)};
}

QString CasesEditor::join(const QString &field, const QString &op, const QString &value)
{
    const QString v = value.trimmed();
    const bool quoted = v.size() >= 2
        && ((v.startsWith(QLatin1Char('"')) && v.endsWith(QLatin1Char('"')))
            || (v.startsWith(QLatin1Char('\'')) && v.endsWith(QLatin1Char('\''))));
    QString literal = v;
    if (!quoted && !isBareLiteral(v)) {
        literal.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
        literal.replace(QLatin1Char('"'), QLatin1String("\\\""));
        literal = QLatin1Char('"') + literal + QLatin1Char('"');
    }
    return field.trimmed() + QLatin1Char(' ') + op + QLatin1Char(' ') + literal;
}

void CasesEditor::appendCase(const QString &label, const QString &when)
{
    const Test t = split(when);
    auto *test = new QStandardItem(m_ops->textOf(t.op.isEmpty() ? Expression : t.op));
    test->setData(t.op.isEmpty() ? Expression : t.op, Qt::UserRole);
    auto *value = new QStandardItem(t.value);
    value->setEditable(!t.op.isEmpty());
    m_model->appendRow({new QStandardItem(label), new QStandardItem(t.field), test, value});
}

void CasesEditor::moveCurrent(int by)
{
    const int row = m_table->currentIndex().row();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_model->rowCount())
        return;
    m_model->insertRow(to, m_model->takeRow(row));
    m_table->setCurrentIndex(m_model->index(to, m_table->currentIndex().column()));
    formEdited();
}

void CasesEditor::setFormValue(const QJsonValue &value)
{
    m_model->removeRows(0, m_model->rowCount());
    for (const QJsonValue c : value.toArray())
        appendCase(c[QLatin1String("label")].toString(), c[QLatin1String("when")].toString());
}

QJsonValue CasesEditor::formValue() const
{
    QJsonArray out;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QString op = m_model->item(r, TestColumn)->data(Qt::UserRole).toString();
        const QString field = m_model->item(r, FieldColumn)->text().trimmed();
        out.append(QJsonObject {
            {QStringLiteral("label"), m_model->item(r, LabelColumn)->text().trimmed()},
            {QStringLiteral("when"),
             op == Expression ? field : join(field, op, m_model->item(r, ValueColumn)->text())}});
    }
    return out;
}

QString CasesEditor::formProblem() const
{
    QStringList labels;
    for (int r = 0; r < m_model->rowCount(); ++r)
        labels << m_model->item(r, LabelColumn)->text().trimmed();
    if (QString named =
            namingProblem(labels, tr("Way %1 needs a name."), tr("Two ways are named \"%1\"."));
        !named.isEmpty())
        return named;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        if (m_model->item(r, FieldColumn)->text().trimmed().isEmpty())
            return tr("Way \"%1\" needs a field to test.").arg(labels.at(r));
    }
    return {};
}

} // namespace Switchboard
