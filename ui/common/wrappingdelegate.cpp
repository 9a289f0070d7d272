#include "common/wrappingdelegate.h"

#include <QHeaderView>
#include <QTimer>
#include <QTreeView>

namespace Switchboard {

WrappingDelegate::WrappingDelegate(QTreeView *tree)
    : QStyledItemDelegate(tree)
    , m_tree(tree)
{
}

void WrappingDelegate::install(QTreeView *tree)
{
    tree->setWordWrap(true);
    tree->setUniformRowHeights(false);
    tree->setItemDelegate(new WrappingDelegate(tree));
    // Once per burst of resizes (a splitter dragged), after the last.
    auto *relayout = new QTimer(tree);
    relayout->setSingleShot(true);
    relayout->setInterval(0);
    QObject::connect(relayout, &QTimer::timeout, tree, [tree] { tree->doItemsLayout(); });
    QObject::connect(tree->header(), &QHeaderView::sectionResized, relayout,
                     qOverload<>(&QTimer::start));
}

QSize WrappingDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    int width = m_tree->columnWidth(index.column());
    if (index.column() == m_tree->header()->logicalIndex(0)) {
        int depth = m_tree->rootIsDecorated() ? 1 : 0;
        for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
            ++depth;
        width -= depth * m_tree->indentation();
    }
    QStyleOptionViewItem sized(option);
    sized.rect = QRect(0, 0, std::max(width, 1), 1 << 20);
    return QStyledItemDelegate::sizeHint(sized, index);
}

} // namespace Switchboard
