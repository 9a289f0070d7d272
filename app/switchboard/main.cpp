// switchboard: the clinic operations console, with the orchestration core embedded.
#include "app/mainwindow.h"
#include "app/viewstate.h"
#include "common/theme.h"
#include "config/configloader.h"
#include "dashboard/moduletablemodel.h"
#include "remote/certificatetrust.h"
#include "remote/connectdialog.h"
#include "remote/logindialog.h"
#include "remote/remoteorchestrator.h"
#include "service/embeddedorchestrator.h"
#include "service/stopsignals.h"
#include "settings/settingsview.h"
#include "sim/simdemoclinic.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QStandardPaths>
#include <QTimer>
#include <QTranslator>
#include <cstdio>

using namespace Switchboard;

namespace {

void installTranslations(QApplication &app, const QString &language)
{
    const QLocale locale = language.isEmpty() ? QLocale() : QLocale(language);
    QLocale::setDefault(locale);
    auto *own = new QTranslator(&app);
    if (own->load(locale, QStringLiteral("switchboard"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QApplication::installTranslator(own);
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(qt);
}

// The console's own configuration: files given on the command line, else the ones kept in the
// application data folder, else none (the demo clinic is offered).
Result<ConfigLoader::Loaded> loadConfig(const QCommandLineParser &parser,
                                        const QCommandLineOption &config,
                                        const QCommandLineOption &envFile)
{
    QString json = parser.value(config);
    QString env = parser.value(envFile);
    if (json.isEmpty() && env.isEmpty()) {
        const QDir data(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation));
        if (data.exists(QStringLiteral("config.json")))
            json = data.filePath(QStringLiteral("config.json"));
        if (data.exists(QStringLiteral("switchboard.env")))
            env = data.filePath(QStringLiteral("switchboard.env"));
    }
    return ConfigLoader::loadAll(json, env, ConfigLoader::processEnvironment());
}

// Waits for the first complete round of health checks, then runs then(); gives up after 20 s.
void whenChecked(Orchestrator &orchestrator, MainWindow &window, std::function<void()> then)
{
    auto done = std::make_shared<bool>(false);
    QObject::connect(&orchestrator, &Orchestrator::overviewChanged, &window,
                     [&window, then, done](const SystemOverview &overview) {
                         if (*done || !overview.lastCheck.isValid())
                             return;
                         *done = true;
                         window.moduleModel()->flush();
                         QTimer::singleShot(0, &window, then);
                     });
    QObject::connect(&orchestrator, &Orchestrator::failed, &window, [](const QString &message) {
        std::fprintf(stderr, "switchboard: the core did not start: %s\n", qPrintable(message));
        QApplication::exit(1);
    });
    QTimer::singleShot(20000, &window, [done] {
        if (*done)
            return;
        std::fprintf(stderr, "switchboard: no health check finished within 20 s\n");
        QApplication::exit(1);
    });
}

// --screenshot FILE --view NAME --size WxH.
struct Screenshot
{
    QString file; // empty: none asked for
    QString view;
    QString size;
};

// Shows the window at the size asked, waits for the first round of checks, opens the view and
// saves the picture; the application exits 0 when it is written.
void takeScreenshot(Orchestrator &orchestrator, MainWindow &window, const Screenshot &shot)
{
    const QStringList wh = shot.size.split(QLatin1Char('x'));
    window.resize(wh.value(0).toInt() > 0 ? wh.value(0).toInt() : 1280,
                  wh.value(1).toInt() > 0 ? wh.value(1).toInt() : 860);
    whenChecked(orchestrator, window, [&window, shot] {
        window.showView(shot.view);
        // Charts ask the core for their history after the first round; give the answers and
        // the layout that follows them a moment before the picture is taken.
        QTimer::singleShot(600, &window, [&window, file = shot.file] {
            const bool saved = window.grab().save(file, "PNG");
            if (!saved)
                std::fprintf(stderr, "switchboard: cannot write %s\n", qPrintable(file));
            QApplication::exit(saved ? 0 : 1);
        });
    });
    window.show();
}

// The command line's options, declared once for the GUI and for --help without a display.
struct Options
{
    QCommandLineOption demo {QStringLiteral("demo"),
                             QStringLiteral("Open the demo clinic: a simulated fleet of the nine "
                                            "modules.")};
    QCommandLineOption config {QStringLiteral("config"), QStringLiteral("JSON configuration file."),
                               QStringLiteral("file")};
    QCommandLineOption envFile {QStringLiteral("env-file"),
                                QStringLiteral("Environment file with the specification's "
                                               "variables."),
                                QStringLiteral("file")};
    QCommandLineOption selfTest {QStringLiteral("self-test"),
                                 QStringLiteral("Start everything, load every view, exit 0 when "
                                                "all works.")};
    QCommandLineOption screenshot {QStringLiteral("screenshot"),
                                   QStringLiteral("Render a view to a PNG file and exit."),
                                   QStringLiteral("file")};
    QCommandLineOption view {QStringLiteral("view"),
                             QStringLiteral("View for --screenshot: %1.")
                                 .arg(MainWindow::viewNames().join(QStringLiteral(", "))),
                             QStringLiteral("name"), QStringLiteral("dashboard")};
    QCommandLineOption size {QStringLiteral("size"),
                             QStringLiteral("Window size for --screenshot, e.g. 1280x860."),
                             QStringLiteral("WxH"), QStringLiteral("1280x860")};
    QCommandLineOption language {QStringLiteral("language"),
                                 QStringLiteral("Language of the console, e.g. es (default: the "
                                                "system's)."),
                                 QStringLiteral("code")};
    QCommandLineOption connectTo {QStringLiteral("connect"),
                                  QStringLiteral("Work against a clinic's core on another machine "
                                                 "instead of the embedded one, e.g. "
                                                 "https://core.clinic.lan:8600."),
                                  QStringLiteral("url")};
    QCommandLineOption theme {QStringLiteral("theme"),
                              QStringLiteral("The console's look: system, light or dark (default: "
                                             "the one chosen in Settings)."),
                              QStringLiteral("name")};

    void addTo(QCommandLineParser &parser) const
    {
        parser.setApplicationDescription(
            QStringLiteral("Switchboard, the clinic operations console."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOptions(
            {demo, config, envFile, selfTest, screenshot, view, size, language, connectTo, theme});
    }
};

void setIdentity()
{
    QCoreApplication::setApplicationName(QStringLiteral("switchboard"));
    QCoreApplication::setOrganizationName(QStringLiteral("switchboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));
}

// --help and --version are answered without a display (on a server, over ssh).
bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-?" || arg == "-v"
            || arg == "--version")
            return true;
    }
    return false;
}

// The console on a core on another machine: log in (or SWITCHBOARD_TOKEN, a service token),
// then every section works against it through its API and live feed.
int runRemote(QApplication &app, const QString &address, bool hipaaMode,
              const std::function<void(QWidget *)> &connectDialog, const Screenshot &shot)
{
    const QUrl base(address.contains(QLatin1String("://")) ? address
                                                           : QStringLiteral("https://") + address,
                    QUrl::StrictMode);
    if (Status ok = RemoteLink::allowed(base, hipaaMode); !ok) {
        std::fprintf(stderr, "switchboard: --connect: %s\n", qPrintable(ok.error().message));
        QMessageBox::critical(nullptr, QApplication::translate("main", "Cannot connect"),
                              QApplication::translate("main", "This address cannot be used:\n\n%1")
                                  .arg(ok.error().message));
        return 2;
    }
    SystemClock clock;
    RemoteOrchestrator orchestrator(base);
    if (const QByteArray token = qgetenv("SWITCHBOARD_TOKEN"); !token.isEmpty())
        orchestrator.useToken(token);
    MainWindow window(orchestrator, clock);
    window.setWindowTitle(QApplication::translate("main", "Switchboard · %1").arg(base.host()));
    CertificateTrust::watch(orchestrator.link(), &window);
    QObject::connect(&window, &MainWindow::connectRequested, &window,
                     [&window, connectDialog] { connectDialog(&window); });
    QObject::connect(&orchestrator, &Orchestrator::ready, &window,
                     [base] { ConnectDialog::remember(base); });
    QObject::connect(&orchestrator, &RemoteOrchestrator::loginNeeded, &window,
                     [&orchestrator, &window](const QString &reason) {
                         LoginDialog dialog(orchestrator, reason, &window);
                         dialog.exec();
                     });
    QObject::connect(&orchestrator, &Orchestrator::failed, &window, [&window](const QString &why) {
        QMessageBox::warning(&window, QApplication::translate("main", "Cannot connect"), why);
    });
    if (!shot.file.isEmpty()) {
        takeScreenshot(orchestrator, window, shot);
    } else {
        QSettings settings;
        ViewState::restore(window, settings);
        window.show();
        QObject::connect(&app, &QCoreApplication::aboutToQuit, &window, [&window] {
            QSettings settings;
            ViewState::save(window, settings);
        });
    }
    QTimer::singleShot(0, &orchestrator, &Orchestrator::start);
    return app.exec();
}

} // namespace

int main(int argc, char *argv[])
{
    const Options cli;
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        setIdentity();
        QCommandLineParser parser;
        cli.addTo(parser);
        parser.process(app); // prints and exits
        return 0;
    }
    QApplication app(argc, argv);
    // A logout or `kill` stops the embedded core cleanly, as closing the window does.
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::stopRequested, &app, &QApplication::quit);
    setIdentity();
    QApplication::setApplicationDisplayName(QStringLiteral("Switchboard"));
    QApplication::setDesktopFileName(QStringLiteral("switchboard"));

    QCommandLineParser parser;
    cli.addTo(parser);
    parser.process(app);
    const auto &[demo, config, envFile, selfTest, screenshot, view, size, language, connectTo,
                 theme] = cli;
    Theme::apply(parser.isSet(theme) ? parser.value(theme) : SettingsView::savedTheme());

    // --language wins; otherwise the one chosen in Settings; otherwise the system's.
    installTranslations(
        app, parser.isSet(language) ? parser.value(language) : SettingsView::savedLanguage());
    const QStringList views = MainWindow::viewNames() + MainWindow::tabNames();
    if (parser.isSet(screenshot) && !views.contains(parser.value(view))) {
        std::fprintf(stderr, "switchboard: unknown view \"%s\" (expected %s)\n",
                     qPrintable(parser.value(view)), qPrintable(views.join(QStringLiteral(", "))));
        return 2;
    }

    auto loaded = loadConfig(parser, config, envFile);
    if (!loaded) {
        const QString message = loaded.error().toString();
        std::fprintf(stderr, "switchboard: configuration refused: %s\n", qPrintable(message));
        if (!parser.isSet(selfTest) && !parser.isSet(screenshot))
            QMessageBox::critical(
                nullptr, QApplication::translate("main", "Configuration refused"),
                QApplication::translate("main",
                                        "Switchboard cannot use its "
                                        "configuration:\n\n%1\n\nCorrect it and start again.")
                    .arg(message));
        return 2;
    }

    const bool hipaaMode = loaded->config.hipaaMode;
    // "Connect to a clinic…": another console process, on the core chosen.
    const auto connectDialog = [hipaaMode](QWidget *parent) {
        ConnectDialog dialog(hipaaMode, parent);
        if (dialog.exec() == QDialog::Accepted)
            QProcess::startDetached(QCoreApplication::applicationFilePath(),
                                    {QStringLiteral("--connect"), dialog.address().toString()});
    };
    if (parser.isSet(connectTo))
        return runRemote(app, parser.value(connectTo), hipaaMode, connectDialog,
                         {parser.isSet(screenshot) ? parser.value(screenshot) : QString(),
                          parser.value(view), parser.value(size)});

    CoreOptions options;
    options.demo = parser.isSet(demo);
    options.demoClinic = [](const Clock &clock) {
        return std::make_unique<SimDemoClinic>(clock);
    };
    const bool unattended = parser.isSet(selfTest) || parser.isSet(screenshot);
    // Unattended runs (tests, screenshots) keep their executions in memory, away from the
    // clinic's own database.
    if (!unattended)
        options.dataDir = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    options.configuredIn = ConfigLoader::configuredIn(*loaded);
    if (!options.demo && !loaded->config.anyModuleConfigured()) {
        if (unattended) {
            options.demo = true;
        } else {
            const auto answer = QMessageBox::question(
                nullptr, QApplication::translate("main", "No modules configured"),
                QApplication::translate(
                    "main",
                    "No clinic modules are configured yet.\n\nOpen the demo clinic, a simulated "
                    "set of the nine modules with live traffic, to explore Switchboard?"),
                QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
            options.demo = answer == QMessageBox::Yes;
        }
    }

    SystemClock clock;
    EmbeddedOrchestrator orchestrator(loaded->config, options);
    MainWindow window(orchestrator, clock);
    QObject::connect(&window, &MainWindow::connectRequested, &window,
                     [&window, connectDialog] { connectDialog(&window); });

    if (parser.isSet(screenshot)) {
        takeScreenshot(orchestrator, window,
                       {parser.value(screenshot), parser.value(view), parser.value(size)});
    } else if (parser.isSet(selfTest)) {
        whenChecked(orchestrator, window, [&window] {
            QStringList problems;
            for (const QString &name : MainWindow::viewNames()) {
                if (!window.showView(name) || window.currentView() != name)
                    problems << QStringLiteral("view %1 did not open").arg(name);
                QApplication::processEvents();
            }
            ModuleTableModel *model = window.moduleModel();
            int checked = 0;
            for (int row = 0; row < model->rowCount(); ++row)
                checked += model->snapshotAt(row).lastCheck.isValid() ? 1 : 0;
            if (model->rowCount() != 9 || checked == 0)
                problems << QStringLiteral("%1 of %2 modules were checked")
                                .arg(checked)
                                .arg(model->rowCount());
            if (!problems.isEmpty()) {
                std::fprintf(stderr, "switchboard: self-test failed: %s\n",
                             qPrintable(problems.join(QStringLiteral("; "))));
                QApplication::exit(1);
                return;
            }
            std::printf(
                "switchboard: self-test passed: %d modules checked, %lld views loaded, system %s\n",
                checked, static_cast<long long>(MainWindow::viewNames().size()),
                qPrintable(toWire(window.overview().health)));
            QApplication::exit(0);
        });
        window.show();
    } else {
        // The window as it was left: size, section, splitters, columns, filters.
        QSettings settings;
        ViewState::restore(window, settings);
        window.show();
        QObject::connect(&app, &QCoreApplication::aboutToQuit, &window, [&window] {
            QSettings settings;
            ViewState::save(window, settings);
        });
    }
    orchestrator.start();
    return app.exec();
}
