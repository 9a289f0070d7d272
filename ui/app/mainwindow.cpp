#include "app/mainwindow.h"

#include "alerts/alertsview.h"
#include "alerts/channelspanel.h"
#include "alerts/silencedialog.h"
#include "app/desktopnotifier.h"
#include "builder/builderview.h"
#include "common/icons.h"
#include "common/statusstyle.h"
#include "common/theme.h"
#include "dashboard/dashboardview.h"
#include "dashboard/kpitrendpanel.h"
#include "dashboard/moduletablemodel.h"
#include "dashboard/reportpdf.h"
#include "executions/deadletterview.h"
#include "executions/executionsview.h"
#include "executions/journeyview.h"
#include "modules/modulehistorypanel.h"
#include "modules/modulesview.h"
#include "review/reviewview.h"
#include "service/orchestrator.h"
#include "settings/accesspage.h"
#include "settings/moduleaddresses.h"
#include "settings/peoplepage.h"
#include "settings/settingsview.h"
#include "texts/message.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QSaveFile>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

struct Section
{
    const char *name;
    const char *title;
    const char *icon;
};

const Section Sections[] = {
    {"dashboard", QT_TRANSLATE_NOOP("Switchboard::MainWindow", "Dashboard"), "dashboard"},
    {"workflows", QT_TRANSLATE_NOOP("Switchboard::MainWindow", "Workflows"), "workflows"},
    {"executions", QT_TRANSLATE_NOOP("Switchboard::MainWindow", "Executions"), "executions"},
    {"review", QT_TRANSLATE_NOOP("Switchboard::MainWindow", "Review"), "review"},
    {"alerts", QT_TRANSLATE_NOOP("Switchboard::MainWindow", "Alerts"), "alerts"},
    {"modules", QT_TRANSLATE_NOOP("Switchboard::MainWindow", "Modules"), "modules"},
    {"settings", QT_TRANSLATE_NOOP("Switchboard::MainWindow", "Settings"), "settings"},
};

} // namespace

MainWindow::MainWindow(Orchestrator &orchestrator, const Clock &clock, QWidget *parent)
    : QMainWindow(parent)
    , m_orchestrator(orchestrator)
    , m_clock(clock)
    , m_modules(new ModuleTableModel(clock, this))
    , m_nav(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_dashboard(new DashboardView(m_modules, this))
    , m_modulesView(new ModulesView(m_modules, this))
    , m_reviewView(new ReviewView(clock, this))
    , m_builder(new BuilderView(this))
    , m_alertsView(new AlertsView(clock, this))
    , m_executionsView(new ExecutionsView(clock, this))
    , m_settingsView(new SettingsView(orchestrator.connectionLabel(), m_modules, this))
    , m_notifier(new DesktopNotifier(this))
    , m_connection(new QLabel(this))
    , m_lastCheck(new QLabel(this))
    , m_health(new QLabel(this))
    , m_deadLetters(new QLabel(this))
    , m_linkBanner(new QLabel(this))
{
    setWindowTitle(tr("Switchboard"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/switchboard.svg")));
    resize(1180, 820);

    m_pages->addWidget(m_dashboard);
    m_pages->addWidget(m_builder);
    m_pages->addWidget(m_executionsView);
    m_pages->addWidget(m_reviewView);
    m_pages->addWidget(m_alertsView);
    m_pages->addWidget(m_modulesView);
    m_pages->addWidget(m_settingsView);
    buildNavigation();

    auto *central = new QWidget(this);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_nav);
    // A remote core's link down: said above the pages, which are greyed until it is back.
    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    m_linkBanner->setObjectName(QStringLiteral("linkBanner"));
    m_linkBanner->setWordWrap(true);
    m_linkBanner->setContentsMargins(12, 6, 12, 6);
    m_linkBanner->setStyleSheet(QStringLiteral("background: palette(highlight); color: "
                                               "palette(highlighted-text);"));
    m_linkBanner->hide();
    right->addWidget(m_linkBanner);
    right->addWidget(m_pages, 1);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    m_connection->setText(orchestrator.connectionLabel());
    statusBar()->addWidget(m_connection);
    statusBar()->addWidget(m_lastCheck);
    statusBar()->addPermanentWidget(m_deadLetters);
    statusBar()->addPermanentWidget(m_health);
    m_deadLetters->setObjectName(QStringLiteral("deadLetters"));
    m_deadLetters->setTextFormat(Qt::RichText);
    m_deadLetters->setTextInteractionFlags(Qt::LinksAccessibleByMouse
                                           | Qt::LinksAccessibleByKeyboard);
    connect(m_deadLetters, &QLabel::linkActivated, this, &MainWindow::openDeadLetters);
    updateStatusBar();

    connect(&orchestrator, &Orchestrator::moduleChanged, m_modules,
            &ModuleTableModel::updateModule);
    connect(&orchestrator, &Orchestrator::overviewChanged, this, &MainWindow::onOverview);
    connect(&orchestrator, &Orchestrator::failed, this, [this](const QString &message) {
        m_connection->setText(tr("Core stopped: %1").arg(message));
        QMessageBox::critical(this, tr("Switchboard could not start"),
                              tr("The orchestration core could not start:\n\n%1\n\nCheck the "
                                 "configuration and start Switchboard again.")
                                  .arg(message));
    });
    connect(m_dashboard, &DashboardView::moduleActivated, this, [this](const QString &id) {
        showView(QStringLiteral("modules"));
        m_modulesView->selectModule(id);
    });
    connect(m_modulesView, &ModulesView::checkRequested, &orchestrator, &Orchestrator::checkModule);
    connect(m_modulesView, &ModulesView::resetRequested, &orchestrator,
            &Orchestrator::resetCircuitBreaker);
    connect(m_modulesView, &ModulesView::enableRequested, &orchestrator,
            &Orchestrator::setModuleEnabled);
    connect(m_modulesView->history(), &ModuleHistoryPanel::executionOpened, this,
            &MainWindow::openExecution);
    connect(m_modulesView->history(), &ModuleHistoryPanel::historyRequested, &orchestrator,
            &Orchestrator::requestModuleHistory);
    connect(&orchestrator, &Orchestrator::moduleHistoryReady, m_modulesView->history(),
            &ModuleHistoryPanel::setHistory);
    connect(m_dashboard, &DashboardView::kpiHistoryRequested, &orchestrator,
            &Orchestrator::requestKpiHistory);
    connect(&orchestrator, &Orchestrator::kpiHistoryReady, m_dashboard,
            &DashboardView::setKpiHistory);
    // Who acts and what they may do are known once the core is reached (a remote one: after
    // the log-in).
    const auto identify = [this] {
        m_modulesView->setCanControl(m_orchestrator.canControlModules());
        m_reviewView->setUserName(m_orchestrator.userName());
        m_connection->setText(m_orchestrator.connectionLabel());
        m_settingsView->setConnection(m_orchestrator.connectionLabel());
    };
    identify();
    connect(&orchestrator, &Orchestrator::ready, this, identify);
    connect(&orchestrator, &Orchestrator::linkChanged, this, &MainWindow::onLinkChanged);
    connect(&orchestrator, &Orchestrator::ready, &orchestrator, &Orchestrator::requestTasks);
    connect(&orchestrator, &Orchestrator::ready, &orchestrator, &Orchestrator::requestWorkflows);
    connect(&orchestrator, &Orchestrator::workflowsChanged, m_builder, &BuilderView::setWorkflows);
    connect(&orchestrator, &Orchestrator::workflowsChanged, m_executionsView,
            &ExecutionsView::setWorkflows);
    connect(&orchestrator, &Orchestrator::workflowReady, m_builder, &BuilderView::workflowLoaded);
    connect(&orchestrator, &Orchestrator::workflowSaved, m_builder, &BuilderView::workflowSaved);
    connect(&orchestrator, &Orchestrator::workflowPublished, m_builder,
            &BuilderView::workflowPublished);
    connect(&orchestrator, &Orchestrator::workflowFailed, m_builder, &BuilderView::workflowFailed);
    connect(m_builder, &BuilderView::workflowRequested, &orchestrator,
            &Orchestrator::requestWorkflow);
    connect(m_builder, &BuilderView::saveRequested, &orchestrator, &Orchestrator::saveWorkflow);
    connect(m_builder, &BuilderView::publishRequested, &orchestrator,
            &Orchestrator::publishWorkflow);
    connect(m_builder, &BuilderView::versionRequested, &orchestrator,
            &Orchestrator::requestVersion);
    connect(&orchestrator, &Orchestrator::versionReady, m_builder, &BuilderView::versionLoaded);
    connect(m_builder, &BuilderView::promoteRequested, &orchestrator,
            &Orchestrator::promoteWorkflow);
    connect(&orchestrator, &Orchestrator::workflowPromoted, m_builder,
            &BuilderView::workflowPromoted);
    connect(m_builder, &BuilderView::testRunRequested, &orchestrator, &Orchestrator::testRun);
    connect(m_builder, &BuilderView::executionOpened, this, &MainWindow::openExecution);
    // A test run's sample input is the admin's own: shown as typed (audited as a reveal) to
    // those who may read patient data.
    connect(m_builder, &BuilderView::executionRequested, &orchestrator,
            [&orchestrator](const QString &id) {
                if (orchestrator.mayReadPhi())
                    orchestrator.revealExecution(id);
                else
                    orchestrator.requestExecution(id);
            });
    connect(&orchestrator, &Orchestrator::testRunStarted, m_builder, &BuilderView::testRunStarted);
    connect(&orchestrator, &Orchestrator::executionEvent, m_builder, &BuilderView::executionEvent);
    connect(&orchestrator, &Orchestrator::executionStatus, m_builder,
            &BuilderView::executionStatus);
    connect(&orchestrator, &Orchestrator::executionReady, m_builder, &BuilderView::executionLoaded);
    connect(&orchestrator, &Orchestrator::executionReady, m_executionsView,
            &ExecutionsView::showExecution);
    connect(&orchestrator, &Orchestrator::executionsChanged, m_executionsView,
            &ExecutionsView::setExecutions);
    connect(&orchestrator, &Orchestrator::executionActionDone, m_executionsView,
            &ExecutionsView::showActionDone);
    connect(&orchestrator, &Orchestrator::executionActionFailed, m_executionsView,
            &ExecutionsView::showActionFailed);
    connect(m_executionsView, &ExecutionsView::executionsRequested, &orchestrator,
            &Orchestrator::requestExecutions);
    connect(m_executionsView, &ExecutionsView::executionRequested, &orchestrator,
            &Orchestrator::requestExecution);
    connect(m_executionsView, &ExecutionsView::cancelRequested, &orchestrator,
            &Orchestrator::cancelExecution);
    connect(m_executionsView, &ExecutionsView::retryRequested, &orchestrator,
            &Orchestrator::retryExecution);
    connect(m_executionsView, &ExecutionsView::revealRequested, &orchestrator,
            &Orchestrator::revealExecution);
    connect(m_executionsView, &ExecutionsView::workflowRequested, &orchestrator,
            &Orchestrator::requestVersion);
    connect(&orchestrator, &Orchestrator::versionReady, m_executionsView,
            &ExecutionsView::showWorkflow);
    connect(m_executionsView, &ExecutionsView::rerunPreviewRequested, &orchestrator,
            &Orchestrator::previewRerun);
    connect(m_executionsView, &ExecutionsView::rerunRequested, &orchestrator,
            &Orchestrator::rerunExecution);
    connect(&orchestrator, &Orchestrator::rerunPreviewReady, m_executionsView,
            &ExecutionsView::showRerunPreview);
    connect(m_executionsView->journey(), &JourneyView::journeyRequested, &orchestrator,
            &Orchestrator::requestJourney);
    connect(&orchestrator, &Orchestrator::journeyReady, m_executionsView->journey(),
            &JourneyView::setJourney);
    DeadLetterView *letters = m_executionsView->deadLetters();
    connect(letters, &DeadLetterView::lettersRequested, &orchestrator,
            &Orchestrator::requestDeadLetters);
    connect(letters, &DeadLetterView::replayRequested, &orchestrator,
            &Orchestrator::replayDeadLetters);
    connect(letters, &DeadLetterView::editedReplayRequested, &orchestrator,
            &Orchestrator::replayDeadLetter);
    connect(letters, &DeadLetterView::discardRequested, &orchestrator,
            &Orchestrator::discardDeadLetter);
    connect(&orchestrator, &Orchestrator::deadLettersChanged, letters, &DeadLetterView::setLetters);
    connect(&orchestrator, &Orchestrator::deadLetterActionDone, letters,
            &DeadLetterView::showResults);
    m_executionsView->setMayReadPhi(orchestrator.mayReadPhi());
    connect(&orchestrator, &Orchestrator::ready, this,
            [this] { m_executionsView->setMayReadPhi(m_orchestrator.mayReadPhi()); });
    m_executionsView->setTraceUrlTemplate(orchestrator.traceUrlTemplate());
    connect(&orchestrator, &Orchestrator::tasksChanged, this, &MainWindow::onTasks);
    connect(&orchestrator, &Orchestrator::ready, &orchestrator, &Orchestrator::requestAlerts);
    connect(&orchestrator, &Orchestrator::alertsChanged, this, &MainWindow::onAlerts);
    connect(&orchestrator, &Orchestrator::alertReady, m_alertsView, &AlertsView::showDetails);
    connect(&orchestrator, &Orchestrator::alertActionFailed, m_alertsView,
            &AlertsView::showActionFailed);
    connect(m_alertsView, &AlertsView::alertRequested, &orchestrator, &Orchestrator::requestAlert);
    connect(m_alertsView, &AlertsView::actionRequested, &orchestrator, &Orchestrator::actOnAlerts);
    connect(m_alertsView, &AlertsView::silenceRequested, &orchestrator, &Orchestrator::addSilence);
    connect(m_alertsView, &AlertsView::silenceRemoveRequested, &orchestrator,
            &Orchestrator::removeSilence);
    connect(m_alertsView, &AlertsView::moduleRequested, this, [this](const QString &id) {
        showView(QStringLiteral("modules"));
        m_modulesView->selectModule(id);
    });
    connect(m_alertsView, &AlertsView::executionOpened, this, &MainWindow::openExecution);
    connect(m_alertsView, &AlertsView::unreadChanged, this, [this](int unread) {
        m_unreadAlerts = unread;
        updateNavigationCounts();
    });
    ChannelsPanel *channels = m_alertsView->takeChannels();
    m_settingsView->setNotifications(channels);
    connect(m_settingsView, &SettingsView::settingsWanted, &orchestrator,
            &Orchestrator::requestSettings);
    connect(m_settingsView, &SettingsView::changeRequested, &orchestrator,
            &Orchestrator::changeSettings);
    connect(m_settingsView, &SettingsView::moduleSwitched, &orchestrator,
            &Orchestrator::setModuleEnabled);
    connect(m_settingsView, &SettingsView::backupRequested, &orchestrator,
            &Orchestrator::backupNow);
    connect(m_settingsView, &SettingsView::restoreRequested, &orchestrator,
            &Orchestrator::restoreBackup);
    connect(&orchestrator, &Orchestrator::settingsReady, m_settingsView,
            &SettingsView::setSettings);
    connect(&orchestrator, &Orchestrator::settingsChanged, m_settingsView,
            &SettingsView::showChanged);
    connect(&orchestrator, &Orchestrator::settingsRefused, m_settingsView,
            &SettingsView::showRefusal);
    connect(&orchestrator, &Orchestrator::backupMade, m_settingsView,
            &SettingsView::showBackupMade);
    connect(&orchestrator, &Orchestrator::restoreScheduled, m_settingsView,
            &SettingsView::showRestoreScheduled);
    ModuleAddresses *addresses = m_settingsView->modules();
    connect(addresses, &ModuleAddresses::credentialWanted, &orchestrator,
            &Orchestrator::requestCredential);
    connect(addresses, &ModuleAddresses::credentialSaveRequested, &orchestrator,
            &Orchestrator::setCredential);
    connect(addresses, &ModuleAddresses::credentialRemoveRequested, &orchestrator,
            &Orchestrator::removeCredential);
    connect(&orchestrator, &Orchestrator::credentialReady, addresses,
            &ModuleAddresses::showCredential);
    connect(&orchestrator, &Orchestrator::credentialRefused, addresses,
            &ModuleAddresses::showCredentialRefused);
    AccessPage *access = m_settingsView->access();
    connect(access, &AccessPage::tokensWanted, &orchestrator, &Orchestrator::requestTokens);
    connect(access, &AccessPage::issueRequested, &orchestrator, &Orchestrator::issueToken);
    connect(access, &AccessPage::revokeRequested, &orchestrator, &Orchestrator::revokeToken);
    connect(&orchestrator, &Orchestrator::tokensReady, access, &AccessPage::setTokens);
    connect(&orchestrator, &Orchestrator::tokenIssued, access, &AccessPage::showIssued);
    connect(&orchestrator, &Orchestrator::tokensRefused, access, &AccessPage::showRefusal);
    PeoplePage *people = m_settingsView->people();
    connect(people, &PeoplePage::usersWanted, &orchestrator, &Orchestrator::requestUsers);
    connect(people, &PeoplePage::addRequested, &orchestrator, &Orchestrator::addUser);
    connect(people, &PeoplePage::changeRequested, &orchestrator, &Orchestrator::changeUser);
    connect(people, &PeoplePage::passwordResetRequested, &orchestrator,
            &Orchestrator::resetPassword);
    connect(&orchestrator, &Orchestrator::usersReady, people, &PeoplePage::setUsers);
    connect(&orchestrator, &Orchestrator::userSaved, people, &PeoplePage::showSaved);
    connect(&orchestrator, &Orchestrator::usersRefused, people, &PeoplePage::showRefusal);
    connect(channels, &ChannelsPanel::saveRequested, &orchestrator, &Orchestrator::saveChannel);
    connect(channels, &ChannelsPanel::removeRequested, &orchestrator, &Orchestrator::removeChannel);
    connect(channels, &ChannelsPanel::testRequested, &orchestrator, &Orchestrator::testChannel);
    connect(&orchestrator, &Orchestrator::channelSaved, channels, &ChannelsPanel::showSaved);
    connect(&orchestrator, &Orchestrator::channelFailed, channels, &ChannelsPanel::showFailed);
    connect(&orchestrator, &Orchestrator::channelTested, channels, &ChannelsPanel::showTested);
    connect(&orchestrator, &Orchestrator::taskActionDone, m_reviewView, &ReviewView::actionDone);
    connect(&orchestrator, &Orchestrator::taskActionFailed, m_reviewView,
            &ReviewView::actionFailed);
    connect(m_reviewView, &ReviewView::claimRequested, &orchestrator, &Orchestrator::claimTask);
    connect(m_reviewView, &ReviewView::executionOpened, this, &MainWindow::openExecution);
    connect(m_reviewView, &ReviewView::releaseRequested, &orchestrator, &Orchestrator::releaseTask);
    connect(m_reviewView, &ReviewView::decisionRequested, &orchestrator, &Orchestrator::decideTask);
    connect(m_reviewView, &ReviewView::bulkDecisionRequested, &orchestrator,
            &Orchestrator::decideTasks);

    auto *check = new QAction(tr("Check all modules now"), this);
    check->setShortcut(QKeySequence::Refresh);
    connect(check, &QAction::triggered, &orchestrator, &Orchestrator::checkNow);
    addAction(check);
    auto *help = new QAction(tr("Keyboard shortcuts"), this);
    help->setShortcuts({QKeySequence::HelpContents, QKeySequence(Qt::Key_Question)});
    connect(help, &QAction::triggered, this, &MainWindow::showShortcuts);
    addAction(help);
    auto *connectAction = new QAction(tr("Connect to a clinic…"), this);
    connectAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(connectAction, &QAction::triggered, this, &MainWindow::connectRequested);
    addAction(connectAction);
    connect(m_settingsView, &SettingsView::connectRequested, this, &MainWindow::connectRequested);
    auto *exportAction = new QAction(tr("Export dashboard report…"), this);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(exportAction, &QAction::triggered, this, &MainWindow::exportReportAs);
    addAction(exportAction);
    connect(&orchestrator, &Orchestrator::reportReady, this, &MainWindow::saveReport);
    connect(m_dashboard, &DashboardView::exportRequested, this, &MainWindow::exportReportAs);
    connect(m_dashboard, &DashboardView::alertOpened, this, [this](qint64 id) {
        showView(QStringLiteral("alerts"));
        m_alertsView->selectAlert(id);
    });
    connect(m_dashboard, &DashboardView::alertsOpened, this,
            [this] { showView(QStringLiteral("alerts")); });
    connect(m_dashboard, &DashboardView::reviewOpened, this,
            [this] { showView(QStringLiteral("review")); });
    connect(m_dashboard, &DashboardView::deadLettersOpened, this, &MainWindow::openDeadLetters);
}

void MainWindow::exportReportAs()
{
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(tr("clinic-report-%1.html")
                          .arg(m_clock.now().toString(QStringLiteral("yyyy-MM-dd"))));
    const QString pdf = tr("PDF document (*.pdf)");
    const QString web = tr("Web page (*.html)");
    QString filter = web;
    QString path = QFileDialog::getSaveFileName(this, tr("Export dashboard report"), suggested,
                                                web + QStringLiteral(";;") + pdf, &filter);
    // The chosen type decides the file's ending when none was typed.
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty())
        path += filter == pdf ? QStringLiteral(".pdf") : QStringLiteral(".html");
    if (!path.isEmpty())
        exportReport(path);
}

void MainWindow::exportReport(const QString &path)
{
    m_reportPath = path;
    statusBar()->showMessage(tr("Preparing the report…"));
    m_orchestrator.requestReport();
}

void MainWindow::saveReport(const QString &html)
{
    if (m_reportPath.isEmpty())
        return;
    const QString path = std::exchange(m_reportPath, QString());
    QString reason;
    if (html.isEmpty()) {
        reason = tr("the orchestration core is not running yet; try again in a moment");
    } else if (path.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)) {
        if (Status written = ReportPdf::write(html, path); !written)
            reason = written.error().message;
    } else {
        QSaveFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(html.toUtf8()) < 0 || !file.commit())
            reason = file.errorString();
    }
    if (!reason.isEmpty()) {
        const QString message = tr("The report could not be saved to %1: %2")
                                    .arg(QDir::toNativeSeparators(path), reason);
        statusBar()->clearMessage();
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Report not saved"), message,
                                    QMessageBox::Close, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
        Q_EMIT reportFailed(message);
        return;
    }
    statusBar()->showMessage(tr("Report saved to %1").arg(QDir::toNativeSeparators(path)), 8000);
    Q_EMIT reportSaved(path);
}

void MainWindow::buildNavigation()
{
    m_nav->setObjectName(QStringLiteral("navigation"));
    m_nav->setAccessibleName(tr("Sections"));
    m_nav->setFixedWidth(188);
    m_nav->setIconSize(QSize(22, 22));
    m_nav->setSpacing(2);
    m_nav->setFrameShape(QFrame::NoFrame);
    QFont font = m_nav->font();
    font.setPointSizeF(font.pointSizeF() * 1.05);
    m_nav->setFont(font);
    int number = 1;
    for (const Section &section : Sections) {
        auto *item =
            new QListWidgetItem(Icons::line(QLatin1String(section.icon)), tr(section.title), m_nav);
        item->setData(Qt::UserRole, QString::fromLatin1(section.name));
        item->setSizeHint(QSize(180, 40));
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(tr(section.title)).arg(number));
        auto *shortcut = new QAction(this);
        shortcut->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_0 + number)));
        const QString name = QString::fromLatin1(section.name);
        connect(shortcut, &QAction::triggered, this, [this, name] { showView(name); });
        addAction(shortcut);
        ++number;
    }
    connect(m_nav, &QListWidget::currentRowChanged, m_pages, &QStackedWidget::setCurrentIndex);
    m_nav->setCurrentRow(0);
}

QStringList MainWindow::viewNames()
{
    QStringList names;
    for (const Section &section : Sections)
        names << QString::fromLatin1(section.name);
    return names;
}

void MainWindow::openExecution(const QString &executionId)
{
    showView(QStringLiteral("executions"));
    m_executionsView->openExecution(executionId);
}

void MainWindow::openDeadLetters()
{
    showView(QStringLiteral("executions"));
    m_executionsView->openDeadLetters();
}

bool MainWindow::showView(const QString &name)
{
    if (name == QLatin1String("dead-letters")) {
        openDeadLetters();
        return true;
    }
    if (SettingsView::pageNames().contains(name.section(QLatin1Char('-'), 1))
        && name.startsWith(QLatin1String("settings-"))) {
        showView(QStringLiteral("settings"));
        return m_settingsView->showPage(name.section(QLatin1Char('-'), 1));
    }
    if (name == QLatin1String("journey")) {
        showView(QStringLiteral("executions"));
        m_executionsView->tabs()->setCurrentWidget(m_executionsView->journey());
        return true;
    }
    const int index = int(viewNames().indexOf(name));
    if (index < 0)
        return false;
    m_nav->setCurrentRow(index);
    return true;
}

QStringList MainWindow::tabNames()
{
    QStringList names {QStringLiteral("dead-letters"), QStringLiteral("journey")};
    for (const QString &page : SettingsView::pageNames())
        names << QStringLiteral("settings-") + page;
    return names;
}

QString MainWindow::currentView() const
{
    return viewNames().value(m_nav->currentRow());
}

void MainWindow::onLinkChanged(bool live, const QString &text)
{
    m_connection->setText(m_orchestrator.connectionLabel() + QStringLiteral(" · ") + text);
    m_pages->setEnabled(live);
    if (live) {
        m_linkBanner->hide();
        return;
    }
    // The time the picture stopped being current, kept until the link is back.
    if (m_linkBanner->isHidden())
        m_linkBanner->setProperty(
            "since", QLocale().toString(m_clock.now().toLocalTime().time(), QLocale::ShortFormat));
    m_linkBanner->setText(tr("%1 What you see is from %2 and is not being updated; changes "
                             "cannot be made until the link is back.")
                              .arg(text, m_linkBanner->property("since").toString()));
    m_linkBanner->show();
}

void MainWindow::onOverview(const SystemOverview &overview)
{
    // Each round of checks adds to the module's history; read it again while it is in view.
    if (overview.lastCheck != m_overview.lastCheck && m_modulesView->isVisible())
        m_modulesView->history()->refresh();
    m_overview = overview;
    m_dashboard->setOverview(overview);
    m_modulesView->setDependencies(overview.dependencies);
    m_modulesView->setAlerts(overview.alerts);
    const QString environment = overview.environment == QLatin1String("production")
        ? tr("Production")
        : overview.environment == QLatin1String("staging") ? tr("Staging")
                                                           : tr("Development");
    setWindowTitle(tr("%1 — %2 · Switchboard").arg(overview.clinicName, environment));
    updateNavigationCounts();
    updateStatusBar();
}

void MainWindow::updateNavigationCounts()
{
    // The counts sit on the navigation entries so they are seen from every section.
    QListWidgetItem *alerts = m_nav->item(int(viewNames().indexOf(QStringLiteral("alerts"))));
    // The inbox's open alerts; until it has answered, what the status document says.
    const int openAlerts = m_openAlerts >= 0 ? m_openAlerts : int(m_overview.alerts.size());
    alerts->setText(m_unreadAlerts > 0   ? tr("Alerts (%1 new)").arg(m_unreadAlerts)
                        : openAlerts > 0 ? tr("Alerts (%1)").arg(openAlerts)
                                         : tr("Alerts"));
    QListWidgetItem *review = m_nav->item(int(viewNames().indexOf(QStringLiteral("review"))));
    review->setText(m_openTasks == 0 ? tr("Review") : tr("Review (%1)").arg(m_openTasks));
}

void MainWindow::updateStatusBar()
{
    // Dead letters are calls that failed for good: worth a glance from every section.
    m_deadLetters->setVisible(m_overview.deadLetters > 0);
    m_deadLetters->setText(QStringLiteral("<a href=\"dead-letters\">%1</a>")
                               .arg(tr("Dead letters: %1").arg(m_overview.deadLetters)));
    m_deadLetters->setToolTip(tr("Module calls that failed after every retry: open them to send "
                                 "them again or set them aside."));
    const int tab = m_executionsView->tabs()->indexOf(m_executionsView->deadLetters());
    const QString title = m_overview.deadLetters > 0
        ? tr("Dead letters (%1)").arg(m_overview.deadLetters)
        : tr("Dead letters");
    if (m_executionsView->tabs()->tabText(tab) != title) {
        m_executionsView->tabs()->setTabText(tab, title);
        if (m_executionsView->deadLetters()->isVisible())
            m_executionsView->deadLetters()->refresh();
    }
    const QDateTime last = m_overview.lastCheck;
    m_lastCheck->setText(last.isValid() ? tr("Last check: %1")
                                              .arg(QLocale().toString(last.toLocalTime().time(),
                                                                      QLocale::ShortFormat))
                                        : tr("Last check: running…"));
    m_health->setText(QStringLiteral("<b style='color:%1'>%2 %3</b>")
                          .arg(StatusStyle::text(m_overview.health).name(),
                               StatusStyle::mark(m_overview.health),
                               StatusStyle::word(m_overview.health)));
}

void MainWindow::onTasks(const QJsonArray &tasks)
{
    QSet<QString> ids;
    for (const auto &t : tasks)
        ids.insert(t.toObject().value(QLatin1String("id")).toString());
    // New work: the Review entry's count says how much; the taskbar says that there is more,
    // unless the queue is already on screen. The status bar stays for what it shows.
    const QSet<QString> added = ids - m_knownTasks;
    if ((!m_knownTasks.isEmpty() || m_tasksSeen) && !added.isEmpty() && !m_reviewView->isVisible())
        QApplication::alert(this);
    m_tasksSeen = true;
    m_knownTasks = ids;
    m_openTasks = int(tasks.size());
    m_reviewView->setTasks(tasks);
    updateNavigationCounts();
}

void MainWindow::onAlerts(const QJsonObject &state)
{
    m_alertsView->setState(state);
    m_dashboard->setAlerts(state.value(QLatin1String("alerts")).toArray());
    m_openAlerts = 0;
    for (const auto &v : state.value(QLatin1String("alerts")).toArray())
        m_openAlerts += v.toObject().value(QLatin1String("state")) != QLatin1String("resolved");
    updateNavigationCounts();
    // A new critical alert that pages (not silenced, not explained by a down module) is
    // announced on the desktop at once, wherever the console is.
    for (const auto &v : state.value(QLatin1String("alerts")).toArray()) {
        const QJsonObject a = v.toObject();
        const qint64 id = a.value(QLatin1String("id")).toInteger();
        if (a.value(QLatin1String("severity")) != QLatin1String("critical")
            || a.value(QLatin1String("state")) != QLatin1String("firing")
            || a.value(QLatin1String("silenced")).toBool()
            || !a.value(QLatin1String("inhibited_by")).toString().isEmpty()
            || m_pagedAlerts.contains(id))
            continue;
        m_pagedAlerts.insert(id);
        if (!m_alertsSeen)
            continue; // those already open when the console started were announced before
        const QString title = Message::translatedField(a, QLatin1String("title"));
        m_notifier->notify(title, Message::translatedField(a, QLatin1String("message")));
        statusBar()->showMessage(tr("Critical alert: %1. Open Alerts (Ctrl+5).").arg(title), 15000);
    }
    m_alertsSeen = true;
}

void MainWindow::showShortcuts()
{
    QString rows;
    int number = 1;
    for (const Section &section : Sections)
        rows += QStringLiteral("<tr><td><b>Ctrl+%1</b></td><td>%2</td></tr>")
                    .arg(number++)
                    .arg(tr(section.title));
    rows +=
        QStringLiteral("<tr><td><b>F5</b></td><td>%1</td></tr>").arg(tr("Check all modules now"));
    rows += QStringLiteral("<tr><td><b>Ctrl+E</b></td><td>%1</td></tr>")
                .arg(tr("Export dashboard report…"));
    rows += QStringLiteral("<tr><td><b>Ctrl+Shift+O</b></td><td>%1</td></tr>")
                .arg(tr("Connect to a clinic…"));
    rows += QStringLiteral("<tr><td><b>Enter</b></td><td>%1</td></tr>")
                .arg(tr("Open the selected module tile"));
    const std::pair<const char *, QString> review[] = {
        {"Ctrl+J, Ctrl+K", tr("Review: next or previous task")},
        {"Ctrl+L", tr("Review: claim or release the task")},
        {"F2", tr("Review: edit the first field")},
        {"Ctrl+Enter", tr("Review: approve (the first decision)")},
        {"Alt+1…9", tr("Review: the other decisions, in button order")},
        {"Ctrl+F", tr("Review: filter the tasks")},
    };
    const std::pair<const char *, QString> builder[] = {
        {"Ctrl+Z, Ctrl+Shift+Z", tr("Workflows: undo, redo")},
        {"Delete", tr("Workflows: delete the selected steps or connections")},
        {"Ctrl+C, Ctrl+V", tr("Workflows: copy and paste steps, also between workflows")},
        {"Ctrl+A", tr("Workflows: select every step")},
        {"Ctrl++, Ctrl+-, Ctrl+0", tr("Workflows: zoom in, out, fit")},
        {"Space + drag, Ctrl+wheel", tr("Workflows: pan, zoom")},
        {"Ctrl+Shift+L", tr("Workflows: arrange the steps")},
        {"Insert, Enter", tr("Workflows: insert the step chosen in the palette")},
        {"Ctrl+S", tr("Workflows: save the draft")},
    };
    for (const auto &[keys, text] : builder)
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(QString::fromUtf8(keys), text);
    const std::pair<const char *, QString> alerts[] = {
        {"Alt+A, Alt+R", tr("Alerts: acknowledge, resolve the selected alerts")},
        {"Alt+N, Alt+S", tr("Alerts: snooze, silence")},
        {"Ctrl+F", tr("Alerts: search")},
    };
    for (const auto &[keys, text] : alerts)
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(QString::fromUtf8(keys), text);
    for (const auto &[keys, text] : review)
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(QString::fromUtf8(keys), text);
    rows += QStringLiteral("<tr><td><b>F1, ?</b></td><td>%1</td></tr>").arg(tr("This list"));
    QMessageBox box(QMessageBox::NoIcon, tr("Keyboard shortcuts"),
                    QStringLiteral("<table cellpadding='4'>%1</table>").arg(rows),
                    QMessageBox::Close, this);
    box.exec();
}

} // namespace Switchboard
