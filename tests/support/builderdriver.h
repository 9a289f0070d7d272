#pragma once

// Driving the workflow builder as a person would: drag from the palette, drag between ports.
#include "builder/builderview.h"
#include "builder/formjsoneditor.h"
#include "builder/inspector.h"
#include "builder/nodeitem.h"
#include "builder/palettemodel.h"
#include "builder/reviewfieldseditor.h"
#include "builder/workflowscene.h"
#include "modules/modulecatalog.h"

#include <QApplication>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QGraphicsView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QSpinBox>
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

// The palette entry that makes a step of this JSON's kind ("Condition", or the action's name).
inline QString paletteTextFor(const QJsonObject &node)
{
    static const QHash<QString, QString> titles = {{"trigger", "Start"},
                                                   {"condition", "Condition"},
                                                   {"parallel", "Parallel"},
                                                   {"join", "Join"},
                                                   {"delay", "Delay"},
                                                   {"wait_for_event", "Wait for event"},
                                                   {"human_review", "Human review"},
                                                   {"notify", "Notify"},
                                                   {"set", "Set values"},
                                                   {"run_workflow", "Run a workflow"},
                                                   {"end", "End"}};
    const QString type = node.value("type").toString();
    return type == QLatin1String("module_call")
        ? ModuleCatalog::actionName(node.value("action").toString())
        : titles.value(type);
}

// Types a setting into the inspector's editor for it, the way its widget takes input.
inline bool fillSetting(Inspector *inspector, const QString &key, const QJsonValue &value)
{
    QWidget *editor = inspector->editor(key);
    if (!editor)
        return false;
    if (auto *form = qobject_cast<FormJsonEditor *>(editor)) {
        form->setValue(value);
        Q_EMIT form->edited();
    } else if (auto *fields = qobject_cast<ReviewFieldsEditor *>(editor)) {
        fields->setFields(value.toArray());
        Q_EMIT fields->edited();
    } else if (auto *combo = qobject_cast<QComboBox *>(editor)) {
        int index = combo->findData(value.toString());
        if (index < 0)
            index = combo->findText(value.toString());
        if (combo->isEditable() && index < 0) {
            combo->setEditText(value.toString());
            Q_EMIT combo->lineEdit()->editingFinished();
            return true;
        }
        if (index < 0)
            return false;
        combo->setCurrentIndex(index);
        Q_EMIT combo->activated(index);
    } else if (auto *spin = qobject_cast<QSpinBox *>(editor)) {
        spin->setValue(value.toInt());
        Q_EMIT spin->editingFinished();
    } else if (auto *text = qobject_cast<QPlainTextEdit *>(editor)) {
        text->setPlainText(QString::fromUtf8(value.isArray()
                                                 ? QJsonDocument(value.toArray()).toJson()
                                                 : QJsonDocument(value.toObject()).toJson()));
    } else if (auto *line = qobject_cast<QLineEdit *>(editor)) {
        QString t = value.toString();
        if (value.isArray()) {
            QStringList items;
            for (const QJsonValue &v : value.toArray())
                items << v.toString();
            t = items.join(QStringLiteral(", "));
        }
        line->setText(t);
        Q_EMIT line->textEdited(t);
        Q_EMIT line->editingFinished();
    } else {
        return false;
    }
    return true;
}

} // namespace BuilderDriver
