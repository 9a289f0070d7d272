// switchboard-sim: the clinic's nine automation modules, simulated over loopback HTTP and
// WebSocket for the demo, the tests and the benchmarks.
#include "common/clock.h"
#include "sim/simfleet.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFile>
#include <cstdio>

using namespace Switchboard;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("switchboard-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Simulates the nine clinic modules: module NN on base-port+NN, control API on base-port."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption basePort(
        QStringLiteral("base-port"),
        QStringLiteral("Control port; module NN listens on it + NN (default 8700)."),
        QStringLiteral("port"), QStringLiteral("8700"));
    const QCommandLineOption seed(QStringLiteral("seed"),
                                  QStringLiteral("Seed for reproducible traffic (default 1)."),
                                  QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption rate(
        QStringLiteral("event-rate"),
        QStringLiteral(
            "Spontaneous events per second for the whole fleet; 0 for none (default 2)."),
        QStringLiteral("n"), QStringLiteral("2"));
    const QCommandLineOption scenario(QStringLiteral("scenario"),
                                      QStringLiteral("JSON file of faults over time."),
                                      QStringLiteral("file"));
    parser.addOptions({basePort, seed, rate, scenario});
    parser.process(app);

    bool ok = false;
    const uint port = parser.value(basePort).toUInt(&ok);
    if (!ok || port == 0 || port > 65526) {
        std::fprintf(stderr, "switchboard-sim: --base-port must be a port from 1 to 65526\n");
        return 2;
    }
    const uint seedValue = parser.value(seed).toUInt(&ok);
    if (!ok) {
        std::fprintf(stderr, "switchboard-sim: --seed must be a whole number\n");
        return 2;
    }
    const double eventRate = parser.value(rate).toDouble(&ok);
    if (!ok || eventRate < 0 || eventRate > 100000) {
        std::fprintf(stderr,
                     "switchboard-sim: --event-rate must be from 0 to 100000 events per second\n");
        return 2;
    }

    SystemClock clock;
    SimFleet fleet(clock, seedValue);
    const Status started = fleet.start(QHostAddress::LocalHost, quint16(port));
    if (!started) {
        std::fprintf(stderr, "switchboard-sim: %s\n", qPrintable(started.error().toString()));
        return 1;
    }
    if (parser.isSet(scenario)) {
        QFile file(parser.value(scenario));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "switchboard-sim: cannot read %s: %s\n",
                         qPrintable(file.fileName()), qPrintable(file.errorString()));
            return 2;
        }
        const Status st = fleet.runScenario(file.readAll());
        if (!st) {
            std::fprintf(stderr, "switchboard-sim: %s: %s\n", qPrintable(file.fileName()),
                         qPrintable(st.error().toString()));
            return 2;
        }
    }
    fleet.setEventRate(eventRate);
    std::printf("switchboard-sim: control on http://127.0.0.1:%u, modules on ports %u-%u\n", port,
                port + 1, port + 9);
    std::fflush(stdout);
    return app.exec();
}
