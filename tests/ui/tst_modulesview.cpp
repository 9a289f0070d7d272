#include "app/mainwindow.h"
#include "common/manualclock.h"
#include "common/timeseriesmodel.h"
#include "common/trendchart.h"
#include "dashboard/dashboardview.h"
#include "dashboard/kpitrendpanel.h"
#include "dashboard/moduletablemodel.h"
#include "executions/executionsview.h"
#include "fakeorchestrator.h"
#include "health/modulehistory.h"
#include "modules/dependencygraphview.h"
#include "modules/modulecatalog.h"
#include "modules/modulehistorypanel.h"
#include "modules/modulesview.h"

#include <QApplication>
#include <QComboBox>
#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QLabel>
#include <QLineSeries>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QToolButton>

using namespace Switchboard;

namespace {

DependencyGraph templatesGraph()
{
    QList<Workflow> templates;
    QDirIterator it(QStringLiteral(":/templates"), {QStringLiteral("*.json")});
    while (it.hasNext()) {
        QFile file(it.next());
        if (!file.open(QIODevice::ReadOnly))
            qFatal("cannot read a template");
        templates.append(*Workflow::fromJson(QJsonDocument::fromJson(file.readAll()).object()));
    }
    return DependencyGraph::build(templates);
}

ModuleSnapshot snapshot(const QString &id, ModuleStatus status, const QDateTime &now)
{
    ModuleSnapshot s;
    s.id = id;
    s.configured = true;
    s.enabled = status != ModuleStatus::Disabled;
    s.assessment.status = status;
    s.lastCheck = now;
    s.endpoint = QStringLiteral("http://127.0.0.1:8702/webhook/consult-booking");
    s.timeoutMs = 10000;
    return s;
}

} // namespace

// The Modules section and the dashboard's trends, in a real window against a fake core.
class TstModulesView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blastRadiusOfTheSelectedModule()
    {
        ManualClock clock;
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showView(QStringLiteral("modules"));
        SystemOverview overview;
        overview.dependencies = templatesGraph();
        Q_EMIT core.overviewChanged(overview);
        ModulesView *view = window.modulesView();
        QCOMPARE(view->graph()->graph(), overview.dependencies);

        view->selectModule(QStringLiteral("02_booking"));
        QCOMPARE(view->graph()->selectedModule(), QStringLiteral("02_booking"));
        QString text = view->blastRadiusText();
        QVERIFY2(text.startsWith(QStringLiteral("If Consult Booking stops:")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("New patient onboarding")));
        QVERIFY(text.contains(QStringLiteral("patient journey is blocked")));

        // Down now: the same impact, said as what is happening.
        Q_EMIT core.moduleChanged(
            snapshot(QStringLiteral("02_booking"), ModuleStatus::Down, clock.now()));
        QTRY_VERIFY(view->blastRadiusText().contains(QStringLiteral("Consult Booking is down.")));
        // With the specification's dependency alert raised for it.
        overview.alerts = {{AlertSeverity::Critical,
                            QStringLiteral("dependency"),
                            QStringLiteral("critical_path"),
                            QStringLiteral("02_booking"),
                            Message(QStringLiteral("alert.critical_path.title")),
                            Message(QStringLiteral("alert.critical_path.message")),
                            {},
                            QString(),
                            {}}};
        Q_EMIT core.overviewChanged(overview);
        QVERIFY(view->blastRadiusText().contains(
            QStringLiteral("Module down in critical path</b> — Impact: Patient journey blocked")));

        // A module off the journey that no workflow uses stops nothing.
        view->selectModule(QStringLiteral("07_analytics"));
        QVERIFY(!view->blastRadiusText().contains(QStringLiteral("journey")));

        // Clicking a module in the graph selects it in the table, and keys move along.
        DependencyGraphView *graph = view->graph();
        const QPointF messaging = graph->moduleRect(QStringLiteral("08_messaging")).center();
        QTest::mouseClick(graph, Qt::LeftButton, {}, messaging.toPoint());
        QCOMPARE(view->selectedModule(), QStringLiteral("08_messaging"));
        QTest::keyClick(graph, Qt::Key_Right);
        QCOMPARE(view->selectedModule(), QStringLiteral("09_compliance"));
        // Boxes do not overlap.
        for (const ModuleInfo &a : ModuleCatalog::all()) {
            for (const ModuleInfo &b : ModuleCatalog::all()) {
                if (a.id != b.id)
                    QVERIFY(!graph->moduleRect(a.id).intersects(graph->moduleRect(b.id)));
            }
        }
    }

    void disableAsksFirstAndEnableDoesNot()
    {
        ManualClock clock;
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showView(QStringLiteral("modules"));
        Q_EMIT core.moduleChanged(
            snapshot(QStringLiteral("02_booking"), ModuleStatus::Healthy, clock.now()));
        ModulesView *view = window.modulesView();
        view->selectModule(QStringLiteral("02_booking"));
        QTRY_VERIFY(view->findChild<QLabel *>(QStringLiteral("moduleDetails"))
                        ->text()
                        .contains(QStringLiteral("127.0.0.1:8702/webhook/consult-booking")));
        auto *toggle = view->findChild<QPushButton *>(QStringLiteral("enableModule"));
        QCOMPARE(toggle->text(), QStringLiteral("Disable module"));
        toggle->click();
        QMessageBox *ask = nullptr;
        QTRY_VERIFY((ask = view->findChild<QMessageBox *>(QStringLiteral("confirmDisable"))));
        // Cancel changes nothing.
        ask->button(QMessageBox::Cancel)->click();
        QVERIFY(core.switchedModules.isEmpty());
        toggle->click();
        QTRY_VERIFY((ask = view->findChild<QMessageBox *>(QStringLiteral("confirmDisable"))));
        QPushButton *disable = nullptr;
        for (QAbstractButton *b : ask->buttons()) {
            if (b->text() == QLatin1String("Disable"))
                disable = qobject_cast<QPushButton *>(b);
        }
        QVERIFY(disable);
        disable->click();
        QCOMPARE(core.switchedModules, QStringList {QStringLiteral("02_booking:off")});

        Q_EMIT core.moduleChanged(
            snapshot(QStringLiteral("02_booking"), ModuleStatus::Disabled, clock.now()));
        QTRY_COMPARE(toggle->text(), QStringLiteral("Enable module"));
        toggle->click();
        QCOMPARE(core.switchedModules.last(), QStringLiteral("02_booking:on"));

        view->setCanControl(false);
        QVERIFY(toggle->isHidden());
        QVERIFY(view->findChild<QPushButton *>(QStringLiteral("resetBreaker"))->isHidden());
    }

    void historyAndRecentCalls()
    {
        ManualClock clock;
        FakeOrchestrator core;
        const QDateTime hour(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);
        QList<ModuleSample> samples = {
            {hour, ModuleStatus::Healthy, 20, 40, 60, 4, 0},
            {hour.addSecs(3600), ModuleStatus::Down, -1, -1, -1, 4, 4},
            {hour.addSecs(7200), ModuleStatus::Degraded, 300, 800, 900, 4, 1}};
        core.moduleHistory = {
            {QStringLiteral("samples"), ModuleHistory::toJson(samples)},
            {QStringLiteral("calls"),
             QJsonObject {{QStringLiteral("succeeded"), 90},
                          {QStringLiteral("failed"), 8},
                          {QStringLiteral("rejected"), 2}}},
            {QStringLiteral("recent_calls"),
             QJsonArray {QJsonObject {{QStringLiteral("ts"), "2026-11-20T12:30:00.000Z"},
                                      {QStringLiteral("execution"), "ex-1"},
                                      {QStringLiteral("node"), "charge"},
                                      {QStringLiteral("outcome"), "failed"},
                                      {QStringLiteral("http_status"), 503},
                                      {QStringLiteral("ms"), 41}}}}};
        MainWindow window(core, clock);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showView(QStringLiteral("modules"));
        ModulesView *view = window.modulesView();
        ModuleHistoryPanel *panel = view->history();
        QSignalSpy asked(panel, &ModuleHistoryPanel::historyRequested);
        view->selectModule(QStringLiteral("04_billing"));
        QCOMPARE(asked.size(), 1);
        QCOMPARE(asked.first().at(1).toInt(), 1);
        // The hour nothing answered has no response time; the two others do.
        QTRY_COMPARE(panel->model()->rowCount(), 2);
        QCOMPARE(panel->model()->index(1, 3).data().toDouble(), 900.0);
        QVERIFY(panel->summaryText().contains(QStringLiteral("12 checks, 5 unanswered")));
        QVERIFY(panel->summaryText().contains(
            QStringLiteral("Down in 1 of those hours, degraded in 1")));
        QVERIFY(panel->summaryText().contains(QStringLiteral("error rate 10.0 %")));
        QCOMPARE(panel->calls()->rowCount(), 1);
        QCOMPARE(panel->calls()->index(0, 3).data().toString(),
                 QStringLiteral("✕ Failed (HTTP 503)"));
        QCOMPARE(panel->calls()->index(0, 1).data().toString(), QStringLiteral("ex-1"));

        auto *week = panel->findChild<QToolButton *>(QStringLiteral("moduleRange7"));
        week->click();
        QCOMPARE(asked.last().at(1).toInt(), 7);
        QCOMPARE(panel->days(), 7);
        // An answer for another period or module is not shown.
        panel->setHistory(QStringLiteral("02_booking"), 7, {});
        QCOMPARE(panel->model()->rowCount(), 2);

        // A call's execution opens from its row, from the keyboard.
        auto *calls = panel->findChild<QTableView *>(QStringLiteral("recentCalls"));
        calls->setFocus();
        calls->setCurrentIndex(calls->model()->index(0, 0));
        QTest::keyClick(calls, Qt::Key_Return);
        QCOMPARE(window.currentView(), QStringLiteral("executions"));
        QCOMPARE(window.executionsView()->selectedExecution(), QStringLiteral("ex-1"));
    }

    void keyFigureTrendsOverThePeriods()
    {
        ManualClock clock;
        FakeOrchestrator core;
        const QDateTime now(QDate(2026, 11, 22), QTime(9, 0), Qt::UTC);
        QJsonArray leads;
        QJsonArray bookings;
        QJsonArray show;
        for (int h = 47; h >= 0; --h) {
            const QString ts = now.addSecs(-3600 * h).toString(Qt::ISODate);
            leads.append(QJsonObject {{"ts", ts}, {"value", 100 + h}});
            bookings.append(QJsonObject {{"ts", ts}, {"value", 30}});
            show.append(QJsonObject {{"ts", ts}, {"value", 0.8}});
        }
        core.kpiSamples = {{QStringLiteral("leads_24h"), leads},
                           {QStringLiteral("bookings_24h"), bookings},
                           {QStringLiteral("show_rate"), show}};
        MainWindow window(core, clock);
        window.resize(1024, 700); // room for one chart
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        KpiTrendPanel *trend = window.dashboard()->trend();

        // The first round of checks asks for leads and bookings over the last day.
        SystemOverview overview;
        overview.lastCheck = clock.now();
        overview.kpiThresholds = {{QStringLiteral("min_leads_24h"), 120},
                                  {QStringLiteral("min_show_rate"), 0.75}};
        Q_EMIT core.overviewChanged(overview);
        QCOMPARE(core.kpiRequests,
                 QStringList({QStringLiteral("leads_24h/1"), QStringLiteral("bookings_24h/1")}));
        QTRY_COMPARE(trend->model()->rowCount(), 48);
        QCOMPARE(trend->model()->columnCount(), 3);
        QCOMPARE(trend->model()->index(47, 1).data().toDouble(), 100.0);
        // The target is a dashed line at 120.
        QList<QLineSeries *> lines = trend->chart()->referenceSeries();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first()->at(0).y(), 120.0);
        QVERIFY(lines.first()->name().contains(QStringLiteral("target at least 120")));

        // Another round within the minute does not ask again; the range buttons do.
        overview.lastCheck = clock.now().addSecs(5);
        Q_EMIT core.overviewChanged(overview);
        QCOMPARE(core.kpiRequests.size(), 2);
        trend->findChild<QToolButton *>(QStringLiteral("range30"))->click();
        QCOMPARE(core.kpiRequests.mid(2),
                 QStringList({QStringLiteral("leads_24h/30"), QStringLiteral("bookings_24h/30")}));

        // Rates are shown as percentages, with their target.
        trend->showFigure(QStringLiteral("show_rate"));
        QCOMPARE(core.kpiRequests.last(), QStringLiteral("show_rate/30"));
        QTRY_COMPARE(trend->model()->columnCount(), 2);
        QTRY_COMPARE(trend->model()->index(0, 1).data().toDouble(), 80.0);
        lines = trend->chart()->referenceSeries();
        QCOMPARE(lines.size(), 1);
        QCOMPARE(lines.first()->at(0).y(), 75.0);

        // No readings: a sentence instead of an empty chart.
        core.kpiSamples.clear();
        trend->showFigure(QStringLiteral("nps_avg_30d"));
        auto *empty = trend->findChild<QLabel *>(QStringLiteral("trendEmpty"));
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(!trend->chart()->isVisible());

        // A wide window shows revenue and conversion beside it, each asking for its readings.
        QVERIFY(window.dashboard()->trends().at(1)->isHidden());
        core.kpiRequests.clear();
        window.resize(1900, 1000);
        QTRY_VERIFY(!window.dashboard()->trends().at(2)->isHidden());
        QTRY_COMPARE(core.kpiRequests,
                     QStringList({QStringLiteral("revenue_24h_usd/1"),
                                  QStringLiteral("lead_to_booking_rate/1")}));
    }
};

QTEST_MAIN(TstModulesView)
#include "tst_modulesview.moc"
