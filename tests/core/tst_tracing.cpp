#include "tracing/otlpexporter.h"
#include "tracing/spanbuilder.h"
#include "tracing/tracecontext.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchboard;

namespace {

const QByteArray Trace = "4bf92f3577b34da6a3ce929d0e0e4736";
const QByteArray Caller = "00f067aa0ba902b7";

TraceContext parse(const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return TraceContext::fromHeaders(headers);
}

HistoryEvent historyEvent(qint64 ts, const char *type, const char *node, int attempt,
                          const QJsonObject &data = {})
{
    return {0, ts, QString::fromLatin1(type), QString::fromLatin1(node), attempt, data};
}

} // namespace

// The incoming trace context (W3C traceparent, the seed's X-Trace-ID, X-Correlation-ID), the
// spans an execution's history becomes, the sampler, and the OTLP/JSON body.
class TstTracing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void traceparentIsContinued()
    {
        const TraceContext c = parse({{"traceparent", "00-" + Trace + '-' + Caller + "-01"}});
        QCOMPARE(c.traceId, Trace);
        QCOMPARE(c.parentSpanId, Caller);
        QVERIFY(c.sampled && c.hasSampling);
        QVERIFY(!parse({{"TraceParent", "00-" + Trace + '-' + Caller + "-00"}}).sampled);
        // A later version's extra fields are allowed; version 00 has none.
        QCOMPARE(parse({{"traceparent", "01-" + Trace + '-' + Caller + "-01-extra"}}).traceId,
                 Trace);
    }

    void aBrokenTraceparentStartsANewTrace_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("zero trace") << "00-" + QByteArray(32, '0') + '-' + Caller + "-01";
        QTest::newRow("zero parent") << "00-" + Trace + '-' + QByteArray(16, '0') + "-01";
        QTest::newRow("version ff") << "ff-" + Trace + '-' + Caller + "-01";
        QTest::newRow("upper case") << "00-" + Trace.toUpper() + '-' + Caller + "-01";
        QTest::newRow("short") << "00-" + Trace.left(30) + '-' + Caller + "-01";
        QTest::newRow("00 with more") << "00-" + Trace + '-' + Caller + "-01-x";
        QTest::newRow("garbage") << QByteArray("hello");
    }

    void aBrokenTraceparentStartsANewTrace()
    {
        QFETCH(QByteArray, value);
        QVERIFY(parse({{"traceparent", value}}).traceId.isEmpty());
    }

    void xTraceIdIsTakenOrHashed()
    {
        QCOMPARE(parse({{"X-Trace-ID", Trace.toUpper()}}).traceId, Trace);
        // The seed's own form maps to one trace, the same each time.
        const QByteArray seed = parse({{"X-Trace-ID", "MANAGER-1730905800000"}}).traceId;
        QCOMPARE(seed.size(), 32);
        QCOMPARE(parse({{"x-trace-id", "MANAGER-1730905800000"}}).traceId, seed);
        QVERIFY(seed != parse({{"X-Trace-ID", "MANAGER-1730905800001"}}).traceId);
        // traceparent wins.
        QCOMPARE(parse({{"X-Trace-ID", "MANAGER-1"},
                        {"traceparent", "00-" + Trace + '-' + Caller + "-01"}})
                     .traceId,
                 Trace);
    }

    void correlationIdsArePlainIds()
    {
        QCOMPARE(parse({{"X-Correlation-ID", "req-2026-12-03/abc:42"}}).correlationId,
                 QStringLiteral("req-2026-12-03/abc:42"));
        QVERIFY(parse({{"X-Correlation-ID", "Maria Lopez, DOB 1980"}}).correlationId.isEmpty());
        QVERIFY(parse({{"X-Correlation-ID", QByteArray(129, 'a')}}).correlationId.isEmpty());
    }

    void theContextIsCurrentOnlyInItsScope()
    {
        QVERIFY(TraceContext::current().isEmpty());
        {
            const TraceContext::Scope outer(parse({{"X-Trace-ID", Trace}}));
            QCOMPARE(TraceContext::current().traceId, Trace);
            {
                const TraceContext::Scope inner(TraceContext {});
                QVERIFY(TraceContext::current().isEmpty());
            }
            QCOMPARE(TraceContext::current().traceId, Trace);
        }
        QVERIFY(TraceContext::current().isEmpty());
    }

    void theSamplerKeepsItsShareByTraceId()
    {
        QVERIFY(SpanBuilder::sampled(Trace, 1.0));
        QVERIFY(!SpanBuilder::sampled(Trace, 0.0));
        QVERIFY(SpanBuilder::sampled("ffffffffffffffff0000000000000001", 0.01));
        QVERIFY(!SpanBuilder::sampled("0000000000000000ffffffffffffffff", 0.99));
        QVERIFY(SpanBuilder::sampled("00000000000000007fffffffffffffff", 0.5));
        QVERIFY(!SpanBuilder::sampled("00000000000000008000000000000001", 0.5));
        int kept = 0;
        for (int i = 0; i < 1000; ++i)
            kept += SpanBuilder::sampled(
                QByteArray::number(quint64(i) * 0x9E3779B97F4A7C15ULL, 16).rightJustified(32, '0'),
                0.25);
        QVERIFY2(kept > 200 && kept < 300, QByteArray::number(kept).constData());
    }

    // An execution with a call that failed once and then worked: its span, one span per
    // attempt under it, and nothing of the patient's data anywhere.
    void anExecutionBecomesSpansWithoutPatientData()
    {
        SpanBuilder builder({}, 1.0);
        const QString ex = QStringLiteral("ex_1");
        const QJsonObject started {{QStringLiteral("trace_id"), QString::fromLatin1(Trace)},
                                   {QStringLiteral("workflow_id"), QStringLiteral("booking")},
                                   {QStringLiteral("span_id"), QStringLiteral("aaaaaaaaaaaaaaaa")},
                                   {QStringLiteral("parent_span_id"), QString::fromLatin1(Caller)},
                                   {QStringLiteral("trace_sampled"), true},
                                   {QStringLiteral("correlation_id"), QStringLiteral("req-7")}};
        QVERIFY(builder.add(ex, historyEvent(1000, "execution_started", "", 0, started)).isEmpty());
        QVERIFY(
            builder
                .add(ex,
                     historyEvent(1010, "step_started", "book", 1,
                                  {{QStringLiteral("span_id"), QStringLiteral("bbbbbbbbbbbbbbbb")},
                                   {QStringLiteral("module"), QStringLiteral("02_booking")},
                                   {QStringLiteral("action"), QStringLiteral("book")}}))
                .isEmpty());
        const QList<Span> failed =
            builder.add(ex,
                        historyEvent(1200, "step_failed", "book", 1,
                                     {{QStringLiteral("error"),
                                       QStringLiteral("HTTP 503: Maria Lopez not found")},
                                      {QStringLiteral("http_status"), 503},
                                      {QStringLiteral("outcome"), QStringLiteral("not_done")}}));
        QCOMPARE(failed.size(), 1);
        builder.add(
            ex,
            historyEvent(2200, "step_started", "book", 2,
                         {{QStringLiteral("span_id"), QStringLiteral("cccccccccccccccc")}}));
        const QList<Span> done = builder.add(
            ex,
            historyEvent(
                2300, "step_completed", "book", 2,
                {{QStringLiteral("output"),
                  QJsonObject {{QStringLiteral("patient_name"), QStringLiteral("Maria Lopez")}}}}));
        const QList<Span> end = builder.add(ex, historyEvent(2400, "execution_completed", "", 0));
        QCOMPARE(done.size(), 1);
        QCOMPARE(end.size(), 1);

        const Span &first = failed.at(0);
        QCOMPARE(first.traceId, Trace);
        QCOMPARE(first.spanId, QByteArray("bbbbbbbbbbbbbbbb"));
        QCOMPARE(first.parentSpanId, QByteArray("aaaaaaaaaaaaaaaa"));
        QCOMPARE(first.name, QStringLiteral("02_booking book"));
        QVERIFY(first.client && first.error);
        QCOMPARE(first.statusMessage, QStringLiteral("HTTP 503"));
        QCOMPARE(first.startMs, 1000 + 10);
        QCOMPARE(first.endMs, 1200);
        QCOMPARE(first.attributes.value(QLatin1String("switchboard.attempt")).toInt(), 1);
        QCOMPARE(first.attributes.value(QLatin1String("switchboard.outcome")).toString(),
                 QStringLiteral("failed"));
        // The retry knows its module from the first attempt.
        QCOMPARE(done.at(0).name, QStringLiteral("02_booking book"));
        QCOMPARE(done.at(0).attributes.value(QLatin1String("switchboard.attempt")).toInt(), 2);
        QVERIFY(!done.at(0).error);

        const Span &execution = end.at(0);
        QCOMPARE(execution.spanId, QByteArray("aaaaaaaaaaaaaaaa"));
        QCOMPARE(execution.parentSpanId, Caller);
        QCOMPARE(execution.name, QStringLiteral("execution booking"));
        QCOMPARE(execution.attributes.value(QLatin1String("switchboard.correlation_id")).toString(),
                 QStringLiteral("req-7"));

        const QByteArray body = OtlpExporter::body(
            failed + done + end, QStringLiteral("switchboard"), QStringLiteral("production-001"));
        QVERIFY(!body.contains("Maria"));
        const QJsonObject otlp = QJsonDocument::fromJson(body).object();
        const QJsonObject resource =
            otlp.value(QLatin1String("resourceSpans")).toArray().at(0).toObject();
        QCOMPARE(resource["resource"]["attributes"][0]["key"].toString(),
                 QStringLiteral("service.instance.id"));
        const QJsonArray spans =
            resource.value(QLatin1String("scopeSpans")).toArray().at(0)["spans"].toArray();
        QCOMPARE(spans.size(), 3);
        QCOMPARE(spans.at(0)["traceId"].toString(), QString::fromLatin1(Trace));
        QCOMPARE(spans.at(0)["kind"].toInt(), 3);
        QCOMPARE(spans.at(0)["status"]["code"].toInt(), 2);
        QCOMPARE(spans.at(0)["startTimeUnixNano"].toString(), QStringLiteral("1010000000"));
        QCOMPARE(spans.at(2)["parentSpanId"].toString(), QString::fromLatin1(Caller));
        QCOMPARE(spans.at(2)["status"]["code"].toInt(), 1);
    }

    void anUnsampledTraceExportsNothing()
    {
        SpanBuilder builder({}, 1.0);
        QJsonObject started {{QStringLiteral("trace_id"), QString::fromLatin1(Trace)},
                             {QStringLiteral("span_id"), QStringLiteral("aaaaaaaaaaaaaaaa")},
                             {QStringLiteral("trace_sampled"), false}};
        builder.add(QStringLiteral("ex_2"), historyEvent(1, "execution_started", "", 0, started));
        builder.add(
            QStringLiteral("ex_2"),
            historyEvent(2, "step_started", "a", 1,
                         {{QStringLiteral("span_id"), QStringLiteral("bbbbbbbbbbbbbbbb")}}));
        QVERIFY(builder.add(QStringLiteral("ex_2"), historyEvent(3, "step_completed", "a", 1))
                    .isEmpty());
        QVERIFY(builder.add(QStringLiteral("ex_2"), historyEvent(4, "execution_completed", "", 0))
                    .isEmpty());
        // Without a caller's say, the ratio decides.
        SpanBuilder none({}, 0.0);
        started.remove(QStringLiteral("trace_sampled"));
        none.add(QStringLiteral("ex_3"), historyEvent(1, "execution_started", "", 0, started));
        QVERIFY(none.add(QStringLiteral("ex_3"), historyEvent(4, "execution_completed", "", 0))
                    .isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstTracing)
#include "tst_tracing.moc"
