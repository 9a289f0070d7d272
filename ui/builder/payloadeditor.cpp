#include "builder/payloadeditor.h"

#include "common/completingdelegate.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardItemModel>
#include <QTableView>
#include <QToolButton>

namespace Switchboard {

namespace {

enum Column { NameColumn, ValueColumn };

constexpr int OriginalRole = Qt::UserRole + 1; // the value the row was loaded with

} // namespace

PayloadEditor::PayloadEditor(QWidget *parent)
    : FormJsonEditor(parent)
    , m_model(new QStandardItemModel(0, 2, this))
    , m_table(new QTableView(this))
    , m_values(new CompletingDelegate(this))
{
    m_model->setHorizontalHeaderLabels({tr("Name"), tr("Value")});
    m_table->setObjectName(QStringLiteral("payload"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(ValueColumn, m_values);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(110);
    m_table->setToolTip(tr("Values may read the input and earlier steps: {{ input.<name> }}, "
                           "{{ steps.<step>.output.<name> }}. Type to see what the last test "
                           "run had."));
    setForm(m_table);
    connect(m_model, &QStandardItemModel::itemChanged, this, [this] { formEdited(); });
    auto *add = new QToolButton(this);
    add->setText(tr("Add a value"));
    auto *remove = new QToolButton(this);
    remove->setText(tr("Remove"));
    connect(add, &QToolButton::clicked, this, [this] {
        appendField(QStringLiteral("name_%1").arg(m_model->rowCount() + 1), QString());
        m_table->edit(m_model->index(m_model->rowCount() - 1, NameColumn));
        formEdited();
    });
    connect(remove, &QToolButton::clicked, this, [this] {
        if (const int row = m_table->currentIndex().row(); row >= 0) {
            m_model->removeRow(row);
            formEdited();
        }
    });
    buttons()->insertWidget(0, add);
    buttons()->insertWidget(1, remove);
}

void PayloadEditor::setSuggestions(const QStringList &paths)
{
    QStringList templates;
    for (const QString &path : paths)
        templates << QStringLiteral("{{ %1 }}").arg(path);
    m_values->setSuggestions(templates);
}

QStringList PayloadEditor::suggestions() const
{
    return m_values->suggestions();
}

QJsonValue PayloadEditor::valueOf(const QString &text)
{
    const QString t = text.trimmed();
    QJsonParseError error;
    // Wrapped, so that a lone number or true reads as JSON too.
    const QJsonDocument doc =
        QJsonDocument::fromJson(QByteArray("[") + t.toUtf8() + QByteArray("]"), &error);
    if (!t.isEmpty() && error.error == QJsonParseError::NoError && doc.array().size() == 1
        && !doc.array().at(0).isString())
        return doc.array().at(0);
    return text;
}

QString PayloadEditor::textOf(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    const QByteArray wrapped = QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

void PayloadEditor::appendField(const QString &name, const QJsonValue &value)
{
    auto *cell = new QStandardItem(textOf(value));
    cell->setData(value.toVariant(), OriginalRole);
    m_model->appendRow({new QStandardItem(name), cell});
}

void PayloadEditor::setFormValue(const QJsonValue &value)
{
    m_model->removeRows(0, m_model->rowCount());
    const QJsonObject o = value.toObject();
    for (auto it = o.begin(); it != o.end(); ++it)
        appendField(it.key(), it.value());
}

QJsonValue PayloadEditor::formValue() const
{
    QJsonObject out;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QStandardItem *cell = m_model->item(r, ValueColumn);
        const QJsonValue original = QJsonValue::fromVariant(cell->data(OriginalRole));
        // A value not touched keeps its type ("3" stays text); a typed one reads as it looks.
        out.insert(m_model->item(r, NameColumn)->text().trimmed(),
                   cell->data(OriginalRole).isValid() && textOf(original) == cell->text()
                       ? original
                       : valueOf(cell->text()));
    }
    return out;
}

QString PayloadEditor::formProblem() const
{
    QStringList names;
    for (int r = 0; r < m_model->rowCount(); ++r)
        names << m_model->item(r, NameColumn)->text().trimmed();
    return namingProblem(names, tr("Value %1 needs a name."), tr("Two values are named \"%1\"."));
}

} // namespace Switchboard
