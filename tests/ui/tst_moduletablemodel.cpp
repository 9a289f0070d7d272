#include "common/manualclock.h"
#include "dashboard/kpihistorymodel.h"
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

    void kpiHistoryUpdatesInPlace()
    {
        KpiHistoryModel model;
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        const QJsonArray day = {
            QJsonObject {{"ts", "2026-03-02T08:00:00Z"}, {"leads", 3}, {"bookings", 1}},
            QJsonObject {{"ts", "2026-03-02T09:00:00Z"}, {"leads", 5}, {"bookings", 2}}};
        model.setHistory(day);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.index(1, KpiHistoryModel::LeadsColumn).data().toDouble(), 5.0);
        QCOMPARE(model.index(0, KpiHistoryModel::TimeColumn).data().toDouble(),
                 double(QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch()));
        QJsonArray later = day;
        later[1] = QJsonObject {{"ts", "2026-03-02T09:00:00Z"}, {"leads", 6}, {"bookings", 2}};
        model.setHistory(later);
        QCOMPARE(reset.count(), 1); // same rows: changed in place
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.index(1, KpiHistoryModel::LeadsColumn).data().toDouble(), 6.0);
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
