#include "common/manualclock.h"
#include "common/timeseriesmodel.h"
#include "dashboard/moduletablemodel.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using namespace Switchboard;

class TstModuleTableModel : public QObject
{
    Q_OBJECT

    static ModuleSnapshot snapshot(const QString &id, ModuleStatus status, int responseMs = 30)
    {
        ModuleSnapshot s;
        s.id = id;
        s.configured = true;
        s.assessment.status = status;
        s.assessment.reason =
            status == ModuleStatus::Down ? HealthReason::NoAnswer : HealthReason::Responding;
        s.responseMs = responseMs;
        return s;
    }

private Q_SLOTS:
    void hasTheNineModules()
    {
        ManualClock clock;
        ModuleTableModel model(clock);
        QCOMPARE(model.rowCount(), 9);
        QCOMPARE(model.index(1, 0).data(ModuleTableModel::ModuleIdRole).toString(),
                 QStringLiteral("02_booking"));
        QCOMPARE(model.index(1, ModuleTableModel::NameColumn).data().toString(),
                 QStringLiteral("02  Consult Booking"));
        QCOMPARE(model.index(1, ModuleTableModel::StatusColumn).data().toString(),
                 QStringLiteral("? Unknown"));
    }

    void followsStatusChangesCoalesced()
    {
        ManualClock clock;
        ModuleTableModel model(clock);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);

        model.updateModule(snapshot(QStringLiteral("02_booking"), ModuleStatus::Healthy, 20));
        model.updateModule(snapshot(QStringLiteral("02_booking"), ModuleStatus::Degraded, 25));
        model.updateModule(snapshot(QStringLiteral("02_booking"), ModuleStatus::Down, -1));
        model.updateModule(snapshot(QStringLiteral("04_billing"), ModuleStatus::Healthy, 40));
        // Nothing moves until the coalescing tick.
        QCOMPARE(changed.count(), 0);
        QTRY_COMPARE(changed.count(), 2);
        QCOMPARE(reset.count(), 0);

        const QModelIndex status = model.index(1, ModuleTableModel::StatusColumn);
        QCOMPARE(status.data().toString(), QStringLiteral("✕ Down"));
        QCOMPARE(status.data(ModuleTableModel::StatusRole).toInt(), int(ModuleStatus::Down));
        QCOMPARE(model.index(1, ModuleTableModel::ResponseColumn).data().toString(),
                 QStringLiteral("no answer"));
        QCOMPARE(model.index(1, ModuleTableModel::ReasonColumn).data().toString(),
                 QStringLiteral("Module not responding to health checks"));
        QCOMPARE(model.index(3, ModuleTableModel::ResponseColumn).data().toString(),
                 QStringLiteral("40 ms"));

        model.updateModule(snapshot(QStringLiteral("02_booking"), ModuleStatus::Healthy));
        model.flush();
        QCOMPARE(changed.count(), 3);
        QCOMPARE(model.index(1, ModuleTableModel::StatusColumn).data().toString(),
                 QStringLiteral("✓ Healthy"));
    }

    void timeSeriesUpdatesInPlace()
    {
        TimeSeriesModel model({QStringLiteral("Leads"), QStringLiteral("Bookings")});
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QDateTime eight(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC);
        QList<TimeSeriesModel::Point> day = {{eight, {3, 1}}, {eight.addSecs(3600), {5, 2}}};
        model.setPoints(day);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.columnCount(), 3);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.index(1, 1).data().toDouble(), 5.0);
        QCOMPARE(model.index(0, 0).data().toDouble(), double(eight.toMSecsSinceEpoch()));
        QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Bookings"));
        day[1].values = {6, 2};
        model.setPoints(day);
        QCOMPARE(reset.count(), 1); // same rows: changed in place
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, 1).data().toDouble(), 6.0);
        QCOMPARE(model.valueRange(), std::make_pair(1.0, 6.0));
    }

    void timeSeriesKeepsPeaksWhenReduced()
    {
        // 30 days of hourly readings on a chart 100 points wide: at most 100 rows, and the one
        // spike of the month is still among them.
        TimeSeriesModel model({QStringLiteral("Leads")});
        model.setMaxPoints(100);
        const QDateTime start(QDate(2026, 3, 1), QTime(0, 0), Qt::UTC);
        QList<TimeSeriesModel::Point> month;
        for (int h = 0; h < 720; ++h)
            month.append({start.addSecs(3600 * h), {h == 333 ? 500.0 : double(h % 24)}});
        model.setPoints(month);
        QVERIFY(model.rowCount() <= 100);
        QVERIFY(model.rowCount() >= 50);
        QCOMPARE(model.valueRange().second, 500.0);
        QCOMPARE(model.valueRange().first, 0.0);
        // Time order is kept.
        for (int r = 1; r < model.rowCount(); ++r)
            QVERIFY(model.index(r, 0).data().toDouble() > model.index(r - 1, 0).data().toDouble());
    }

    void ignoresUnknownModules()
    {
        ManualClock clock;
        ModuleTableModel model(clock);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.updateModule(snapshot(QStringLiteral("99_unknown"), ModuleStatus::Down));
        model.flush();
        QCOMPARE(changed.count(), 0);
        QCOMPARE(model.rowCount(), 9);
    }

    void lastRunIsRelativeWithExactTimeOnHover()
    {
        ManualClock clock;
        ModuleTableModel model(clock);
        ModuleSnapshot s = snapshot(QStringLiteral("01_intake"), ModuleStatus::Healthy);
        s.lastRun = clock.now().addSecs(-180);
        model.updateModule(s);
        model.flush();
        QCOMPARE(model.index(0, ModuleTableModel::LastRunColumn).data().toString(),
                 QStringLiteral("3 min ago"));
        QVERIFY(!model.index(0, ModuleTableModel::LastRunColumn)
                     .data(Qt::ToolTipRole)
                     .toString()
                     .isEmpty());
    }
};

QTEST_MAIN(TstModuleTableModel)
#include "tst_moduletablemodel.moc"
