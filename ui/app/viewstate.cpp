#include "app/viewstate.h"

#include "app/mainwindow.h"

#include <QAbstractItemView>
#include <QComboBox>
#include <QHeaderView>
#include <QSettings>
#include <QSplitter>

namespace Switchboard::ViewState {

namespace {

// The key of a widget: its object name under its named ancestors, so that two sections'
// "split" do not meet.
QString keyOf(const QWidget *w)
{
    QStringList path;
    for (const QWidget *p = w; p && !p->isWindow(); p = p->parentWidget()) {
        if (!p->objectName().isEmpty() && !p->objectName().startsWith(QLatin1String("qt_")))
            path.prepend(p->objectName());
    }
    return path.join(QLatin1Char('/'));
}

bool named(const QWidget *w)
{
    return !w->objectName().isEmpty() && !w->objectName().startsWith(QLatin1String("qt_"));
}

} // namespace

void save(MainWindow &window, QSettings &settings)
{
    settings.beginGroup(QStringLiteral("console"));
    settings.setValue(QStringLiteral("geometry"), window.saveGeometry());
    settings.setValue(QStringLiteral("section"), window.currentView());
    for (const QSplitter *s : window.findChildren<QSplitter *>()) {
        if (named(s))
            settings.setValue(QStringLiteral("splitters/") + keyOf(s), s->saveState());
    }
    for (const QAbstractItemView *view : window.findChildren<QAbstractItemView *>()) {
        const auto *header = view->findChild<QHeaderView *>();
        if (named(view) && header && header->orientation() == Qt::Horizontal)
            settings.setValue(QStringLiteral("columns/") + keyOf(view), header->saveState());
    }
    for (const QComboBox *combo : window.findChildren<QComboBox *>()) {
        if (named(combo) && combo->property("remember").toBool())
            settings.setValue(QStringLiteral("filters/") + keyOf(combo), combo->currentIndex());
    }
    settings.endGroup();
}

void restore(MainWindow &window, QSettings &settings)
{
    settings.beginGroup(QStringLiteral("console"));
    if (const QByteArray g = settings.value(QStringLiteral("geometry")).toByteArray(); !g.isEmpty())
        window.restoreGeometry(g);
    for (QSplitter *s : window.findChildren<QSplitter *>()) {
        const QByteArray state =
            settings.value(QStringLiteral("splitters/") + keyOf(s)).toByteArray();
        if (named(s) && !state.isEmpty())
            s->restoreState(state);
    }
    for (QAbstractItemView *view : window.findChildren<QAbstractItemView *>()) {
        auto *header = view->findChild<QHeaderView *>();
        const QByteArray state =
            settings.value(QStringLiteral("columns/") + keyOf(view)).toByteArray();
        if (named(view) && header && header->orientation() == Qt::Horizontal && !state.isEmpty())
            header->restoreState(state);
    }
    for (QComboBox *combo : window.findChildren<QComboBox *>()) {
        const QVariant index = settings.value(QStringLiteral("filters/") + keyOf(combo));
        if (named(combo) && combo->property("remember").toBool() && index.isValid()
            && index.toInt() >= 0 && index.toInt() < combo->count()) {
            combo->setCurrentIndex(index.toInt());
            Q_EMIT combo->activated(index.toInt()); // as if chosen: the filter applies
        }
    }
    if (const QString section = settings.value(QStringLiteral("section")).toString();
        !section.isEmpty())
        window.showView(section);
    settings.endGroup();
}

} // namespace Switchboard::ViewState
