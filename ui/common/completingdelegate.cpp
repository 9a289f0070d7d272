#include "common/completingdelegate.h"

#include <QCompleter>
#include <QLineEdit>

namespace Switchboard {

QWidget *CompletingDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                          const QModelIndex &) const
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(QStringLiteral("completingEditor"));
    auto *completer = new QCompleter(m_suggestions, edit);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setFilterMode(Qt::MatchContains);
    edit->setCompleter(completer);
    return edit;
}

} // namespace Switchboard
