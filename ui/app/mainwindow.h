#pragma once

#include "common/clock.h"
#include "status/systemoverview.h"

#include <QJsonArray>
#include <QMainWindow>
#include <QSet>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace Switchboard {

class AlertsView;
class DashboardView;
class DesktopNotifier;
class ExecutionsView;
class ModulesView;
class SettingsView;
class ReviewView;
class BuilderView;
class ModuleTableModel;
class Orchestrator;

// The console's window: navigation rail, the sections, and a thin status bar. Holds no
// business rules; it shows what the Orchestrator reports and passes requests back to it.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    MainWindow(Orchestrator &orchestrator, const Clock &clock, QWidget *parent = nullptr);

    // View names as on the command line: dashboard, workflows, executions, review, alerts,
    // modules, settings, and a section's tab: dead-letters, journey (in Executions),
    // settings-modules, settings-targets, … (Settings' pages). Returns false for an unknown
    // name.
    bool showView(const QString &name);
    // The section tabs showView also opens.
    static QStringList tabNames();
    // Opens the dead-letter queue (the status bar's count links here).
    void openDeadLetters();
    QString currentView() const;
    // Opens the execution in the Executions section (its id was followed as a link).
    void openExecution(const QString &executionId);
    static QStringList viewNames();

    ModuleTableModel *moduleModel() const { return m_modules; }
    DashboardView *dashboard() const { return m_dashboard; }
    ModulesView *modulesView() const { return m_modulesView; }
    ReviewView *reviewView() const { return m_reviewView; }
    BuilderView *builder() const { return m_builder; }
    AlertsView *alertsView() const { return m_alertsView; }
    ExecutionsView *executionsView() const { return m_executionsView; }
    SettingsView *settingsView() const { return m_settingsView; }
    DesktopNotifier *desktopNotifier() const { return m_notifier; }
    const SystemOverview &overview() const { return m_overview; }

    void showShortcuts();
    // Asks the core for the dashboard report and saves it to path; reportSaved() or
    // reportFailed() follows. exportReportAs() asks for the path first.
    void exportReport(const QString &path);
    void exportReportAs();

Q_SIGNALS:
    void reportSaved(const QString &path);
    void reportFailed(const QString &message);
    // "Connect to a clinic…" (Ctrl+Shift+O, or Settings › This console).
    void connectRequested();

private:
    void buildNavigation();
    void onOverview(const Switchboard::SystemOverview &overview);
    // A remote core's link went down or came back: the pages grey with the reason, and come
    // back when it is live again (its feed brings them up to date first).
    void onLinkChanged(bool live, const QString &text);
    void onTasks(const QJsonArray &tasks);
    void onAlerts(const QJsonObject &state);
    void updateNavigationCounts();
    void updateStatusBar();
    void saveReport(const QString &html);

    Orchestrator &m_orchestrator;
    const Clock &m_clock;
    ModuleTableModel *m_modules;
    QListWidget *m_nav;
    QStackedWidget *m_pages;
    DashboardView *m_dashboard;
    ModulesView *m_modulesView;
    ReviewView *m_reviewView;
    BuilderView *m_builder;
    AlertsView *m_alertsView;
    ExecutionsView *m_executionsView;
    SettingsView *m_settingsView;
    DesktopNotifier *m_notifier;
    QSet<qint64> m_pagedAlerts; // critical alerts already announced on the desktop
    bool m_alertsSeen = false;
    int m_unreadAlerts = 0;
    int m_openAlerts = -1; // -1: the inbox has not answered yet
    QSet<QString> m_knownTasks; // open review tasks, to notice new ones
    bool m_tasksSeen = false;
    int m_openTasks = 0;
    QLabel *m_connection;
    QLabel *m_lastCheck;
    QLabel *m_health;
    QLabel *m_deadLetters;
    QLabel *m_linkBanner;
    SystemOverview m_overview;
    QString m_reportPath; // where the requested report goes; empty when none is pending
};

} // namespace Switchboard
