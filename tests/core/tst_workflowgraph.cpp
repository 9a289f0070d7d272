#include "workflow/workflowdiff.h"
#include "workflow/workflowgraph.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace Switchboard;

class TstWorkflowGraph : public QObject
{
    Q_OBJECT

    static QJsonObject onboarding()
    {
        QFile file(QStringLiteral(":/templates/new-patient-onboarding.json"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("no template");
        return QJsonDocument::fromJson(file.readAll()).object();
    }

private Q_SLOTS:
    void loadsAndSavesTheFormatUnchanged()
    {
        WorkflowGraph graph;
        QSignalSpy reset(&graph, &WorkflowGraph::reset);
        const QJsonObject doc = onboarding();
        QVERIFY(graph.load(doc).ok());
        QCOMPARE(reset.size(), 1);
        QCOMPARE(graph.nodeIds().size(), doc.value("nodes").toArray().size());
        QCOMPARE(graph.edges().size(), doc.value("edges").toArray().size());
        // Saved again, the document is the same (edges on "out" keep no port key).
        QJsonObject expected = doc;
        QJsonArray edges;
        for (const QJsonValue &v : doc.value("edges").toArray()) {
            QJsonObject e = v.toObject();
            if (e.value("port").toString() == QLatin1String("out"))
                e.remove("port");
            edges.append(e);
        }
        expected.insert("edges", edges);
        QCOMPARE(graph.toJson(), expected);
        QCOMPARE(graph.metadata().value("id").toString(), QStringLiteral("new-patient-onboarding"));
    }

    void refusesBrokenDocumentsAndKeepsWhatItHad()
    {
        WorkflowGraph graph;
        QVERIFY(graph.load(onboarding()).ok());
        const QJsonObject before = graph.toJson();
        auto noNodes = graph.load({{"id", "x"}});
        QVERIFY(!noNodes.ok());
        QCOMPARE(noNodes.error().field, QStringLiteral("nodes"));
        auto twice = graph.load(QJsonDocument::fromJson(R"({"nodes":[{"id":"a","type":"end"},
            {"id":"a","type":"end"}],"edges":[]})")
                                    .object());
        QVERIFY(!twice.ok());
        QVERIFY(twice.error().message.contains(QStringLiteral("two nodes")));
        QCOMPARE(graph.toJson(), before);
    }

    void connectionsTheFormatForbidsAreRefusedWithAReason()
    {
        WorkflowGraph graph;
        QVERIFY(graph
                    .load(QJsonDocument::fromJson(R"({"id":"t","nodes":[
            {"id":"start","type":"trigger"},
            {"id":"check","type":"condition","cases":[{"label":"low","when":"true"}],"default":"high"},
            {"id":"fan","type":"parallel"},
            {"id":"a","type":"set","values":{}},{"id":"b","type":"set","values":{}},
            {"id":"done","type":"end"}],"edges":[]})")
                              .object())
                    .ok());
        QVERIFY(graph.addEdge({"start", "check", "out"}).ok());
        QVERIFY(graph.canConnect({"check", "a", "low"}).ok());
        const auto reason = [&](const WorkflowEdge &e) {
            return graph.canConnect(e).error().message;
        };
        QVERIFY(reason({"a", "start", "out"}).contains(QStringLiteral("into the trigger")));
        QVERIFY(reason({"a", "a", "out"}).contains(QStringLiteral("itself")));
        QVERIFY(reason({"done", "a", "out"}).contains(QStringLiteral("no way out")));
        QVERIFY(reason({"check", "a", "out"}).contains(QStringLiteral("no output \"out\"")));
        QVERIFY(reason({"start", "check", "out"}).contains(QStringLiteral("already connected")));
        QVERIFY(graph.addEdge({"check", "a", "low"}).ok());
        QVERIFY(reason({"check", "b", "low"}).contains(QStringLiteral("parallel step")));
        // A parallel step fans out.
        QVERIFY(graph.addEdge({"fan", "a", "out"}).ok());
        QVERIFY(graph.addEdge({"fan", "b", "out"}).ok());
        QCOMPARE(graph.edges().size(), 4);
    }

    void editsSignalAndKeepEdgesConsistent()
    {
        WorkflowGraph graph;
        QVERIFY(graph
                    .load(QJsonDocument::fromJson(R"({"id":"t","nodes":[
            {"id":"start","type":"trigger"},
            {"id":"review","type":"human_review","outcomes":["approve","reject"]},
            {"id":"ok","type":"end"},{"id":"no","type":"end"}],
            "edges":[{"from":"start","to":"review"},{"from":"review","to":"ok","port":"approve"},
                     {"from":"review","to":"no","port":"reject"}]})")
                              .object())
                    .ok());
        QSignalSpy removed(&graph, &WorkflowGraph::edgeRemoved);
        QSignalSpy changed(&graph, &WorkflowGraph::changed);
        // Dropping an outcome drops its edge.
        QJsonObject review = graph.node("review");
        review.insert("outcomes", QJsonArray {"approve"});
        graph.setNode("review", review);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(graph.edges().size(), 2);
        // Removing a node removes its edges; ids stay unique.
        graph.removeNode("ok");
        QCOMPARE(graph.edges().size(), 1);
        QCOMPARE(graph.freshId("end"), QStringLiteral("end"));
        QVERIFY(graph.insertNode({{"id", "end"}, {"type", "end"}}).ok());
        QCOMPARE(graph.freshId("end"), QStringLiteral("end_2"));
        QVERIFY(!graph.insertNode({{"id", "end"}, {"type", "end"}}).ok());
        QVERIFY(!graph.insertNode({{"id", "x"}, {"type", "teleport"}}).ok());
        graph.moveNode("end", {120.4, 80.6});
        QCOMPARE(graph.position("end"), QPointF(120, 81));
        QVERIFY(changed.size() >= 4);
    }

    void diffNamesWhatChangedBetweenVersions()
    {
        const QJsonObject v1 = onboarding();
        WorkflowGraph graph;
        QVERIFY(graph.load(v1).ok());
        // A setting, a step's settings, a new step and its connection, a removed connection,
        // and a step moved on the canvas (which does not count).
        QJsonObject meta = graph.metadata();
        meta.insert("name", "Onboarding (new)");
        meta.insert("version", 3);
        graph.setMetadata(meta);
        QJsonObject audit = graph.node("audit");
        audit.insert("timeout_s", 20);
        graph.setNode("audit", audit);
        graph.moveNode("done", {900, 40});
        QVERIFY(
            graph
                .insertNode(
                    {{"id", "note"}, {"type", "notify"}, {"channel", "console"}, {"message", "hi"}})
                .ok());
        const WorkflowEdge removed = graph.edgesOf("done").first();
        graph.removeEdge(removed);
        QVERIFY(graph.addEdge({removed.from, "note", removed.port}).ok());

        const QList<WorkflowChange> changes = WorkflowDiff::between(v1, graph.toJson());
        QStringList texts;
        for (const WorkflowChange &c : changes)
            texts << c.text();
        QCOMPARE(
            texts,
            QStringList({
                "Setting name changed",
                "Step audit changed: timeout_s",
                "Step note added",
                QStringLiteral("Connection %1 → done (%2) removed").arg(removed.from, removed.port),
                QStringLiteral("Connection %1 → note (%2) added").arg(removed.from, removed.port),
            }));
        QVERIFY(WorkflowDiff::between(v1, v1).isEmpty());
    }

    void renamingAStepCarriesItsEdgesAndReferences()
    {
        WorkflowGraph graph;
        QVERIFY(graph.load(onboarding()).ok());
        const int edgesOfBook = int(graph.edgesOf("book").size());
        QVERIFY(edgesOfBook > 0);
        QVERIFY(QJsonDocument(graph.toJson()).toJson().contains("steps.book."));
        QVERIFY(graph.renameNode("book", "book_slot").ok());
        QVERIFY(!graph.hasNode("book"));
        QCOMPARE(graph.node("book_slot").value("id").toString(), QStringLiteral("book_slot"));
        QCOMPARE(graph.edgesOf("book_slot").size(), edgesOfBook);
        const QByteArray json = QJsonDocument(graph.toJson()).toJson();
        QVERIFY(!json.contains("steps.book."));
        QVERIFY(json.contains("steps.book_slot."));
        QCOMPARE(graph.nodeIds().indexOf("book_slot") >= 0, true);
        // What an id may be, and that it is unique.
        QCOMPARE(graph.renameNode("book_slot", "Book").error().field, QStringLiteral("id"));
        QVERIFY(graph.renameNode("book_slot", "score")
                    .error()
                    .message.contains(QStringLiteral("already")));
        QVERIFY(!graph.renameNode("nothing", "x").ok());
    }
};

QTEST_GUILESS_MAIN(TstWorkflowGraph)
#include "tst_workflowgraph.moc"
