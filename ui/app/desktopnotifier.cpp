#include "app/desktopnotifier.h"

#include <QApplication>
#include <QSystemTrayIcon>
#include <QWidget>

namespace Switchboard {

DesktopNotifier::DesktopNotifier(QWidget *window)
    : QObject(window)
    , m_window(window)
{
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        m_tray = new QSystemTrayIcon(window->windowIcon(), this);
        m_tray->setToolTip(tr("Switchboard"));
        m_tray->show();
        connect(m_tray, &QSystemTrayIcon::messageClicked, window, [window] {
            window->showNormal();
            window->raise();
            window->activateWindow();
        });
    }
}

void DesktopNotifier::notify(const QString &title, const QString &message)
{
    m_lastTitle = title;
    ++m_shown;
    if (m_tray)
        m_tray->showMessage(title, message, QSystemTrayIcon::Critical, 15000);
    QApplication::alert(m_window);
}

} // namespace Switchboard
