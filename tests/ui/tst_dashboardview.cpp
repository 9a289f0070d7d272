#include "alerts/alertsview.h"
#include "alerts/silencedialog.h"
#include "app/mainwindow.h"
#include "common/manualclock.h"
#include "dashboard/attentionpanel.h"
#include "dashboard/dashboardview.h"
#include "dashboard/kpirow.h"
#include "dashboard/moduletablemodel.h"
#include "dashboard/reportpdf.h"
#include "executions/deadletterview.h"
#include "executions/executionsview.h"
#include "fakeorchestrator.h"

#include <QJsonArray>
#include <QLabel>
#include <QListView>
#include <QScrollArea>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTest>

using namespace Switchboard;

// The dashboard answers "is the clinic OK, and what needs me?" above the fold.
class TstDashboardView : public QObject
{
    Q_OBJECT

    static QJsonObject alert(qint64 id, const char *severity, const char *state, int minutesAgo,
                             const QDateTime &now)
    {
        const QString at = now.addSecs(-60LL * minutesAgo).toString(Qt::ISODate);
        return {{"id", id},
                {"severity", severity},
                {"state", state},
                {"title", QStringLiteral("Alert %1").arg(id)},
                {"module", "04_billing"},
                {"first_seen", at},
                {"last_seen", at}};
    }

    static SystemOverview busyClinic(const QDateTime &now)
    {
        SystemOverview overview;
        overview.health = SystemHealth::Degraded;
        overview.lastCheck = now;
        overview.deadLetters = 3;
        overview.reviewQueues = QJsonArray {
            QJsonObject {
                {"queue", "manual-review"},
                {"open", 9},
                {"overdue", 2},
                {"oldest_created_at", now.addSecs(-(2 * 3600 + 5 * 60)).toString(Qt::ISODate)}},
            QJsonObject {{"queue", "invoices"},
                         {"open", 3},
                         {"overdue", 0},
                         {"oldest_created_at", now.addSecs(-600).toString(Qt::ISODate)}}};
        return overview;
    }

private Q_SLOTS:
    void whatNeedsMeIsAboveTheFold()
    {
        ManualClock clock;
        FakeOrchestrator core;
        MainWindow window(core, clock);
        window.resize(1280, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QDateTime now = clock.now();
        Q_EMIT core.overviewChanged(busyClinic(now));
        QJsonArray alerts;
        // Seven open alerts, two critical, and a resolved one that is not shown.
        for (int i = 1; i <= 7; ++i)
            alerts.append(
                alert(i, i == 3 || i == 6 ? "critical" : "warning", "firing", 10 * i, now));
        alerts.append(alert(8, "critical", "resolved", 1, now));
        Q_EMIT core.alertsChanged(QJsonObject {{"alerts", alerts}});

        AttentionPanel *attention = window.dashboard()->attention();
        QStandardItemModel *top = attention->alertsModel();
        QCOMPARE(top->rowCount(), AttentionPanel::TopAlerts);
        // Critical first, then the newest.
        const auto idAt = [top](int row) {
            return top->index(row, 0).data(Qt::UserRole + 1).toLongLong();
        };
        QCOMPARE(idAt(0), 3);
        QCOMPARE(idAt(1), 6);
        QCOMPARE(idAt(2), 1);
        QCOMPARE(idAt(3), 2);
        QVERIFY(attention->reviewText().contains(QStringLiteral("12 tasks waiting")));
        QVERIFY2(attention->reviewText().contains(QStringLiteral("waited 2 h 05 min")),
                 qPrintable(attention->reviewText()));
        QVERIFY(attention->reviewText().contains(QStringLiteral("2 are overdue")));
        QVERIFY(attention->deadLetterText().startsWith(QStringLiteral("3 module calls")));

        // Banner, what needs attention, the tiles and the key figures: all in view at once.
        auto *scroll =
            window.dashboard()->findChild<QScrollArea *>(QStringLiteral("dashboardScroll"));
        QVERIFY(scroll);
        for (QWidget *part : {static_cast<QWidget *>(attention),
                              static_cast<QWidget *>(window.dashboard()->tiles()),
                              static_cast<QWidget *>(window.dashboard()->kpis())}) {
            const QRect inView(part->mapTo(scroll->viewport(), QPoint(0, 0)), part->size());
            QVERIFY2(scroll->viewport()->rect().contains(inView),
                     qPrintable(QStringLiteral("%1 at %2,%3 %4x%5 in %6 high")
                                    .arg(part->objectName())
                                    .arg(inView.x())
                                    .arg(inView.y())
                                    .arg(inView.width())
                                    .arg(inView.height())
                                    .arg(scroll->viewport()->height())));
        }

        // An alert opens in the inbox, selected.
        QListView *list = attention->alertsList();
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {},
                          list->visualRect(top->index(1, 0)).center());
        QCOMPARE(window.currentView(), QStringLiteral("alerts"));
        QTRY_COMPARE(window.alertsView()->selectedIds(), QList<qint64> {6});
        // The dead letters open where they can be replayed.
        window.showView(QStringLiteral("dashboard"));
        Q_EMIT attention->deadLettersOpened();
        QCOMPARE(window.currentView(), QStringLiteral("executions"));
        QCOMPARE(window.executionsView()->tabs()->currentWidget(),
                 static_cast<QWidget *>(window.executionsView()->deadLetters()));
    }

    // The report prints on the paper of the console's locale.
    void theReportPrintsOnTheLocalesPaper()
    {
        QCOMPARE(ReportPdf::pageSize(QLocale(QLocale::English, QLocale::UnitedStates)),
                 QPageSize::Letter);
        QCOMPARE(ReportPdf::pageSize(QLocale(QLocale::Spanish, QLocale::Mexico)),
                 QPageSize::Letter);
        QCOMPARE(ReportPdf::pageSize(QLocale(QLocale::Spanish, QLocale::Spain)), QPageSize::A4);
        QCOMPARE(ReportPdf::pageSize(QLocale(QLocale::English, QLocale::UnitedKingdom)),
                 QPageSize::A4);
    }

    void aModuleThatDoesNotAnswerShowsNoStaleFigures()
    {
        ManualClock clock;
        ModuleSnapshot s;
        s.id = QStringLiteral("04_billing");
        s.configured = true;
        s.lastCheck = clock.now();
        s.responseMs = 21;
        s.errors24h = 0;
        s.lastRun = clock.now();
        QCOMPARE(ModuleTableModel::figuresText(s, clock.now()),
                 QStringLiteral("21 ms · 0 errors in 24 h · last run just now"));
        // Down since twelve minutes: neither "0 errors" nor "last run just now" is known now.
        s.responseMs = -1;
        s.assessment = {ModuleStatus::Down, HealthReason::NoAnswer};
        s.statusSince = clock.now().addSecs(-12 * 60);
        const QString down = ModuleTableModel::figuresText(s, clock.now());
        QCOMPARE(down, QStringLiteral("No answer for 12 min"));
        ModuleTableModel model(clock);
        model.updateModule(s);
        QTRY_COMPARE(model.index(3, ModuleTableModel::ErrorsColumn).data().toString(),
                     QStringLiteral("—"));
    }
};

QTEST_MAIN(TstDashboardView)
#include "tst_dashboardview.moc"
