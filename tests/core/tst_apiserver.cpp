#include "api/tokenstore.h"
#include "apicoretest.h"
#include "common/clock.h"
#include "engine/workflowengine.h"
#include "health/healthmonitor.h"
#include "kpis/kpihistory.h"
#include "review/reviewdesk.h"
#include "service/coreservice.h"
#include "sim/simdemoclinic.h"
#include "sim/simdemostaff.h"
#include "sim/simfleet.h"
#include "sim/simmodule.h"
#include "store/database.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QJsonArray>
#include <QMessageAuthenticationCode>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>

using namespace Switchboard;
using namespace TestSupport;

// The core's HTTP API over loopback, with the demo fleet behind it.
class TstApiServer : public ApiCoreTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const Status started = startDemoCore();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        QVERIFY(m_core->apiPort() != 0);
    }

    void healthzIsOpen()
    {
        const HttpResult r = get(url(QStringLiteral("/healthz")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("ok")).toBool(), true);
    }

    void everythingElseNeedsAToken()
    {
        QCOMPARE(get(url(QStringLiteral("/api/v1/status"))).status, 401);
        QCOMPARE(get(url(QStringLiteral("/api/v1/status")),
                     {{"Authorization", "Bearer wrong-token-wrong-token"}})
                     .status,
                 401);
        QCOMPARE(
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})").status,
            401);
        const HttpResult ok = get(url(QStringLiteral("/api/v1/status")), auth());
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value(QLatin1String("modules")).toObject().size(), 9);
    }

    void controlTestRunsTheChecksNow()
    {
        const HttpResult r =
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})", auth());
        QCOMPARE(r.status, 200);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QLatin1String("env_ok")).toBool(), true);
        QCOMPARE(doc.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("control_action"))
                     .toString(),
                 QStringLiteral("test"));
        QVERIFY(doc.value(QLatin1String("metadata"))
                    .toObject()
                    .value(QLatin1String("trace_id"))
                    .toString()
                    .startsWith(QStringLiteral("MANAGER-")));
        const QJsonObject booking = doc.value(QLatin1String("modules"))
                                        .toObject()
                                        .value(QLatin1String("02_booking"))
                                        .toObject();
        QCOMPARE(booking.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
        QVERIFY(!booking.value(QLatin1String("last_check")).isNull());
        const HttpResult reset =
            post(url(QStringLiteral("/api/v1/control")),
                 R"({"action":"reset_circuit_breaker","module":"04_billing"})", auth());
        QCOMPARE(reset.status, 200);
        QCOMPARE(reset.json()
                     .value(QLatin1String("modules"))
                     .toObject()
                     .value(QLatin1String("04_billing"))
                     .toObject()
                     .value(QLatin1String("circuit"))
                     .toString(),
                 QStringLiteral("closed"));
    }

    void dependenciesOverHttp()
    {
        // The demo clinic publishes the built-in templates: they connect the modules.
        const HttpResult all = get(url(QStringLiteral("/api/v1/dependencies")), auth());
        QCOMPARE(all.status, 200);
        const QJsonArray edges = all.json().value(QLatin1String("edges")).toArray();
        QVERIFY(edges.size() > 3); // more than the declared journey
        bool onboarding = false;
        for (const QJsonValue &e : edges) {
            const QJsonObject o = e.toObject();
            if (o.value(QLatin1String("from")).toString() == QLatin1String("02_booking")
                && o.value(QLatin1String("to")).toString() == QLatin1String("08_messaging")) {
                QVERIFY(o.value(QLatin1String("critical")).toBool());
                onboarding = o.value(QLatin1String("workflows"))
                                 .toArray()
                                 .contains(QStringLiteral("New patient onboarding"));
            }
        }
        QVERIFY(onboarding);
        // Nothing is down: no blast radius unless one is asked for.
        QVERIFY(all.json().value(QLatin1String("blast_radius")).toArray().isEmpty());
        const HttpResult booking =
            get(url(QStringLiteral("/api/v1/dependencies?module=02_booking")), auth());
        QCOMPARE(booking.status, 200);
        const QJsonObject radius =
            booking.json().value(QLatin1String("blast_radius")).toArray().first().toObject();
        QVERIFY(radius.value(QLatin1String("journey_blocked")).toBool());
        QVERIFY(radius.value(QLatin1String("workflows"))
                    .toArray()
                    .contains(QStringLiteral("New patient onboarding")));
        const HttpResult bad = get(url(QStringLiteral("/api/v1/dependencies?module=10_x")), auth());
        QCOMPARE(bad.status, 400);
        QCOMPARE(bad.json().value(QLatin1String("field")).toString(), QStringLiteral("module"));
    }

    void moduleHistoryAndSwitchingOverHttp()
    {
        QCOMPARE(
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})", auth())
                .status,
            200);
        // Every answered check of the round is kept in the module's hour.
        const HttpResult day =
            get(url(QStringLiteral("/api/v1/modules/04_billing/history?days=1")), auth());
        QCOMPARE(day.status, 200);
        const QJsonArray samples = day.json().value(QLatin1String("samples")).toArray();
        QCOMPARE(samples.size(), 1);
        const QJsonObject hour = samples.first().toObject();
        QVERIFY(hour.value(QLatin1String("checks")).toInt() >= 1);
        QCOMPARE(hour.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
        QVERIFY(hour.value(QLatin1String("p50")).toInt() >= 0);
        QVERIFY(
            day.json().value(QLatin1String("calls")).toObject().contains(QLatin1String("failed")));
        QCOMPARE(get(url(QStringLiteral("/api/v1/modules/04_billing/history?days=91")), auth())
                     .json()
                     .value(QLatin1String("field"))
                     .toString(),
                 QStringLiteral("days"));
        QCOMPARE(get(url(QStringLiteral("/api/v1/modules/44_x/history")), auth()).status, 400);

        // Switching a module off: its status says so at once, and it stays off after a restart
        // because the database keeps it over the configuration.
        const HttpResult off = post(url(QStringLiteral("/api/v1/control")),
                                    R"({"action":"disable_module","module":"06_ocr"})", auth());
        QCOMPARE(off.status, 200);
        QCOMPARE(off.json()
                     .value(QLatin1String("modules"))
                     .toObject()
                     .value(QLatin1String("06_ocr"))
                     .toObject()
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("disabled"));
        {
            // A second core is refused while this one holds the database...
            CoreOptions options;
            options.dataDir = m_data.path();
            options.storePath = QDir(m_data.path()).filePath(QStringLiteral("demo.db"));
            CoreService again(CoreConfig(), m_clock, options);
            const Status refused = again.start();
            QVERIFY(!refused.ok());
            QVERIFY2(refused.error().message.contains(
                         QStringLiteral("PID %1").arg(QCoreApplication::applicationPid())),
                     qPrintable(refused.error().message));
            // ...and what it would read at start is in the database.
            Database db;
            QVERIFY(db.open(options.storePath).ok());
            auto row =
                db.exec(QStringLiteral("SELECT enabled FROM module_settings WHERE module = ?"),
                        {QStringLiteral("06_ocr")});
            QVERIFY(row.ok() && row->next());
            QCOMPARE(row->value(0).toInt(), 0);
        }
        const HttpResult on = post(url(QStringLiteral("/api/v1/control")),
                                   R"({"action":"enable_module","module":"06_ocr"})", auth());
        QCOMPARE(on.status, 200);
        QVERIFY(m_core->config().module(QStringLiteral("06_ocr"))->enabled);
        const HttpResult unknown = post(url(QStringLiteral("/api/v1/control")),
                                        R"({"action":"disable_module","module":"6"})", auth());
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.json().value(QLatin1String("field")).toString(), QStringLiteral("module"));
    }

    void workflowLifecycleOverHttp()
    {
        const QByteArray broken =
            R"({"id": "api-flow", "name": "API flow", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "call", "type": "module_call", "module": "02_booking", "action": "book", "timeout_s": 99}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "call"}, {"from": "call", "to": "done"}]})";
        const HttpResult refused =
            request("PUT", url(QStringLiteral("/api/v1/workflows/api-flow")), broken, auth());
        QCOMPARE(refused.status, 422);
        QCOMPARE(refused.json().value(QLatin1String("field")).toString(),
                 QStringLiteral("call.timeout_s"));
        QCOMPARE(get(url(QStringLiteral("/api/v1/workflows/api-flow")), auth()).status,
                 404); // nothing half-written
        QByteArray fixed = broken;
        fixed.replace("\"timeout_s\": 99", "\"timeout_s\": 9");
        QCOMPARE(request("PUT", url(QStringLiteral("/api/v1/workflows/other-id")), fixed, auth())
                     .json()
                     .value(QLatin1String("field"))
                     .toString(),
                 QStringLiteral("id"));
        QCOMPARE(
            request("PUT", url(QStringLiteral("/api/v1/workflows/api-flow")), fixed, auth()).status,
            200);
        QCOMPARE(post(url(QStringLiteral("/api/v1/workflows/api-flow/executions")),
                      R"({"input":{}})", auth())
                     .status,
                 400); // not published
        const HttpResult published = post(url(QStringLiteral("/api/v1/workflows/api-flow/publish")),
                                          R"({"note":"first"})", auth());
        QCOMPARE(published.status, 201);
        QCOMPARE(published.json().value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(get(url(QStringLiteral("/api/v1/workflows/api-flow/versions")), auth())
                     .json()
                     .value(QLatin1String("versions"))
                     .toArray()
                     .size(),
                 1);
        const HttpResult badInput =
            post(url(QStringLiteral("/api/v1/workflows/api-flow/executions")), R"({"input":[1]})",
                 auth());
        QCOMPARE(badInput.status, 400);
        QCOMPARE(badInput.json().value(QLatin1String("field")).toString(), QStringLiteral("input"));
        const HttpResult started =
            post(url(QStringLiteral("/api/v1/workflows/api-flow/executions")),
                 R"({"input":{"patient_id":"pt-1"}})", auth());
        QCOMPARE(started.status, 201);
        const QString id = started.json().value(QLatin1String("execution_id")).toString();
        QTRY_COMPARE(get(url(QStringLiteral("/api/v1/executions/") + id), auth())
                         .json()
                         .value(QLatin1String("status"))
                         .toString(),
                     QStringLiteral("completed"));
        const QJsonObject execution =
            get(url(QStringLiteral("/api/v1/executions/") + id), auth()).json();
        QVERIFY(execution.value(QLatin1String("history")).toArray().size() >= 5);
        QCOMPARE(get(url(QStringLiteral("/api/v1/executions/ex_nothing")), auth()).status, 404);
        // A client's retry with the same Idempotency-Key gets the first execution back.
        auto keyed = auth();
        keyed.append(qMakePair(QByteArray("Idempotency-Key"), QByteArray("client-retry-1")));
        const QByteArray input = R"({"input":{"patient_id":"pt-2"}})";
        const HttpResult first =
            post(url(QStringLiteral("/api/v1/workflows/api-flow/executions")), input, keyed);
        QCOMPARE(first.status, 201);
        const HttpResult again =
            post(url(QStringLiteral("/api/v1/workflows/api-flow/executions")), input, keyed);
        QCOMPARE(again.status, 200);
        QCOMPARE(again.json().value(QLatin1String("execution_id")),
                 first.json().value(QLatin1String("execution_id")));
        QVERIFY(again.json().value(QLatin1String("replayed")).toBool());
        const HttpResult reused = post(url(QStringLiteral("/api/v1/workflows/api-flow/executions")),
                                       R"({"input":{"patient_id":"pt-3"}})", keyed);
        QCOMPARE(reused.status, 409);
        QCOMPARE(reused.json().value(QLatin1String("field")).toString(),
                 QStringLiteral("Idempotency-Key"));
        int keyedRuns = 0;
        for (const QJsonValue &e : get(url(QStringLiteral("/api/v1/executions")), auth())
                                       .json()
                                       .value(QLatin1String("executions"))
                                       .toArray())
            keyedRuns += e.toObject().value(QLatin1String("id"))
                == first.json().value(QLatin1String("execution_id"));
        QCOMPARE(keyedRuns, 1);
        // The module's calls show in the status document next to its health.
        const QJsonObject calls = get(url(QStringLiteral("/api/v1/status")), auth())
                                      .json()
                                      .value(QLatin1String("modules"))
                                      .toObject()
                                      .value(QLatin1String("02_booking"))
                                      .toObject()
                                      .value(QLatin1String("calls"))
                                      .toObject();
        QVERIFY(calls.value(QLatin1String("succeeded")).toInt() >= 1);
        for (const char *key :
             {"failed", "rejected", "in_flight", "queued", "rate_limit_waits", "average_ms"})
            QVERIFY2(calls.contains(QLatin1String(key)), key);
        QCOMPARE(post(url(QStringLiteral("/api/v1/executions/") + id + QStringLiteral("/cancel")),
                      "{}", auth())
                     .status,
                 409);
        QCOMPARE(get(url(QStringLiteral("/api/v1/executions?status=bogus")), auth()).status, 400);
        QCOMPARE(post(url(QStringLiteral("/api/v1/events")), R"({"module":"01_intake"})", auth())
                     .json()
                     .value(QLatin1String("field"))
                     .toString(),
                 QStringLiteral("type"));
    }

    void webhookTriggersAnswerWithTheOutput()
    {
        const QByteArray hook =
            R"({"id": "hook-flow", "name": "Hook", "trigger": {"kind": "webhook", "path": "new-lead", "respond": "on_end"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "call", "type": "module_call", "module": "01_intake", "action": "capture", "payload": {"score": "{{ input.score }}"}},
                    {"id": "done", "type": "end", "output": {"lead": "{{ steps.call.output.lead_id }}", "score": "{{ steps.call.output.score }}"}}],
          "edges": [{"from": "start", "to": "call"}, {"from": "call", "to": "done"}]})";
        QCOMPARE(
            request("PUT", url(QStringLiteral("/api/v1/workflows/hook-flow")), hook, auth()).status,
            200);
        QCOMPARE(post(url(QStringLiteral("/hooks/new-lead")), R"({"score": 9})").status,
                 404); // not published yet
        const HttpResult pub =
            post(url(QStringLiteral("/api/v1/workflows/hook-flow/publish")), "{}", auth());
        QVERIFY2(pub.status == 201, pub.body.constData());
        const HttpResult answered = post(url(QStringLiteral("/hooks/new-lead")), R"({"score": 9})");
        QCOMPARE(answered.status, 200);
        QVERIFY(answered.json()
                    .value(QLatin1String("lead"))
                    .toString()
                    .startsWith(QStringLiteral("lead-")));
        QCOMPARE(answered.json().value(QLatin1String("score")).toInt(), 9);
        QCOMPARE(get(url(QStringLiteral("/hooks/new-lead"))).status, 405);
        QCOMPARE(post(url(QStringLiteral("/hooks/new-lead")), "[1]").status, 400);
    }

    void moduleFeedEventsStartWorkflows()
    {
        // The demo clinic publishes the templates; document-processing starts on 06's feed.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_core->monitor()->snapshot(QStringLiteral("06_ocr")).feedConnected, 10000);
        const auto count = [this] {
            int n = 0;
            for (const QJsonValue &e :
                 get(url(QStringLiteral("/api/v1/executions?limit=10000")), auth())
                     .json()
                     .value(QLatin1String("executions"))
                     .toArray())
                n += e.toObject().value(QLatin1String("workflow_id")).toString()
                        == QLatin1String("document-processing")
                    ? 1
                    : 0;
            return n;
        };
        const int before = count();
        static_cast<SimDemoClinic *>(m_core->demo())
            ->fleet()
            ->module(QStringLiteral("06_ocr"))
            ->emitEvent(QStringLiteral("document.processed"),
                        {{QStringLiteral("document_id"), QStringLiteral("doc-feed")},
                         {QStringLiteral("size_bytes"), 1000},
                         {QStringLiteral("confidence"), 0.72},
                         {QStringLiteral("document_type"), QStringLiteral("id_card")}});
        QTRY_COMPARE_WITH_TIMEOUT(count(), before + 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(
            !get(url(QStringLiteral("/api/v1/tasks?queue=ocr-review&status=pending")), auth())
                 .json()
                 .value(QLatin1String("tasks"))
                 .toArray()
                 .isEmpty(),
            10000);
    }

    void webhookSecretsComeFromTheKeychain()
    {
        QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
                 "no D-Bus session: run the tests through scripts/test");
        const QByteArray plain =
            R"({"id": "hook-secret", "name": "Signed hook", "trigger": {"kind": "webhook", "path": "signed", "secret_header": "X-Hook-Secret"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "done", "type": "end"}], "edges": [{"from": "start", "to": "done"}]})";
        QCOMPARE(request("PUT", url(QStringLiteral("/api/v1/workflows/hook-secret")), plain, auth())
                     .status,
                 200);
        QCOMPARE(
            post(url(QStringLiteral("/api/v1/workflows/hook-secret/publish")), "{}", auth()).status,
            201);
        const HttpResult unset =
            post(url(QStringLiteral("/hooks/signed")), "{}", {{"X-Hook-Secret", "anything"}});
        QCOMPARE(unset.status, 503);
        QVERIFY(unset.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QStringLiteral("/api/v1/secrets/webhook.hook-secret")));
        QCOMPARE(request("PUT", url(QStringLiteral("/api/v1/secrets/Bad Name")), R"({"value":"x"})",
                         auth())
                     .status,
                 400);
        QCOMPARE(request("PUT", url(QStringLiteral("/api/v1/secrets/webhook.hook-secret")),
                         R"({"value":""})", auth())
                     .json()
                     .value(QLatin1String("field"))
                     .toString(),
                 QStringLiteral("value"));
        QCOMPARE(request("PUT", url(QStringLiteral("/api/v1/secrets/webhook.hook-secret")),
                         R"({"value":"s3cret-value"})", auth())
                     .status,
                 204);
        QCOMPARE(post(url(QStringLiteral("/hooks/signed")), "{}").status, 401);
        QCOMPARE(
            post(url(QStringLiteral("/hooks/signed")), "{}", {{"X-Hook-Secret", "s3cret-valuf"}})
                .status,
            401);
        QCOMPARE(
            post(url(QStringLiteral("/hooks/signed")), "{}", {{"X-Hook-Secret", "s3cret-value"}})
                .status,
            202);
        // The secret is in the keychain only: no file of the core's data folder holds it.
        QDirIterator files(m_data.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile file(files.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY2(!file.readAll().contains("s3cret-value"), qPrintable(file.fileName()));
        }

        QByteArray signedFlow = plain;
        signedFlow.replace("hook-secret", "hook-hmac")
            .replace("\"path\": \"signed\"", "\"path\": \"hmac\", \"signature\": \"hmac-sha256\"");
        QCOMPARE(
            request("PUT", url(QStringLiteral("/api/v1/workflows/hook-hmac")), signedFlow, auth())
                .status,
            200);
        QCOMPARE(
            post(url(QStringLiteral("/api/v1/workflows/hook-hmac/publish")), "{}", auth()).status,
            201);
        QCOMPARE(request("PUT", url(QStringLiteral("/api/v1/secrets/webhook.hook-hmac")),
                         R"({"value":"hmac-key"})", auth())
                     .status,
                 204);
        const QByteArray body = R"({"patient_id":"pt-1"})";
        const QByteArray signature = "sha256="
            + QMessageAuthenticationCode::hash(body, "hmac-key", QCryptographicHash::Sha256)
                  .toHex();
        QCOMPARE(
            post(url(QStringLiteral("/hooks/hmac")), body, {{"X-Hook-Secret", signature}}).status,
            202);
        QCOMPARE(post(url(QStringLiteral("/hooks/hmac")), R"({"patient_id":"pt-2"})",
                      {{"X-Hook-Secret", signature}})
                     .status,
                 401);
        for (const char *name : {"webhook.hook-secret", "webhook.hook-hmac"})
            QCOMPARE(request("DELETE",
                             url(QStringLiteral("/api/v1/secrets/") + QLatin1String(name)), {},
                             auth())
                         .status,
                     204);
    }

    void metricsAreValidPrometheusText()
    {
        QCOMPARE(get(url(QStringLiteral("/metrics"))).status, 401);
        const HttpResult r = get(url(QStringLiteral("/metrics")), auth());
        QCOMPARE(r.status, 200);
        const QString text = QString::fromUtf8(r.body);
        static const QRegularExpression sample(QStringLiteral(
            R"re(^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*)\})? (\S+)$)re"));
        static const QRegularExpression labelPair(
            QStringLiteral(R"re(([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)")re"));
        QHash<QString, QString> types;
        QSet<QString> series;
        QHash<QString, QList<double>> buckets; // per histogram series, in order
        QHash<QString, double> counts;
        const QStringList lines = text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        for (const QString &line : lines) {
            if (line.startsWith(QLatin1String("# TYPE "))) {
                const QStringList parts = line.split(QLatin1Char(' '));
                QCOMPARE(parts.size(), 4);
                QVERIFY2(!types.contains(parts.at(2)),
                         qPrintable(QStringLiteral("TYPE twice: ") + line));
                QVERIFY2(QStringList({"counter", "gauge", "histogram", "summary", "untyped"})
                             .contains(parts.at(3)),
                         qPrintable(line));
                types.insert(parts.at(2), parts.at(3));
                continue;
            }
            if (line.startsWith(QLatin1String("# HELP ")))
                continue;
            QVERIFY2(!line.startsWith(QLatin1Char('#')), qPrintable(line));
            const auto m = sample.match(line);
            QVERIFY2(m.hasMatch(), qPrintable(QStringLiteral("not a valid sample line: ") + line));
            QString family = m.captured(1);
            for (const char *suffix : {"_bucket", "_sum", "_count"}) {
                if (family.endsWith(QLatin1String(suffix))
                    && types.value(family.chopped(int(qstrlen(suffix))))
                        == QLatin1String("histogram"))
                    family.chop(int(qstrlen(suffix)));
            }
            QVERIFY2(types.contains(family), qPrintable(QStringLiteral("no TYPE before ") + line));
            QVERIFY2(!series.contains(m.captured(1) + m.captured(2)),
                     qPrintable(QStringLiteral("duplicate series ") + line));
            series.insert(m.captured(1) + m.captured(2));
            bool ok = false;
            const QString valueText = m.captured(4);
            const double value =
                valueText == QLatin1String("+Inf") ? qInf() : valueText.toDouble(&ok);
            QVERIFY2(ok || valueText == QLatin1String("+Inf"), qPrintable(line));
            if (types.value(family) == QLatin1String("counter"))
                QVERIFY2(value >= 0, qPrintable(line));
            if (m.captured(1).endsWith(QLatin1String("_bucket"))) {
                QString le;
                QString others;
                auto it = labelPair.globalMatch(m.captured(3));
                while (it.hasNext()) {
                    const auto l = it.next();
                    if (l.captured(1) == QLatin1String("le"))
                        le = l.captured(2);
                    else
                        others += l.captured(0);
                }
                QVERIFY2(!le.isEmpty(), qPrintable(line));
                QList<double> &b = buckets[family + others];
                QVERIFY2(b.isEmpty() || value >= b.last(),
                         qPrintable(QStringLiteral("buckets must be cumulative: ") + line));
                b.append(value);
                if (le == QLatin1String("+Inf"))
                    counts.insert(family + others, value);
            }
            if (m.captured(1).endsWith(QLatin1String("_count"))
                && types.value(family) == QLatin1String("histogram")) {
                QString others;
                auto it = labelPair.globalMatch(m.captured(3));
                while (it.hasNext())
                    others += it.next().captured(0);
                QCOMPARE(value, counts.value(family + others, -1));
            }
        }
        for (const char *family :
             {"switchboard_module_calls_total", "switchboard_module_call_duration_milliseconds",
              "switchboard_circuit_state", "switchboard_bulkhead_in_use",
              "switchboard_rate_limit_waits_total", "switchboard_dead_letters",
              "switchboard_executions", "switchboard_step_duration_milliseconds"})
            QVERIFY2(types.contains(QLatin1String(family)), family);
        QVERIFY(
            series.contains(QStringLiteral("switchboard_circuit_state{module=\"04_billing\"}")));
        // Earlier tests ran module calls, so their steps were measured.
        QVERIFY(series.contains(
            QStringLiteral("switchboard_step_duration_milliseconds_count{type=\"module_call\"}")));
    }

    void reviewTasksByRoleOverHttp()
    {
        const QList<QPair<QByteArray, QByteArray>> support {
            {"Authorization", "Bearer support-token-0123456789"}};
        const QList<QPair<QByteArray, QByteArray>> viewer {
            {"Authorization", "Bearer viewer-token-0123456789"}};
        const HttpResult started =
            post(url(QStringLiteral("/api/v1/events")),
                 R"({"type":"document.processed","module":"06_ocr","data":{"document_id":"doc-api",
                "document_type":"id_card","confidence":0.7,"size_bytes":10,
                "fields":{"patient_name":"Grace Okafor","insurance_id":"INS-1"}}})",
                 auth());
        QCOMPARE(started.status, 202);
        QString id;
        QTRY_VERIFY([&] {
            for (const QJsonValue &t :
                 get(url(QStringLiteral("/api/v1/tasks?queue=ocr-review")), support)
                     .json()
                     .value("tasks")
                     .toArray()) {
                if (t.toObject().value("title").toString().contains("doc-api"))
                    id = t.toObject().value("id").toString();
            }
            return !id.isEmpty();
        }());
        const QString task = QStringLiteral("/api/v1/tasks/") + id;

        // The viewer reads the task without the patient's name, and may not act.
        const HttpResult seen = get(url(task), viewer);
        QCOMPARE(seen.status, 200);
        QVERIFY(!seen.body.contains("Grace"));
        QVERIFY(get(url(task), support).body.contains("Grace Okafor"));
        QCOMPARE(post(url(task + QStringLiteral("/claim")), "{}", viewer).status, 403);

        // Ana claims it; the admin cannot decide Ana's task; Ana decides it; again is refused.
        const HttpResult claimed = post(url(task + QStringLiteral("/claim")), "{}", support);
        QCOMPARE(claimed.status, 200);
        QCOMPARE(claimed.json().value("claimed_by").toString(), QStringLiteral("ana"));
        const QByteArray approve =
            R"({"decision":"approve","fields":{"patient_name":"Grace O. Okafor"}})";
        QCOMPARE(post(url(task + QStringLiteral("/decision")), approve, auth()).status, 409);
        QCOMPARE(post(url(task + QStringLiteral("/decision")), approve, support).status, 200);
        const HttpResult again = post(url(task + QStringLiteral("/decision")), approve, support);
        QCOMPARE(again.status, 409);
        QVERIFY(again.json().value("error").toString().contains(QStringLiteral("already decided")));

        // The audit log has the claim and the decision, chained, without the name.
        QCOMPARE(get(url(QStringLiteral("/api/v1/audit")), support).status, 403);
        const HttpResult audit = get(url(QStringLiteral("/api/v1/audit")), auth());
        QCOMPARE(audit.status, 200);
        QVERIFY(audit.json().value("chain_ok").toBool());
        QStringList events;
        for (const QJsonValue &e : audit.json().value("entries").toArray()) {
            if (e.toObject().value("data").toObject().value("task_id").toString() == id)
                events << e.toObject().value("event").toString() + QLatin1Char(':')
                        + e.toObject().value("actor").toString();
        }
        QCOMPARE(events, QStringList({"review.claimed:ana", "review.decided:ana"}));
        QVERIFY(!audit.body.contains("Grace"));
        QCOMPARE(get(url(QStringLiteral("/api/v1/review/queues")), viewer).status, 200);
    }

    void deadLetterQueueOverHttp()
    {
        QCOMPARE(get(url(QStringLiteral("/api/v1/dlq")), auth()).status, 200);
        QVERIFY(get(url(QStringLiteral("/api/v1/dlq")), auth())
                    .json()
                    .value(QLatin1String("dead_letters"))
                    .isArray());
        QCOMPARE(post(url(QStringLiteral("/api/v1/dlq/dl_nothing/replay")), "{}", auth()).status,
                 404);
        QCOMPARE(
            post(url(QStringLiteral("/api/v1/dlq/dl_nothing/replay")), R"({"payload": 3})", auth())
                .json()
                .value(QLatin1String("field"))
                .toString(),
            QStringLiteral("payload"));
        QCOMPARE(post(url(QStringLiteral("/api/v1/dlq/dl_nothing/discard")),
                      R"({"reason": "a test"})", auth())
                     .status,
                 404);
        QVERIFY(get(url(QStringLiteral("/api/v1/status")), auth())
                    .json()
                    .value(QLatin1String("metadata"))
                    .toObject()
                    .contains(QLatin1String("dead_letters")));
    }

    void createsAnOwnerOnlyAdminTokenFile()
    {
        QTemporaryDir dir;
        auto store = TokenStore::open(dir.path(), QString());
        QVERIFY(store.ok());
        QVERIFY(store->createdAdminToken());
        const QFileInfo info(store->adminTokenPath());
        QVERIFY(info.exists());
        QCOMPARE(
            info.permissions()
                & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray token = file.readAll().trimmed();
        QCOMPARE(store->roleFor(token), std::optional<Role>(Role::Admin));
        QCOMPARE(store->roleFor(token + "x"), std::optional<Role>());
        // The second start reads the same token instead of making a new one.
        auto again = TokenStore::open(dir.path(), QString());
        QVERIFY(again.ok());
        QVERIFY(!again->createdAdminToken());
        QCOMPARE(again->roleFor(token), std::optional<Role>(Role::Admin));
        QVERIFY(!TokenStore::open(dir.path(), QStringLiteral("short")).ok());
    }

    // Last: it fills the review queues. Nobody works the demo's queues, so its staff do: past
    // ten open tasks they decide the oldest, as a person would, down to six.
    void theDemoStaffKeepTheReviewQueuesFromGrowing()
    {
        const qsizetype before = m_core->review()->openTasks(QString(), true).valueOr({}).size();
        for (int i = 0; i < 14; ++i)
            QVERIFY(m_core->engine()
                        ->deliverEvent(QStringLiteral("document.processed"),
                                       QStringLiteral("06_ocr"),
                                       {{"document_id", QStringLiteral("doc-staff-%1").arg(i)},
                                        {"document_type", "id_card"},
                                        {"confidence", 0.5},
                                        {"size_bytes", 1000},
                                        {"fields", QJsonObject {{"patient_name", ""}}}})
                        .ok());
        QTRY_VERIFY_WITH_TIMEOUT(
            m_core->review()->openTasks(QString(), true).valueOr({}).size() >= before + 14, 20000);
        SimDemoStaff staff(*m_core);
        const qsizetype open = m_core->review()->openTasks(QString(), true).valueOr({}).size();
        QCOMPARE(staff.workQueue(), int(open - SimDemoStaff::KeepOpen));
        QCOMPARE(m_core->review()->openTasks(QString(), true).valueOr({}).size(),
                 qsizetype(SimDemoStaff::KeepOpen));
        // Under the limit, nothing more is decided.
        QCOMPARE(staff.workQueue(), 0);
    }
};

QTEST_GUILESS_MAIN(TstApiServer)
#include "tst_apiserver.moc"
