#include "captureserver.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QTemporaryDir>

using namespace TestSupport;

namespace {

const QByteArray Token = "tracing-test-token-0123456789";
const QByteArray Caller = "00f067aa0ba902b7";

// Every span the collector received, by trace id.
QMultiHash<QString, QJsonObject> spansByTrace(const QList<CaptureServer::Captured> &requests)
{
    QMultiHash<QString, QJsonObject> out;
    for (const CaptureServer::Captured &r : requests) {
        for (const auto &rs : r.json().value(QLatin1String("resourceSpans")).toArray()) {
            for (const auto &ss : rs.toObject().value(QLatin1String("scopeSpans")).toArray()) {
                for (const auto &s : ss.toObject().value(QLatin1String("spans")).toArray())
                    out.insert(s.toObject().value(QLatin1String("traceId")).toString(),
                               s.toObject());
            }
        }
    }
    return out;
}

QString attribute(const QJsonObject &span, const QString &key)
{
    for (const auto &a : span.value(QLatin1String("attributes")).toArray()) {
        if (a.toObject().value(QLatin1String("key")).toString() == key) {
            const QJsonObject v = a.toObject().value(QLatin1String("value")).toObject();
            return v.contains(QLatin1String("intValue"))
                ? v.value(QLatin1String("intValue")).toString()
                : v.value(QLatin1String("stringValue")).toString();
        }
    }
    return {};
}

} // namespace

// Seed 000 §8 end to end: a caller's trace is continued through switchboard-core into the
// module calls (switchboard-sim records the headers it got), X-Correlation-ID comes back and
// is kept, and the spans reach an OTLP/HTTP collector on loopback.
class TstTracingE2e : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    SimProcess m_sim;
    CoreProcess m_core {m_dir.path(), Token};
    CaptureServer m_collector;
    QNetworkAccessManager m_network;

    QString api(const QString &path) const { return m_core.api(path); }

    // A POST with these headers; the answer and its headers.
    QNetworkReply *send(const QString &path, const QByteArray &body,
                        const QList<QPair<QByteArray, QByteArray>> &headers)
    {
        QNetworkRequest r {QUrl(api(path))};
        r.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        r.setRawHeader("Authorization", "Bearer " + Token);
        for (const auto &[k, v] : headers)
            r.setRawHeader(k, v);
        QNetworkReply *reply = m_network.post(r, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(15000);
        return reply;
    }

    QJsonObject lastTraceHeaders(const char *module)
    {
        return get(m_sim.control(QStringLiteral("/stats")))
            .json()
            .value(QLatin1String("modules"))
            .toObject()
            .value(QLatin1String(module))
            .toObject()
            .value(QLatin1String("last_trace_headers"))
            .toObject();
    }

    void publish(const QByteArray &workflow, const QString &id)
    {
        const QList<QPair<QByteArray, QByteArray>> auth {{"Authorization", "Bearer " + Token}};
        QCOMPARE(
            request("PUT", api(QStringLiteral("/api/v1/workflows/") + id), workflow, auth).status,
            200);
        QCOMPARE(
            post(api(QStringLiteral("/api/v1/workflows/%1/publish").arg(id)), "{}", auth).status,
            201);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY2(m_sim.start(), "switchboard-sim did not start");
        QVERIFY2(m_core.start(QStringLiteral(
                                  "OTEL_EXPORTER_OTLP_ENDPOINT=\"%1\"\nOTEL_TRACES_SAMPLER_ARG=1\n"
                                  "OTEL_SERVICE_NAME=clinic-core\n")
                                  .arg(m_collector.url(QString()))
                                  .toUtf8()
                              + simEndpointsEnv(m_sim.base()).toUtf8()),
                 qPrintable(m_core.log()));
        publish(R"({"id": "book-one", "name": "Book one", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book", "payload": {"patient_name": "{{ input.name }}"}},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "book"}, {"from": "book", "to": "done"}]})",
                QStringLiteral("book-one"));
    }

    void cleanupTestCase() { m_core.stop(); }

    void anExecutionStartContinuesTheCallersTrace()
    {
        const QByteArray trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        QNetworkReply *reply = send(QStringLiteral("/api/v1/workflows/book-one/executions"),
                                    R"({"input": {"name": "Maria Lopez"}})",
                                    {{"traceparent", "00-" + trace + '-' + Caller + "-01"},
                                     {"X-Correlation-ID", "front-desk-req-42"}});
        reply->deleteLater();
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 201);
        QCOMPARE(reply->rawHeader("X-Correlation-ID"), QByteArray("front-desk-req-42"));
        const QJsonObject started = QJsonDocument::fromJson(reply->readAll()).object();
        QCOMPARE(started.value(QLatin1String("trace_id")).toString(), QString::fromLatin1(trace));
        const QString execution = started.value(QLatin1String("execution_id")).toString();

        // The collector gets the execution's span and the call's, in the caller's trace.
        QMultiHash<QString, QJsonObject> spans;
        QVERIFY2(QTest::qWaitFor(
                     [&] {
                         spans = spansByTrace(m_collector.requests);
                         return spans.count(QString::fromLatin1(trace)) >= 2;
                     },
                     20000),
                 qPrintable(m_core.log()));
        QCOMPARE(m_collector.requests.at(0).path, QStringLiteral("/v1/traces"));
        QCOMPARE(m_collector.requests.at(0).header("Content-Type"), QByteArray("application/json"));
        QJsonObject root;
        QJsonObject call;
        for (const QJsonObject &s : spans.values(QString::fromLatin1(trace)))
            (s.value(QLatin1String("kind")).toInt() == 3 ? call : root) = s;
        QCOMPARE(root.value(QLatin1String("parentSpanId")).toString(), QString::fromLatin1(Caller));
        QCOMPARE(attribute(root, QStringLiteral("switchboard.execution_id")), execution);
        QCOMPARE(attribute(root, QStringLiteral("switchboard.correlation_id")),
                 QStringLiteral("front-desk-req-42"));
        QCOMPARE(call.value(QLatin1String("parentSpanId")).toString(),
                 root.value(QLatin1String("spanId")).toString());
        QCOMPARE(attribute(call, QStringLiteral("switchboard.module")),
                 QStringLiteral("02_booking"));
        QCOMPARE(attribute(call, QStringLiteral("switchboard.action")), QStringLiteral("book"));
        QCOMPARE(attribute(call, QStringLiteral("switchboard.attempt")), QStringLiteral("1"));
        QCOMPARE(attribute(call, QStringLiteral("switchboard.outcome")),
                 QStringLiteral("completed"));
        for (const CaptureServer::Captured &r : std::as_const(m_collector.requests))
            QVERIFY2(!r.body.contains("Maria"), "patient data in a span");

        // The module was called in the same trace, under the call's span.
        const QJsonObject headers = lastTraceHeaders("02_booking");
        QCOMPARE(
            headers.value(QLatin1String("traceparent")).toString(),
            QStringLiteral("00-%1-%2-01")
                .arg(QString::fromLatin1(trace), call.value(QLatin1String("spanId")).toString()));
        QCOMPARE(headers.value(QLatin1String("X-Trace-ID")).toString().toLower(),
                 QString::fromLatin1(trace));

        // The correlation id is kept with the execution's start.
        const QJsonObject detail = get(api(QStringLiteral("/api/v1/executions/") + execution),
                                       {{"Authorization", "Bearer " + Token}})
                                       .json();
        bool recorded = false;
        for (const auto &e : detail.value(QLatin1String("history")).toArray()) {
            const QJsonObject data = e.toObject().value(QLatin1String("data")).toObject();
            recorded = recorded
                || data.value(QLatin1String("correlation_id")).toString()
                    == QLatin1String("front-desk-req-42");
        }
        QVERIFY(recorded);
    }

    // The seed's X-Trace-ID on /api/v1/events and a traceparent on /hooks: both continued.
    void eventsAndWebhooksContinueTheirTraceToo()
    {
        publish(
            R"({"id": "on-paid", "name": "On paid", "trigger": {"kind": "event", "event_type": "payment.succeeded"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "tell", "type": "module_call", "module": "08_messaging", "action": "send", "payload": {}},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "tell"}, {"from": "tell", "to": "done"}]})",
            QStringLiteral("on-paid"));
        const QByteArray eventTrace = "0af7651916cd43dd8448eb211c80319c";
        QNetworkReply *event =
            send(QStringLiteral("/api/v1/events"),
                 R"({"type": "payment.succeeded", "module": "04_billing", "data": {}})",
                 {{"X-Trace-ID", eventTrace}});
        event->deleteLater();
        QVERIFY2(event->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() < 300,
                 event->readAll().constData());
        QVERIFY(QTest::qWaitFor(
            [&] {
                return lastTraceHeaders("08_messaging")
                    .value(QLatin1String("traceparent"))
                    .toString()
                    .contains(QString::fromLatin1(eventTrace));
            },
            15000));

        publish(
            R"({"id": "hook-flow", "name": "Hook", "trigger": {"kind": "webhook", "path": "new-lead", "respond": "on_end"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "call", "type": "module_call", "module": "01_intake", "action": "capture", "payload": {}},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "call"}, {"from": "call", "to": "done"}]})",
            QStringLiteral("hook-flow"));
        const QByteArray hookTrace = "b7ad6b7169203331b7ad6b7169203331";
        QNetworkReply *hook = send(QStringLiteral("/hooks/new-lead"), "{}",
                                   {{"traceparent", "00-" + hookTrace + '-' + Caller + "-01"},
                                    {"X-Correlation-ID", "hook-1"}});
        hook->deleteLater();
        QCOMPARE(hook->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(hook->rawHeader("X-Correlation-ID"), QByteArray("hook-1"));
        QVERIFY(lastTraceHeaders("01_intake")
                    .value(QLatin1String("traceparent"))
                    .toString()
                    .contains(QString::fromLatin1(hookTrace)));
    }
};

QTEST_GUILESS_MAIN(TstTracingE2e)
#include "tst_tracing_e2e.moc"
