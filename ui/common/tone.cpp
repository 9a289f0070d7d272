#include "common/tone.h"

#include "common/statusstyle.h"

#include <QApplication>
#include <QEvent>
#include <QPalette>
#include <QSet>
#include <QWidget>

namespace Switchboard::Tone {

namespace {

enum class Kind { Plain, Muted, Status, Card, Refused };

constexpr const char *KindProperty = "switchboardTone";
constexpr const char *StatusProperty = "switchboardToneStatus";

void paint(QWidget *w)
{
    const auto kind = Kind(w->property(KindProperty).toInt());
    const QPalette theme = QApplication::palette();
    QPalette pal = w->palette();
    switch (kind) {
    case Kind::Plain:
        pal.setColor(QPalette::WindowText, theme.color(QPalette::WindowText));
        pal.setColor(QPalette::Text, theme.color(QPalette::Text));
        pal.setColor(QPalette::Base, theme.color(QPalette::Base));
        break;
    case Kind::Muted:
        pal.setColor(QPalette::WindowText, theme.color(QPalette::PlaceholderText));
        break;
    case Kind::Status: {
        const QColor c =
            StatusStyle::text(ModuleStatus(w->property(StatusProperty).toInt()), theme);
        pal.setColor(QPalette::WindowText, c);
        pal.setColor(QPalette::Text, c);
        break;
    }
    case Kind::Card:
        pal.setColor(QPalette::Window, theme.color(QPalette::Base));
        break;
    case Kind::Refused:
        pal.setColor(QPalette::Base, StatusStyle::tint(ModuleStatus::Down));
        pal.setColor(QPalette::Text, theme.color(QPalette::Text));
        break;
    }
    w->setPalette(pal);
}

// Repaints a toned widget in the new theme's colours.
class ThemeFollower final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The widget hears of a new application palette through its own palette changing (the
        // roles it inherits); painting again sets the same colours, which Qt does not announce.
        if (event->type() != QEvent::PaletteChange
            && event->type() != QEvent::ApplicationPaletteChange)
            return false;
        // Not again for the widget being painted; its children, told in the same call, are.
        static QSet<QWidget *> painting;
        if (auto *w = qobject_cast<QWidget *>(watched); w && !painting.contains(w)) {
            painting.insert(w);
            paint(w);
            painting.remove(w);
        }
        return false;
    }
};

void set(QWidget *w, Kind kind, ModuleStatus status = ModuleStatus::Unknown)
{
    static ThemeFollower *follower = new ThemeFollower(qApp);
    if (!w->property(KindProperty).isValid())
        w->installEventFilter(follower);
    w->setProperty(KindProperty, int(kind));
    w->setProperty(StatusProperty, int(status));
    paint(w);
}

} // namespace

void muted(QWidget *widget)
{
    set(widget, Kind::Muted);
}

void status(QWidget *widget, ModuleStatus status)
{
    set(widget, Kind::Status, status);
}

void plain(QWidget *widget)
{
    set(widget, Kind::Plain);
}

void card(QWidget *widget)
{
    set(widget, Kind::Card);
}

void refused(QWidget *widget)
{
    set(widget, Kind::Refused);
}

} // namespace Switchboard::Tone
