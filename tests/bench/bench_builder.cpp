// The workflow builder with a large workflow (see docs/benchmarks.md):
//   bench_builder [--nodes N] [--frames F]
// Builds a valid workflow of N steps (a trigger, a parallel fan-out into chains of module calls
// and conditions, joined at the end), opens it in the builder the way the console does, and
// reports how long opening took, then pans and zooms the canvas F times, repainting the
// viewport synchronously each time, and reports the frame times (median, 99th percentile,
// longest). Run it under Xvfb for real X rendering, or offscreen.
#include "builder/builderview.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QGraphicsView>
#include <QJsonArray>
#include <QScrollBar>
#include <algorithm>
#include <cstdio>

using namespace Switchboard;

namespace {

QJsonObject bigWorkflow(int count)
{
    QJsonArray nodes {
        QJsonObject {
            {"id", "start"}, {"type", "trigger"}, {"position", QJsonObject {{"x", 0}, {"y", 0}}}},
        QJsonObject {
            {"id", "fan"}, {"type", "parallel"}, {"position", QJsonObject {{"x", 240}, {"y", 0}}}}};
    QJsonArray edges {QJsonObject {{"from", "start"}, {"to", "fan"}}};
    const int chains = 20;
    const int perChain = std::max(1, (count - 4 + chains - 1) / chains);
    for (int c = 0; c < chains; ++c) {
        QString previous = QStringLiteral("fan");
        for (int i = 0; i < perChain; ++i) {
            const QString id = QStringLiteral("c%1_s%2").arg(c).arg(i);
            const QJsonObject position {{"x", 480 + i * 240}, {"y", c * 130}};
            nodes.append(i % 5 == 4 ? QJsonObject {{"id", id},
                                                   {"type", "set"},
                                                   {"values", QJsonObject {{"n", i}}},
                                                   {"position", position}}
                                    : QJsonObject {{"id", id},
                                                   {"type", "module_call"},
                                                   {"module", "08_messaging"},
                                                   {"action", "send_message"},
                                                   {"payload", QJsonObject {{"step", i}}},
                                                   {"position", position}});
            edges.append(QJsonObject {{"from", previous}, {"to", id}});
            previous = id;
        }
        edges.append(QJsonObject {{"from", previous}, {"to", "join"}});
    }
    nodes.append(QJsonObject {{"id", "join"},
                              {"type", "join"},
                              {"position", QJsonObject {{"x", 480 + perChain * 240}, {"y", 0}}}});
    nodes.append(QJsonObject {{"id", "done"},
                              {"type", "end"},
                              {"position", QJsonObject {{"x", 720 + perChain * 240}, {"y", 0}}}});
    edges.append(QJsonObject {{"from", "join"}, {"to", "done"}});
    return {{"id", "big"},
            {"name", "Big"},
            {"trigger", QJsonObject {{"kind", "manual"}}},
            {"nodes", nodes},
            {"edges", edges}};
}

double percentile(QList<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty()
        ? 0
        : values.at(std::min<qsizetype>(values.size() - 1, qsizetype(p * values.size())));
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int count =
        args.contains("--nodes") ? args.at(args.indexOf("--nodes") + 1).toInt() : 1000;
    const int frames =
        args.contains("--frames") ? args.at(args.indexOf("--frames") + 1).toInt() : 300;

    BuilderView builder;
    builder.resize(1280, 860);
    builder.show();
    app.processEvents();
    const QJsonObject doc = bigWorkflow(count);

    QElapsedTimer timer;
    timer.start();
    builder.openDocument(doc);
    builder.canvas()->viewport()->repaint();
    const qint64 openMs = timer.elapsed();
    std::printf("%lld steps, %lld connections: opened and painted in %lld ms (%d problems)\n",
                qlonglong(builder.graph().nodeIds().size()),
                qlonglong(builder.graph().edges().size()), openMs, int(builder.problems().size()));

    QGraphicsView *view = builder.canvas();
    view->resetTransform();
    QList<double> times;
    for (int f = 0; f < frames; ++f) {
        // A third of the frames zoom, the rest pan across the whole workflow and back.
        if (f % 3 == 0)
            view->scale(f % 6 == 0 ? 1.1 : 1 / 1.1, f % 6 == 0 ? 1.1 : 1 / 1.1);
        else
            view->horizontalScrollBar()->setValue(view->horizontalScrollBar()->value()
                                                  + ((f / 50) % 2 == 0 ? 60 : -60));
        timer.restart();
        view->viewport()->repaint();
        times << double(timer.nsecsElapsed()) / 1e6;
    }
    std::printf("%d pan/zoom frames: median %.1f ms, p99 %.1f ms, longest %.1f ms\n", frames,
                percentile(times, 0.5), percentile(times, 0.99), percentile(times, 1.0));
    return 0;
}
