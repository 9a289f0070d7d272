// The Executions section at scale (issue 17): a store of N executions with E history events
// each (1,000,000 and 10 by default: ten million events) and one execution of 10,000 events.
// Measured through a real core's HTTP API on loopback: the list's first page, every filter and
// search, a page deep in the list, a journey — each p50/p95/max of R runs; opening the
// 10,000-event execution, fetched and then painted by the console's page; and scrolling a list
// of 10,000 executions, as the longest GUI-thread stall.
//
// Usage: QT_QPA_PLATFORM=offscreen bench_executions [--store DIR] [--executions N]
//        [--events E] [--runs R]
// The store is seeded once into DIR (kept, so later runs start at once) or a temporary folder.

#include "engine/workflowengine.h"
#include "executions/executiondetails.h"
#include "executions/executionsview.h"
#include "executions/executiontablemodel.h"
#include "service/coreservice.h"
#include "store/database.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>
#include <algorithm>
#include <cstdio>

using namespace Switchboard;

namespace {

const QByteArray Token = "bench-token-0123456789abcdef";
const char *const Workflows[] = {"new-patient-onboarding", "document-processing",
                                 "payment-failure-recovery", "appointment-reminders",
                                 "telehealth-session"};
const char *const Origins[] = {"event", "event", "event", "webhook", "schedule", "api"};
constexpr qint64 Spacing = 2600; // ms between two starts: a million is about a month

QString hex(QRandomGenerator &random, int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(random.bounded(256));
    return QString::fromLatin1(raw.toHex());
}

QString executionId(qint64 ms, QRandomGenerator &random)
{
    return QStringLiteral("ex_%1").arg(ms, 12, 16, QLatin1Char('0')) + hex(random, 6);
}

struct Seeded
{
    QString longRun; // the 10,000-event execution
    QString middle; // an execution in the middle of the list
    QString middleTrace;
    qint64 middleMs = 0;
};

// Writes the executions straight into the store (the engine would take hours).
Result<Seeded> seed(Database &db, qint64 executions, int events)
{
    QRandomGenerator random(17);
    Seeded out;
    const qint64 first = QDateTime::currentMSecsSinceEpoch() - executions * Spacing;
    QElapsedTimer took;
    took.start();
    constexpr qint64 Batch = 20000;
    for (qint64 done = 0; done < executions; done += Batch) {
        Status st = db.transaction([&]() -> Status {
            for (qint64 i = done; i < std::min(executions, done + Batch); ++i) {
                const qint64 at = first + i * Spacing;
                const QString id = executionId(at, random);
                const QString trace = hex(random, 16);
                const int roll = random.bounded(100);
                // (No "running": the core would try to resume them at its start.)
                const char *status = roll < 88 ? "completed"
                    : roll < 94                ? "failed"
                    : roll < 99                ? "waiting"
                                               : "cancelled";
                const bool finished = roll < 94 || roll >= 99;
                const QString patient = QStringLiteral("pt-%1").arg(random.bounded(50000));
                if (i == executions / 2) {
                    out.middle = id;
                    out.middleTrace = trace;
                    out.middleMs = at;
                }
                auto r = db.run(
                    "INSERT INTO executions (id, workflow_id, version, status, trace_id, input, "
                    "state, output, error, created_at, updated_at, finished_at, origin) VALUES "
                    "(?, ?, 1, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)",
                    {id, QLatin1String(Workflows[random.bounded(5)]), QLatin1String(status), trace,
                     QStringLiteral("{\"patient_id\":\"%1\",\"score\":%2}")
                         .arg(patient)
                         .arg(random.bounded(11)),
                     QStringLiteral("{\"inflight\":{},\"ready\":[],\"steps\":{},\"waiting\":[]}"),
                     QLatin1String(roll >= 88 && roll < 94 ? "book: HTTP 503" : "").isEmpty()
                         ? QVariant()
                         : QVariant(QStringLiteral("book: HTTP 503")),
                     at, at + 900, finished ? QVariant(at + 900) : QVariant(),
                     QLatin1String(Origins[random.bounded(6)])});
                if (!r)
                    return r.error();
                for (int e = 0; e < events; ++e) {
                    const char *type = e == 0 ? "execution_started"
                        : e == events - 1     ? "execution_completed"
                        : e % 2               ? "step_started"
                                              : "step_completed";
                    auto ev = db.run("INSERT INTO execution_events (execution_id, seq, ts, type, "
                                     "node, attempt, data) VALUES (?, ?, ?, ?, ?, ?, NULL)",
                                     {id, e + 1, at + e * 90, QLatin1String(type),
                                      e == 0 || e == events - 1
                                          ? QVariant()
                                          : QVariant(QStringLiteral("step_%1").arg((e - 1) / 2)),
                                      e % 2 ? 1 : 0});
                    if (!ev)
                        return ev.error();
                }
                auto key = db.run("INSERT INTO execution_keys (key, value, created_at, "
                                  "execution_id) VALUES ('patient_id', ?, ?, ?)",
                                  {patient, at, id});
                if (!key)
                    return key.error();
            }
            return Ok {};
        });
        if (!st)
            return st.error();
        if ((done / Batch) % 10 == 0)
            std::fprintf(stderr, "  seeded %lld of %lld executions (%.0f s)\n", done + Batch,
                         executions, double(took.elapsed()) / 1000);
    }
    // One long run: 5,000 calls, 10,000 events, all on its last day.
    const qint64 at = QDateTime::currentMSecsSinceEpoch() - 3600 * 1000;
    out.longRun = executionId(at, random);
    QJsonObject steps;
    Status st = db.transaction([&]() -> Status {
        for (int e = 0; e < 10000; ++e) {
            const QString node = QStringLiteral("step_%1").arg(e / 2 % 40);
            auto ev = db.run(
                "INSERT INTO execution_events (execution_id, seq, ts, type, node, "
                "attempt, data) VALUES (?, ?, ?, ?, ?, ?, ?)",
                {out.longRun, e + 1, at + e * 50,
                 QLatin1String(e % 2 ? "step_completed" : "step_started"), node, e % 2 ? 0 : 1,
                 e % 2 ? QVariant()
                       : QVariant(QStringLiteral("{\"span_id\":\"%1\"}").arg(hex(random, 8)))});
            if (!ev)
                return ev.error();
            steps.insert(node,
                         QJsonObject {{"status", "completed"},
                                      {"visits", e / 80 + 1},
                                      {"attempts", 1},
                                      {"started_at", double(at + e * 50)},
                                      {"finished_at", double(at + e * 50 + 40)},
                                      {"output", QJsonObject {{"ok", true}}},
                                      {"request", QJsonObject {{"action", "work"}}}});
        }
        const QJsonObject state {{"steps", steps},
                                 {"ready", QJsonArray()},
                                 {"waiting", QJsonArray()},
                                 {"inflight", QJsonObject()}};
        auto r = db.run("INSERT INTO executions (id, workflow_id, version, status, trace_id, "
                        "input, state, created_at, updated_at, finished_at, origin) VALUES "
                        "(?, 'long-loop', 1, 'completed', ?, '{}', ?, ?, ?, ?, 'schedule')",
                        {out.longRun, hex(random, 16),
                         QString::fromUtf8(QJsonDocument(state).toJson(QJsonDocument::Compact)), at,
                         at + 500000, at + 500000});
        return r ? Status(Ok {}) : Status(r.error());
    });
    if (!st)
        return st.error();
    std::fprintf(stderr, "  seeded in %.0f s\n", double(took.elapsed()) / 1000);
    return out;
}

struct Http
{
    QNetworkAccessManager network;
    quint16 port = 0;

    // The answer's body, or empty on failure; ms: how long it took.
    QByteArray get(const QString &pathAndQuery, double *ms = nullptr)
    {
        QNetworkRequest req(
            QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port).arg(pathAndQuery)));
        req.setRawHeader("Authorization", "Bearer " + Token);
        QElapsedTimer t;
        t.start();
        QNetworkReply *reply = network.get(req);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        if (ms)
            *ms = double(t.nsecsElapsed()) / 1e6;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->readAll();
        reply->deleteLater();
        if (status != 200) {
            std::fprintf(stderr, "GET %s: %d %s\n", qPrintable(pathAndQuery), status,
                         body.left(200).constData());
            return {};
        }
        return body;
    }
};

void report(const char *what, QList<double> ms)
{
    std::sort(ms.begin(), ms.end());
    const auto at = [&](double q) {
        return ms.at(std::min<qsizetype>(ms.size() - 1, qsizetype(q * ms.size())));
    };
    std::printf("  %-44s p50 %7.1f ms  p95 %7.1f ms  max %7.1f ms\n", what, at(0.5), at(0.95),
                ms.last());
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QString storeDir;
    qint64 executions = 1000000;
    int events = 10;
    int runs = 50;
    for (int i = 1; i + 1 < argc; i += 2) {
        const QByteArray opt(argv[i]);
        if (opt == "--store")
            storeDir = QString::fromLocal8Bit(argv[i + 1]);
        else if (opt == "--executions")
            executions = QByteArray(argv[i + 1]).toLongLong();
        else if (opt == "--events")
            events = QByteArray(argv[i + 1]).toInt();
        else if (opt == "--runs")
            runs = QByteArray(argv[i + 1]).toInt();
    }
    if (executions < 1000 || events < 2 || runs < 1) {
        std::fprintf(stderr,
                     "usage: bench_executions [--store DIR] [--executions N>=1000] "
                     "[--events E>=2] [--runs R]\n");
        return 2;
    }
    QTemporaryDir temporary;
    if (storeDir.isEmpty())
        storeDir = temporary.path();
    QDir().mkpath(storeDir);
    const QString dbPath = QDir(storeDir).filePath(QStringLiteral("switchboard.db"));
    const QString seededMark = QDir(storeDir).filePath(QStringLiteral("seeded.json"));

    Seeded seeded;
    if (QFile mark(seededMark); mark.open(QIODevice::ReadOnly)) {
        const QJsonObject o = QJsonDocument::fromJson(mark.readAll()).object();
        seeded = {o.value("long").toString(), o.value("middle").toString(),
                  o.value("trace").toString(), qint64(o.value("middle_ms").toDouble())};
        std::fprintf(stderr, "using the store seeded before in %s\n", qPrintable(storeDir));
    } else {
        Database db;
        if (Status st = db.open(dbPath, Database::Durability::Process); !st) {
            std::fprintf(stderr, "%s\n", qPrintable(st.error().message));
            return 1;
        }
        auto done = seed(db, executions, events);
        if (!done) {
            std::fprintf(stderr, "seeding failed: %s\n", qPrintable(done.error().message));
            return 1;
        }
        seeded = *done;
        db.close();
        QFile out(seededMark);
        if (out.open(QIODevice::WriteOnly))
            out.write(QJsonDocument(QJsonObject {{"long", seeded.longRun},
                                                 {"middle", seeded.middle},
                                                 {"trace", seeded.middleTrace},
                                                 {"middle_ms", double(seeded.middleMs)}})
                          .toJson());
    }

    SystemClock clock;
    CoreOptions options;
    options.listen = true;
    options.listenPort = 0;
    options.dataDir = storeDir;
    options.adminTokenFromEnv = QString::fromLatin1(Token);
    CoreService core(CoreConfig(), clock, options);
    QElapsedTimer startup;
    startup.start();
    if (Status st = core.start(); !st) {
        std::fprintf(stderr, "the core did not start: %s\n", qPrintable(st.error().message));
        return 1;
    }
    std::printf("Executions at scale: %lld executions, %d events each, plus one of 10,000 "
                "events; the core started in %lld ms\n",
                executions, events, startup.elapsed());
    Http http;
    http.port = core.apiPort();

    // The list through the API.
    const QString day =
        QDateTime::fromMSecsSinceEpoch(seeded.middleMs, Qt::UTC).toString(Qt::ISODateWithMs);
    const QString dayAfter = QDateTime::fromMSecsSinceEpoch(seeded.middleMs + 86400000, Qt::UTC)
                                 .toString(Qt::ISODateWithMs);
    const QString middleCursor = QStringLiteral("%1.%2").arg(seeded.middleMs).arg(seeded.middle);
    const QList<std::pair<const char *, QString>> queries {
        {"first page (200)", QStringLiteral("/api/v1/executions")},
        {"status=failed", QStringLiteral("/api/v1/executions?status=failed")},
        {"status=cancelled (1 %)", QStringLiteral("/api/v1/executions?status=cancelled")},
        {"workflow", QStringLiteral("/api/v1/executions?workflow=document-processing")},
        {"origin=schedule", QStringLiteral("/api/v1/executions?origin=schedule")},
        {"one day, failed",
         QStringLiteral("/api/v1/executions?status=failed&from=%1&to=%2")
             .arg(QString::fromLatin1(QUrl::toPercentEncoding(day)),
                  QString::fromLatin1(QUrl::toPercentEncoding(dayAfter)))},
        {"search: execution id", QStringLiteral("/api/v1/executions?q=") + seeded.middle},
        {"search: trace id", QStringLiteral("/api/v1/executions?q=") + seeded.middleTrace},
        {"search: pt-4242 (any key)", QStringLiteral("/api/v1/executions?q=pt-4242")},
        {"search: patient_id=pt-4242", QStringLiteral("/api/v1/executions?q=patient_id%3Dpt-4242")},
        {"page 2,500 deep (cursor)", QStringLiteral("/api/v1/executions?cursor=") + middleCursor},
        {"journey of a patient", QStringLiteral("/api/v1/journeys/patient_id/pt-4242")},
    };
    for (const auto &[what, path] : queries) {
        QList<double> times;
        for (int i = 0; i < runs; ++i) {
            double ms = 0;
            if (http.get(path, &ms).isEmpty())
                return 1;
            times << ms;
        }
        report(what, times);
    }

    // Opening the long execution: fetched, then shown and painted by the console's page.
    ExecutionDetails page;
    page.resize(1280, 600);
    page.show();
    QList<double> fetch;
    QList<double> paint;
    for (int i = 0; i < std::max(5, runs / 5); ++i) {
        double ms = 0;
        const QByteArray body =
            http.get(QStringLiteral("/api/v1/executions/") + seeded.longRun, &ms);
        fetch << ms;
        QElapsedTimer t;
        t.start();
        const QJsonObject execution = QJsonDocument::fromJson(body).object();
        page.clear();
        page.showExecution(seeded.longRun, execution, clock.nowMs());
        page.repaint();
        QApplication::processEvents();
        paint << double(t.nsecsElapsed()) / 1e6;
    }
    report("10,000-event execution: fetched", fetch);
    {
        // Where the fetch goes: the read, the masking, the JSON text.
        QList<double> read, mask, text;
        for (int i = 0; i < 5; ++i) {
            QElapsedTimer t;
            t.start();
            auto e = core.engine()->execution(seeded.longRun);
            read << double(t.nsecsElapsed()) / 1e6;
            t.restart();
            const QJsonObject shown = core.phi().show(
                *e, QStringLiteral("execution"), seeded.longRun, QStringLiteral("bench"), false);
            mask << double(t.nsecsElapsed()) / 1e6;
            t.restart();
            const QByteArray json = QJsonDocument(shown).toJson(QJsonDocument::Compact);
            text << double(t.nsecsElapsed()) / 1e6;
        }
        report("  of which read from the store", read);
        report("  of which patient data masked", mask);
        report("  of which written as JSON", text);
    }
    report("  then parsed, shown and painted", paint);

    // Scrolling a list of 10,000 executions: the longest time the GUI thread is busy with
    // one step of the scroll (a step of three rows, as a mouse wheel notch moves it).
    ExecutionsView view(clock);
    view.resize(1280, 800);
    view.show();
    const QJsonArray rows =
        QJsonDocument::fromJson(http.get(QStringLiteral("/api/v1/executions?limit=10000")))
            .object()
            .value(QLatin1String("executions"))
            .toArray();
    view.setExecutions(rows, true);
    auto *table = view.findChild<QTableView *>(QStringLiteral("executions"));
    QApplication::processEvents();
    QList<double> steps;
    QScrollBar *bar = table->verticalScrollBar();
    for (int v = 0; v <= bar->maximum(); v += 3) {
        QElapsedTimer t;
        t.start();
        bar->setValue(v);
        table->viewport()->repaint();
        steps << double(t.nsecsElapsed()) / 1e6;
    }
    std::printf("  scrolling %lld listed executions: %lld steps\n",
                static_cast<long long>(rows.size()), static_cast<long long>(steps.size()));
    report("  one scroll step, shown", steps);
    return 0;
}
