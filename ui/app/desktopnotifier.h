#pragma once

#include <QObject>
#include <QString>

class QSystemTrayIcon;
class QWidget;

namespace Switchboard {

// Desktop notifications for critical alerts: a system-tray message where the desktop has a tray,
// and always the window's attention request (taskbar flash), so nobody misses one.
class DesktopNotifier final : public QObject
{
    Q_OBJECT

public:
    explicit DesktopNotifier(QWidget *window);

    void notify(const QString &title, const QString &message);
    bool hasTray() const { return m_tray != nullptr; }
    QString lastTitle() const { return m_lastTitle; }
    int shown() const { return m_shown; }

private:
    QWidget *m_window;
    QSystemTrayIcon *m_tray = nullptr;
    QString m_lastTitle;
    int m_shown = 0;
};

} // namespace Switchboard
