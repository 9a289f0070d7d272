#include "deps/dependencygraph.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchboard;

namespace {

Workflow parse(const QByteArray &json)
{
    auto w = Workflow::fromJson(QJsonDocument::fromJson(json).object());
    if (!w)
        qFatal("test workflow does not parse: %s", qPrintable(w.error().message));
    return *w;
}

const DependencyEdge *find(const DependencyGraph &graph, const QString &from, const QString &to)
{
    for (const DependencyEdge &e : graph.edges()) {
        if (e.from == from && e.to == to)
            return &e;
    }
    return nullptr;
}

} // namespace

class TstDependencyGraph : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void declaredJourneyWithoutWorkflows()
    {
        const DependencyGraph graph;
        QCOMPARE(DependencyGraph::criticalPath(),
                 QStringList({"01_intake", "02_booking", "08_messaging", "09_compliance"}));
        QCOMPARE(graph.edges().size(), 3);
        const DependencyEdge *e = find(graph, "02_booking", "08_messaging");
        QVERIFY(e);
        QVERIFY(e->declared);
        QVERIFY(e->critical);
        QVERIFY(e->workflows.isEmpty());
        QVERIFY(!find(graph, "08_messaging", "02_booking"));
    }

    void workflowsConnectModulesThroughOtherNodes()
    {
        // trigger (from 06) → condition → review → 04 call; the condition and the review stand
        // for no module, so the edge goes from 06 straight to 04; 04 then reaches 09.
        const Workflow w = parse(R"({
            "id": "doc", "name": "Documents", "version": 1,
            "trigger": {"type": "event", "event": "document.processed", "module": "06_ocr"},
            "nodes": [
              {"id": "start", "type": "trigger"},
              {"id": "sure", "type": "condition", "expression": "true",
               "cases": [{"label": "yes", "when": "true"}]},
              {"id": "bill", "type": "module_call", "module": "04_billing", "action": "invoice"},
              {"id": "audit", "type": "module_call", "module": "09_compliance", "action": "audit"},
              {"id": "again", "type": "module_call", "module": "04_billing", "action": "invoice"}
            ],
            "edges": [
              {"from": "start", "to": "sure"},
              {"from": "sure", "to": "bill", "port": "yes"},
              {"from": "bill", "to": "audit"},
              {"from": "audit", "to": "again"}
            ]})");
        const DependencyGraph graph = DependencyGraph::build({w});
        const DependencyEdge *ocrToBilling = find(graph, "06_ocr", "04_billing");
        QVERIFY(ocrToBilling);
        QCOMPARE(ocrToBilling->workflows, QStringList {"Documents"});
        QVERIFY(!ocrToBilling->declared);
        QVERIFY(find(graph, "04_billing", "09_compliance"));
        QVERIFY(find(graph, "09_compliance", "04_billing"));
        QVERIFY(!find(graph, "06_ocr", "09_compliance")); // only through 04
        QCOMPARE(graph.workflows().size(), 1);
        QCOMPARE(graph.workflows().first().modules,
                 QStringList({"06_ocr", "04_billing", "09_compliance"}));
    }

    void blastRadiusOfTheBuiltInTemplates()
    {
        QList<Workflow> templates;
        QDirIterator it(QStringLiteral(":/templates"), {QStringLiteral("*.json")});
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            templates.append(parse(file.readAll()));
        }
        QCOMPARE(templates.size(), 10);
        const DependencyGraph graph = DependencyGraph::build(templates);

        // Booking is on the journey: the onboarding flow and everything after booking stop.
        const BlastRadius booking = graph.blastRadius(QStringLiteral("02_booking"));
        QVERIFY(booking.journeyBlocked);
        QVERIFY(booking.workflows.contains(QStringLiteral("New patient onboarding")));
        QVERIFY(booking.workflows.contains(QStringLiteral("Telehealth session")));
        QVERIFY(!booking.workflows.contains(QStringLiteral("Document processing")));
        QVERIFY(booking.downstream.contains(QStringLiteral("08_messaging")));
        QVERIFY(booking.downstream.contains(QStringLiteral("09_compliance")));
        QVERIFY(!booking.downstream.contains(QStringLiteral("02_booking")));
        QVERIFY(booking.links.contains(
            std::make_pair(QStringLiteral("02_booking"), QStringLiteral("08_messaging"))));

        // Only what comes after the module in the workflows that use it: intake starts the
        // onboarding flow, which never reaches billing, even though billing's own flows share
        // modules with it.
        const BlastRadius intake = graph.blastRadius(QStringLiteral("01_intake"));
        QVERIFY(intake.downstream.contains(QStringLiteral("02_booking")));
        QVERIFY(!intake.downstream.contains(QStringLiteral("04_billing")));
        QVERIFY(!intake.links.contains(
            std::make_pair(QStringLiteral("04_billing"), QStringLiteral("08_messaging"))));

        // OCR is not: only the document flows, and nothing on the journey.
        const BlastRadius ocr = graph.blastRadius(QStringLiteral("06_ocr"));
        QVERIFY(!ocr.journeyBlocked);
        QVERIFY(ocr.workflows.contains(QStringLiteral("Document processing")));
        QVERIFY(!ocr.workflows.contains(QStringLiteral("New patient onboarding")));

        // A module no published workflow uses blocks nothing but its place on the journey.
        const BlastRadius none = DependencyGraph().blastRadius(QStringLiteral("07_analytics"));
        QVERIFY(none.isEmpty());

        const QJsonObject json = DependencyGraph::toJson(booking);
        QCOMPARE(json.value("module").toString(), QStringLiteral("02_booking"));
        QVERIFY(json.value("journey_blocked").toBool());
        QCOMPARE(graph.toJson().value("critical_path").toArray().size(), 4);
    }
};

QTEST_GUILESS_MAIN(TstDependencyGraph)
#include "tst_dependencygraph.moc"
