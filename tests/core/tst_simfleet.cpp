#include "common/manualclock.h"
#include "sim/simfleet.h"
#include "sim/simmodule.h"
#include "testsupport.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QWebSocket>

using namespace Switchboard;
using namespace TestSupport;

class TstSimFleet : public QObject
{
    Q_OBJECT

    ManualClock m_clock;
    SimFleet *m_fleet = nullptr;
    quint16 m_base = 0;

    QString control(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_base).arg(path);
    }
    QString module(int n, const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_base + n).arg(path);
    }
    HttpResult fault(const QByteArray &json)
    {
        return post(control(QStringLiteral("/faults")), json);
    }
    QJsonObject stats(const QString &id)
    {
        return get(control(QStringLiteral("/stats")))
            .json()
            .value(QLatin1String("modules"))
            .toObject()
            .value(id)
            .toObject();
    }

private Q_SLOTS:
    void init()
    {
        m_fleet = new SimFleet(m_clock, 7);
        m_base = startFleet(*m_fleet);
        QVERIFY(m_base != 0);
    }

    void cleanup()
    {
        delete m_fleet;
        m_fleet = nullptr;
    }

    void healthAnswersInTheSpecificationsFormat()
    {
        const HttpResult r = get(module(2, QStringLiteral("/webhook/consult-booking/health")));
        QCOMPARE(r.status, 200);
        const QJsonObject h = r.json();
        QCOMPARE(h.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
        for (const char *key : {"last_run", "errors_24h", "uptime_seconds", "version"})
            QVERIFY2(h.contains(QLatin1String(key)), key);
    }

    void idempotencyKeyGivesOneEffect()
    {
        const QByteArray body = R"({"action":"book","patient_id":"pt-1"})";
        const QList<QPair<QByteArray, QByteArray>> key = {{"Idempotency-Key", "exec-1:book:0"},
                                                          {"X-Trace-ID", "trace-abc"}};
        const HttpResult first =
            post(module(2, QStringLiteral("/webhook/consult-booking")), body, key);
        const HttpResult second =
            post(module(2, QStringLiteral("/webhook/consult-booking")), body, key);
        QCOMPARE(first.status, 200);
        QCOMPARE(second.body, first.body);
        QVERIFY(first.json().contains(QLatin1String("booking_id")));
        post(module(2, QStringLiteral("/webhook/consult-booking")), body);
        const QJsonObject s = stats(QStringLiteral("02_booking"));
        QCOMPARE(s.value(QLatin1String("effects")).toInt(), 2);
        QCOMPARE(s.value(QLatin1String("duplicate_keys_suppressed")).toInt(), 1);
        QCOMPARE(s.value(QLatin1String("requests")).toInt(), 3);
        QCOMPARE(s.value(QLatin1String("last_trace_headers"))
                     .toObject()
                     .value(QLatin1String("X-Trace-ID"))
                     .toString(),
                 QStringLiteral("trace-abc"));
    }

    void webhookRefusesBodiesWithoutAction()
    {
        const HttpResult r =
            post(module(1, QStringLiteral("/webhook/intake-lead")), R"({"score": 9})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("field")).toString(), QStringLiteral("action"));
        QCOMPARE(post(module(1, QStringLiteral("/webhook/intake-lead")), "{not json").status, 400);
        QCOMPARE(get(module(1, QStringLiteral("/nowhere"))).status, 404);
        QCOMPARE(stats(QStringLiteral("01_intake")).value(QLatin1String("effects")).toInt(), 0);
    }

    void downRefusesConnectionsAndComesBack()
    {
        QCOMPARE(fault(R"({"module":"02_booking","mode":"down"})").status, 200);
        const HttpResult down = get(module(2, QStringLiteral("/webhook/consult-booking/health")));
        QCOMPARE(down.status, 0);
        QCOMPARE(down.error, QNetworkReply::ConnectionRefusedError);
        QCOMPARE(get(module(1, QStringLiteral("/webhook/intake-lead/health"))).status, 200);
        QCOMPARE(fault(R"({"module":"02_booking","mode":"none"})").status, 200);
        QCOMPARE(get(module(2, QStringLiteral("/webhook/consult-booking/health"))).status, 200);
    }

    void errorsFailWithoutEffect()
    {
        QCOMPARE(fault(R"({"module":"04_billing","mode":"errors","error_rate":1.0})").status, 200);
        const QList<QPair<QByteArray, QByteArray>> key = {{"Idempotency-Key", "exec-2:charge:0"}};
        const HttpResult failed = post(module(4, QStringLiteral("/webhook/billing-payment")),
                                       R"({"action":"charge"})", key);
        QCOMPARE(failed.status, 500);
        QCOMPARE(stats(QStringLiteral("04_billing")).value(QLatin1String("effects")).toInt(), 0);
        // A retry with the same key after recovery takes effect exactly once.
        fault(R"({"module":"04_billing","mode":"none"})");
        QCOMPARE(post(module(4, QStringLiteral("/webhook/billing-payment")),
                      R"({"action":"charge"})", key)
                     .status,
                 200);
        QCOMPARE(post(module(4, QStringLiteral("/webhook/billing-payment")),
                      R"({"action":"charge"})", key)
                     .status,
                 200);
        QCOMPARE(stats(QStringLiteral("04_billing")).value(QLatin1String("effects")).toInt(), 1);
    }

    void malformedAnswersAreNotJson()
    {
        fault(R"({"module":"06_ocr","mode":"malformed"})");
        const HttpResult r = get(module(6, QStringLiteral("/webhook/document-capture/health")));
        QCOMPARE(r.status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(r.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
    }

    void slowAddsLatency()
    {
        fault(R"({"module":"03_telehealth","mode":"slow","latency_ms":300})");
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(get(module(3, QStringLiteral("/webhook/telehealth-session/health"))).status, 200);
        QVERIFY2(timer.elapsed() >= 290, qPrintable(QString::number(timer.elapsed())));
    }

    void timeoutNeverAnswers()
    {
        fault(R"({"module":"05_followup","mode":"timeout"})");
        const HttpResult r =
            get(module(5, QStringLiteral("/webhook/followup-campaign/health")), {}, 400);
        QCOMPARE(r.status, 0);
        QCOMPARE(r.error, QNetworkReply::OperationCanceledError);
    }

    void flappingAlternatesWithTime()
    {
        fault(R"({"module":"08_messaging","mode":"flapping","period_ms":1000})");
        const QString url = module(8, QStringLiteral("/webhook/messaging-hub-v1/health"));
        QCOMPARE(get(url).status, 0);
        m_clock.advance(1000);
        QCOMPARE(get(url).status, 200);
        m_clock.advance(1000);
        QCOMPARE(get(url).status, 0);
    }

    void faultRequestsAreValidated()
    {
        const HttpResult mode = fault(R"({"module":"02_booking","mode":"sideways"})");
        QCOMPARE(mode.status, 400);
        QCOMPARE(mode.json().value(QLatin1String("field")).toString(), QStringLiteral("mode"));
        const HttpResult module = fault(R"({"module":"12_nothing","mode":"down"})");
        QCOMPARE(module.status, 400);
        QCOMPARE(module.json().value(QLatin1String("field")).toString(), QStringLiteral("module"));
        QCOMPARE(fault(R"({"module":"04_billing","mode":"errors","error_rate":3})")
                     .json()
                     .value(QLatin1String("field"))
                     .toString(),
                 QStringLiteral("error_rate"));
    }

    void resetClearsCountersAndFaults()
    {
        post(module(1, QStringLiteral("/webhook/intake-lead")), R"({"action":"capture"})");
        fault(R"({"module":"01_intake","mode":"down"})");
        QCOMPARE(post(control(QStringLiteral("/reset")), "{}").status, 200);
        QCOMPARE(get(module(1, QStringLiteral("/webhook/intake-lead/health"))).status, 200);
        const QJsonObject s = stats(QStringLiteral("01_intake"));
        QCOMPARE(s.value(QLatin1String("effects")).toInt(), 0);
        QCOMPARE(s.value(QLatin1String("fault")).toObject().value(QLatin1String("mode")).toString(),
                 QStringLiteral("none"));
    }

    void kpisOnAnalyticsCountWhatTheFeedsCarried()
    {
        const auto emit = [this](const char *module, const char *type, QJsonObject data) {
            const QJsonObject body {{"module", module}, {"type", type}, {"data", data}};
            QCOMPARE(post(control(QStringLiteral("/emit")), QJsonDocument(body).toJson()).status,
                     200);
        };
        emit("01_intake", "lead.captured", {{"patient_id", "pt-1001"}});
        emit("01_intake", "lead.captured", {{"patient_id", "pt-1002"}});
        emit("02_booking", "booking.created", {{"patient_id", "pt-1002"}});
        emit("02_booking", "booking.created", {{"patient_id", "pt-1005"}}); // no lead: returning
        emit("03_telehealth", "session.completed", {});
        emit("02_booking", "booking.no_show", {});
        emit("04_billing", "payment.succeeded", {{"amount_usd", 120}});
        const QJsonObject k =
            get(module(7, QStringLiteral("/webhook/07-analytics-ingest/kpis"))).json();
        QCOMPARE(k.value(QLatin1String("leads_24h")).toDouble(), 2.0);
        QCOMPARE(k.value(QLatin1String("bookings_24h")).toDouble(), 2.0);
        QCOMPARE(k.value(QLatin1String("lead_to_booking_rate")).toDouble(), 0.5);
        QCOMPARE(k.value(QLatin1String("show_rate")).toDouble(), 0.5);
        QCOMPARE(k.value(QLatin1String("revenue_24h_usd")).toDouble(), 120.0);
        QVERIFY(k.value(QLatin1String("nps_avg_30d")).toDouble() >= 7.9);
        QCOMPARE(k.value(QLatin1String("history")).toArray().size(), 24);
        // An effect asked of a module is not an event on its feed: only the feeds count.
        QCOMPARE(post(module(2, QStringLiteral("/webhook/consult-booking")),
                      R"({"action":"book","patient_id":"pt-1001"})")
                     .status,
                 200);
        QCOMPARE(get(module(7, QStringLiteral("/webhook/07-analytics-ingest/kpis")))
                     .json()
                     .value(QLatin1String("bookings_24h"))
                     .toDouble(),
                 2.0);
    }

    void eventsStreamOverWebSocket()
    {
        QWebSocket socket;
        QSignalSpy connected(&socket, &QWebSocket::connected);
        QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
        socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/events").arg(m_base + 4)));
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE(m_fleet->module(QStringLiteral("04_billing"))->subscriberCount(), 1);
        m_fleet->module(QStringLiteral("04_billing"))->emitEvent();
        QVERIFY(messages.wait(5000));
        const QJsonObject event =
            QJsonDocument::fromJson(messages.first().first().toString().toUtf8()).object();
        QCOMPARE(event.value(QLatin1String("module")).toString(), QStringLiteral("04_billing"));
        QVERIFY(
            event.value(QLatin1String("type")).toString().startsWith(QStringLiteral("payment.")));
        for (const char *key : {"ts", "trace_id", "data"})
            QVERIFY2(event.contains(QLatin1String(key)), key);
        // Down drops the subscribers, as a dead module would.
        QSignalSpy disconnected(&socket, &QWebSocket::disconnected);
        fault(R"({"module":"04_billing","mode":"down"})");
        QVERIFY(disconnected.count() > 0 || disconnected.wait(5000));
    }

    void seedMakesTrafficReproducible()
    {
        auto firstEvents = [](quint32 seed) {
            ManualClock clock;
            SimFleet fleet(clock, seed);
            const quint16 base = startFleet(fleet);
            QWebSocket socket;
            QSignalSpy connected(&socket, &QWebSocket::connected);
            QSignalSpy messages(&socket, &QWebSocket::textMessageReceived);
            socket.open(QUrl(QStringLiteral("ws://127.0.0.1:%1/events").arg(base + 6)));
            connected.wait(20000); // a loaded CI machine is slow to connect
            (void)QTest::qWaitFor(
                [&] { return fleet.module(QStringLiteral("06_ocr"))->subscriberCount() == 1; },
                20000);
            for (int i = 0; i < 3; ++i)
                fleet.module(QStringLiteral("06_ocr"))->emitEvent();
            (void)QTest::qWaitFor([&] { return messages.count() == 3; }, 20000);
            QStringList data;
            for (const auto &m : messages)
                data << QString::fromUtf8(
                    QJsonDocument(QJsonDocument::fromJson(m.first().toString().toUtf8())
                                      .object()
                                      .value(QLatin1String("data"))
                                      .toObject())
                        .toJson());
            return data;
        };
        const QStringList a = firstEvents(42);
        QCOMPARE(a.size(), 3);
        QCOMPARE(firstEvents(42), a);
        QVERIFY(firstEvents(43) != a);
    }

    void scenarioIsValidatedBeforeItRuns()
    {
        const Status bad = m_fleet->runScenario(
            R"({"steps":[{"at_ms":0,"module":"02_booking","mode":"down"},{"at_ms":10,"module":"02_booking","mode":"melt"}]})");
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().field, QStringLiteral("steps[1].mode"));
        QCOMPARE(m_fleet->module(QStringLiteral("02_booking"))->fault().mode, SimFault::Mode::None);
        const Status good =
            m_fleet->runScenario(R"({"steps":[{"at_ms":0,"module":"02_booking","mode":"down"}]})");
        QVERIFY(good.ok());
        QTRY_COMPARE(m_fleet->module(QStringLiteral("02_booking"))->fault().mode,
                     SimFault::Mode::Down);
    }
};

QTEST_GUILESS_MAIN(TstSimFleet)
#include "tst_simfleet.moc"
