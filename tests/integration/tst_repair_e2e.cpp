// Finding and repairing runs through the API, against switchboard-sim modules over loopback: a
// patient's journey across three workflows, patient data masked by role (and a reveal audited),
// a re-run from a step with edited input (the preview says which calls act again, and the
// modules confirm it), and the dead-letter queue: replay exactly once however often it is
// clicked, bulk replay after an outage, discard with a reason.

#include "apicoretest.h"
#include "sim/simfleet.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>

using namespace Switchboard;
using namespace TestSupport;

namespace {

const QByteArray Intake = R"({"id": "intake-flow", "name": "Intake",
  "trigger": {"kind": "manual"}, "correlation": {"patient_id": "input.patient_id"},
  "nodes": [{"id": "start", "type": "trigger"},
            {"id": "track", "type": "module_call", "module": "07_analytics", "action": "track", "payload": {"patient_id": "{{ input.patient_id }}"}},
            {"id": "done", "type": "end"}],
  "edges": [{"from": "start", "to": "track"}, {"from": "track", "to": "done"}]})";

const QByteArray Booking = R"({"id": "booking-flow", "name": "Booking",
  "trigger": {"kind": "manual"}, "correlation": {"patient_id": "input.patient.id"},
  "nodes": [{"id": "start", "type": "trigger"},
            {"id": "book", "type": "module_call", "module": "02_booking", "action": "create", "payload": {"patient_id": "{{ input.patient.id }}"}},
            {"id": "notify", "type": "module_call", "module": "08_messaging", "action": "send", "payload": {"phone": "{{ input.patient.phone }}", "text": "Hello {{ input.patient.name }}, you are booked"}},
            {"id": "done", "type": "end"}],
  "edges": [{"from": "start", "to": "book"}, {"from": "book", "to": "notify"}, {"from": "notify", "to": "done"}]})";

const QByteArray Billing = R"({"id": "billing-flow", "name": "Billing",
  "trigger": {"kind": "manual"},
  "correlation": {"patient_id": "input.patient_id", "invoice_id": "input.invoice_id"},
  "nodes": [{"id": "start", "type": "trigger"},
            {"id": "charge", "type": "module_call", "module": "04_billing", "action": "charge", "retry": {"max_attempts": 1}, "timeout_s": 5, "payload": {"amount": 120, "name": "{{ input.name }}"}},
            {"id": "done", "type": "end"}],
  "edges": [{"from": "start", "to": "charge"}, {"from": "charge", "to": "done"}]})";

// The value at a dotted path ("input.patient.name").
QJsonValue at(const QJsonValue &value, const char *path)
{
    QJsonValue v = value;
    for (const QString &member : QString::fromLatin1(path).split(QLatin1Char('.')))
        v = v.toObject().value(member);
    return v;
}

const QList<QPair<QByteArray, QByteArray>> Support {
    {"Authorization", "Bearer support-token-0123456789"}};
const QList<QPair<QByteArray, QByteArray>> Viewer {
    {"Authorization", "Bearer viewer-token-0123456789"}};

} // namespace

class TstRepairE2e : public ApiCoreTest
{
    Q_OBJECT

    SystemClock m_simClock;
    std::unique_ptr<SimFleet> m_fleet;
    QString m_bookingRun; // Grace's booking

    QString start(const char *workflow, const QByteArray &input)
    {
        const HttpResult r = post(
            url(QStringLiteral("/api/v1/workflows/%1/executions").arg(QLatin1String(workflow))),
            "{\"input\": " + input + "}", auth());
        if (r.status != 201)
            qWarning() << workflow << r.status << r.body;
        return r.json().value(QLatin1String("execution_id")).toString();
    }
    QJsonObject execution(const QString &id, const QList<QPair<QByteArray, QByteArray>> &who)
    {
        return get(url(QStringLiteral("/api/v1/executions/") + id), who).json();
    }
    QString status(const QString &id)
    {
        return execution(id, auth()).value(QLatin1String("status")).toString();
    }
    int moduleStat(const char *module, const char *name)
    {
        return m_fleet->stats()
            .value(QLatin1String("modules"))
            .toObject()
            .value(QLatin1String(module))
            .toObject()
            .value(QLatin1String(name))
            .toInt();
    }
    void fault(const char *module, const char *mode, const QJsonObject &extra = {})
    {
        QJsonObject f = extra;
        f.insert(QStringLiteral("module"), QLatin1String(module));
        f.insert(QStringLiteral("mode"), QLatin1String(mode));
        QVERIFY(m_fleet->applyFault(f).ok());
    }
    QJsonArray letters(const QString &query = {})
    {
        return get(url(QStringLiteral("/api/v1/dlq") + query), auth())
            .json()
            .value(QLatin1String("dead_letters"))
            .toArray();
    }
    // A billing run whose charge fails for good (04 is down): its dead letter's id.
    QString deadLetteredCharge(const char *patient)
    {
        const QString id = start("billing-flow",
                                 QStringLiteral("{\"patient_id\": \"%1\", \"invoice_id\": "
                                                "\"INV-%1\", \"name\": \"Grace Okafor\"}")
                                     .arg(QLatin1String(patient))
                                     .toUtf8());
        [&] {
            QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("failed"), 15000);
        }();
        for (const QJsonValue &l : letters(QStringLiteral("?status=pending"))) {
            if (l[QLatin1String("execution_id")].toString() == id)
                return l[QLatin1String("id")].toString();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_fleet = std::make_unique<SimFleet>(m_simClock, 7);
        const quint16 base = startFleet(*m_fleet);
        QVERIFY(base != 0);
        CoreConfig config;
        config.useSimulatedFleet(base);
        CoreOptions options;
        options.tokens = {
            {QStringLiteral("support-token-0123456789"), QStringLiteral("support:ana")},
            {QStringLiteral("viewer-token-0123456789"), QStringLiteral("viewer")}};
        const Status started = startCore(options, config);
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        for (const QByteArray &doc : {Intake, Booking, Billing}) {
            const QString id = QJsonDocument::fromJson(doc).object().value("id").toString();
            const QString path = QStringLiteral("/api/v1/workflows/") + id;
            const HttpResult saved = request("PUT", url(path), doc, auth());
            QVERIFY2(saved.status == 200, saved.body.constData());
            QCOMPARE(post(url(path + QStringLiteral("/publish")), "{}", auth()).status, 201);
        }
    }

    // One patient's runs across intake, booking and billing, in the order they started, and
    // nobody else's; the list finds them by the key too.
    void aJourneyFollowsOnePatientAcrossWorkflows()
    {
        const QString intake = start("intake-flow", R"({"patient_id": "P-1"})");
        m_bookingRun =
            start("booking-flow",
                  R"({"patient": {"id": "P-1", "name": "Grace Okafor", "phone": "+15550100"}})");
        start("booking-flow", R"({"patient": {"id": "P-2", "name": "Ada Obi", "phone": "+1555"}})");
        const QString billing =
            start("billing-flow", R"({"patient_id": "P-1", "invoice_id": "INV-9", "name": "G"})");
        QTRY_COMPARE(status(billing), QStringLiteral("completed"));
        QTRY_COMPARE(status(m_bookingRun), QStringLiteral("completed"));

        const HttpResult r = get(url(QStringLiteral("/api/v1/journeys/patient_id/P-1")), Viewer);
        QCOMPARE(r.status, 200);
        QStringList ids;
        QStringList workflows;
        for (const QJsonValue &e : r.json().value(QLatin1String("executions")).toArray()) {
            ids << e[QLatin1String("id")].toString();
            workflows << e[QLatin1String("workflow_id")].toString();
        }
        QCOMPARE(ids, QStringList({intake, m_bookingRun, billing}));
        QCOMPARE(workflows, QStringList({"intake-flow", "booking-flow", "billing-flow"}));
        QCOMPARE(get(url(QStringLiteral("/api/v1/journeys/invoice_id/INV-9")), auth())
                     .json()
                     .value(QLatin1String("executions"))
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(get(url(QStringLiteral("/api/v1/journeys/Patient-ID/P-1")), auth()).status, 400);

        // The Executions list's search: a key's value, or key=value.
        for (const char *q : {"P-1", "patient_id%3DP-1"}) {
            const QJsonArray found =
                get(url(QStringLiteral("/api/v1/executions?q=") + QLatin1String(q)), auth())
                    .json()
                    .value(QLatin1String("executions"))
                    .toArray();
            QCOMPARE(found.size(), 3);
        }
        // And an execution names its keys.
        QCOMPARE(execution(billing, auth())
                     .value(QLatin1String("keys"))
                     .toObject()
                     .value(QLatin1String("invoice_id"))
                     .toString(),
                 QStringLiteral("INV-9"));
    }

    // A viewer never sees the patient's name or phone, and may not ask to; support may, and
    // that reveal is in the audit log by field name, without the values.
    void patientDataIsMaskedByRoleAndRevealsAreAudited()
    {
        QVERIFY(!m_bookingRun.isEmpty());
        const QString path = QStringLiteral("/api/v1/executions/") + m_bookingRun;
        for (const auto &who : {Viewer, auth(), Support}) {
            const HttpResult r = get(url(path), who);
            QCOMPARE(r.status, 200);
            QVERIFY(!r.body.contains("Grace"));
            QVERIFY(!r.body.contains("+15550100"));
            QVERIFY(r.json().value(QLatin1String("masked")).toBool());
            QCOMPARE(at(r.json(), "input.patient.id").toString(), QStringLiteral("P-1"));
        }
        QCOMPARE(get(url(path + QStringLiteral("?reveal=true")), Viewer).status, 403);
        QCOMPARE(get(url(path + QStringLiteral("?reveal=maybe")), Support).status, 400);
        const HttpResult revealed = get(url(path + QStringLiteral("?reveal=true")), Support);
        QCOMPARE(revealed.status, 200);
        QCOMPARE(at(revealed.json(), "input.patient.name").toString(),
                 QStringLiteral("Grace Okafor"));

        const HttpResult audit = get(url(QStringLiteral("/api/v1/audit")), auth());
        QVERIFY(!audit.body.contains("Grace"));
        QJsonObject entry;
        for (const QJsonValue &e : audit.json().value(QLatin1String("entries")).toArray()) {
            if (e[QLatin1String("event")].toString() == QLatin1String("phi.revealed"))
                entry = e.toObject();
        }
        QCOMPARE(entry.value(QLatin1String("actor")).toString(), QStringLiteral("ana"));
        QCOMPARE(at(entry, "data.id").toString(), m_bookingRun);
        QCOMPARE(
            at(entry, "data.fields").toArray(),
            QJsonArray({QStringLiteral("name"), QStringLiteral("phone"), QStringLiteral("text")}));
    }

    // A long history comes a window at a time, newest last, and pages back without a gap.
    void theHistoryPagesBack()
    {
        QVERIFY(!m_bookingRun.isEmpty());
        const QString path = QStringLiteral("/api/v1/executions/") + m_bookingRun;
        const QJsonObject all = get(url(path), auth()).json();
        const QJsonArray every = all.value(QLatin1String("history")).toArray();
        const int total = all.value(QLatin1String("history_total")).toInt();
        QCOMPARE(every.size(), total);
        QVERIFY(total > 4);
        const QJsonObject latest =
            get(url(path + QStringLiteral("?history_limit=3")), auth()).json();
        const QJsonArray last3 = latest.value(QLatin1String("history")).toArray();
        QCOMPARE(last3.size(), 3);
        QCOMPARE(last3.last(), every.last());
        QCOMPARE(latest.value(QLatin1String("history_total")).toInt(), total);
        const int from = latest.value(QLatin1String("history_from_seq")).toInt();
        QCOMPARE(from, at(every.at(total - 3), "seq").toInt());
        const QJsonArray before =
            get(url(path + QStringLiteral("?history_limit=3&history_before=%1").arg(from)), auth())
                .json()
                .value(QLatin1String("history"))
                .toArray();
        QCOMPARE(before.size(), 3);
        QCOMPARE(before.last(), every.at(total - 4));
        // The timeline always covers the whole history.
        QCOMPARE(latest.value(QLatin1String("timeline")), all.value(QLatin1String("timeline")));
        const HttpResult bad = get(url(path + QStringLiteral("?history_limit=0")), auth());
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(QLatin1String("field")).toString(),
                 QStringLiteral("history_limit"));
        // A misspelt parameter is named, not ignored.
        const HttpResult typo = get(url(path + QStringLiteral("?histroy_limit=3")), auth());
        QCOMPARE(typo.status, 400);
        QCOMPARE(typo.json().value(QLatin1String("field")).toString(),
                 QStringLiteral("histroy_limit"));
        QCOMPARE(get(url(QStringLiteral("/api/v1/dlq?state=pending")), auth()).status, 400);
    }

    // Re-running the booking from its first call with the name corrected: the preview says the
    // booking is suppressed by its key and the message goes out again, and the modules agree.
    void aRerunFromAStepActsOnlyWhereItsCallsChanged()
    {
        QVERIFY(!m_bookingRun.isEmpty());
        const QString rerun = QStringLiteral("/api/v1/executions/%1/rerun").arg(m_bookingRun);
        const QByteArray edited =
            R"({"from_step": "book", "input": {"patient": {"id": "P-1", "name": "Grace O. Okafor", "phone": "+15550100"}}})";

        const HttpResult same =
            post(url(rerun + QStringLiteral("/preview")), R"({"from_step": "book"})", auth());
        QCOMPARE(same.status, 200);
        QCOMPARE(same.json().value(QLatin1String("suppressed")).toInt(), 2);
        QCOMPARE(same.json().value(QLatin1String("outside_world")).toInt(), 0);

        const HttpResult preview = post(url(rerun + QStringLiteral("/preview")), edited, auth());
        QCOMPARE(preview.status, 200);
        QJsonObject calls;
        for (const QJsonValue &c : preview.json().value(QLatin1String("calls")).toArray())
            calls.insert(c.toObject().value(QLatin1String("node")).toString(), c);
        QCOMPARE(calls.size(), 2);
        QCOMPARE(at(calls, "book.outcome").toString(), QStringLiteral("suppressed"));
        QCOMPARE(at(calls, "book.outside_world").toString(), QStringLiteral("bookings"));
        QCOMPARE(at(calls, "notify.outcome").toString(), QStringLiteral("sent_again"));
        QCOMPARE(at(calls, "notify.outside_world").toString(), QStringLiteral("messages"));
        QCOMPARE(preview.json().value(QLatin1String("outside_world")).toInt(), 1);

        QCOMPARE(post(url(rerun), edited, Viewer).status, 403);
        QCOMPARE(post(url(rerun), R"({"from_step": "nowhere"})", auth()).json().value("field"),
                 QJsonValue(QStringLiteral("from_step")));
        QCOMPARE(post(url(rerun), R"({"from_step": "book", "extra": 1})", auth()).status, 400);

        const int bookings = moduleStat("02_booking", "effects");
        const int messages = moduleStat("08_messaging", "effects");
        const HttpResult started = post(url(rerun), edited, auth());
        QCOMPARE(started.status, 201);
        const QString id = started.json().value(QLatin1String("execution_id")).toString();
        QCOMPARE(started.json().value(QLatin1String("rerun_of")).toString(), m_bookingRun);
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
        QCOMPARE(moduleStat("02_booking", "effects"), bookings); // answered from its key
        QCOMPARE(moduleStat("08_messaging", "effects"), messages + 1);

        // The new run says where it came from, kept the step before, and is in the journey.
        const QJsonObject run = execution(id, auth());
        const QJsonObject startedEvent = at(run, "history").toArray().first().toObject();
        QCOMPARE(at(startedEvent, "data.rerun_of").toString(), m_bookingRun);
        QCOMPARE(at(startedEvent, "data.from_step").toString(), QStringLiteral("book"));
        QCOMPARE(at(startedEvent, "data.origin").toString(), QStringLiteral("rerun"));
        QStringList kept;
        for (const QJsonValue &step : at(run, "steps").toArray())
            kept << at(step, "node").toString() + QLatin1Char(':') + at(step, "status").toString();
        kept.sort();
        QCOMPARE(kept,
                 QStringList(
                     {"book:completed", "done:completed", "notify:completed", "start:completed"}));
        QCOMPARE(get(url(QStringLiteral("/api/v1/executions?origin=rerun")), auth())
                     .json()["executions"]
                     .toArray()
                     .size(),
                 1);
        QCOMPARE(status(m_bookingRun), QStringLiteral("completed"));
    }

    // Two replays of one letter at once (a double click, or two desks): one call, one effect;
    // the other is told it is being replayed already.
    void aDeadLetterIsReplayedExactlyOnce()
    {
        fault("04_billing", "down");
        const QString letter = deadLetteredCharge("P-7");
        QVERIFY(!letter.isEmpty());
        // Its payload is masked as the execution is.
        const HttpResult viewed = get(url(QStringLiteral("/api/v1/dlq")), Viewer);
        QVERIFY(!viewed.body.contains("Grace"));
        QCOMPARE(get(url(QStringLiteral("/api/v1/dlq?reveal=true")), Viewer).status, 403);
        QVERIFY(get(url(QStringLiteral("/api/v1/dlq?reveal=true")), auth()).body.contains("Grace"));
        QCOMPARE(get(url(QStringLiteral("/api/v1/dlq?status=lost")), auth()).status, 400);

        fault("04_billing", "slow", {{QStringLiteral("latency_ms"), 600}});
        const int before = moduleStat("04_billing", "effects");
        QNetworkAccessManager network;
        QList<QNetworkReply *> replies;
        for (int i = 0; i < 2; ++i) {
            QNetworkRequest req(url(QStringLiteral("/api/v1/dlq/%1/replay").arg(letter)));
            req.setRawHeader("Authorization", "Bearer " + m_token);
            req.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
            replies << network.post(req, QByteArrayLiteral("{}"));
        }
        for (QNetworkReply *reply : std::as_const(replies))
            QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 10000);
        QList<int> statuses;
        for (QNetworkReply *reply : std::as_const(replies))
            statuses << reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        std::sort(statuses.begin(), statuses.end());
        QCOMPARE(statuses, QList<int>({200, 409}));
        QCOMPARE(moduleStat("04_billing", "effects"), before + 1);
        // A third, later, is refused: the letter was replayed.
        const HttpResult again =
            post(url(QStringLiteral("/api/v1/dlq/%1/replay").arg(letter)), "{}", auth());
        QCOMPARE(again.status, 409);
        QVERIFY(again.json().value(QLatin1String("error")).toString().contains("replayed"));
        QCOMPARE(moduleStat("04_billing", "effects"), before + 1);
        fault("04_billing", "none");
    }

    // After an outage every letter goes out in one request, each once; one that is not there
    // is named in the answer; a discard needs a reason, and keeps it.
    void afterAnOutageLettersAreReplayedTogetherOrDiscardedWithAReason()
    {
        fault("04_billing", "down");
        const QString a = deadLetteredCharge("P-8");
        const QString b = deadLetteredCharge("P-9");
        const QString c = deadLetteredCharge("P-10");
        QVERIFY(!a.isEmpty() && !b.isEmpty() && !c.isEmpty());
        fault("04_billing", "none");
        const int before = moduleStat("04_billing", "effects");
        const QByteArray ids =
            QStringLiteral(R"({"ids": ["%1", "%2", "dl_nope", "%1"]})").arg(a, b).toUtf8();
        QCOMPARE(post(url(QStringLiteral("/api/v1/dlq/replay")), ids, Support).status, 403);
        const HttpResult bulk = post(url(QStringLiteral("/api/v1/dlq/replay")), ids, auth());
        QCOMPARE(bulk.status, 200);
        QStringList outcomes;
        for (const QJsonValue &r : bulk.json().value(QLatin1String("results")).toArray())
            outcomes << r[QLatin1String("status")].toString();
        QCOMPARE(outcomes, QStringList({"replayed", "replayed", "failed"}));
        QCOMPARE(moduleStat("04_billing", "effects"), before + 2);

        const QString discard = QStringLiteral("/api/v1/dlq/%1/discard").arg(c);
        const HttpResult noReason = post(url(discard), "{}", auth());
        QCOMPARE(noReason.status, 400);
        QCOMPARE(noReason.json().value(QLatin1String("field")).toString(),
                 QStringLiteral("reason"));
        QCOMPARE(post(url(discard), R"({"reason": "charged at the desk"})", auth()).status, 204);
        const QJsonArray discarded = letters(QStringLiteral("?status=discarded"));
        QCOMPARE(discarded.size(), 1);
        QCOMPARE(discarded.first()[QLatin1String("reason")].toString(),
                 QStringLiteral("charged at the desk"));
        QCOMPARE(post(url(discard), R"({"reason": "again"})", auth()).status, 404);
        QCOMPARE(moduleStat("04_billing", "effects"), before + 2);
    }

    void cleanupTestCase()
    {
        m_core.reset();
        m_fleet.reset();
    }
};

QTEST_MAIN(TstRepairE2e)
#include "tst_repair_e2e.moc"
