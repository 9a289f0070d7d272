#include "common/choicedelegate.h"

#include <QComboBox>

namespace Switchboard {

ChoiceDelegate::ChoiceDelegate(QList<Choice> choices, QObject *parent)
    : QStyledItemDelegate(parent)
    , m_choices(std::move(choices))
{
}

QString ChoiceDelegate::textOf(const QString &value) const
{
    for (const Choice &c : m_choices) {
        if (c.value == value)
            return c.text;
    }
    return value;
}

QWidget *ChoiceDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                      const QModelIndex &) const
{
    auto *combo = new QComboBox(parent);
    for (const Choice &c : m_choices)
        combo->addItem(c.text, c.value);
    // A pick is a whole edit: it is written at once, not when the cell loses focus.
    connect(combo, &QComboBox::activated, this,
            [this, combo] { Q_EMIT const_cast<ChoiceDelegate *>(this)->commitData(combo); });
    return combo;
}

void ChoiceDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *combo = static_cast<QComboBox *>(editor);
    combo->setCurrentIndex(std::max(0, combo->findData(index.data(Qt::UserRole))));
}

void ChoiceDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                  const QModelIndex &index) const
{
    const auto *combo = static_cast<QComboBox *>(editor);
    model->setData(index, combo->currentData(), Qt::UserRole);
    model->setData(index, combo->currentText(), Qt::DisplayRole);
}

} // namespace Switchboard
