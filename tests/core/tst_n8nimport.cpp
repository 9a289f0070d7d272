#include "workflow/expressionengine.h"
#include "workflow/n8nimport.h"
#include "workflow/workflowvalidator.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace Switchboard;

namespace {

// An n8n export of the kind clinics have (tests/data/n8n-lead-follow-up.json): a webhook takes
// a lead, books it through the booking module, and by score either confirms by message or waits
// an hour and sends an e-mail.
QJsonObject leadFlow()
{
    QFile file(QFINDTESTDATA("../data/n8n-lead-follow-up.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("test data missing");
    return QJsonDocument::fromJson(file.readAll()).object();
}

} // namespace

class TstN8nImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void convertsWhatMapsAndReportsTheRest()
    {
        const QJsonObject n8n = leadFlow();
        QVERIFY(!n8n.isEmpty());
        QVERIFY(N8nImport::looksLikeN8n(n8n));
        auto converted = N8nImport::convert(n8n);
        QVERIFY(converted.ok());
        const QJsonObject w = converted->workflow;
        QCOMPARE(w.value("id").toString(), QStringLiteral("lead-follow-up"));
        QCOMPARE(w.value("trigger").toObject().value("kind").toString(), QStringLiteral("webhook"));
        QCOMPARE(w.value("trigger").toObject().value("path").toString(),
                 QStringLiteral("new-lead"));
        QCOMPARE(w.value("trigger").toObject().value("respond").toString(),
                 QStringLiteral("on_end"));

        QHash<QString, QJsonObject> nodes;
        for (const QJsonValue &v : w.value("nodes").toArray())
            nodes.insert(v.toObject().value("id").toString(), v.toObject());
        const QJsonObject book = nodes.value("book_consult");
        QCOMPARE(book.value("type").toString(), QStringLiteral("module_call"));
        QCOMPARE(book.value("module").toString(), QStringLiteral("02_booking"));
        QCOMPARE(book.value("action").toString(), QStringLiteral("book_first_available"));
        QCOMPARE(book.value("payload").toObject().value("patient_id").toString(),
                 QStringLiteral("{{ input.patient_id }}"));
        const QJsonObject hot = nodes.value("hot_lead");
        QCOMPARE(hot.value("type").toString(), QStringLiteral("condition"));
        QCOMPARE(hot.value("cases").toArray().first().toObject().value("when").toString(),
                 QStringLiteral("input.score > 8"));
        QCOMPARE(nodes.value("wait").value("duration").toString(), QStringLiteral("1h"));
        QCOMPARE(nodes.value("send_email").value("type").toString(), QStringLiteral("set"));
        QCOMPARE(nodes.value("wait").value("position").toObject().value("x").toDouble(), 850.0);

        // The report: what mapped and what did not.
        QCOMPARE(converted->unmapped.size(), 1);
        QVERIFY(converted->unmapped.first().contains(QStringLiteral("Send Email (emailSend)")));
        QVERIFY(converted->mapped.join('\n').contains(
            QStringLiteral("Book consult → book_consult (call 02_booking)")));

        // The branches end, and the result is a valid workflow.
        ExpressionEngine expressions;
        WorkflowValidator validator(expressions);
        const QList<WorkflowIssue> issues = validator.validate(w);
        QVERIFY2(issues.isEmpty(),
                 qPrintable(issues.isEmpty() ? QString() : issues.first().toString()));
    }

    void refusesWhatIsNotAnExport()
    {
        auto refused = N8nImport::convert(QJsonObject {{"nodes", QJsonArray {}}});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().field, QStringLiteral("connections"));
        // Without a trigger, a manual start is added before the first step.
        const QJsonObject merge {{"name", "x"},
                                 {"nodes",
                                  QJsonArray {QJsonObject {{"name", "Merge"},
                                                           {"type", "n8n-nodes-base.merge"},
                                                           {"parameters", QJsonObject {}}}}},
                                 {"connections", QJsonObject {}}};
        auto manual = N8nImport::convert(merge);
        QVERIFY(manual.ok());
        QCOMPARE(manual->workflow.value("trigger").toObject().value("kind").toString(),
                 QStringLiteral("manual"));
        ExpressionEngine expressions;
        WorkflowValidator validator(expressions);
        QVERIFY(validator.validate(manual->workflow).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstN8nImport)
#include "tst_n8nimport.moc"
