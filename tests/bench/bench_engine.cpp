// Engine benchmarks (not part of the test suite; see docs/benchmarks.md).
//   bench_engine steps   [--executions N]  durable step transitions per second, no-op module
//                        (--store postgresql://… for the shared store)
//   bench_engine sim     [--executions N]  new-patient-onboarding-sized executions against an
//   in-process fleet over loopback HTTP bench_engine waiting [--executions N]  resident memory per
//   execution waiting on a timer, and the time to resume them after a restart
#include "common/clock.h"
#include "config/coreconfig.h"
#include "engine/curlmoduleclient.h"
#include "engine/workflowengine.h"
#include "fakemoduleclient.h"
#include "sim/simfleet.h"
#include "store/database.h"
#include "store/workflowstore.h"
#include "workflow/expressionengine.h"
#include "workflow/workflowvalidator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <cstdio>

using namespace Switchboard;

namespace {

long residentKb()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLong();
    }
    return -1;
}

struct Stack
{
    SystemClock clock;
    Database db;
    ExpressionEngine expressions;
    WorkflowValidator validator {expressions};
    std::unique_ptr<WorkflowStore> store;
    std::unique_ptr<WorkflowEngine> engine;

    // DURABILITY as the core reads it: power (synchronous=FULL, the default) or process.
    static inline Database::Durability durability = Database::Durability::Power;

    explicit Stack(const QString &path, ModuleClient &modules, quint16 basePort = 8700)
    {
        if (!db.open(path, durability))
            qFatal("cannot open %s", qPrintable(path));
        store = std::make_unique<WorkflowStore>(db, clock, validator);
        engine = std::make_unique<WorkflowEngine>(db, *store, modules, expressions, clock);
        CoreConfig config;
        config.useSimulatedFleet(basePort);
        QHash<QString, QUrl> endpoints;
        for (const ModuleConfig &m : config.modules)
            endpoints.insert(m.id, m.endpoint);
        engine->setEndpoints(endpoints);
    }

    void publish(const QByteArray &json)
    {
        const QJsonObject doc = QJsonDocument::fromJson(json).object();
        auto saved = store->saveDraft(doc);
        if (!saved || !saved->isEmpty())
            qFatal("benchmark workflow does not validate");
        (void)store->publish(doc.value(QLatin1String("id")).toString(), QStringLiteral("bench"),
                             QStringLiteral("bench"));
    }
};

// Runs n executions with at most `concurrency` of them in flight at once (a new one starts as
// one ends, as under steady load); returns milliseconds until the last has ended.
qint64 runAll(Stack &s, const QString &workflow, int n,
              const std::function<QJsonObject(int)> &input, int concurrency)
{
    int finished = 0;
    int started = 0;
    QObject::connect(s.engine.get(), &WorkflowEngine::executionChanged, s.engine.get(),
                     [&](const QString &, const QString &status) {
                         if (status != QLatin1String("completed")
                             && status != QLatin1String("failed"))
                             return;
                         ++finished;
                         if (started < n) {
                             const int i = started++;
                             QTimer::singleShot(0, s.engine.get(), [&s, workflow, input, i] {
                                 (void)s.engine->start(workflow, input(i));
                             });
                         }
                     });
    QElapsedTimer timer;
    timer.start();
    for (; started < std::min(n, concurrency); ++started)
        (void)s.engine->start(workflow, input(started));
    while (finished < n)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
    return timer.elapsed();
}

int transitions(Stack &s)
{
    auto q = s.db.exec(QStringLiteral("SELECT COUNT(*) FROM execution_events"));
    q->next();
    return q->value(0).toInt();
}

const QByteArray ThreeCalls = R"({"id": "bench", "name": "Bench", "trigger": {"kind": "manual"},
  "nodes": [{"id": "start", "type": "trigger"},
            {"id": "a", "type": "module_call", "module": "01_intake", "action": "a"},
            {"id": "b", "type": "module_call", "module": "02_booking", "action": "b"},
            {"id": "c", "type": "module_call", "module": "09_compliance", "action": "c"},
            {"id": "done", "type": "end"}],
  "edges": [{"from": "start", "to": "a"}, {"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "c", "to": "done"}]})";

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addPositionalArgument(QStringLiteral("mode"), QStringLiteral("steps, sim or waiting"));
    const QCommandLineOption count(QStringLiteral("executions"),
                                   QStringLiteral("How many executions."), QStringLiteral("n"),
                                   QStringLiteral("5000"));
    parser.addOption(count);
    const QCommandLineOption inFlight(QStringLiteral("concurrency"),
                                      QStringLiteral("Executions in flight at once (default 200)."),
                                      QStringLiteral("n"), QStringLiteral("200"));
    parser.addOption(inFlight);
    const QCommandLineOption perSecond(
        QStringLiteral("rate"),
        QStringLiteral("Starts per second for latency (default 1500, half the peak of steps)."),
        QStringLiteral("n"), QStringLiteral("1500"));
    parser.addOption(perSecond);
    const QCommandLineOption durability(
        QStringLiteral("durability"),
        QStringLiteral("power (synchronous=FULL, the default) or process (NORMAL)."),
        QStringLiteral("mode"), QStringLiteral("power"));
    parser.addOption(durability);
    const QCommandLineOption store(
        QStringLiteral("store"),
        QStringLiteral("A postgresql:// address to run on instead of an SQLite file (an empty "
                       "database)."),
        QStringLiteral("url"));
    parser.addOption(store);
    const QCommandLineOption share(
        QStringLiteral("share"),
        QStringLiteral("With --store: run as one of several cores sharing it, under this name "
                       "(leases, timer claims); the workflow is published by the first."),
        QStringLiteral("name"));
    parser.addOption(share);
    const QCommandLineOption join(
        QStringLiteral("join"),
        QStringLiteral("With --share: the workflow is published already; start at once."));
    parser.addOption(join);
    parser.addHelpOption();
    parser.process(app);
    if (parser.value(durability) == QLatin1String("process"))
        Stack::durability = Database::Durability::Process;
    const QString mode = parser.positionalArguments().value(0, QStringLiteral("steps"));
    const int n = parser.value(count).toInt();
    const int concurrency = std::max(1, parser.value(inFlight).toInt());
    QTemporaryDir dir;
    const QString path =
        parser.isSet(store) ? parser.value(store) : dir.filePath(QStringLiteral("bench.db"));

    if (mode == QLatin1String("steps")) {
        FakeModuleClient modules;
        Stack s(path, modules);
        if (!parser.isSet(join))
            s.publish(ThreeCalls);
        if (parser.isSet(share))
            s.engine->shareStore(parser.value(share), 30000);
        const int before = transitions(s);
        const qint64 ms = runAll(
            s, QStringLiteral("bench"), n,
            [](int i) {
                return QJsonObject {{QStringLiteral("n"), i}};
            },
            concurrency);
        // Sharing the store, the others' transitions are counted too: the script that starts
        // the cores sums the executions, not these.
        const int t = transitions(s) - before;
        std::printf("steps: %d executions, %d durable transitions in %lld ms = %.0f transitions/s, "
                    "%.0f executions/s\n",
                    n, t, static_cast<long long>(ms), t * 1000.0 / ms, n * 1000.0 / ms);
        return 0;
    }
    if (mode == QLatin1String("latency")) {
        // Executions started at a steady rate (default: half the peak of `steps`), each timed
        // from its start to its completion; divided by its 5 steps, that is the engine's
        // overhead per step, no-op module included.
        FakeModuleClient modules;
        Stack s(path, modules);
        s.publish(ThreeCalls);
        const int rate = std::max(1, parser.value(perSecond).toInt());
        QHash<QString, qint64> startedAt;
        QList<double> perStepMs;
        QElapsedTimer clock;
        clock.start();
        QObject::connect(s.engine.get(), &WorkflowEngine::executionChanged, s.engine.get(),
                         [&](const QString &id, const QString &status) {
                             if (status == QLatin1String("completed") && startedAt.contains(id))
                                 perStepMs.append((clock.nsecsElapsed() - startedAt.take(id)) / 1e6
                                                  / 5.0);
                         });
        int started = 0;
        QTimer pace;
        QObject::connect(&pace, &QTimer::timeout, &pace, [&] {
            // Start as many as the rate allows by now, so that a late tick catches up.
            const qint64 due = clock.elapsed() * rate / 1000;
            while (started < n && started < due) {
                const qint64 t = clock.nsecsElapsed();
                auto r = s.engine->start(QStringLiteral("bench"), {{QStringLiteral("n"), started}});
                if (r)
                    startedAt.insert(r->value(QLatin1String("execution_id")).toString(), t);
                ++started;
            }
        });
        pace.start(1);
        while (perStepMs.size() < n)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents);
        std::sort(perStepMs.begin(), perStepMs.end());
        std::printf("latency: %d executions at %d/s; engine overhead per step p50 %.3f ms, p99 "
                    "%.3f ms, max %.3f ms\n",
                    n, rate, perStepMs.at(perStepMs.size() / 2),
                    perStepMs.at(perStepMs.size() * 99 / 100), perStepMs.last());
        return 0;
    }
    if (mode == QLatin1String("sim")) {
        // The fleet runs on its own thread, as switchboard-sim would in its own process.
        SystemClock simClock;
        QThread simThread;
        auto *fleet = new SimFleet(simClock, 5);
        fleet->moveToThread(&simThread);
        simThread.start();
        quint16 base = 0;
        QMetaObject::invokeMethod(
            fleet,
            [&] {
                for (quint16 b : {quint16(28700), quint16(38700), quint16(48700)}) {
                    if (fleet->start(QHostAddress::LocalHost, b)) {
                        base = b;
                        return;
                    }
                }
            },
            Qt::BlockingQueuedConnection);
        if (!base)
            qFatal("no free ports for the fleet");
        CurlModuleClient modules;
        Stack s(path, modules, base);
        QFile onboarding(QStringLiteral(":/templates/new-patient-onboarding.json"));
        onboarding.open(QIODevice::ReadOnly);
        s.publish(onboarding.readAll());
        const qint64 ms = runAll(
            s, QStringLiteral("new-patient-onboarding"), n,
            [](int i) {
                return QJsonObject {{QStringLiteral("patient_id"), QStringLiteral("pt-%1").arg(i)},
                                    {QStringLiteral("score"), 9}};
            },
            concurrency);
        std::printf("sim: %d new-patient-onboarding executions (4 module calls each) in %lld ms = "
                    "%.0f executions/s, %.0f module calls/s\n",
                    n, static_cast<long long>(ms), n * 1000.0 / ms, n * 4 * 1000.0 / ms);
        QMetaObject::invokeMethod(
            fleet, [fleet] { delete fleet; }, Qt::BlockingQueuedConnection);
        simThread.quit();
        simThread.wait();
        return 0;
    }
    if (mode == QLatin1String("waiting")) {
        FakeModuleClient modules;
        const QByteArray waits = R"({"id": "wait", "name": "Wait", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "later", "type": "delay", "duration": "30d"}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "later"}, {"from": "later", "to": "done"}]})";
        long before = 0;
        {
            Stack s(path, modules);
            s.publish(waits);
            before = residentKb();
            QElapsedTimer timer;
            timer.start();
            for (int i = 0; i < n; ++i)
                (void)s.engine->start(
                    QStringLiteral("wait"),
                    {{QStringLiteral("patient_id"), QStringLiteral("pt-%1").arg(i)}});
            const long after = residentKb();
            std::printf("waiting: %d executions waiting on timers; started in %lld ms; resident "
                        "memory %ld KiB before, %ld KiB after = %.2f KiB per execution\n",
                        n, static_cast<long long>(timer.elapsed()), before, after,
                        double(after - before) / n);
        }
        // A restart: open the same database and resume.
        Stack s(path, modules);
        QElapsedTimer timer;
        timer.start();
        if (!s.engine->recover())
            qFatal("recover failed");
        std::printf("waiting: restart and recovery with %d waiting executions took %lld ms\n", n,
                    static_cast<long long>(timer.elapsed()));
        return 0;
    }
    std::fprintf(stderr, "unknown mode %s\n", qPrintable(mode));
    return 2;
}
