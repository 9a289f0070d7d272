#include "builder/reviewfieldseditor.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QPushButton>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

enum Column { NameColumn, LabelColumn, TypeColumn, RequiredColumn, PhiColumn, ValueColumn };

} // namespace

QStringList ReviewFieldsEditor::types()
{
    return {QStringLiteral("text"),    QStringLiteral("multiline"), QStringLiteral("number"),
            QStringLiteral("boolean"), QStringLiteral("choice"),    QStringLiteral("date"),
            QStringLiteral("datetime")};
}

ReviewFieldsEditor::ReviewFieldsEditor(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(0, 6, this))
    , m_table(new QTableView(this))
{
    m_model->setHorizontalHeaderLabels(
        {tr("Name"), tr("Label"), tr("Type"), tr("Required"), tr("Patient data"), tr("Value")});
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setMinimumHeight(110);
    m_table->setToolTip(tr("Types: %1").arg(types().join(QStringLiteral(", "))));
    auto *add = new QPushButton(tr("Add field"), this);
    auto *remove = new QPushButton(tr("Remove field"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        appendRow(
            {{QStringLiteral("name"), QStringLiteral("field_%1").arg(m_model->rowCount() + 1)},
             {QStringLiteral("type"), QStringLiteral("text")}});
        Q_EMIT edited();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentIndex().row();
        if (row < 0)
            return;
        m_model->removeRow(row);
        if (row < m_original.size())
            m_original.removeAt(row);
        Q_EMIT edited();
    });
    connect(m_model, &QStandardItemModel::itemChanged, this, [this] {
        if (!m_loading)
            Q_EMIT edited();
    });
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    layout->addLayout(buttons);
}

void ReviewFieldsEditor::appendRow(const QJsonObject &field)
{
    const bool loading = std::exchange(m_loading, true);
    QList<QStandardItem *> row;
    row << new QStandardItem(field.value(QLatin1String("name")).toString())
        << new QStandardItem(field.value(QLatin1String("label")).toString())
        << new QStandardItem(field.value(QLatin1String("type")).toString(QStringLiteral("text")));
    for (const char *flag : {"required", "phi"}) {
        auto *item = new QStandardItem;
        item->setCheckable(true);
        item->setEditable(false);
        item->setCheckState(field.value(QLatin1String(flag)).toBool() ? Qt::Checked
                                                                      : Qt::Unchecked);
        row << item;
    }
    row << new QStandardItem(field.value(QLatin1String("value")).toString());
    m_model->appendRow(row);
    m_loading = loading;
}

void ReviewFieldsEditor::setFields(const QJsonArray &fields)
{
    m_loading = true;
    m_model->removeRows(0, m_model->rowCount());
    m_original = fields;
    for (const auto &v : fields)
        appendRow(v.toObject());
    m_loading = false;
}

QJsonArray ReviewFieldsEditor::fields() const
{
    QJsonArray out;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        QJsonObject f = r < m_original.size() ? m_original.at(r).toObject() : QJsonObject();
        const auto text = [&](int column) {
            return m_model->item(r, column)->text().trimmed();
        };
        const auto set = [&f](const char *key, const QJsonValue &value, bool keep) {
            if (keep)
                f.insert(QLatin1String(key), value);
            else
                f.remove(QLatin1String(key));
        };
        set("name", text(NameColumn), true);
        set("label", text(LabelColumn), !text(LabelColumn).isEmpty());
        set("type", text(TypeColumn), true);
        set("required", true, m_model->item(r, RequiredColumn)->checkState() == Qt::Checked);
        set("phi", true, m_model->item(r, PhiColumn)->checkState() == Qt::Checked);
        set("value", text(ValueColumn), !text(ValueColumn).isEmpty());
        out.append(f);
    }
    return out;
}

QString ReviewFieldsEditor::problem() const
{
    QStringList names;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QString name = m_model->item(r, NameColumn)->text().trimmed();
        const QString type = m_model->item(r, TypeColumn)->text().trimmed();
        if (name.isEmpty())
            return tr("Field %1 needs a name.").arg(r + 1);
        if (names.contains(name))
            return tr("Two fields are named \"%1\".").arg(name);
        names << name;
        if (!types().contains(type))
            return tr("Field \"%1\": \"%2\" is not a type (%3).")
                .arg(name, type, types().join(QStringLiteral(", ")));
    }
    return {};
}

} // namespace Switchboard
