#pragma once

// Finds what a person would see cut off in a window: a widget that sticks out of the pane
// holding it (where that pane cannot scroll sideways), a scroll area whose content is wider
// than it while its horizontal scroll bar is off, and a one-line label whose text does not fit.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractScrollArea>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QScrollArea>
#include <QScrollBar>
#include <QStringList>
#include <QStyle>
#include <QTabBar>
#include <QTableView>
#include <QTreeView>
#include <QWidget>

namespace LayoutCheck {

inline QString describe(const QWidget *w)
{
    QString what = QString::fromLatin1(w->metaObject()->className());
    if (!w->objectName().isEmpty())
        what += QLatin1Char('#') + w->objectName();
    if (const auto *label = qobject_cast<const QLabel *>(w))
        what += QStringLiteral(" \"%1\"").arg(label->text().left(60));
    for (const QWidget *p = w->parentWidget(); p; p = p->parentWidget()) {
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(QLatin1String("qt_"))) {
            what += QStringLiteral(" in %1").arg(p->objectName());
            break;
        }
    }
    return what;
}

// Whether content inside `parent` may be wider than it: the viewport of a scroll area whose
// horizontal bar can appear.
inline bool scrollsSideways(const QWidget *parent)
{
    const auto *area =
        parent ? qobject_cast<const QAbstractScrollArea *>(parent->parentWidget()) : nullptr;
    return area && area->viewport() == parent
        && area->horizontalScrollBarPolicy() != Qt::ScrollBarAlwaysOff;
}

inline QStringList cutOff(QWidget *root)
{
    QStringList out;
    const QList<QWidget *> widgets = root->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (w->isWindow() || !w->isVisibleTo(root))
            continue;
        QWidget *parent = w->parentWidget();
        if (!scrollsSideways(parent) && w->geometry().right() > parent->rect().right() + 1
            && !qobject_cast<QScrollBar *>(w))
            out << QStringLiteral("%1 sticks out %2 px on the right")
                       .arg(describe(w))
                       .arg(w->geometry().right() - parent->rect().right());
        if (const auto *area = qobject_cast<QScrollArea *>(w)) {
            const int needs = area->widget() ? area->widget()
                                                   ->minimumSizeHint()
                                                   .expandedTo(area->widget()->minimumSize())
                                                   .width()
                                             : 0;
            if (area->widgetResizable()
                && area->horizontalScrollBarPolicy() == Qt::ScrollBarAlwaysOff
                && needs > area->viewport()->width() + 1)
                out << QStringLiteral("%1 needs %2 px, shows %3")
                           .arg(describe(w))
                           .arg(needs)
                           .arg(area->viewport()->width());
        }
        if (const auto *label = qobject_cast<QLabel *>(w)) {
            if (!label->wordWrap() && !label->text().isEmpty() && label->pixmap().isNull()
                && label->textFormat() != Qt::RichText && !label->text().contains(QLatin1Char('<'))
                && label->sizeHint().width() > label->width() + 2)
                out << QStringLiteral("%1 cut (needs %2 px, has %3)")
                           .arg(describe(w))
                           .arg(label->sizeHint().width())
                           .arg(label->width());
        }
    }
    return out;
}

// Cells of the tables and trees in sight whose text does not fit their column, so the view
// shortens it with "…": a title, a reason or a name a person cannot read. Each with the view,
// the column's header and the text.
inline QStringList elidedCells(QWidget *root)
{
    QStringList out;
    for (QAbstractItemView *view : root->findChildren<QAbstractItemView *>()) {
        if (!view->isVisibleTo(root) || view->isWindow() || !view->model()
            || (!qobject_cast<QTableView *>(view) && !qobject_cast<QTreeView *>(view)))
            continue;
        const QAbstractItemModel *model = view->model();
        const QStyle *style = view->style();
        // The margins a style puts around a cell's text, on both sides.
        const int margins =
            2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, view) + 1);
        const auto check = [&](const QModelIndex &parent, const auto &self) -> void {
            for (int r = 0; r < std::min(model->rowCount(parent), 200); ++r) {
                for (int c = 0; c < model->columnCount(parent); ++c) {
                    const QModelIndex index = model->index(r, c, parent);
                    const QRect rect = view->visualRect(index);
                    if (rect.isEmpty() || !rect.intersects(view->viewport()->rect()))
                        continue;
                    const QString text = index.data(Qt::DisplayRole).toString();
                    if (text.isEmpty())
                        continue;
                    QFont font = view->font();
                    if (const QVariant f = index.data(Qt::FontRole); f.canConvert<QFont>())
                        font = f.value<QFont>();
                    int room = rect.width() - margins;
                    if (index.data(Qt::DecorationRole).isValid())
                        room -= view->iconSize().isValid()
                            ? view->iconSize().width() + 4
                            : style->pixelMetric(QStyle::PM_SmallIconSize) + 4;
                    if (index.data(Qt::CheckStateRole).isValid())
                        room -= style->pixelMetric(QStyle::PM_IndicatorWidth) + 4;
                    const QFontMetrics metrics(font);
                    // Text that wraps (or has lines of its own) must fit the cell's height too.
                    const auto *table = qobject_cast<const QTableView *>(view);
                    const auto *tree = qobject_cast<const QTreeView *>(view);
                    const bool wraps = (table && table->wordWrap()) || (tree && tree->wordWrap());
                    const bool lines = wraps || text.contains(QLatin1Char('\n'));
                    const QRect wrapped = metrics.boundingRect(
                        QRect(0, 0, std::max(room, 1), 100000),
                        lines ? int(Qt::TextWordWrap) : int(Qt::TextSingleLine), text);
                    const int needs = lines ? wrapped.width() : metrics.horizontalAdvance(text);
                    if (lines && wrapped.height() > rect.height() + 1)
                        out << QStringLiteral("%1, column \"%2\": \"%3\" needs %4 px high, has %5")
                                   .arg(describe(view),
                                        model->headerData(c, Qt::Horizontal).toString(),
                                        text.left(60))
                                   .arg(wrapped.height())
                                   .arg(rect.height());
                    else if (needs > room + 1)
                        out << QStringLiteral("%1, column \"%2\": \"%3\" needs %4 px, has %5")
                                   .arg(describe(view),
                                        model->headerData(c, Qt::Horizontal).toString(),
                                        text.left(60))
                                   .arg(needs)
                                   .arg(room);
                }
                if (const auto *treeView = qobject_cast<QTreeView *>(view);
                    treeView && treeView->isExpanded(model->index(r, 0, parent)))
                    self(model->index(r, 0, parent), self);
            }
        };
        check(QModelIndex(), check);
    }
    return out;
}

// Everything a person can read in a window: labels, buttons, tabs, placeholders, group titles,
// column headers and the rows in sight of every list, table and tree.
inline QStringList visibleTexts(QWidget *root)
{
    QStringList out;
    const auto addModel = [&out](const QAbstractItemView *view, const QModelIndex &parent,
                                 int depth, const auto &self) -> void {
        const QAbstractItemModel *model = view->model();
        if (!model || depth > 3)
            return;
        for (int r = 0; r < std::min(model->rowCount(parent), 200); ++r) {
            for (int c = 0; c < model->columnCount(parent); ++c) {
                const QModelIndex index = model->index(r, c, parent);
                if (view->visualRect(index).intersects(view->viewport()->rect()))
                    out << index.data().toString();
            }
            self(view, model->index(r, 0, parent), depth + 1, self);
        }
    };
    for (QWidget *w : root->findChildren<QWidget *>()) {
        if (w->isWindow() || !w->isVisibleTo(root))
            continue;
        if (const auto *label = qobject_cast<QLabel *>(w))
            out << label->text();
        else if (const auto *button = qobject_cast<QAbstractButton *>(w))
            out << button->text() << button->toolTip();
        else if (const auto *edit = qobject_cast<QLineEdit *>(w))
            out << edit->placeholderText();
        else if (const auto *box = qobject_cast<QGroupBox *>(w))
            out << box->title();
        else if (const auto *tabs = qobject_cast<QTabBar *>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                out << tabs->tabText(i);
        } else if (const auto *header = qobject_cast<QHeaderView *>(w)) {
            for (int i = 0; header->model() && i < header->count(); ++i) {
                if (!header->isSectionHidden(i))
                    out << header->model()->headerData(i, header->orientation()).toString();
            }
        } else if (const auto *view = qobject_cast<QAbstractItemView *>(w)) {
            // A JSON tree shows data (field names are its keys), not the console's words.
            if (!w->inherits("Switchboard::JsonTree"))
                addModel(view, view->rootIndex(), 0, addModel);
        }
    }
    out.removeAll(QString());
    out.removeDuplicates();
    return out;
}

// The English words among texts that should be in another language; each with its text.
inline QStringList englishIn(const QStringList &texts)
{
    // Common English words that are not Spanish words too, whole words only.
    static const QRegularExpression english(
        QStringLiteral(
            R"re(\b(the|and|with|from|this|that|not|none|open|opened|close|save|cancel|check|checks|)re"
            R"re(checked|step|steps|workflow|workflows|alert|alerts|settings|review|reply|send|sent|)re"
            R"re(failed|waiting|running|done|down|healthy|degraded|error|errors|yes|should|would|)re"
            R"re(please|patient|payment|booking|approve|reject|confidence|message|today|yesterday|)re"
            R"re(hours|minutes|days|ago|never|just now|last|next|show|hide|new|add|remove|edit|delete)\b)re"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList out;
    for (const QString &text : texts) {
        QString plain = text;
        plain.remove(QRegularExpression(QStringLiteral("<[^>]*>")));
        // Identifiers (workflow ids, keys) are names, not words: "payment-failure-recovery".
        plain.remove(QRegularExpression(QStringLiteral("\\b[a-z0-9]+([-_][a-z0-9]+)+\\b")));
        const QRegularExpressionMatch m = english.match(plain);
        if (m.hasMatch())
            out << QStringLiteral("\"%1\" in \"%2\"").arg(m.captured(1), plain.left(90));
    }
    return out;
}

} // namespace LayoutCheck
