// The console's intake of live module updates (see docs/benchmarks.md):
//   bench_ui [--events N] [--rate PER_SECOND]
// A thread stands in for the embedded core and sends N module snapshots across threads at the
// given rate, as the core does for each event, check and breaker change. The main window is
// shown on the dashboard. Reported: how many updates per second the console took in, and the
// longest the GUI thread went without running a 10 ms heartbeat (what a user would feel as a
// freeze).
#include "app/mainwindow.h"
#include "common/clock.h"
#include "modules/modulecatalog.h"
#include "service/orchestrator.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QThread>
#include <QTimer>
#include <cstdio>

using namespace Switchboard;

namespace {

class BenchOrchestrator final : public Orchestrator
{
    Q_OBJECT

public:
    void start() override { Q_EMIT ready(); }
    QString connectionLabel() const override { return QStringLiteral("bench"); }
    bool isDemo() const override { return false; }
    void checkNow() override { }
    void checkModule(const QString &) override { }
    void resetCircuitBreaker(const QString &) override { }
    void requestReport() override { }
    void setModuleEnabled(const QString &, bool) override { }
    void requestKpiHistory(const QString &, int) override { }
    void requestModuleHistory(const QString &, int) override { }
    QString userName() const override { return QStringLiteral("bench"); }
    void requestTasks() override { }
    void claimTask(const QString &) override { }
    void releaseTask(const QString &) override { }
    void decideTask(const QString &, const QString &, const QJsonObject &, const QString &) override
    {
    }
    void decideTasks(const QStringList &, const QString &) override { }
    void requestWorkflows() override { }
    void requestWorkflow(const QString &) override { }
    void saveWorkflow(const QJsonObject &) override { }
    void publishWorkflow(const QString &, const QString &) override { }
    void requestVersion(const QString &, int) override { }
    void promoteWorkflow(const QString &, int, const QString &) override { }
    void testRun(const QJsonObject &, const QJsonObject &) override { }
    void requestExecution(const QString &) override { }
    void requestExecutions(const ExecutionFilter &) override { }
    void cancelExecution(const QString &) override { }
    void retryExecution(const QString &) override { }
    void revealExecution(const QString &) override { }
    void previewRerun(const QString &, const QString &, const std::optional<QJsonObject> &) override
    {
    }
    void rerunExecution(const QString &, const QString &,
                        const std::optional<QJsonObject> &) override
    {
    }
    void requestJourney(const QString &, const QString &) override { }
    void requestDeadLetters(const QString &, bool) override { }
    void replayDeadLetters(const QStringList &) override { }
    void replayDeadLetter(const QString &, const QJsonObject &) override { }
    void discardDeadLetter(const QString &, const QString &) override { }
    void requestAlerts() override { }
    void requestAlert(qint64) override { }
    void actOnAlerts(const QList<qint64> &, const QString &, const QString &, int) override { }
    void addSilence(const QJsonObject &) override { }
    void removeSilence(qint64) override { }
    void saveChannel(const QJsonObject &, const QString &) override { }
    void removeChannel(const QString &) override { }
    void testChannel(const QString &) override { }
    void requestSettings() override { }
    void changeSettings(const QJsonObject &) override { }
    void backupNow() override { }
    void restoreBackup(const QString &) override { }
    void requestTokens() override { }
    void issueToken(const QString &, const QString &) override { }
    void revokeToken(qint64) override { }
    void requestUsers() override { }
    void addUser(const QJsonObject &, const QString &) override { }
    void changeUser(qint64, const QJsonObject &) override { }
    void resetPassword(qint64, const QString &) override { }
    void requestCredential(const QString &) override { }
    void setCredential(const QString &, const QString &, const QString &, const QString &) override
    {
    }
    void removeCredential(const QString &) override { }
};

// Lives on the sending thread; paces the snapshots in batches every millisecond.
class Sender final : public QObject
{
    Q_OBJECT

public:
    Sender(BenchOrchestrator &target, long long events, long long rate)
        : m_target(target)
        , m_events(events)
        , m_rate(rate)
    {
        for (const ModuleInfo &info : ModuleCatalog::all())
            m_ids << info.id;
    }

    void run()
    {
        m_clock.start();
        auto *pace = new QTimer(this);
        pace->setTimerType(Qt::PreciseTimer);
        pace->setInterval(1);
        connect(pace, &QTimer::timeout, this, [this, pace] {
            const long long due =
                qMin(m_events, m_rate * m_clock.nsecsElapsed() / 1000000000LL + 1);
            for (; m_sent < due; ++m_sent) {
                ModuleSnapshot s;
                s.id = m_ids.at(int(m_sent % m_ids.size()));
                s.configured = true;
                s.assessment = {ModuleStatus::Healthy, HealthReason::Responding};
                s.eventsSeen = m_sent;
                s.responseMs = int(m_sent % 50);
                s.responseHistory = {int(m_sent % 40), int(m_sent % 30)};
                Q_EMIT m_target.moduleChanged(s);
            }
            if (m_sent >= m_events)
                pace->stop();
        });
        pace->start();
    }

private:
    BenchOrchestrator &m_target;
    QStringList m_ids;
    QElapsedTimer m_clock;
    long long m_events;
    long long m_rate;
    long long m_sent = 0;
};

// Counts the snapshots that reach the GUI thread.
class Receiver final : public QObject
{
    Q_OBJECT

public:
    long long received = 0;
    void count(const Switchboard::ModuleSnapshot &) { ++received; }
};

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    long long events = 200000;
    long long rate = 20000;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (QByteArray(argv[i]) == "--events")
            events = QByteArray(argv[i + 1]).toLongLong();
        else if (QByteArray(argv[i]) == "--rate")
            rate = QByteArray(argv[i + 1]).toLongLong();
    }
    if (events <= 0 || rate <= 0) {
        std::fprintf(stderr, "usage: bench_ui [--events N] [--rate PER_SECOND]\n");
        return 2;
    }

    SystemClock clock;
    BenchOrchestrator core;
    MainWindow window(core, clock);
    window.resize(1280, 900);
    window.show();
    window.showView(QStringLiteral("dashboard"));

    Receiver receiver;
    QObject::connect(&core, &Orchestrator::moduleChanged, &receiver, &Receiver::count);

    QThread thread;
    auto *sender = new Sender(core, events, rate);
    sender->moveToThread(&thread);
    QObject::connect(&thread, &QThread::finished, sender, &QObject::deleteLater);
    thread.start();

    QElapsedTimer total;
    QElapsedTimer sinceBeat;
    qint64 worstGapMs = 0;
    QTimer heartbeat;
    heartbeat.setTimerType(Qt::PreciseTimer);
    heartbeat.setInterval(10);
    QObject::connect(&heartbeat, &QTimer::timeout, [&] {
        worstGapMs = qMax(worstGapMs, sinceBeat.restart());
        if (receiver.received >= events)
            app.quit();
    });
    // Let the window settle first, so that start-up is not counted as a stall.
    QTimer::singleShot(500, [&] {
        total.start();
        sinceBeat.start();
        heartbeat.start();
        QMetaObject::invokeMethod(sender, &Sender::run);
    });
    app.exec();
    const double seconds = double(total.nsecsElapsed()) / 1e9;
    thread.quit();
    thread.wait();
    std::printf("%lld module updates offered at %lld/s: taken in at %.0f/s; longest GUI stall "
                "%lld ms\n",
                events, rate, double(receiver.received) / seconds, worstGapMs);
    return 0;
}

#include "bench_ui.moc"
