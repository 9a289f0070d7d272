#pragma once

// Driving the workflow builder as a person would: drag from the palette, drag between ports.
#include "builder/builderview.h"
#include "builder/nodeitem.h"
#include "builder/palettemodel.h"
#include "builder/workflowscene.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QGraphicsView>
#include <QMimeData>
#include <QTest>
#include <QTreeView>
#include <memory>

namespace BuilderDriver {

using namespace Switchboard;

// The palette entry whose text is given, searched through the whole tree.
inline QModelIndex paletteEntry(QTreeView *palette, const QString &text,
                                const QModelIndex &parent = {})
{
    QAbstractItemModel *model = palette->model();
    for (int r = 0; r < model->rowCount(parent); ++r) {
        const QModelIndex index = model->index(r, 0, parent);
        if (index.data().toString() == text && !index.data(PaletteModel::NodeRole).isNull())
            return index;
        if (QModelIndex found = paletteEntry(palette, text, index); found.isValid())
            return found;
    }
    return {};
}

// Drags a palette entry onto the canvas the way a mouse would: enter, move, drop.
inline void dragOntoCanvas(BuilderView &builder, const QString &entry, const QPoint &at)
{
    QTreeView *palette = builder.palette();
    const QModelIndex index = paletteEntry(palette, entry);
    QVERIFY2(index.isValid(), qPrintable(entry));
    std::unique_ptr<QMimeData> mime(palette->model()->mimeData({index}));
    QVERIFY(mime);
    QWidget *viewport = builder.canvas()->viewport();
    QDragEnterEvent enter(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &move);
    QDropEvent drop(at, Qt::CopyAction, mime.get(), Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(viewport, &drop);
}

// Drags with the mouse from a step's output dot to another step.
inline void connectByMouse(BuilderView &builder, const QString &from, const QString &port,
                           const QString &to)
{
    QGraphicsView *view = builder.canvas();
    NodeItem *source = builder.scene()->nodeItem(from);
    NodeItem *target = builder.scene()->nodeItem(to);
    QVERIFY(source && target);
    const QPoint start = view->mapFromScene(source->outputPort(port));
    const QPoint end = view->mapFromScene(target->sceneBoundingRect().center());
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, start);
    QTest::mouseMove(view->viewport(), (start + end) / 2);
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, end);
}

} // namespace BuilderDriver
