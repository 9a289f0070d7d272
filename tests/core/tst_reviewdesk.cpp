#include "alerts/alertrules.h"
#include "audit/auditlog.h"
#include "enginefixture.h"
#include "review/reviewdesk.h"
#include "review/taskstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Switchboard;

namespace {

const QByteArray OcrReview = R"({"id": "ocr", "name": "OCR", "trigger": {"kind": "manual"},
  "nodes": [{"id": "start", "type": "trigger"},
            {"id": "check", "type": "human_review", "queue": "ocr-review", "role": "support",
             "title": "Check {{ input.document_id }}", "sla": "4h",
             "fields": [{"name": "patient_name", "type": "text", "required": true, "phi": true,
                         "value": "{{ input.name }}"},
                        {"name": "insurance_id", "type": "text", "value": "{{ input.insurance }}"}],
             "outcomes": ["approve", "reject"]},
            {"id": "ok", "type": "end"}, {"id": "no", "type": "end"}],
  "edges": [{"from": "start", "to": "check"}, {"from": "check", "to": "ok", "port": "approve"},
            {"from": "check", "to": "no", "port": "reject"}]})";

} // namespace

// The review desk over a real engine and store, with a manual clock and a fake module client
// standing in for 09_compliance.
class TstReviewDesk : public QObject
{
    Q_OBJECT

    struct Desk : EngineFixture
    {
        ReviewDesk desk {*engine, db, *audit, clock};

        Desk()
        {
            audit->setCompliance(QUrl(QStringLiteral("http://127.0.0.1:1/audit")), 1000);
            publish(OcrReview);
        }
        QString openTask(const QString &name = QStringLiteral("Jon Smth"))
        {
            start(QStringLiteral("ocr"),
                  {{QStringLiteral("document_id"), QStringLiteral("doc-1")},
                   {QStringLiteral("name"), name},
                   {QStringLiteral("insurance"), QStringLiteral("INS-9")}});
            const QJsonArray open = desk.openTasks(QStringLiteral("ocr-review"), true).value();
            return open.last().toObject().value(QLatin1String("id")).toString();
        }
        QList<QJsonObject> audited()
        {
            QList<QJsonObject> out;
            for (const auto &call : std::as_const(modules.calls)) {
                if (call.body.value(QLatin1String("action")).toString()
                    == QLatin1String("log_event"))
                    out << call.body;
            }
            return out;
        }
    };

private Q_SLOTS:
    // What a decision's fields must be, checked by the core as the console's form checks them.
    void fieldValuesAreCheckedByType_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QJsonValue>("value");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("number") << "number" << QJsonValue(12.5) << true;
        QTest::newRow("number as text") << "number" << QJsonValue("12.5") << true;
        QTest::newRow("nan") << "number" << QJsonValue("nan") << false;
        QTest::newRow("inf") << "number" << QJsonValue("inf") << false;
        QTest::newRow("words") << "number" << QJsonValue("twelve") << false;
        QTest::newRow("date") << "date" << QJsonValue("2026-03-14") << true;
        QTest::newRow("not a date") << "date" << QJsonValue("not a date") << false;
        QTest::newRow("impossible date") << "date" << QJsonValue("2026-02-30") << false;
        QTest::newRow("date and time") << "datetime" << QJsonValue("2026-03-14 09:30") << true;
        QTest::newRow("ISO date and time")
            << "datetime" << QJsonValue("2026-03-14T09:30:00Z") << true;
        QTest::newRow("bad time") << "datetime" << QJsonValue("2026-03-14 25:99") << false;
    }

    void fieldValuesAreCheckedByType()
    {
        QFETCH(QString, type);
        QFETCH(QJsonValue, value);
        QFETCH(bool, accepted);
        const QJsonObject task {
            {"form",
             QJsonObject {{"outcomes", QJsonArray {"approve"}},
                          {"fields", QJsonArray {QJsonObject {{"name", "f"}, {"type", type}}}}}}};
        const auto checked = TaskStore::checkDecision(task, QStringLiteral("approve"),
                                                      {{QStringLiteral("f"), value}});
        QCOMPARE(checked.ok(), accepted);
        if (!accepted)
            QCOMPARE(checked.error().field, QStringLiteral("fields.f"));
    }

    void decisionsAreAuditedWithoutPatientData()
    {
        Desk d;
        const QString id = d.openTask();
        QVERIFY(d.desk.claim(id, QStringLiteral("ana")).ok());
        // Someone else cannot decide Ana's task.
        auto ben = d.desk.decide(id, QStringLiteral("approve"), {}, {}, QStringLiteral("ben"));
        QVERIFY(!ben.ok());
        QVERIFY(ben.error().message.contains(QStringLiteral("ana is working on this task")));
        auto decided = d.desk.decide(id, QStringLiteral("approve"),
                                     {{QStringLiteral("patient_name"), QStringLiteral("Jon Smith")},
                                      {QStringLiteral("insurance_id"), QStringLiteral("INS-9")}},
                                     QStringLiteral("typo"), QStringLiteral("ana"));
        QVERIFY2(decided.ok(), qPrintable(decided.ok() ? QString() : decided.error().message));

        // The publication, the claim and the decision reach 09 in order, each once, with no
        // patient data.
        QTRY_COMPARE(d.audited().size(), 3);
        const QJsonObject entry = d.audited().last();
        QCOMPARE(entry.value("event").toString(), QStringLiteral("review.decided"));
        QCOMPARE(entry.value("actor").toString(), QStringLiteral("ana"));
        const QJsonObject data = entry.value("data").toObject();
        QCOMPARE(data.value("decision").toString(), QStringLiteral("approve"));
        QCOMPARE(data.value("changed_fields").toArray(), QJsonArray {"patient_name"});
        const QByteArray raw = QJsonDocument(entry).toJson();
        QVERIFY(!raw.contains("Jon Sm"));
        QVERIFY(!raw.contains("INS-9"));
        QCOMPARE(d.modules.calls.last().idempotencyKey, QByteArray("audit:3"));
        QVERIFY(d.audit->verify().ok());
        // The fake 09 answers on the next turn of the event loop; only then is the entry sent.
        QTRY_COMPARE(d.audit->waiting(), 0);
    }

    void auditWaitsWhileComplianceIsDownAndTheChainHolds()
    {
        Desk d;
        d.modules.responder = [](const ModuleCallRequest &) {
            return FakeModuleClient::failure(true);
        };
        const QString id = d.openTask();
        QVERIFY(d.desk.decide(id, QStringLiteral("reject"), {}, {}, QStringLiteral("ana")).ok());
        QTRY_VERIFY(!d.modules.calls.isEmpty());
        // The decision waits (and the publication, unless it went before 09 went down).
        const int waiting = d.audit->waiting();
        QVERIFY(waiting >= 1);
        // 09 is back: the entry goes on the next try, once.
        d.modules.responder = {};
        d.modules.calls.clear();
        d.audit->forward();
        QTRY_COMPARE(d.audit->waiting(), 0);
        // Each entry once (one may have gone with the call in flight when 09 came back).
        QSet<QByteArray> keys;
        for (const auto &call : std::as_const(d.modules.calls))
            keys.insert(call.idempotencyKey);
        QCOMPARE(keys.size(), d.modules.calls.size());
        QVERIFY(d.audited().size() >= waiting - 1);
        // Changing a stored entry breaks the chain, and verify says which.
        QVERIFY(d.db.run(QStringLiteral("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1")));
        const Status broken = d.audit->verify();
        QVERIFY(!broken.ok());
        QVERIFY(broken.error().message.contains(QStringLiteral("entry 1")));
    }

    void racingDecisionsOneWins()
    {
        Desk d;
        const QString id = d.openTask();
        auto first = d.desk.decide(id, QStringLiteral("approve"), {}, {}, QStringLiteral("ana"));
        auto second = d.desk.decide(id, QStringLiteral("reject"), {}, {}, QStringLiteral("ben"));
        QVERIFY(first.ok());
        QVERIFY(!second.ok());
        QVERIFY(second.error().message.contains(QStringLiteral("already decided by ana")));
        QCOMPARE(d.engine->task(id)->value("decision").toObject().value("decision").toString(),
                 QStringLiteral("approve"));
    }

    void releaseOnlyByTheOneWhoClaimed()
    {
        Desk d;
        const QString id = d.openTask();
        QCOMPARE(d.desk.release(id, QStringLiteral("ana")).error().message,
                 QStringLiteral("the task is pending, not claimed"));
        QVERIFY(d.desk.claim(id, QStringLiteral("ana")).ok());
        QVERIFY(d.desk.release(id, QStringLiteral("ben"))
                    .error()
                    .message.contains(QStringLiteral("only they can release it")));
        QVERIFY(d.desk.release(id, QStringLiteral("ana")).ok());
        QCOMPARE(d.engine->task(id)->value("status").toString(), QStringLiteral("pending"));
        QVERIFY(d.desk.claim(id, QStringLiteral("ben")).ok());
    }

    void slaBreachGoesToTheSupervisors()
    {
        Desk d;
        const QString late = d.openTask();
        d.clock.advance(3 * 3600 * 1000);
        const QString fresh = d.openTask();
        QCOMPARE(d.desk.escalateOverdue(), 0);
        QVERIFY(d.desk.claim(late, QStringLiteral("ana")).ok());
        QSignalSpy changed(&d.desk, &ReviewDesk::tasksChanged);
        d.clock.advance(3600 * 1000 + 1); // the first task is now 4 h old
        QCOMPARE(d.desk.escalateOverdue(), 1);
        QCOMPARE(changed.size(), 1);
        const QJsonObject moved = d.engine->task(late).value();
        QCOMPARE(moved.value("status").toString(), QStringLiteral("escalated"));
        QCOMPARE(moved.value("queue").toString(), ReviewDesk::supervisorQueue());
        QCOMPARE(moved.value("escalated_from").toString(), QStringLiteral("ocr-review"));
        QCOMPARE(moved.value("role").toString(), QStringLiteral("manager"));
        QVERIFY(moved.value("claimed_by").isNull());
        QCOMPARE(d.engine->task(fresh)->value("status").toString(), QStringLiteral("pending"));
        QCOMPARE(d.desk.escalateOverdue(), 0); // once

        // The queues and the alert say so.
        const QHash<QString, int> overdue = d.desk.overdueByQueue();
        QCOMPARE(overdue.value(QStringLiteral("ocr-review")), 1);
        const QList<StatusAlert> alerts = AlertRules::reviewSla(overdue);
        QCOMPARE(alerts.size(), 1);
        QCOMPARE(alerts.first().title.text(), QStringLiteral("Review SLA Breached: ocr-review"));
        QCOMPARE(alerts.first().severity, AlertSeverity::Warning);
        QJsonArray queues = d.desk.queues();
        QCOMPARE(queues.size(), 2);
        // A supervisor decides it; the alert clears.
        QVERIFY(
            d.desk.decide(late, QStringLiteral("approve"), {}, {}, QStringLiteral("maria")).ok());
        QVERIFY(d.desk.overdueByQueue().isEmpty());
    }

    void phiIsMaskedForThoseWhoMayNotReadIt()
    {
        Desk d;
        const QString id = d.openTask(QStringLiteral("Grace Okafor"));
        const QJsonObject masked = d.desk.task(id, false).value();
        const QByteArray raw = QJsonDocument(masked).toJson();
        QVERIFY(!raw.contains("Grace"));
        const QJsonArray fields = masked.value("form").toObject().value("fields").toArray();
        QCOMPARE(fields.at(0).toObject().value("value").toString(), QStringLiteral("•••"));
        QVERIFY(fields.at(0).toObject().value("masked").toBool());
        // A field not marked as patient data stays readable.
        QCOMPARE(fields.at(1).toObject().value("value").toString(), QStringLiteral("INS-9"));
        QVERIFY(QJsonDocument(d.desk.task(id, true).value()).toJson().contains("Grace Okafor"));
        QVERIFY(!QJsonDocument(d.desk.openTasks({}, false).value()).toJson().contains("Grace"));
    }

    void bulkDecisionsOnlyWhereTheFormNeedsNoInput()
    {
        Desk d;
        const QString complete = d.openTask(QStringLiteral("Ana Ruiz"));
        const QString missing = d.openTask(QString()); // the required name is empty
        const QJsonArray results =
            d.desk.decideMany({complete, missing, QStringLiteral("tk_nope")},
                              QStringLiteral("approve"), QStringLiteral("ana"));
        QCOMPARE(results.size(), 3);
        QVERIFY(results.at(0).toObject().value("ok").toBool());
        QVERIFY(!results.at(1).toObject().value("ok").toBool());
        QVERIFY(results.at(1).toObject().value("error").toString().contains(
            QStringLiteral("needs input")));
        QVERIFY(!results.at(2).toObject().value("ok").toBool());
        QCOMPARE(d.engine->task(missing)->value("status").toString(), QStringLiteral("pending"));
    }
};

QTEST_GUILESS_MAIN(TstReviewDesk)
#include "tst_reviewdesk.moc"
