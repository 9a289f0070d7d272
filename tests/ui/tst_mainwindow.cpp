#include "app/mainwindow.h"
#include "app/viewstate.h"
#include "common/manualclock.h"
#include "dashboard/dashboardview.h"
#include "dashboard/healthbanner.h"
#include "dashboard/kpirow.h"
#include "dashboard/moduletablemodel.h"
#include "fakeorchestrator.h"
#include "modules/modulesview.h"
#include "service/embeddedorchestrator.h"
#include "settings/settingsview.h"
#include "sim/simdemoclinic.h"

#include <QComboBox>
#include <QDir>
#include <QImage>
#include <QLabel>
#include <QListView>
#include <QListWidget>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Switchboard;

class TstMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Size, section, splitters and filters come back at the next start as they were left.
    void remembersHowItWasArranged()
    {
        ManualClock clock;
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("console.ini")), QSettings::IniFormat);
        QList<int> sizes;
        {
            FakeOrchestrator core;
            MainWindow window(core, clock);
            window.resize(1100, 760);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.showView(QStringLiteral("review")));
            auto *split = window.findChild<QSplitter *>(QStringLiteral("reviewSplit"));
            QVERIFY(split);
            split->setSizes({200, 300, 500});
            sizes = split->sizes();
            auto *state = window.findChild<QComboBox *>(QStringLiteral("alertStateFilter"));
            QVERIFY(state);
            state->setCurrentIndex(2);
            QVERIFY(window.showView(QStringLiteral("alerts")));
            ViewState::save(window, settings);
        }
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.resize(800, 600);
        ViewState::restore(window, settings);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.size(), QSize(1100, 760));
        QCOMPARE(window.currentView(), QStringLiteral("alerts"));
        QCOMPARE(window.findChild<QComboBox *>(QStringLiteral("alertStateFilter"))->currentIndex(),
                 2);
        QVERIFY(window.showView(QStringLiteral("review")));
        QTRY_COMPARE(window.findChild<QSplitter *>(QStringLiteral("reviewSplit"))->sizes(), sizes);
    }

    void opensEveryView()
    {
        ManualClock clock;
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (const QString &name : MainWindow::viewNames()) {
            QVERIFY(window.showView(name));
            QCOMPARE(window.currentView(), name);
        }
        QVERIFY(!window.showView(QStringLiteral("nonsense")));
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(window.currentView(), QStringLiteral("dashboard"));
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(window.currentView(), QStringLiteral("modules"));
        QTest::keyClick(&window, Qt::Key_F5);
        QCOMPARE(core.checks, 1);
    }

    void bannerAndNavigationFollowTheOverview()
    {
        ManualClock clock;
        FakeOrchestrator core;
        MainWindow window(core, clock);
        SystemOverview overview;
        overview.health = SystemHealth::Critical;
        overview.clinicName = QStringLiteral("Sunrise Clinic");
        overview.environment = QStringLiteral("production");
        overview.lastCheck = clock.now();
        overview.alerts = {{AlertSeverity::Critical,
                            QStringLiteral("health"),
                            QStringLiteral("module_down"),
                            QStringLiteral("02_booking"),
                            Message(QStringLiteral("alert.module_down.title"),
                                    {Message::module(QStringLiteral("02_booking"))}),
                            Message(QStringLiteral("health.no_answer")),
                            {},
                            QString(),
                            {}},
                           {AlertSeverity::Critical,
                            QStringLiteral("dependency"),
                            QStringLiteral("critical_path"),
                            QStringLiteral("02_booking"),
                            Message(QStringLiteral("alert.critical_path.title")),
                            Message(QStringLiteral("alert.critical_path.message")),
                            {},
                            QString(),
                            {}}};
        Q_EMIT core.overviewChanged(overview);
        QCOMPARE(window.dashboard()->banner()->headline(),
                 QStringLiteral("System health: CRITICAL"));
        QVERIFY(window.dashboard()->banner()->explanation().contains(
            QStringLiteral("Consult Booking is down.")));
        QVERIFY(window.dashboard()->banner()->explanation().contains(
            QStringLiteral("patient journey is blocked")));
        QCOMPARE(window.windowTitle(), QStringLiteral("Sunrise Clinic — Production · Switchboard"));
        auto *nav = window.findChild<QListWidget *>(QStringLiteral("navigation"));
        QVERIFY(nav);
        QCOMPARE(nav->item(4)->text(), QStringLiteral("Alerts (2)"));
        // Key figures with their targets.
        overview.kpis = {{QStringLiteral("leads_24h"), 15},
                         {QStringLiteral("revenue_24h_usd"), 1200.0},
                         {QStringLiteral("show_rate"), 0.84},
                         {QStringLiteral("nps_avg_30d"), 8.5}};
        overview.kpiThresholds = {{QStringLiteral("min_leads_24h"), 100},
                                  {QStringLiteral("min_nps"), 8.0}};
        overview.kpis.insert(QStringLiteral("source"), QStringLiteral("core_events"));
        Q_EMIT core.overviewChanged(overview);
        KpiRow *kpis = window.dashboard()->kpis();
        QCOMPARE(kpis->valueText(QStringLiteral("leads_24h")), QStringLiteral("15"));
        QCOMPARE(kpis->stateText(QStringLiteral("leads_24h")),
                 QStringLiteral("! Below target (100)"));
        QCOMPARE(kpis->stateText(QStringLiteral("nps_avg_30d")), QStringLiteral("✓ On target"));
        QCOMPARE(kpis->valueText(QStringLiteral("show_rate")), QStringLiteral("84 %"));
        QCOMPARE(kpis->stateText(QStringLiteral("show_rate")), QStringLiteral("No target set"));
        QCOMPARE(kpis->valueText(QStringLiteral("revenue_24h_usd")), QStringLiteral("$1,200"));
        QCOMPARE(kpis->stateText(QStringLiteral("bookings_24h")),
                 QStringLiteral("Not reported yet"));
        QCOMPARE(kpis->changeText(QStringLiteral("leads_24h")), QString());
        QVERIFY(window.dashboard()->kpiSourceText().contains(QStringLiteral("is not set up")));
        // Module 07 set up but not answering: no figure is shown as today's.
        SystemOverview unavailable = overview;
        unavailable.kpis = {{QStringLiteral("source"), QStringLiteral("07_analytics")},
                            {QStringLiteral("unavailable"), true}};
        Q_EMIT core.overviewChanged(unavailable);
        QCOMPARE(kpis->valueText(QStringLiteral("leads_24h")), QStringLiteral("—"));
        QCOMPARE(kpis->stateText(QStringLiteral("leads_24h")), QStringLiteral("Unavailable"));
        QVERIFY(
            window.dashboard()->kpiSourceText().startsWith(QStringLiteral("KPI data unavailable")));
        Q_EMIT core.overviewChanged(overview);
        // With a week before to compare with, each figure says how it moved.
        overview.kpiPreviousWeek = {{QStringLiteral("leads_24h"), 12.0},
                                    {QStringLiteral("show_rate"), 0.9},
                                    {QStringLiteral("nps_avg_30d"), 8.52}};
        Q_EMIT core.overviewChanged(overview);
        QCOMPARE(kpis->changeText(QStringLiteral("leads_24h")),
                 QStringLiteral("▲ 25 % on the week before"));
        QCOMPARE(kpis->changeText(QStringLiteral("show_rate")),
                 QStringLiteral("▼ 7 % on the week before"));
        QCOMPARE(kpis->changeText(QStringLiteral("nps_avg_30d")),
                 QStringLiteral("Same as the week before"));
        QCOMPARE(kpis->changeText(QStringLiteral("revenue_24h_usd")), QString());

        auto *deadLetters = window.findChild<QLabel *>(QStringLiteral("deadLetters"));
        QVERIFY(deadLetters && deadLetters->isHidden());
        overview.deadLetters = 3;
        Q_EMIT core.overviewChanged(overview);
        QVERIFY(!deadLetters->isHidden());
        QVERIFY(deadLetters->text().contains(QStringLiteral(">Dead letters: 3</a>")));

        overview.health = SystemHealth::Healthy;
        overview.alerts.clear();
        Q_EMIT core.overviewChanged(overview);
        QCOMPARE(window.dashboard()->banner()->headline(),
                 QStringLiteral("System health: HEALTHY"));
        QCOMPARE(nav->item(4)->text(), QStringLiteral("Alerts"));
    }

    void tilesFollowTheCoreAndOpenTheModule()
    {
        ManualClock clock;
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        ModuleSnapshot s;
        s.id = QStringLiteral("02_booking");
        s.configured = true;
        s.assessment = {ModuleStatus::Down, HealthReason::NoAnswer};
        Q_EMIT core.moduleChanged(s);
        QTRY_COMPARE(window.moduleModel()->index(1, 0).data(ModuleTableModel::StatusRole).toInt(),
                     int(ModuleStatus::Down));

        QListView *tiles = window.dashboard()->tiles();
        const QModelIndex booking = tiles->model()->index(1, 0);
        const QRect rect = tiles->visualRect(booking);
        QVERIFY(rect.isValid());
        // Three tiles to a row on a wide window.
        QCOMPARE(tiles->visualRect(tiles->model()->index(3, 0)).top() > rect.top(), true);
        QCOMPARE(tiles->visualRect(tiles->model()->index(2, 0)).top(), rect.top());
        QTest::mouseClick(tiles->viewport(), Qt::LeftButton, {}, rect.center());
        QCOMPARE(window.currentView(), QStringLiteral("modules"));
        QCOMPARE(window.modulesView()->selectedModule(), QStringLiteral("02_booking"));

        // The breaker can be reset from here only while it is not closed.
        auto *reset =
            window.modulesView()->findChild<QPushButton *>(QStringLiteral("resetBreaker"));
        QVERIFY(reset && !reset->isEnabled());
        s.circuit = CircuitState::Open;
        Q_EMIT core.moduleChanged(s);
        QTRY_VERIFY(reset->isEnabled());
        QTest::mouseClick(reset, Qt::LeftButton);
        QCOMPARE(core.resetModules, QStringList {QStringLiteral("02_booking")});

        auto *check = window.modulesView()->findChild<QPushButton *>(QStringLiteral("checkNow"));
        QVERIFY(check && check->isEnabled());
        QTest::mouseClick(check, Qt::LeftButton);
        QCOMPARE(core.checkedModules, QStringList {QStringLiteral("02_booking")});

        // The details give the spread of recent response times, unanswered checks apart.
        auto *details = window.modulesView()->findChild<QLabel *>(QStringLiteral("moduleDetails"));
        QVERIFY(details);
        QVERIFY(details->text().contains(QStringLiteral("No response times yet")));
        s.responseHistory = {30, -1, 10, 20, 400};
        Q_EMIT core.moduleChanged(s);
        QTRY_VERIFY2(details->text().contains(QStringLiteral(
                         "Recent checks: 5 · response time: median 20 ms · 95% within 400 ms")),
                     qPrintable(details->text()));
        QVERIFY(details->text().contains(QStringLiteral("unanswered: 1")));
        QVERIFY(details->text().contains(QStringLiteral("no changes since the core started")));
        s.circuitHistory = {{clock.now(), CircuitState::Open},
                            {clock.now().addSecs(60), CircuitState::HalfOpen}};
        Q_EMIT core.moduleChanged(s);
        QTRY_VERIFY2(details->text().contains(QStringLiteral("newest first: testing again")),
                     qPrintable(details->text()));
        QVERIFY(details->text().indexOf(QStringLiteral("testing again"))
                < details->text().indexOf(QStringLiteral("opened")));
    }

    void exportsTheReportFromTheCore()
    {
        ManualClock clock;
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("report.html"));
        QSignalSpy saved(&window, &MainWindow::reportSaved);
        window.exportReport(path);
        QVERIFY(saved.wait());
        QCOMPARE(saved.first().first().toString(), path);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(QString::fromUtf8(file.readAll()), core.report);

        // A place that cannot be written is reported, and nothing is left half-written.
        QSignalSpy failed(&window, &MainWindow::reportFailed);
        const QString bad = dir.filePath(QStringLiteral("missing/report.html"));
        window.exportReport(bad);
        QVERIFY(failed.wait());
        QVERIFY(failed.first().first().toString().contains(QStringLiteral("report.html")));
        QVERIFY(!QFile::exists(bad));
        QCOMPARE(saved.size(), 1);

        // No page from the core (it is not running yet) writes nothing and says why.
        core.report.clear();
        const QString early = dir.filePath(QStringLiteral("early.html"));
        window.exportReport(early);
        QVERIFY(failed.wait());
        QVERIFY(failed.last().first().toString().contains(QStringLiteral("not running")));
        QVERIFY(!QFile::exists(early));

        // The dashboard's button asks for the same export.
        auto *button = window.dashboard()->findChild<QPushButton *>(QStringLiteral("exportReport"));
        QVERIFY(button);
        QSignalSpy requested(window.dashboard(), &DashboardView::exportRequested);
        QObject::disconnect(window.dashboard(), &DashboardView::exportRequested, &window, nullptr);
        button->click();
        QCOMPARE(requested.size(), 1);
    }

    void exportsAPdfReportOfTheDemoClinic()
    {
        // The real embedded core with the demo clinic, whose events carry made-up patient names.
        SystemClock clock;
        CoreOptions options;
        options.demo = true;
        options.demoClinic = [](const Clock &clock) {
            return std::make_unique<SimDemoClinic>(clock);
        };
        options.demoEventRate = 20;
        EmbeddedOrchestrator core(CoreConfig(), options);
        MainWindow window(core, clock);
        QSignalSpy overviews(&core, &Orchestrator::overviewChanged);
        core.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            !overviews.isEmpty()
                && overviews.last().first().value<SystemOverview>().lastCheck.isValid(),
            20000);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("morning report.pdf"));
        QSignalSpy saved(&window, &MainWindow::reportSaved);
        window.exportReport(path);
        QVERIFY(saved.wait(20000));

        QFile pdf(path);
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");

        // The pages, rendered by poppler: not blank, and with the chart's colour on one.
        QProcess render;
        render.start(QStringLiteral("pdftoppm"),
                     {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("60"), path,
                      dir.filePath(QStringLiteral("page"))});
        QVERIFY2(render.waitForFinished(30000) && render.exitCode() == 0,
                 render.readAllStandardError().constData());
        QStringList pages = QDir(dir.path()).entryList({QStringLiteral("page*.png")});
        QVERIFY(!pages.isEmpty());
        int inked = 0;
        int chartBlue = 0;
        for (const QString &name : pages) {
            const QImage image(dir.filePath(name));
            QVERIFY(!image.isNull());
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x) {
                    const QColor c = image.pixelColor(x, y);
                    inked += c.lightness() < 200 ? 1 : 0;
                    // The leads line, #1a73e8.
                    chartBlue +=
                        c.blue() > 180 && c.red() < 80 && c.green() > 80 && c.green() < 150;
                }
            }
        }
        QVERIFY2(inked > 2000, qPrintable(QString::number(inked)));
        QVERIFY2(chartBlue > 20, qPrintable(QString::number(chartBlue)));

        // The text: the specification's sections, and no patient data.
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {path, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(30000));
        const QString words = QString::fromUtf8(text.readAllStandardOutput());
        for (const char *heading : {"System Health Overview", "Active Alerts", "Module Status Grid",
                                    "Key Performance Indicators", "System Information",
                                    "Leads and bookings, last 7 days"})
            QVERIFY2(words.contains(QLatin1String(heading)), heading);
        for (const char *name : {"Maria Lopez", "James Carter", "Aisha Khan", "Tom Becker",
                                 "Lucia Fernandez", "Grace Okafor", "Daniel Novak", "Mei Tanaka"})
            QVERIFY2(!words.contains(QLatin1String(name)), name);
    }

    // F1 lists the shortcuts, written as they are typed (no mangled characters).
    void f1ListsTheShortcutsReadably()
    {
        ManualClock clock;
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.show();
        QApplication::setActiveWindow(&window);
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QString text;
        QTimer::singleShot(0, [&text] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            text = box->text();
            box->close();
        });
        QTest::keyClick(&window, Qt::Key_F1);
        QVERIFY2(text.contains(QStringLiteral("Alt+1…9")), qPrintable(text));
        QVERIFY2(!text.contains(QChar(0xE2)), qPrintable(text)); // "â": UTF-8 read as Latin-1
    }

    void tilesReflowOnNarrowWindows()
    {
        ManualClock clock;
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.resize(720, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QListView *tiles = window.dashboard()->tiles();
        QTRY_VERIFY(tiles->visualRect(tiles->model()->index(1, 0)).top()
                    > tiles->visualRect(tiles->model()->index(0, 0)).top());
    }
};

QTEST_MAIN(TstMainWindow)
#include "tst_mainwindow.moc"
