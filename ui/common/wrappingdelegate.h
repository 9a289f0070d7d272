#pragma once

#include <QStyledItemDelegate>

class QTreeView;

namespace Switchboard {

// Rows of a tree as tall as their wrapped text at the column's width. A QTreeView measures a
// row without its column's width, so a long title that wraps keeps one line's height and loses
// its end; this delegate gives the width, and lays the rows out again when a column is resized.
class WrappingDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    // Turns word wrap on for the tree and takes over its items' sizes.
    static void install(QTreeView *tree);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

private:
    explicit WrappingDelegate(QTreeView *tree);

    QTreeView *m_tree;
};

} // namespace Switchboard
