// An execution's page reads its history as a time line: a run with a call, a timer, a review
// task, a retried call that then fails for good, and the compensation that follows, each as a
// bar with its kind, outcome and duration.

#include "common/manualclock.h"
#include "engine/executiontimeline.h"
#include "engine/workflowengine.h"
#include "enginefixture.h"
#include "fakemoduleclient.h"

#include <QJsonArray>
#include <QTest>

using namespace Switchboard;

class TstExecutionTimeline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void aRunIsDrawnAsBarsOfWhatItDidAndWaitedFor()
    {
        EngineFixture f;
        int charges = 0;
        f.modules.responder = [&](const ModuleCallRequest &r) {
            if (r.body.value(QLatin1String("action")).toString() != QLatin1String("charge"))
                return ModuleCallResult {200, {{QStringLiteral("ok"), true}}, {}, false, 1};
            return ++charges == 1 ? FakeModuleClient::failure(true)
                                  : FakeModuleClient::failure(false, 402);
        };
        f.publish(R"({"id": "visit", "name": "Visit", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "lead", "type": "module_call", "module": "01_intake", "action": "create_lead", "compensation": {"module": "01_intake", "action": "delete_lead"}},
                    {"id": "pause", "type": "delay", "duration": "30s"},
                    {"id": "check", "type": "human_review", "queue": "billing", "role": "support", "title": "Check", "outcomes": ["approve"]},
                    {"id": "pay", "type": "module_call", "module": "04_billing", "action": "charge", "retry": {"max_attempts": 2}},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "lead"}, {"from": "lead", "to": "pause"}, {"from": "pause", "to": "check"},
                    {"from": "check", "to": "pay", "port": "approve"}, {"from": "pay", "to": "done"}]})");
        const QString id = f.start(QStringLiteral("visit"));
        QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
        f.clock.advance(30000);
        QCOMPARE(f.engine->processDueTimers(), 1);
        QTRY_COMPARE(
            f.engine->tasks(QStringLiteral("billing"), QStringLiteral("pending")).value().size(),
            1);
        f.clock.advance(5000);
        const QString task = f.engine->tasks(QStringLiteral("billing"), QStringLiteral("pending"))
                                 .value()
                                 .first()
                                 .toObject()
                                 .value(QLatin1String("id"))
                                 .toString();
        QVERIFY(
            f.engine->decide(task, QStringLiteral("approve"), {}, {}, QStringLiteral("ana")).ok());
        QTRY_COMPARE(charges, 1);
        QTRY_COMPARE(f.status(id), QStringLiteral("waiting"));
        f.clock.advance(3000);
        QCOMPARE(f.engine->processDueTimers(), 1);
        QTRY_COMPARE(f.status(id), QStringLiteral("failed"));

        const QJsonObject execution = f.execution(id);
        const QJsonArray timeline = execution.value(QLatin1String("timeline")).toArray();
        // The API gives what the builder gives from the history.
        QCOMPARE(timeline,
                 ExecutionTimeline::build(execution.value(QLatin1String("history")).toArray()));
        QStringList bars;
        for (const QJsonValue &v : timeline) {
            const QJsonObject b = v.toObject();
            bars << QStringLiteral("%1 %2%3 %4")
                        .arg(b.value(QLatin1String("node")).toString(),
                             b.value(QLatin1String("kind")).toString(),
                             b.contains(QLatin1String("attempt"))
                                 ? QString::number(b.value(QLatin1String("attempt")).toInt())
                                 : QString(),
                             b.value(QLatin1String("outcome")).toString());
        }
        QCOMPARE(
            bars,
            QStringList({"start step completed", "lead call1 completed", "pause timer completed",
                         "check review completed", "pay call1 failed", "pay retry_wait2 completed",
                         "pay call2 failed", "lead compensation1 completed"}));
        // The timer lasted its 30 s, the review the 5 s before the decision, and the back-off
        // until its timer was served.
        const auto duration = [&](int i) {
            return timeline.at(i).toObject().value(QLatin1String("duration_ms")).toInteger();
        };
        QCOMPARE(duration(2), 30000);
        QCOMPARE(duration(3), 5000);
        QCOMPARE(duration(5), 3000);
    }

    // A step still waiting has a bar with no end; history it does not know is left out.
    void anOpenWaitHasNoEnd()
    {
        const QJsonArray history {
            QJsonObject {{"type", "execution_started"}, {"ts", "2026-12-03T08:00:00.000Z"}},
            QJsonObject {
                {"type", "timer_set"}, {"node", "pause"}, {"ts", "2026-12-03T08:00:01.000Z"}},
            QJsonObject {
                {"type", "something_new"}, {"node", "pause"}, {"ts", "2026-12-03T08:00:02.000Z"}}};
        const QJsonArray bars = ExecutionTimeline::build(history);
        QCOMPARE(bars.size(), 1);
        const QJsonObject bar = bars.first().toObject();
        QCOMPARE(bar.value(QLatin1String("kind")).toString(), QStringLiteral("timer"));
        QVERIFY(bar.value(QLatin1String("end")).isNull());
        QCOMPARE(bar.value(QLatin1String("outcome")).toString(), QStringLiteral("running"));
        QVERIFY(!bar.contains(QLatin1String("duration_ms")));
    }
};

QTEST_GUILESS_MAIN(TstExecutionTimeline)
#include "tst_executiontimeline.moc"
