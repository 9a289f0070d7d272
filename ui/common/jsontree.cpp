#include "common/jsontree.h"

#include "common/phimask.h"
#include "common/statusstyle.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>

namespace Switchboard {

namespace {

constexpr int JsonRole = Qt::UserRole + 1;

QString compactText(const QJsonValue &v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    // A lone value: as JSON writes it (strings quoted).
    const QByteArray wrapped = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

} // namespace

JsonTree::JsonTree(QWidget *parent)
    : QTreeWidget(parent)
{
    setColumnCount(2);
    setHeaderLabels({tr("Field"), tr("Value")});
    header()->setStretchLastSection(true);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setContextMenuPolicy(Qt::ActionsContextMenu);
    auto *copy = new QAction(tr("Copy as JSON"), this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    connect(copy, &QAction::triggered, this, &JsonTree::copySelection);
    addAction(copy);
}

void JsonTree::setValue(const QJsonValue &value, int expand)
{
    m_value = value;
    clear();
    if (value.isObject() || value.isArray())
        addMembers(invisibleRootItem(), value, expand, 0);
    else if (!value.isUndefined())
        addRow(invisibleRootItem(), tr("(value)"), value);
    resizeColumnToContents(0);
}

void JsonTree::addMembers(QTreeWidgetItem *parent, const QJsonValue &value, int expand, int depth)
{
    const auto add = [&](const QString &key, const QJsonValue &v) {
        QTreeWidgetItem *row = addRow(parent, key, v);
        if (v.isObject() || v.isArray()) {
            addMembers(row, v, expand, depth + 1);
            row->setExpanded(depth + 1 < expand);
        }
    };
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.begin(); it != o.end(); ++it)
            add(it.key(), it.value());
    } else {
        const QJsonArray a = value.toArray();
        for (qsizetype i = 0; i < a.size(); ++i)
            add(QStringLiteral("[%1]").arg(i + 1), a.at(i));
    }
}

QTreeWidgetItem *JsonTree::addRow(QTreeWidgetItem *parent, const QString &key,
                                  const QJsonValue &value)
{
    auto *row = new QTreeWidgetItem(parent);
    row->setText(0, key);
    row->setData(0, JsonRole, compactText(value));
    QString text;
    QColor color = palette().color(QPalette::Text);
    const bool dark = StatusStyle::isDark(palette());
    switch (value.type()) {
    case QJsonValue::Object:
        text = value.toObject().size() == 1 ? tr("1 field")
                                            : tr("%1 fields").arg(value.toObject().size());
        color = palette().color(QPalette::PlaceholderText);
        break;
    case QJsonValue::Array:
        text =
            value.toArray().size() == 1 ? tr("1 item") : tr("%1 items").arg(value.toArray().size());
        color = palette().color(QPalette::PlaceholderText);
        break;
    case QJsonValue::String:
        text = value.toString();
        if (text == PhiMask::maskedText()) {
            text = tr("••• (patient data, hidden)");
            color = palette().color(QPalette::PlaceholderText);
        } else {
            color = dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x0b, 0x6e, 0x2e); // text: green
        }
        break;
    case QJsonValue::Double:
        text = compactText(value);
        color = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1f, 0x4e, 0xa8); // numbers: blue
        break;
    case QJsonValue::Bool:
        text = value.toBool() ? tr("true") : tr("false");
        color = dark ? QColor(0xd7, 0xae, 0xfb) : QColor(0x8a, 0x3f, 0x9c); // true/false: purple
        break;
    default:
        text = tr("(empty)");
        color = palette().color(QPalette::PlaceholderText);
        break;
    }
    row->setText(1, text);
    row->setForeground(1, color);
    row->setToolTip(1, text);
    return row;
}

QString JsonTree::selectedJson() const
{
    const QList<QTreeWidgetItem *> selected = selectedItems();
    return selected.isEmpty() ? compactText(m_value)
                              : selected.first()->data(0, JsonRole).toString();
}

void JsonTree::copySelection() const
{
    QApplication::clipboard()->setText(selectedJson());
}

void JsonTree::keyPressEvent(QKeyEvent *event)
{
    if (event->matches(QKeySequence::Copy)) {
        copySelection();
        event->accept();
        return;
    }
    QTreeWidget::keyPressEvent(event);
}

} // namespace Switchboard
