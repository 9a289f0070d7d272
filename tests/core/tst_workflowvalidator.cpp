#include "workflow/expressionengine.h"
#include "workflow/workflowvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchboard;

// One test row per rule, each checking the node, the field and the words of the message.
class TstWorkflowValidator : public QObject
{
    Q_OBJECT

    ExpressionEngine m_expressions;

    // A small valid workflow: trigger → book (module_call) → check (condition) → done / nurture.
    static QJsonObject base()
    {
        return QJsonDocument::fromJson(R"({
          "id": "sample", "name": "Sample",
          "trigger": {"kind": "manual"},
          "nodes": [
            {"id": "start", "type": "trigger"},
            {"id": "book", "type": "module_call", "module": "02_booking", "action": "book", "payload": {"patient": "{{ input.patient_id }}"}, "timeout_s": 10},
            {"id": "check", "type": "condition", "cases": [{"label": "hot", "when": "input.score >= 8"}], "default": "other"},
            {"id": "wait", "type": "delay", "duration": "1h"},
            {"id": "done", "type": "end", "status": "completed"},
            {"id": "nurture", "type": "end", "status": "completed"}
          ],
          "edges": [
            {"from": "start", "to": "book"},
            {"from": "book", "to": "check"},
            {"from": "check", "to": "done", "port": "hot"},
            {"from": "check", "to": "wait", "port": "other"},
            {"from": "wait", "to": "nurture"}
          ]})")
            .object();
    }

    static QJsonObject withNode(int index, const QString &key, const QJsonValue &value)
    {
        QJsonObject doc = base();
        QJsonArray nodes = doc.value(QLatin1String("nodes")).toArray();
        QJsonObject node = nodes.at(index).toObject();
        if (value.isUndefined())
            node.remove(key);
        else
            node.insert(key, value);
        nodes.replace(index, node);
        doc.insert(QStringLiteral("nodes"), nodes);
        return doc;
    }

    static QJsonObject withEdges(const QJsonArray &extra, int removeIndex = -1)
    {
        QJsonObject doc = base();
        QJsonArray edges = doc.value(QLatin1String("edges")).toArray();
        if (removeIndex >= 0)
            edges.removeAt(removeIndex);
        for (const QJsonValue &e : extra)
            edges.append(e);
        doc.insert(QStringLiteral("edges"), edges);
        return doc;
    }

    static QJsonObject withExtraNode(const QJsonObject &node, const QJsonArray &edges = {})
    {
        QJsonObject doc = withEdges(edges);
        QJsonArray nodes = doc.value(QLatin1String("nodes")).toArray();
        nodes.append(node);
        doc.insert(QStringLiteral("nodes"), nodes);
        return doc;
    }

private Q_SLOTS:
    // A loop through a delay of a minute is the retry pattern the templates use: allowed.
    void aLoopThroughARealDelayIsAllowed()
    {
        WorkflowValidator validator(m_expressions);
        const auto issues = validator.validate(
            withExtraNode(QJsonObject {{"id", "again"}, {"type", "delay"}, {"duration", "1m"}},
                          {QJsonObject {{"from", "book"}, {"to", "again"}, {"port", "error"}},
                           QJsonObject {{"from", "again"}, {"to", "book"}}}));
        QVERIFY2(issues.isEmpty(),
                 qPrintable(issues.isEmpty() ? QString() : issues.first().toString()));
    }

    // Past the node limit a workflow is refused before it is looked at, naming the limit; a
    // long chain at the limit validates without deep recursion (the cycle check is iterative).
    void theNodeLimitIsKeptAndLongChainsValidate()
    {
        const auto chain = [](int length) {
            QJsonArray nodes {QJsonObject {{"id", "n0"}, {"type", "trigger"}}};
            QJsonArray edges;
            for (int i = 1; i < length; ++i) {
                nodes.append(QJsonObject {{"id", QStringLiteral("n%1").arg(i)},
                                          {"type", i + 1 == length ? "end" : "set"},
                                          {"values", QJsonObject {{"i", i}}}});
                edges.append(QJsonObject {{"from", QStringLiteral("n%1").arg(i - 1)},
                                          {"to", QStringLiteral("n%1").arg(i)}});
            }
            return QJsonObject {{"id", "chain"},
                                {"name", "A long chain"},
                                {"trigger", QJsonObject {{"kind", "manual"}}},
                                {"nodes", nodes},
                                {"edges", edges}};
        };
        WorkflowValidator validator(m_expressions);
        validator.setMaxNodes(50000);
        const auto issues = validator.validate(chain(50000));
        QVERIFY2(issues.isEmpty(),
                 qPrintable(issues.isEmpty() ? QString() : issues.first().toString()));
        WorkflowValidator strict(m_expressions);
        const auto refused = strict.validate(chain(WorkflowValidator::DefaultMaxNodes + 1));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused.first().field, QStringLiteral("nodes"));
        QVERIFY(refused.first().message.text().contains(QLatin1String("WORKFLOW_MAX_NODES")));
    }

    void correlationKeysAreReadFromTheInput()
    {
        QJsonObject doc = base();
        doc.insert(
            QStringLiteral("correlation"),
            QJsonObject {{"patient_id", "input.patient.id"}, {"invoice_id", "input.invoice"}});
        WorkflowValidator validator(m_expressions);
        QVERIFY(validator.validate(doc).isEmpty());
        const Workflow w = Workflow::fromJson(doc).value();
        QCOMPARE(w.correlation.size(), 2);
        const QJsonObject input {{"patient", QJsonObject {{"id", "P-1"}}}, {"invoice", 42}};
        QStringList values;
        for (const CorrelationKey &k : w.correlation)
            values << k.key + QLatin1Char('=') + k.valueIn(input);
        QCOMPARE(values, QStringList({"invoice_id=42", "patient_id=P-1"}));
        QCOMPARE(w.correlation.first().valueIn({}), QString());
        // Saved and read back, the same keys.
        QCOMPARE(w.toJson().value(QLatin1String("correlation")), doc.value("correlation"));
    }

    void validWorkflowHasNoIssues()
    {
        WorkflowValidator validator(m_expressions);
        const auto issues = validator.validate(base());
        QVERIFY2(issues.isEmpty(),
                 qPrintable(issues.isEmpty() ? QString() : issues.first().toString()));
    }

    void rules_data()
    {
        QTest::addColumn<QJsonObject>("document");
        QTest::addColumn<QString>("node");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");

        QJsonObject missingName = base();
        missingName.remove(QStringLiteral("name"));
        QTest::newRow("schema: required") << missingName << ""
                                          << "name"
                                          << "is required";
        QTest::newRow("schema: out of range")
            << withNode(1, QStringLiteral("timeout_s"), 90) << "book"
            << "timeout_s"
            << "above the maximum 60";
        QTest::newRow("schema: wrong type")
            << withNode(1, QStringLiteral("payload"), QStringLiteral("x")) << "book"
            << "payload"
            << "expected object";
        QTest::newRow("schema: unknown node type")
            << withNode(3, QStringLiteral("type"), QStringLiteral("sleep")) << "wait"
            << "type"
            << "is not one of";
        QTest::newRow("schema: bad duration")
            << withNode(3, QStringLiteral("duration"), QStringLiteral("soon")) << "wait"
            << "duration"
            << "expected form";
        QTest::newRow("unknown module")
            << withNode(1, QStringLiteral("module"), QStringLiteral("12_crm")) << "book"
            << "module"
            << "unknown module \"12_crm\"";
        QTest::newRow("dangling edge")
            << withEdges({QJsonObject {{"from", "book"}, {"to", "ghost"}}}) << "book"
            << "edges[5].to"
            << "no node has the id \"ghost\"";
        QTest::newRow("duplicate edge")
            << withEdges({QJsonObject {{"from", "start"}, {"to", "book"}}}) << "start"
            << "edges[5]"
            << "appears twice";
        QTest::newRow("wrong port")
            << withEdges({QJsonObject {{"from", "check"}, {"to", "done"}, {"port", "cold"}}})
            << "check"
            << "edges[5].port"
            << "\"cold\" is not an output";
        QTest::newRow("unreachable")
            << withExtraNode(QJsonObject {{"id", "orphan"}, {"type", "end"}}) << "orphan"
            << ""
            << "no path from the trigger";
        QTest::newRow("condition without default") << withEdges({}, 3) << "check"
                                                   << "default"
                                                   << "no default branch";
        QTest::newRow("bad expression")
            << withNode(2, QStringLiteral("cases"),
                        QJsonArray {QJsonObject {{"label", "hot"}, {"when", "input.score >= "}}})
            << "check"
            << "cases[0].when"
            << "does not compile";
        QTest::newRow("bad template")
            << withNode(1, QStringLiteral("payload"), QJsonObject {{"p", "{{ input. }}"}}) << "book"
            << "payload.p"
            << "in {{ input. }}";
        QTest::newRow("dead end") << withExtraNode(
            QJsonObject {
                {"id", "note"}, {"type", "notify"}, {"channel", "console"}, {"message", "hi"}},
            {QJsonObject {{"from", "check"}, {"to", "note"}, {"port", "hot"}}})
                                  << "note"
                                  << ""
                                  << "nothing follows this node";
        QTest::newRow("cycle without wait") << withExtraNode(
            QJsonObject {{"id", "again"}, {"type", "set"}, {"values", QJsonObject {{"n", 1}}}},
            {QJsonObject {{"from", "book"}, {"to", "again"}, {"port", "error"}},
             QJsonObject {{"from", "again"}, {"to", "book"}}})
                                            << "again"
                                            << ""
                                            << "loop with no wait in it";
        QTest::newRow("cycle through a 0 ms delay")
            << withExtraNode(QJsonObject {{"id", "again"}, {"type", "delay"}, {"duration", "0s"}},
                             {QJsonObject {{"from", "book"}, {"to", "again"}, {"port", "error"}},
                              QJsonObject {{"from", "again"}, {"to", "book"}}})
            << "again"
            << ""
            << "a delay of at least a second";
        QTest::newRow("cycle through a delay until a time") << withExtraNode(
            QJsonObject {{"id", "again"}, {"type", "delay"}, {"until", "{{ input.at }}"}},
            {QJsonObject {{"from", "book"}, {"to", "again"}, {"port", "error"}},
             QJsonObject {{"from", "again"}, {"to", "book"}}})
                                                            << "again"
                                                            << ""
                                                            << "loop with no wait";
        QJsonObject twoTriggers = withExtraNode(QJsonObject {{"id", "start2"}, {"type", "trigger"}},
                                                {QJsonObject {{"from", "start2"}, {"to", "book"}}});
        QTest::newRow("two triggers") << twoTriggers << ""
                                      << "nodes"
                                      << "2 trigger nodes";
        QTest::newRow("missing setting")
            << withNode(1, QStringLiteral("action"), QJsonValue(QJsonValue::Undefined)) << "book"
            << "action"
            << "is required";
        QTest::newRow("duplicate id")
            << withExtraNode(QJsonObject {{"id", "done"}, {"type", "end"}}) << "done"
            << "id"
            << "same id";
        QJsonObject badKey = base();
        badKey.insert(QStringLiteral("correlation"), QJsonObject {{"Patient", "input.patient_id"}});
        QTest::newRow("correlation: key name") << badKey << ""
                                               << "correlation.Patient"
                                               << "lower-case letters";
        QJsonObject badPath = base();
        badPath.insert(QStringLiteral("correlation"),
                       QJsonObject {{"patient_id", "steps.book.output.id"}});
        QTest::newRow("correlation: not from the input") << badPath << ""
                                                         << "correlation.patient_id"
                                                         << "input.<field>";
        QJsonObject badShape = base();
        badShape.insert(QStringLiteral("correlation"), QJsonObject {{"patient_id", "input."}});
        QTest::newRow("correlation: empty path") << badShape << ""
                                                 << "correlation.patient_id"
                                                 << "input.<field>";
        const auto runStep = [](const QJsonValue &workflow) {
            return withExtraNode(
                QJsonObject {{"id", "run"},
                             {"type", "run_workflow"},
                             {"workflow", workflow},
                             {"input", QJsonObject {{"p", "{{ input.patient_id + }}"}}}},
                {QJsonObject {{"from", "wait"}, {"to", "run"}}});
        };
        QTest::newRow("run_workflow: none chosen") << runStep(QString()) << "run"
                                                   << "workflow"
                                                   << "choose the workflow this step runs";
        QTest::newRow("run_workflow: not an id") << runStep(QStringLiteral("Book Patient")) << "run"
                                                 << "workflow"
                                                 << "\"Book Patient\" is not a workflow id";
        QTest::newRow("run_workflow: missing") << runStep(QJsonValue::Undefined) << "run"
                                               << "workflow"
                                               << "is required";
        QTest::newRow("run_workflow: input template")
            << runStep(QStringLiteral("book-patient")) << "run"
            << "input.p"
            << "template";
        QTest::newRow("into the trigger")
            << withEdges({QJsonObject {{"from", "wait"}, {"to", "start"}}}) << "wait"
            << "edges[5].to"
            << "nothing can lead into the trigger";
    }

    void rules()
    {
        QFETCH(QJsonObject, document);
        QFETCH(QString, node);
        QFETCH(QString, field);
        QFETCH(QString, message);
        WorkflowValidator validator(m_expressions);
        const auto issues = validator.validate(document);
        QStringList all;
        bool found = false;
        for (const WorkflowIssue &i : issues) {
            all << i.toString();
            found =
                found || (i.node == node && i.field == field && i.message.text().contains(message));
        }
        QVERIFY2(found,
                 qPrintable(QStringLiteral("expected %1/%2: %3; got: %4")
                                .arg(node, field, message, all.join(QStringLiteral(" | ")))));
    }
};

QTEST_GUILESS_MAIN(TstWorkflowValidator)
#include "tst_workflowvalidator.moc"
