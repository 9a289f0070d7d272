#include "enginefixture.h"
#include "workflow/expressionengine.h"
#include "workflow/n8nimport.h"
#include "workflow/workflowvalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchboard;

namespace {

// Exports under tests/data/n8n (their sources are in tests/data/n8n/README.md).
QJsonObject exportNamed(const char *file)
{
    QFile f(QFINDTESTDATA(QStringLiteral("../data/n8n/%1").arg(QLatin1String(file))));
    if (!f.open(QIODevice::ReadOnly))
        qFatal("test data missing: %s", file);
    return QJsonDocument::fromJson(f.readAll()).object();
}

QHash<QString, QJsonObject> nodesOf(const QJsonObject &workflow)
{
    QHash<QString, QJsonObject> nodes;
    for (const QJsonValue &v : workflow.value("nodes").toArray())
        nodes.insert(v.toObject().value("id").toString(), v.toObject());
    return nodes;
}

// The steps an edge leaving `from` by `port` leads to, through a parallel step if there is one.
QStringList targets(const QJsonObject &workflow, const QString &from, const QString &port)
{
    const QHash<QString, QJsonObject> nodes = nodesOf(workflow);
    QStringList out;
    for (const QJsonValue &v : workflow.value("edges").toArray()) {
        const QJsonObject e = v.toObject();
        if (e.value("from").toString() != from || e.value("port").toString("out") != port)
            continue;
        const QString to = e.value("to").toString();
        if (nodes.value(to).value("type").toString() == QLatin1String("parallel"))
            out << targets(workflow, to, QStringLiteral("out"));
        else
            out << to;
    }
    return out;
}

// The expression of a condition step's first case.
QString firstCase(const QJsonObject &step)
{
    return step.value("cases").toArray().first().toObject().value("when").toString();
}

QList<WorkflowIssue> issuesOf(const QJsonObject &workflow)
{
    ExpressionEngine expressions;
    WorkflowValidator validator(expressions);
    return validator.validate(workflow);
}

QString firstIssue(const QList<WorkflowIssue> &issues)
{
    return issues.isEmpty() ? QString() : issues.first().toString();
}

} // namespace

class TstN8nImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // A clinic's export with a webhook and a two-rule schedule: three workflows, every mapped
    // step what n8n does, and the one node with no equivalent a placeholder that fails.
    void aClinicExportBecomesOneWorkflowPerTrigger()
    {
        auto converted = N8nImport::convert(exportNamed("clinic-lead-follow-up.json"));
        QVERIFY(converted.ok());
        QCOMPARE(converted->workflows.size(), 3);
        const QJsonObject hook = converted->workflows.at(0);
        QCOMPARE(hook.value("id").toString(), QStringLiteral("lead-follow-up-webhook"));
        const QJsonObject trigger = hook.value("trigger").toObject();
        QCOMPARE(trigger.value("kind").toString(), QStringLiteral("webhook"));
        QCOMPARE(trigger.value("path").toString(), QStringLiteral("NewLead"));
        QCOMPARE(trigger.value("respond").toString(), QStringLiteral("on_end"));

        const auto nodes = nodesOf(hook);
        const QJsonObject book = nodes.value("book_consult");
        QCOMPARE(book.value("module").toString(), QStringLiteral("02_booking"));
        QCOMPARE(book.value("action").toString(), QStringLiteral("book_first_available"));
        QCOMPARE(book.value("timeout_s").toInt(), 20);
        // The webhook's body is Switchboard's input.
        QCOMPARE(book.value("payload").toObject().value("patient_id").toString(),
                 QStringLiteral("{{ input.patient_id }}"));
        // $node["Book consult"].json is that step's output.
        QCOMPARE(nodes.value("confirm").value("payload").toObject().value("booking_id").toString(),
                 QStringLiteral("{{ steps.book_consult.output.booking_id }}"));
        QCOMPARE(nodes.value("wait").value("duration").toString(), QStringLiteral("1h"));
        QCOMPARE(
            nodes.value("note_follow_up").value("values").toObject().value("follow_up").toString(),
            QStringLiteral("Call {{ input.first_name }}"));
        QCOMPARE(nodes.value("respond").value("type").toString(), QStringLiteral("end"));
        QCOMPARE(targets(hook, "hot_lead", "true"), QStringList {"confirm"});
        QCOMPARE(targets(hook, "hot_lead", "false"), QStringList {"wait"});

        // The IF decides as n8n would, on the webhook's score.
        ExpressionEngine engine;
        const QString when = firstCase(nodes.value("hot_lead"));
        for (const auto &[score, hot] : {std::pair {9, true}, std::pair {8, false}}) {
            const auto v = engine.evaluate(when, {{"input", QJsonObject {{"score", score}}}});
            QVERIFY2(v.ok(), qPrintable(when));
            QCOMPARE(engine.truthy(*v), hot);
        }

        // The e-mail node has no Switchboard equivalent: one problem, naming it.
        const QList<WorkflowIssue> issues = issuesOf(hook);
        QVERIFY2(issues.size() == 1, qPrintable(firstIssue(issues)));
        QVERIFY2(issues.first().node == QStringLiteral("send_email"),
                 qPrintable(firstIssue(issues)));
        QVERIFY(issues.first().toString().contains(QStringLiteral("Send Email")));
        QVERIFY(issues.first().toString().contains(QStringLiteral("n8n-nodes-base.emailSend")));
        QVERIFY(converted->unmapped.join('\n').contains(QStringLiteral("\"Send Email\"")));

        // Each schedule rule starts its own workflow, and those have nothing to replace.
        QStringList crons;
        for (int i = 1; i < 3; ++i) {
            const QJsonObject w = converted->workflows.at(i);
            crons << w.value("trigger").toObject().value("cron").toString();
            QVERIFY2(issuesOf(w).isEmpty(), qPrintable(firstIssue(issuesOf(w))));
            QCOMPARE(nodesOf(w).value("refresh_figures").value("module").toString(),
                     QStringLiteral("07_analytics"));
            QVERIFY(!nodesOf(w).contains("book_consult"));
        }
        QCOMPARE(crons, (QStringList {"0 7 * * *", "30 18 * * 1-5"}));
    }

    // The clinic's webhook workflow, its one placeholder replaced as an admin would, runs in
    // the engine as it ran in n8n: the booking gets the webhook's patient, the hot lead's
    // confirmation carries the booking's id, and the webhook's answer is Respond's body.
    void theImportedWorkflowRunsAsItDidInN8n()
    {
        auto converted = N8nImport::convert(exportNamed("clinic-lead-follow-up.json"));
        QVERIFY(converted.ok());
        QJsonObject w = converted->workflows.first();
        QJsonArray nodes;
        for (const QJsonValue &v : w.value("nodes").toArray()) {
            if (v.toObject().value("id").toString() != QLatin1String("send_email")) {
                nodes.append(v);
                continue;
            }
            // The admin puts a console notice where the e-mail was.
            nodes.append(QJsonObject {{"id", "send_email"},
                                      {"type", "notify"},
                                      {"channel", "console"},
                                      {"message", "{{ steps.note_follow_up.output.follow_up }}"}});
        }
        w.insert("nodes", nodes);
        QVERIFY2(issuesOf(w).isEmpty(), qPrintable(firstIssue(issuesOf(w))));

        EngineFixture f;
        f.modules.responder = [](const ModuleCallRequest &request) {
            ModuleCallResult r;
            r.httpStatus = 200;
            r.body = {{"success", true}};
            if (request.module == QLatin1String("02_booking"))
                r.body.insert("booking_id", "BK-7");
            return r;
        };
        const QString id = f.publish(QJsonDocument(w).toJson());
        const QString run =
            f.start(id, {{"patient_id", "P-1"}, {"score", 9}, {"first_name", "Ana"}});
        QTRY_COMPARE(f.status(run), QStringLiteral("completed"));
        QCOMPARE(f.modules.calls.size(), 2);
        QCOMPARE(f.modules.calls.at(0).module, QStringLiteral("02_booking"));
        QCOMPARE(f.modules.calls.at(0).body.value("patient_id").toString(), QStringLiteral("P-1"));
        QCOMPARE(f.modules.calls.at(1).module, QStringLiteral("08_messaging"));
        QCOMPARE(f.modules.calls.at(1).body.value("booking_id").toString(), QStringLiteral("BK-7"));
        QCOMPARE(f.execution(run).value("output").toObject(), (QJsonObject {{"booked", true}}));

        // A cold lead waits its hour instead.
        const QString cold =
            f.start(id, {{"patient_id", "P-2"}, {"score", 3}, {"first_name", "Bo"}});
        QTRY_COMPARE(f.status(cold), QStringLiteral("waiting"));
        QCOMPARE(f.modules.calls.size(), 3);
    }

    // Execute Workflow runs the workflow its export becomes (by the name n8n keeps with the
    // id), with the declared inputs; "continue using error output" takes the child's failure.
    void executeWorkflowRunsTheImportedWorkflowItNames()
    {
        auto parent = N8nImport::convert(exportNamed("clinic-intake-with-booking.json"));
        auto child = N8nImport::convert(exportNamed("clinic-book-a-patient.json"));
        QVERIFY(parent.ok() && child.ok());
        QVERIFY2(parent->unmapped.isEmpty(), qPrintable(parent->unmapped.join('\n')));
        QCOMPARE(child->workflows.first().value("id").toString(), QStringLiteral("book-a-patient"));
        const QJsonObject intake = parent->workflows.first();
        QVERIFY2(issuesOf(intake).isEmpty(), qPrintable(firstIssue(issuesOf(intake))));
        const QHash<QString, QJsonObject> steps = nodesOf(intake);
        const QJsonObject book = steps.value("book_the_patient");
        QCOMPARE(book.value("type").toString(), QStringLiteral("run_workflow"));
        QCOMPARE(book.value("workflow").toString(), QStringLiteral("book-a-patient"));
        QCOMPARE(book.value("wait").toBool(), true);
        QCOMPARE(book.value("input").toObject(),
                 (QJsonObject {{"patient_id", "{{ input.patient_id }}"},
                               {"urgent", "{{ input.score >= 8 }}"}}));
        QCOMPARE(targets(intake, "book_the_patient", "error"), QStringList {"respond_failure"});
        const QJsonObject remind = steps.value("remind_later");
        QCOMPARE(remind.value("workflow").toString(), QStringLiteral("remind-later"));
        QCOMPARE(remind.value("wait").toBool(), false);
        QVERIFY(parent->mapped.join('\n').contains(
            QStringLiteral("import that export too, and publish it as book-a-patient")));

        EngineFixture f;
        bool bookingFails = false;
        f.modules.responder = [&bookingFails](const ModuleCallRequest &) {
            if (bookingFails)
                return FakeModuleClient::failure(false, 400);
            ModuleCallResult r;
            r.httpStatus = 200;
            r.body = {{"booking_id", "BK-9"}};
            return r;
        };
        f.publish(QJsonDocument(child->workflows.first()).toJson());
        f.publish(R"({"id": "remind-later", "name": "Remind later", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"}, {"id": "wait", "type": "delay", "duration": "1d"}, {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "wait"}, {"from": "wait", "to": "done"}]})");
        const QString id = f.publish(QJsonDocument(intake).toJson());
        const QString run = f.start(id, {{"patient_id", "P-9"}, {"score", 9}});
        QTRY_COMPARE(f.status(run), QStringLiteral("completed"));
        QCOMPARE(f.execution(run).value("output").toObject(), (QJsonObject {{"received", true}}));
        QCOMPARE(f.modules.calls.size(), 1);
        QCOMPARE(f.modules.calls.first().body.value("patient_id").toString(),
                 QStringLiteral("P-9"));
        QCOMPARE(f.modules.calls.first().body.value("urgent").toBool(), true);
        QCOMPARE(f.engine->executions(QStringLiteral("waiting")).value().size(), 1); // the reminder

        // The booking fails for good: the intake answers through its error output.
        bookingFails = true;
        const QString failing = f.start(id, {{"patient_id", "P-10"}, {"score", 2}});
        QTRY_COMPARE(f.status(failing), QStringLiteral("completed"));
        QCOMPARE(f.execution(failing).value("output").toObject(),
                 (QJsonObject {{"received", false}}));
    }

    // n8n's own Execute Workflow fixture picks the workflow by an expression ($workflow.id):
    // refused, each node a placeholder that names why.
    void executeWorkflowByExpressionIsRefused()
    {
        auto converted = N8nImport::convert(exportNamed("execute-workflow-sub-execution-id.json"));
        QVERIFY(converted.ok());
        int refused = 0;
        for (const QString &line : std::as_const(converted->unmapped)) {
            if (line.contains(QStringLiteral("(n8n-nodes-base.executeWorkflow)"))) {
                QVERIFY2(line.contains(QStringLiteral("chooses the workflow it runs by an "
                                                      "expression")),
                         qPrintable(line));
                ++refused;
            }
        }
        QCOMPARE(refused, 4);
    }

    // A v1 node names its workflow by id only: mapped, with the workflow left to choose, which
    // the validator asks for before it can be published.
    void executeWorkflowByIdAloneAsksWhichWorkflow()
    {
        const QJsonObject n8n {
            {"name", "x"},
            {"nodes",
             QJsonArray {QJsonObject {{"name", "Go"}, {"type", "n8n-nodes-base.manualTrigger"}},
                         QJsonObject {{"name", "Run"},
                                      {"type", "n8n-nodes-base.executeWorkflow"},
                                      {"typeVersion", 1},
                                      {"parameters", QJsonObject {{"workflowId", "42"}}}}}},
            {"connections",
             QJsonObject {
                 {"Go",
                  QJsonObject {{"main",
                                QJsonArray {QJsonArray {QJsonObject {
                                    {"node", "Run"}, {"type", "main"}, {"index", 0}}}}}}}}}};
        auto converted = N8nImport::convert(n8n);
        QVERIFY(converted.ok());
        const QJsonObject run = nodesOf(converted->workflows.first()).value("run");
        QCOMPARE(run.value("type").toString(), QStringLiteral("run_workflow"));
        QCOMPARE(run.value("input").toString(), QStringLiteral("{{ input }}"));
        const QList<WorkflowIssue> issues = issuesOf(converted->workflows.first());
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().field, QStringLiteral("workflow"));
        QVERIFY(converted->mapped.join('\n').contains(QStringLiteral("only by its id 42")));
    }

    // n8n's IF v1 fixture: the comparisons left at n8n's defaults ("smaller" for numbers),
    // one output fanned out to eight IFs, and outputs left open. Each IF decides for 1 and 2
    // exactly as n8n's pinned results say.
    void ifV1DecidesAsN8nDid()
    {
        const QJsonObject n8n = exportNamed("if-v1-number.json");
        auto converted = N8nImport::convert(n8n);
        QVERIFY(converted.ok());
        QCOMPARE(converted->workflows.size(), 1);
        const QJsonObject w = converted->workflows.first();
        const auto nodes = nodesOf(w);
        QCOMPARE(targets(w, "code", "out").size(), 8);
        // Only the Code node (its own JavaScript) is refused.
        const QList<WorkflowIssue> issues = issuesOf(w);
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().node, QStringLiteral("code"));

        const QJsonObject pinned = n8n.value("pinData").toObject();
        const QJsonObject connections = n8n.value("connections").toObject();
        ExpressionEngine engine;
        int checked = 0;
        for (auto it = connections.begin(); it != connections.end(); ++it) {
            if (!it.key().startsWith(QLatin1String("IF ")))
                continue;
            const QString id = it.key().toLower().replace(' ', '_');
            const QString when = firstCase(nodes.value(id));
            QVERIFY2(!when.isEmpty(), qPrintable(id));
            const QJsonArray outputs = it.value().toObject().value("main").toArray();
            for (int output = 0; output < outputs.size(); ++output) {
                for (const QJsonValue &t : outputs.at(output).toArray()) {
                    for (const QJsonValue &item :
                         pinned.value(t.toObject().value("node").toString()).toArray()) {
                        const QJsonObject scope {
                            {"steps",
                             QJsonObject {
                                 {"code",
                                  QJsonObject {{"output", item.toObject().value("json")}}}}}};
                        const auto v = engine.evaluate(when, scope);
                        QVERIFY2(v.ok(), qPrintable(when));
                        QCOMPARE(engine.truthy(*v), output == 0);
                        ++checked;
                    }
                }
            }
        }
        QCOMPARE(checked, 16); // every item n8n pinned behind an IF
        // An IF output with nothing connected ends the run there, as n8n stops there.
        QCOMPARE(targets(w, "if_is_empty", "true"), QStringList {"end"});
    }

    // IF v2 with "or": the rule n8n evaluated to Then for 1 and 12 and Else for 5.
    void ifV2ConditionsAreNotAlwaysTrue()
    {
        const QJsonObject n8n = exportNamed("if-v2-number.json");
        auto converted = N8nImport::convert(n8n);
        QVERIFY(converted.ok());
        const QJsonObject w = converted->workflows.first();
        const QString when = firstCase(nodesOf(w).value("if"));
        ExpressionEngine engine;
        for (const auto &[count, then] :
             {std::pair {1, true}, std::pair {12, true}, std::pair {5, false}}) {
            const QJsonObject scope {
                {"steps",
                 QJsonObject {{"code", QJsonObject {{"output", QJsonObject {{"count", count}}}}}}}};
            const auto v = engine.evaluate(when, scope);
            QVERIFY2(v.ok(), qPrintable(when));
            QCOMPARE(engine.truthy(*v), then);
        }
        // n8n's test-data node is the one placeholder.
        const QList<WorkflowIssue> issues = issuesOf(w);
        QCOMPARE(issues.size(), 1);
        QVERIFY(issues.first().toString().contains(QStringLiteral("n8n-nodes-testing.testData")));
    }

    // Switch v3: three named rules, the fallback to the third output.
    void switchV3KeepsEveryRuleAndTheFallback()
    {
        auto converted = N8nImport::convert(exportNamed("switch-v3-rules.json"));
        QVERIFY(converted.ok());
        const QJsonObject w = converted->workflows.first();
        const QJsonObject sw = nodesOf(w).value("switch1");
        QCOMPARE(sw.value("type").toString(), QStringLiteral("condition"));
        const QJsonArray cases = sw.value("cases").toArray();
        QCOMPARE(cases.size(), 3);
        QCOMPARE(cases.at(0).toObject().value("label").toString(), QStringLiteral("First Output"));
        QCOMPARE(targets(w, "switch1", "First Output"), QStringList {"no_operation_do_nothing"});
        QCOMPARE(targets(w, "switch1", "Third Output"), QStringList {"no_operation_do_nothing2"});
        // What matches no rule goes where n8n sends it: the third output.
        QCOMPARE(targets(w, "switch1", sw.value("default").toString()),
                 QStringList {"no_operation_do_nothing2"});
        ExpressionEngine engine;
        const QString second = cases.at(1).toObject().value("when").toString();
        for (const auto &[output, matches] :
             {std::pair {"second", true}, std::pair {"fourth", false}}) {
            const QJsonObject scope {
                {"steps",
                 QJsonObject {
                     {"code", QJsonObject {{"output", QJsonObject {{"output", output}}}}}}}};
            QCOMPARE(engine.truthy(*engine.evaluate(second, scope)), matches);
        }
    }

    // A Merge after the two branches of an IF goes on with the one that ran; after an output
    // connected to two nodes (both run) it waits for both. Either way the workflow validates.
    void mergeWaitsOnlyForBranchesThatRun_data()
    {
        QTest::addColumn<bool>("afterIf");
        QTest::addColumn<QString>("mode");
        QTest::newRow("branches of an IF") << true << "any";
        QTest::newRow("side by side") << false << "all";
    }

    void mergeWaitsOnlyForBranchesThatRun()
    {
        QFETCH(bool, afterIf);
        QFETCH(QString, mode);
        const auto node = [](const char *name, const char *type, const QJsonObject &parameters) {
            return QJsonObject {{"name", name}, {"type", type}, {"parameters", parameters}};
        };
        const auto to = [](const char *name, int input = 0) {
            return QJsonObject {{"node", name}, {"type", "main"}, {"index", input}};
        };
        const QJsonObject ifParameters {
            {"conditions",
             QJsonObject {
                 {"boolean",
                  QJsonArray {QJsonObject {{"value1", "={{ $json.ok }}"}, {"value2", true}}}}}}};
        QJsonObject connections {
            {"A", QJsonObject {{"main", QJsonArray {QJsonArray {to("Merge", 0)}}}}},
            {"B", QJsonObject {{"main", QJsonArray {QJsonArray {to("Merge", 1)}}}}},
            {"Merge", QJsonObject {{"main", QJsonArray {QJsonArray {to("After")}}}}}};
        if (afterIf) {
            connections.insert("Go", QJsonObject {{"main", QJsonArray {QJsonArray {to("Check")}}}});
            connections.insert(
                "Check",
                QJsonObject {{"main", QJsonArray {QJsonArray {to("A")}, QJsonArray {to("B")}}}});
        } else {
            connections.insert("Go",
                               QJsonObject {{"main", QJsonArray {QJsonArray {to("A"), to("B")}}}});
        }
        const QJsonObject n8n {
            {"name", "merge"},
            {"nodes",
             QJsonArray {node("Go", "n8n-nodes-base.manualTrigger", {}),
                         node("Check", "n8n-nodes-base.if", ifParameters),
                         node("A", "n8n-nodes-base.noOp", {}), node("B", "n8n-nodes-base.noOp", {}),
                         node("Merge", "n8n-nodes-base.merge", {}),
                         node("After", "n8n-nodes-base.wait",
                              QJsonObject {{"amount", 1.5}, {"unit", "hours"}})}},
            {"connections", connections}};
        auto converted = N8nImport::convert(n8n);
        QVERIFY(converted.ok());
        const QJsonObject w = converted->workflows.first();
        QCOMPARE(nodesOf(w).value("merge").value("mode").toString(), mode);
        QCOMPARE(nodesOf(w).value("after").value("duration").toString(), QStringLiteral("90m"));
        QVERIFY2(issuesOf(w).isEmpty(), qPrintable(firstIssue(issuesOf(w))));
        if (!afterIf)
            QCOMPARE(targets(w, "start", "out"), (QStringList {"a", "b"}));
    }

    // The Cron node's times, with its defaults (14:00), each start their own workflow.
    void cronTimesBecomeSchedules()
    {
        const QJsonObject n8n {
            {"name", "cron"},
            {"nodes",
             QJsonArray {
                 QJsonObject {
                     {"name", "Cron"},
                     {"type", "n8n-nodes-base.cron"},
                     {"parameters",
                      QJsonObject {{"triggerTimes",
                                    QJsonObject {{"item",
                                                  QJsonArray {QJsonObject {},
                                                              QJsonObject {{"mode", "everyWeek"},
                                                                           {"hour", 9},
                                                                           {"weekday", "1"}}}}}}}}},
                 QJsonObject {
                     {"name", "Filter"},
                     {"type", "n8n-nodes-base.filter"},
                     {"typeVersion", 2},
                     {"parameters",
                      QJsonObject {{"conditions", QJsonObject {{"conditions", QJsonArray {}}}}}}}}},
            {"connections",
             QJsonObject {{"Cron",
                           QJsonObject {{"main",
                                         QJsonArray {QJsonArray {
                                             QJsonObject {{"node", "Filter"}, {"index", 0}}}}}}}}}};
        auto converted = N8nImport::convert(n8n);
        QVERIFY(converted.ok());
        QCOMPARE(converted->workflows.size(), 2);
        QCOMPARE(converted->workflows.at(0).value("trigger").toObject().value("cron").toString(),
                 QStringLiteral("0 14 * * *"));
        QCOMPARE(converted->workflows.at(1).value("trigger").toObject().value("cron").toString(),
                 QStringLiteral("0 9 * * 1"));
        for (const QJsonObject &w : std::as_const(converted->workflows)) {
            QVERIFY2(issuesOf(w).isEmpty(), qPrintable(firstIssue(issuesOf(w))));
            // What the Filter drops stops there.
            QCOMPARE(targets(w, "filter", "dropped"), QStringList {"end"});
        }
    }

    // Expressions that cannot be translated exactly refuse the node, naming what.
    void expressionsThatCannotMapAreRefused_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("named");
        QTest::newRow("luxon now") << "={{ $now.toISO() }}"
                                   << "$now";
        QTest::newRow("webhook headers") << "={{ $json.headers.host }}"
                                         << "headers";
        QTest::newRow("unknown node") << "={{ $('Nowhere').item.json.x }}"
                                      << "Nowhere";
        QTest::newRow("all items") << "={{ $input.all().length }}"
                                   << "$input";
    }

    void expressionsThatCannotMapAreRefused()
    {
        QFETCH(QString, value);
        QFETCH(QString, named);
        const QJsonObject n8n {
            {"name", "x"},
            {"nodes",
             QJsonArray {
                 QJsonObject {{"name", "Hook"},
                              {"type", "n8n-nodes-base.webhook"},
                              {"parameters", QJsonObject {{"httpMethod", "POST"}, {"path", "in"}}}},
                 QJsonObject {
                     {"name", "Note"},
                     {"type", "n8n-nodes-base.set"},
                     {"typeVersion", 2},
                     {"parameters",
                      QJsonObject {{"values",
                                    QJsonObject {{"string",
                                                  QJsonArray {QJsonObject {
                                                      {"name", "a"}, {"value", value}}}}}}}}}}},
            {"connections",
             QJsonObject {
                 {"Hook",
                  QJsonObject {{"main",
                                QJsonArray {QJsonArray {QJsonObject {
                                    {"node", "Note"}, {"type", "main"}, {"index", 0}}}}}}}}}};
        auto converted = N8nImport::convert(n8n);
        QVERIFY(converted.ok());
        const QList<WorkflowIssue> issues = issuesOf(converted->workflows.first());
        QCOMPARE(issues.size(), 1);
        QCOMPARE(issues.first().node, QStringLiteral("note"));
        QVERIFY2(issues.first().toString().contains(named), qPrintable(issues.first().toString()));
    }

    // Long names make ids within the format's limits; GET webhooks and non-module calls are
    // refused, not turned into something else.
    void limitsAndRefusals()
    {
        const QString longName(80, QLatin1Char('a'));
        const QJsonObject n8n {
            {"name", longName},
            {"nodes",
             QJsonArray {QJsonObject {{"name", "Hook"},
                                      {"type", "n8n-nodes-base.webhook"},
                                      {"parameters", QJsonObject {{"path", "in"}}}},
                         QJsonObject {{"name", longName},
                                      {"type", "n8n-nodes-base.httpRequest"},
                                      {"typeVersion", 4},
                                      {"parameters",
                                       QJsonObject {{"method", "POST"},
                                                    {"url", "https://example.org/x"}}}}}},
            {"connections",
             QJsonObject {{"Hook",
                           QJsonObject {{"main",
                                         QJsonArray {QJsonArray {
                                             QJsonObject {{"node", longName}, {"index", 0}}}}}}}}}};
        auto converted = N8nImport::convert(n8n);
        QVERIFY(converted.ok());
        const QJsonObject w = converted->workflows.first();
        QCOMPARE(w.value("id").toString().size(), 63);
        const QList<WorkflowIssue> issues = issuesOf(w);
        QCOMPARE(issues.size(), 2); // the GET webhook and the call outside the modules
        const QString all = issues.first().toString() + issues.last().toString();
        QVERIFY2(all.contains(QStringLiteral("GET")), qPrintable(all));
        QVERIFY2(all.contains(QStringLiteral("example.org")), qPrintable(all));
        for (const QJsonValue &v : w.value("nodes").toArray())
            QVERIFY(v.toObject().value("id").toString().size() <= 63);
    }

    // The longest chain that is imported converts (the conversion follows it recursively);
    // one node more is refused, naming the limit.
    void aLongChainConvertsAndTooLongIsRefused()
    {
        const auto chain = [](int length) {
            QJsonArray nodes {
                QJsonObject {{"name", "Start"}, {"type", "n8n-nodes-base.manualTrigger"}}};
            QJsonObject connections;
            QString previous = QStringLiteral("Start");
            for (int i = 1; i < length; ++i) {
                const QString name = QStringLiteral("Step %1").arg(i);
                nodes.append(QJsonObject {
                    {"name", name},
                    {"type", "n8n-nodes-base.set"},
                    {"typeVersion", 2},
                    {"parameters",
                     QJsonObject {
                         {"values",
                          QJsonObject {{"string",
                                        QJsonArray {QJsonObject {
                                            {"name", "n"}, {"value", "={{ $json.n }}"}}}}}}}}});
                connections.insert(
                    previous,
                    QJsonObject {
                        {"main",
                         QJsonArray {QJsonArray {QJsonObject {{"node", name}, {"index", 0}}}}}});
                previous = name;
            }
            return QJsonObject {{"name", "chain"}, {"nodes", nodes}, {"connections", connections}};
        };
        auto longest = N8nImport::convert(chain(int(N8nImport::MaxNodes)));
        QVERIFY(longest.ok());
        const QJsonObject last = nodesOf(longest->workflows.first())
                                     .value(QStringLiteral("step_%1").arg(N8nImport::MaxNodes - 1));
        // $json.n of the last set reads the one before it, which kept the fields it was given.
        QVERIFY2(last.value("values").toObject().value("n").toString().contains(
                     QStringLiteral("steps.step_%1.output").arg(N8nImport::MaxNodes - 2)),
                 qPrintable(last.value("values").toObject().value("n").toString()));
        QCOMPARE(nodesOf(longest->workflows.first())
                     .value("step_1")
                     .value("values")
                     .toObject()
                     .value("n")
                     .toString(),
                 QStringLiteral("{{ input.n }}"));
        auto tooLong = N8nImport::convert(chain(int(N8nImport::MaxNodes) + 1));
        QVERIFY(!tooLong.ok());
        QCOMPARE(tooLong.error().field, QStringLiteral("nodes"));
    }

    void refusesWhatIsNotAnExport()
    {
        auto refused = N8nImport::convert(QJsonObject {{"nodes", QJsonArray {}}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("connections"));
        // Without a trigger, a manual start leads to the first step.
        const QJsonObject merge {{"name", "x"},
                                 {"nodes",
                                  QJsonArray {QJsonObject {{"name", "Merge"},
                                                           {"type", "n8n-nodes-base.merge"},
                                                           {"parameters", QJsonObject {}}}}},
                                 {"connections", QJsonObject {}}};
        auto manual = N8nImport::convert(merge);
        QVERIFY(manual.ok());
        const QJsonObject w = manual->workflows.first();
        QCOMPARE(w.value("trigger").toObject().value("kind").toString(), QStringLiteral("manual"));
        QVERIFY2(issuesOf(w).isEmpty(), qPrintable(firstIssue(issuesOf(w))));
    }
};

QTEST_GUILESS_MAIN(TstN8nImport)
#include "tst_n8nimport.moc"
