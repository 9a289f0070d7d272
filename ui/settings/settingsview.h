#pragma once

#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;
class QStackedWidget;

namespace Switchboard {

class AccessPage;
class PeoplePage;
class DataPage;
class KpiTargets;
class ModuleAddresses;
class ModuleTableModel;
class SettingsForm;

// The Settings section: the clinic's settings, kept by the core (the clinic, the modules'
// addresses, the health checks, the key figures' targets, notifications, data and backups),
// and this console's own (language, theme). Pages are listed on the left; each saves on its
// own, and a refusal opens the page of the setting at fault.
class SettingsView final : public QWidget
{
    Q_OBJECT

public:
    SettingsView(const QString &connection, ModuleTableModel *modules, QWidget *parent = nullptr);

    // SettingsDesk::overview().
    void setSettings(const QJsonObject &overview);
    void showChanged(const QJsonObject &result);
    void showRefusal(const QString &field, const QString &message);
    void showBackupMade(const QString &path);
    void showRestoreScheduled(const QString &path);
    // The Notifications page shows this (the channels, from the Alerts section).
    void setNotifications(QWidget *channels);
    // Which core this console is on, once known (a remote one: with who logged in).
    void setConnection(const QString &connection);
    // clinic, modules, health, targets, notifications, data, console.
    static QStringList pageNames();
    bool showPage(const QString &name);
    QString currentPage() const;

    SettingsForm *clinic() const { return m_clinic; }
    SettingsForm *health() const { return m_health; }
    ModuleAddresses *modules() const { return m_modules; }
    KpiTargets *targets() const { return m_targets; }
    DataPage *data() const { return m_data; }
    AccessPage *access() const { return m_access; }
    PeoplePage *people() const { return m_people; }

    // The language chosen here ("" for the system's), as main() reads it at start.
    static QString savedLanguage();
    static constexpr const char *LanguageKey = "console/language";
    // "system", "light" or "dark".
    static QString savedTheme();
    static constexpr const char *ThemeKey = "console/theme";

Q_SIGNALS:
    void settingsWanted();
    void changeRequested(const QJsonObject &values);
    void moduleSwitched(const QString &moduleId, bool enabled);
    void backupRequested();
    void restoreRequested(const QString &path);
    void themeChosen(const QString &theme);
    // "Connect to a clinic…": another window on a remote core.
    void connectRequested();

protected:
    void showEvent(QShowEvent *event) override;

private:
    QWidget *consolePage(const QString &connection);
    void addPage(const QString &name, const QString &title, QWidget *page);
    void send(QWidget *page, const QJsonObject &values);

    QListWidget *m_nav;
    QStackedWidget *m_stack;
    QStringList m_names;
    SettingsForm *m_clinic;
    ModuleAddresses *m_modules;
    SettingsForm *m_health;
    KpiTargets *m_targets;
    DataPage *m_data;
    AccessPage *m_access;
    PeoplePage *m_people;
    QWidget *m_notifications;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QLabel *m_connection = nullptr;
    QComboBox *m_theme;
    QWidget *m_sender = nullptr; // the page whose change is on its way
};

} // namespace Switchboard
