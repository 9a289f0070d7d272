#pragma once

#include <QStyledItemDelegate>

namespace Switchboard {

// Paints one module tile: status stripe, status word and mark, response time, errors, last
// run, event feed state and a response-time sparkline.
class ModuleTileDelegate final : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    void setTileSize(const QSize &size) { m_size = size; }

private:
    QSize m_size {300, 196};
};

} // namespace Switchboard
