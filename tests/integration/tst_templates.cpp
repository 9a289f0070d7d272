#include "common/manualclock.h"
#include "config/coreconfig.h"
#include "engine/curlmoduleclient.h"
#include "engine/workflowengine.h"
#include "sim/simfleet.h"
#include "store/database.h"
#include "store/workflowstore.h"
#include "testsupport.h"
#include "workflow/expressionengine.h"
#include "workflow/templatetexts.h"
#include "workflow/workflowvalidator.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QTranslator>

using namespace Switchboard;
using namespace TestSupport;

// Every built-in template: it validates, and it runs to its end against switchboard-sim over
// loopback HTTP, with reviews decided and time moved on where the workflow waits.
class TstTemplates : public QObject
{
    Q_OBJECT

    SystemClock m_simClock;
    ManualClock m_clock {QDateTime(QDate(2026, 3, 2), QTime(6, 0), Qt::UTC)};
    std::unique_ptr<SimFleet> m_fleet;
    Database m_db;
    ExpressionEngine m_expressions;
    std::unique_ptr<WorkflowValidator> m_validator;
    std::unique_ptr<WorkflowStore> m_store;
    std::unique_ptr<CurlModuleClient> m_modules;
    std::unique_ptr<WorkflowEngine> m_engine;

    QString start(const QString &id, const QJsonObject &input)
    {
        auto s = m_engine->start(id, input);
        return s ? s->value(QLatin1String("execution_id")).toString() : QString();
    }
    QString status(const QString &id)
    {
        return m_engine->execution(id)->value(QLatin1String("status")).toString();
    }
    int effects(const char *module)
    {
        return m_fleet->stats()
            .value(QLatin1String("modules"))
            .toObject()
            .value(QLatin1String(module))
            .toObject()
            .value(QLatin1String("effects"))
            .toInt();
    }
    QJsonObject pendingTask(const QString &execution)
    {
        for (const QJsonValue &t : m_engine->tasks({}, QStringLiteral("pending")).value()) {
            if (t.toObject().value(QLatin1String("execution_id")).toString() == execution)
                return t.toObject();
        }
        return {};
    }
    // Moves the clock past the next timer of an execution and fires it.
    void passTime(qint64 ms)
    {
        m_clock.advance(ms);
        m_engine->processDueTimers();
    }

private Q_SLOTS:
    // Every word of every template that people read is known to lupdate (run
    // scripts/template-strings after editing a template), and installs translated.
    void everyTemplateWordIsTranslatable()
    {
        const QStringList known = TemplateTexts::known();
        QDirIterator it(QStringLiteral(":/templates"), {QStringLiteral("*.json")});
        int files = 0;
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
            const QStringList texts = TemplateTexts::texts(doc);
            QVERIFY(texts.size() >= 3);
            for (const QString &text : texts)
                QVERIFY2(known.contains(text), qPrintable(file.fileName() + ": " + text));
            ++files;
        }
        QCOMPARE(files, 10);

        // With a translation for one title, the document changes there and nowhere else.
        struct Spanish : QTranslator
        {
            QString translate(const char *context, const char *source, const char *,
                              int) const override
            {
                return QLatin1String(context) == QLatin1String("Templates")
                        && QLatin1String(source) == QLatin1String("New patient onboarding")
                    ? QStringLiteral("Alta de pacientes nuevos")
                    : QString();
            }
            bool isEmpty() const override { return false; }
        } spanish;
        QCoreApplication::installTranslator(&spanish);
        QFile onboarding(QStringLiteral(":/templates/new-patient-onboarding.json"));
        QVERIFY(onboarding.open(QIODevice::ReadOnly));
        const QJsonObject original = QJsonDocument::fromJson(onboarding.readAll()).object();
        QJsonObject translated = TemplateTexts::translated(original);
        QCoreApplication::removeTranslator(&spanish);
        QCOMPARE(translated.value("name").toString(), QStringLiteral("Alta de pacientes nuevos"));
        translated.insert("name", original.value("name"));
        QCOMPARE(translated, original);
    }

    void initTestCase()
    {
        m_fleet = std::make_unique<SimFleet>(m_simClock, 11);
        const quint16 base = startFleet(*m_fleet);
        QVERIFY(base);
        QVERIFY(m_db.open(QStringLiteral(":memory:")).ok());
        m_validator = std::make_unique<WorkflowValidator>(m_expressions);
        m_store = std::make_unique<WorkflowStore>(m_db, m_clock, *m_validator);
        m_modules = std::make_unique<CurlModuleClient>();
        m_engine =
            std::make_unique<WorkflowEngine>(m_db, *m_store, *m_modules, m_expressions, m_clock);
        m_engine->setTimeZone(QTimeZone::utc());
        CoreConfig config;
        config.useSimulatedFleet(base);
        QHash<QString, QUrl> endpoints;
        for (const ModuleConfig &m : config.modules)
            endpoints.insert(m.id, m.endpoint);
        m_engine->setEndpoints(endpoints);
    }

    void everyTemplateValidatesAndPublishes()
    {
        QStringList ids;
        QDirIterator it(QStringLiteral(":/templates"), {QStringLiteral("*.json")});
        while (it.hasNext()) {
            QFile file(it.next());
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
            auto saved = m_store->saveDraft(doc);
            QVERIFY(saved.ok());
            QVERIFY2(saved->isEmpty(),
                     qPrintable(file.fileName() + QStringLiteral(": ")
                                + (saved->isEmpty() ? QString() : saved->first().toString())));
            QVERIFY(m_store
                        ->publish(doc.value(QLatin1String("id")).toString(), QStringLiteral("test"),
                                  QStringLiteral("tester"))
                        .ok());
            ids << doc.value(QLatin1String("id")).toString();
        }
        QVERIFY2(ids.size() >= 10, qPrintable(ids.join(QLatin1Char(' '))));
        for (const char *expected :
             {"new-patient-onboarding", "telehealth-session", "document-processing",
              "payment-failure-recovery", "morning-report", "appointment-reminders",
              "nightly-cleanup", "no-show-reschedule", "ai-reply-approval", "invoice-approval"})
            QVERIFY2(ids.contains(QString::fromLatin1(expected)), expected);
    }

    void onboardingRoutesByScore()
    {
        const int bookings = effects("02_booking");
        const int messages = effects("08_messaging");
        const QString hot = start(
            QStringLiteral("new-patient-onboarding"),
            {{QStringLiteral("patient_id"), QStringLiteral("pt-1")}, {QStringLiteral("score"), 9}});
        QTRY_COMPARE(status(hot), QStringLiteral("completed"));
        QCOMPARE(effects("02_booking"), bookings + 1);
        QCOMPARE(effects("08_messaging"), messages + 2); // email and SMS
        const QString warm = start(
            QStringLiteral("new-patient-onboarding"),
            {{QStringLiteral("patient_id"), QStringLiteral("pt-2")}, {QStringLiteral("score"), 6}});
        QTRY_COMPARE(status(warm), QStringLiteral("completed"));
        const QString cold = start(
            QStringLiteral("new-patient-onboarding"),
            {{QStringLiteral("patient_id"), QStringLiteral("pt-3")}, {QStringLiteral("score"), 2}});
        QTRY_COMPARE(status(cold), QStringLiteral("completed"));
        QCOMPARE(m_engine->execution(cold)
                     ->value(QLatin1String("output"))
                     .toObject()
                     .value(QLatin1String("path"))
                     .toString(),
                 QStringLiteral("cold"));
    }

    void onboardingFallsBackToManualBooking()
    {
        QVERIFY(m_fleet
                    ->applyFault({{QStringLiteral("module"), QStringLiteral("02_booking")},
                                  {QStringLiteral("mode"), QStringLiteral("errors")},
                                  {QStringLiteral("error_rate"), 1.0}})
                    .ok());
        const QString id = start(QStringLiteral("new-patient-onboarding"),
                                 {{QStringLiteral("patient_id"), QStringLiteral("pt-4")},
                                  {QStringLiteral("score"), 10}});
        for (int retry = 0; retry < 2; ++retry) {
            QTRY_COMPARE(status(id), QStringLiteral("waiting"));
            passTime(5000);
        }
        QTRY_VERIFY(!pendingTask(id).isEmpty());
        QVERIFY(m_fleet
                    ->applyFault({{QStringLiteral("module"), QStringLiteral("02_booking")},
                                  {QStringLiteral("mode"), QStringLiteral("none")}})
                    .ok());
        const QJsonObject task = pendingTask(id);
        QCOMPARE(task.value(QLatin1String("queue")).toString(), QStringLiteral("manual-booking"));
        QVERIFY(m_engine
                    ->decide(task.value(QLatin1String("id")).toString(), QStringLiteral("booked"),
                             {{QStringLiteral("slot"), QStringLiteral("2026-03-03T10:00")}}, {},
                             QStringLiteral("support"))
                    .ok());
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
    }

    void documentPipeline()
    {
        const QJsonObject fields {{QStringLiteral("patient_name"), QStringLiteral("Jon Smth")},
                                  {QStringLiteral("insurance_id"), QStringLiteral("INS-1")}};
        const QString low =
            start(QStringLiteral("document-processing"),
                  {{QStringLiteral("patient_id"), QStringLiteral("pt-5")},
                   {QStringLiteral("document_id"), QStringLiteral("doc-1")},
                   {QStringLiteral("document_type"), QStringLiteral("insurance_card")},
                   {QStringLiteral("size_bytes"), 200000},
                   {QStringLiteral("confidence"), 0.72},
                   {QStringLiteral("fields"), fields}});
        QTRY_COMPARE(status(low), QStringLiteral("waiting"));
        const QJsonObject task = pendingTask(low);
        QCOMPARE(task.value(QLatin1String("queue")).toString(), QStringLiteral("ocr-review"));
        QCOMPARE(task.value(QLatin1String("title")).toString(),
                 QStringLiteral("Check the insurance card doc-1 (72 % sure)"));
        QVERIFY(m_engine
                    ->decide(task.value(QLatin1String("id")).toString(), QStringLiteral("approve"),
                             {{QStringLiteral("patient_name"), QStringLiteral("Jon Smith")}}, {},
                             QStringLiteral("support"))
                    .ok());
        QTRY_COMPARE(status(low), QStringLiteral("completed"));
        const QJsonArray steps = m_engine->execution(low)->value(QLatin1String("steps")).toArray();
        bool stored = false;
        for (const QJsonValue &s : steps)
            stored = stored
                || (s.toObject().value(QLatin1String("node")).toString()
                        == QLatin1String("store_checked")
                    && s.toObject().value(QLatin1String("status")).toString()
                        == QLatin1String("completed"));
        QVERIFY(stored);

        const QString large = start(QStringLiteral("document-processing"),
                                    {{QStringLiteral("document_id"), QStringLiteral("doc-2")},
                                     {QStringLiteral("size_bytes"), 11 * 1024 * 1024},
                                     {QStringLiteral("confidence"), 0.99}});
        QTRY_COMPARE(status(large), QStringLiteral("completed"));
        QVERIFY(m_engine->execution(large)->value(QLatin1String("history")).toArray().size() > 0);
        const QString high = start(QStringLiteral("document-processing"),
                                   {{QStringLiteral("document_id"), QStringLiteral("doc-3")},
                                    {QStringLiteral("size_bytes"), 1000},
                                    {QStringLiteral("confidence"), 0.97},
                                    {QStringLiteral("fields"), fields}});
        QTRY_COMPARE(status(high), QStringLiteral("completed"));
    }

    void paymentRecoveryRetriesAfterADay()
    {
        const QString id = start(QStringLiteral("payment-failure-recovery"),
                                 {{QStringLiteral("payment_id"), QStringLiteral("pay-1")},
                                  {QStringLiteral("amount_usd"), 150},
                                  {QStringLiteral("reason_code"), QStringLiteral("51")}});
        QTRY_COMPARE(status(id), QStringLiteral("waiting"));
        const int charges = effects("04_billing");
        passTime(24 * 3600 * 1000LL);
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
        QCOMPARE(effects("04_billing"), charges + 1);
    }

    void paymentRecoveryEscalatesToStaff()
    {
        QVERIFY(m_fleet
                    ->applyFault({{QStringLiteral("module"), QStringLiteral("04_billing")},
                                  {QStringLiteral("mode"), QStringLiteral("errors")},
                                  {QStringLiteral("error_rate"), 1.0}})
                    .ok());
        const QString id = start(QStringLiteral("payment-failure-recovery"),
                                 {{QStringLiteral("payment_id"), QStringLiteral("pay-2")},
                                  {QStringLiteral("amount_usd"), 150},
                                  {QStringLiteral("reason_code"), QStringLiteral("54")}});
        for (qint64 wait : {24LL, 72LL, 7 * 24LL}) {
            QTRY_COMPARE(status(id), QStringLiteral("waiting"));
            passTime(wait * 3600 * 1000LL);
        }
        QTRY_VERIFY(!pendingTask(id).isEmpty());
        QVERIFY(m_fleet
                    ->applyFault({{QStringLiteral("module"), QStringLiteral("04_billing")},
                                  {QStringLiteral("mode"), QStringLiteral("none")}})
                    .ok());
        const QJsonObject task = pendingTask(id);
        QCOMPARE(task.value(QLatin1String("title")).toString(),
                 QStringLiteral("Outstanding payment: $150 (reason 54)"));
        QCOMPARE(m_engine
                     ->decide(task.value(QLatin1String("id")).toString(),
                              QStringLiteral("resolved"),
                              {{QStringLiteral("call_outcome"), QStringLiteral("maybe")}}, {},
                              QStringLiteral("support"))
                     .error()
                     .field,
                 QStringLiteral("fields.call_outcome"));
        QVERIFY(m_engine
                    ->decide(task.value(QLatin1String("id")).toString(), QStringLiteral("resolved"),
                             {{QStringLiteral("call_outcome"), QStringLiteral("payment_plan")}}, {},
                             QStringLiteral("support"))
                    .ok());
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
    }

    void telehealthWaitsForTheSessionToEnd()
    {
        const QString id = start(QStringLiteral("telehealth-session"),
                                 {{QStringLiteral("booking_id"), QStringLiteral("bk-1")}});
        QTRY_COMPARE(status(id), QStringLiteral("waiting"));
        QVERIFY(m_engine
                    ->deliverEvent(QStringLiteral("session.completed"),
                                   QStringLiteral("03_telehealth"),
                                   {{QStringLiteral("booking_id"), QStringLiteral("bk-1")}})
                    .ok());
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
    }

    void scheduledWorkflowsRun_data()
    {
        QTest::addColumn<QString>("workflow");
        QTest::newRow("morning-report") << "morning-report";
        QTest::newRow("appointment-reminders") << "appointment-reminders";
        QTest::newRow("nightly-cleanup") << "nightly-cleanup";
    }

    void scheduledWorkflowsRun()
    {
        QFETCH(QString, workflow);
        const QString id = start(workflow, {});
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
    }

    void morningReportFiresAtSeven()
    {
        QVERIFY(m_engine->scheduleWorkflows().ok());
        const int before = int(m_engine->executions(QString()).value().size());
        // The clock starts at 06:00 UTC; the clinic's zone is UTC here.
        passTime(59 * 60 * 1000LL);
        QCOMPARE(int(m_engine->executions(QString()).value().size()), before);
        passTime(60 * 1000LL);
        const QJsonArray all = m_engine->executions(QString()).value();
        QVERIFY(all.size() > before);
        QCOMPARE(all.first().toObject().value(QLatin1String("workflow_id")).toString(),
                 QStringLiteral("morning-report"));
    }

    void noShowIsRescheduledWhenThePatientBooks()
    {
        const QString id = start(QStringLiteral("no-show-reschedule"),
                                 {{QStringLiteral("booking_id"), QStringLiteral("bk-9")},
                                  {QStringLiteral("patient_id"), QStringLiteral("pt-9")}});
        QTRY_COMPARE(status(id), QStringLiteral("waiting"));
        passTime(3600 * 1000LL);
        QTRY_COMPARE(status(id), QStringLiteral("waiting"));
        // A booking by someone else does not count; the patient's own does.
        auto other =
            m_engine->deliverEvent(QStringLiteral("booking.created"), QStringLiteral("02_booking"),
                                   {{QStringLiteral("patient_id"), QStringLiteral("pt-8")}});
        QVERIFY(other.ok());
        QVERIFY(!other->value(QLatin1String("resumed")).toArray().contains(id));
        auto own =
            m_engine->deliverEvent(QStringLiteral("booking.created"), QStringLiteral("02_booking"),
                                   {{QStringLiteral("patient_id"), QStringLiteral("pt-9")}});
        QVERIFY(own.ok());
        QCOMPARE(own->value(QLatin1String("resumed")).toArray(), QJsonArray {id});
        QTRY_COMPARE(status(id), QStringLiteral("completed"));
    }

    void aiRepliesByConfidence()
    {
        const QString sure =
            start(QStringLiteral("ai-reply-approval"),
                  {{QStringLiteral("message_id"), QStringLiteral("m1")},
                   {QStringLiteral("draft"), QStringLiteral("Your appointment is at 10.")},
                   {QStringLiteral("confidence"), 0.91}});
        QTRY_COMPARE(status(sure), QStringLiteral("completed"));
        const QString unsure = start(QStringLiteral("ai-reply-approval"),
                                     {{QStringLiteral("message_id"), QStringLiteral("m2")},
                                      {QStringLiteral("draft"), QStringLiteral("Maybe Tuesday?")},
                                      {QStringLiteral("confidence"), 0.7}});
        QTRY_COMPARE(status(unsure), QStringLiteral("waiting"));
        QCOMPARE(pendingTask(unsure).value(QLatin1String("queue")).toString(),
                 QStringLiteral("ai-reply-approval"));
        QVERIFY(m_engine
                    ->decide(pendingTask(unsure).value(QLatin1String("id")).toString(),
                             QStringLiteral("approve"),
                             {{QStringLiteral("reply"), QStringLiteral("Tuesday at 9 works.")}}, {},
                             QStringLiteral("support"))
                    .ok());
        QTRY_COMPARE(status(unsure), QStringLiteral("completed"));
        const QString doubtful = start(QStringLiteral("ai-reply-approval"),
                                       {{QStringLiteral("message_id"), QStringLiteral("m3")},
                                        {QStringLiteral("draft"), QStringLiteral("?")},
                                        {QStringLiteral("confidence"), 0.4}});
        QTRY_COMPARE(status(doubtful), QStringLiteral("waiting"));
        QCOMPARE(pendingTask(doubtful).value(QLatin1String("queue")).toString(),
                 QStringLiteral("ai-reply-escalation"));
        QCOMPARE(pendingTask(doubtful).value(QLatin1String("role")).toString(),
                 QStringLiteral("manager"));
    }

    void invoicesByAmount()
    {
        const QString small = start(QStringLiteral("invoice-approval"),
                                    {{QStringLiteral("invoice_id"), QStringLiteral("i1")},
                                     {QStringLiteral("vendor"), QStringLiteral("Lab")},
                                     {QStringLiteral("amount"), 500}});
        QTRY_COMPARE(status(small), QStringLiteral("completed"));
        const QString medium = start(QStringLiteral("invoice-approval"),
                                     {{QStringLiteral("invoice_id"), QStringLiteral("i2")},
                                      {QStringLiteral("vendor"), QStringLiteral("Lab")},
                                      {QStringLiteral("amount"), 5000}});
        QTRY_COMPARE(pendingTask(medium).value(QLatin1String("role")).toString(),
                     QStringLiteral("manager"));
        const QString large = start(QStringLiteral("invoice-approval"),
                                    {{QStringLiteral("invoice_id"), QStringLiteral("i3")},
                                     {QStringLiteral("vendor"), QStringLiteral("Lab")},
                                     {QStringLiteral("amount"), 20000}});
        QTRY_COMPARE(pendingTask(large).value(QLatin1String("role")).toString(),
                     QStringLiteral("admin"));
        QVERIFY(m_engine
                    ->decide(pendingTask(large).value(QLatin1String("id")).toString(),
                             QStringLiteral("reject"), {}, QStringLiteral("too much"),
                             QStringLiteral("admin"))
                    .ok());
        QTRY_COMPARE(status(large), QStringLiteral("completed"));
    }
};

QTEST_GUILESS_MAIN(TstTemplates)
#include "tst_templates.moc"
