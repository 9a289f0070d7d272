#include "app/mainwindow.h"
#include "review/reviewview.h"
#include "review/taskform.h"
#include "review/tasktablemodel.h"
#include "service/embeddedorchestrator.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLoggingCategory>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

using namespace Switchboard;
using namespace TestSupport;

namespace {

// Everything the core and the console log while the test runs, to check it for patient data.
QStringList logged;
QtMessageHandler previousHandler = nullptr;

void keepMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    logged << message;
    previousHandler(type, context, message);
}

} // namespace

// The seed's manual-review path end to end: switchboard-sim (a separate process, over
// loopback) sends a document read with 72 % confidence; the console's embedded core starts
// document-processing; the ocr-review task appears in the Review section; a person corrects
// the patient's name and approves from the keyboard; the execution stores the corrected
// document, and 09_compliance receives the audit entry with the decision.
class TstReviewE2E : public QObject
{
    Q_OBJECT

    SimProcess m_sim;

private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("switchboard.*=true"));
        previousHandler = qInstallMessageHandler(keepMessage);
        QVERIFY2(m_sim.start(), "switchboard-sim did not start");
    }

    // What the console asks while the embedded core is still starting is done once it is up,
    // in order; nothing is dropped.
    void requestsBeforeTheCoreIsUpAreDone()
    {
        CoreConfig config;
        config.useSimulatedFleet(m_sim.base());
        CoreOptions options;
        options.templates = true;
        EmbeddedOrchestrator core(config, options);
        QSignalSpy ready(&core, &Orchestrator::ready);
        QSignalSpy report(&core, &Orchestrator::reportReady);
        QSignalSpy workflows(&core, &Orchestrator::workflowsChanged);
        core.requestReport();
        core.requestWorkflows();
        core.start();
        core.requestReport(); // asked while it starts
        QVERIFY(ready.wait(20000));
        QTRY_COMPARE_WITH_TIMEOUT(report.size(), 2, 20000);
        QVERIFY(report.first().first().toString().contains(QStringLiteral("<html")));
        QTRY_VERIFY_WITH_TIMEOUT(!workflows.isEmpty(), 20000);
        QVERIFY(!workflows.first().first().toJsonArray().isEmpty()); // the templates
    }

    void lowConfidenceDocumentIsCheckedAndAudited()
    {
        CoreConfig config;
        config.useSimulatedFleet(m_sim.base());
        CoreOptions options;
        options.templates = true;
        EmbeddedOrchestrator core(config, options);
        SystemClock clock;
        MainWindow window(core, clock);
        window.resize(1280, 860);
        QSignalSpy ready(&core, &Orchestrator::ready);
        core.start();
        QVERIFY(ready.wait(20000));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Once the core listens to module 06, one document with 72 % confidence.
        const QByteArray event = R"({"module":"06_ocr","type":"document.processed","data":{
            "document_id":"doc-e2e","document_type":"insurance_card","confidence":0.72,
            "size_bytes":1000,"fields":{"patient_name":"Maria Lopz",
            "date_of_birth":"1984-03-12","insurance_id":"INS-4471"}}})";
        QTRY_VERIFY_WITH_TIMEOUT(
            post(m_sim.control(QStringLiteral("/emit")), event).json().value("subscribers").toInt()
                > 0,
            20000);

        // The task appears in the Review section.
        QVERIFY(window.showView(QStringLiteral("review")));
        ReviewView *view = window.reviewView();
        QString taskId;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                TaskTableModel *tasks = view->tasks();
                for (int r = 0; r < tasks->rowCount(); ++r) {
                    const QJsonObject t = tasks->taskAt(r);
                    if (t.value("title").toString().contains(QStringLiteral("doc-e2e"))) {
                        taskId = t.value("id").toString();
                        return t.value("queue").toString() == QLatin1String("ocr-review");
                    }
                }
                return false;
            }(),
            20000);
        QVERIFY(view->selectTask(taskId));

        // Correct the name and approve, from the keyboard.
        QTest::keyClick(view, Qt::Key_F2);
        auto *name = qobject_cast<QLineEdit *>(view->form()->editorFor("patient_name"));
        QVERIFY(name);
        QCOMPARE(name->text(), QStringLiteral("Maria Lopz"));
        // The OCR's confidence stands next to the field (the document's own, 72 %, when the
        // module gives none per field), marked as doubtful.
        auto *sure = view->form()->findChild<QLabel *>(QStringLiteral("confidence_patient_name"));
        QVERIFY(sure);
        QCOMPARE(sure->text(), QStringLiteral("! 72 %"));
        QTRY_VERIFY(name->hasFocus());
        QTest::keyClicks(name, QStringLiteral("Maria Lopez"));
        QSignalSpy done(&core, &Orchestrator::taskActionDone);
        QTest::keyClick(view, Qt::Key_Return, Qt::ControlModifier);
        QVERIFY(done.wait(10000));
        QCOMPARE(done.first().at(1).toString(), QStringLiteral("decide"));

        // The execution went on: 06 stores the corrected, reviewed document...
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonValue &v : m_sim.recentRequests(QStringLiteral("06_ocr"))) {
                    const QJsonObject r = v.toObject();
                    if (r.value("action").toString() == QLatin1String("store_document")
                        && r.value("document_id").toString() == QLatin1String("doc-e2e"))
                        return r.value("reviewed").toBool()
                            && r.value("fields").toObject().value("patient_name").toString()
                            == QLatin1String("Maria Lopez");
                }
                return false;
            }(),
            20000);
        // ...and 09 has the audit entry with the decision, without the patient's name.
        QJsonObject audit;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonValue &v : m_sim.recentRequests(QStringLiteral("09_compliance"))) {
                    const QJsonObject r = v.toObject();
                    if (r.value("event").toString() == QLatin1String("review.decided")) {
                        audit = r;
                        return true;
                    }
                }
                return false;
            }(),
            20000);
        const QJsonObject data = audit.value("data").toObject();
        QCOMPARE(data.value("task_id").toString(), taskId);
        QCOMPARE(data.value("decision").toString(), QStringLiteral("approve"));
        QCOMPARE(data.value("queue").toString(), QStringLiteral("ocr-review"));
        QCOMPARE(data.value("changed_fields").toArray(), QJsonArray {"patient_name"});
        QCOMPARE(audit.value("actor").toString(), core.userName());
        QVERIFY(!QJsonDocument(audit).toJson().contains("Maria"));
        // The task is gone from the queue.
        QTRY_COMPARE(view->tasks()->rowOf(taskId), -1);
        // Nothing logged on the way carried the patient's name or date of birth.
        // The core did log along the way (checks, the execution, the review).
        QVERIFY2(logged.filter(QStringLiteral("doc-e2e")).size()
                         + logged.filter(QStringLiteral("review task")).size()
                         + logged.filter(QStringLiteral("is now")).size()
                     > 0,
                 qPrintable(logged.join(QLatin1Char('\n'))));
        for (const QString &line : std::as_const(logged)) {
            QVERIFY2(!line.contains(QStringLiteral("Maria")), qPrintable(line));
            QVERIFY2(!line.contains(QStringLiteral("1984-03-12")), qPrintable(line));
        }
    }
};

QTEST_MAIN(TstReviewE2E)
#include "tst_review_e2e.moc"
