// What the API answers to requests it cannot take: unknown routes and methods, malformed
// bodies, and every wrong value refused naming its field (the route's declared schema), over
// loopback against a core without modules.

#include "apicoretest.h"
#include "testsupport.h"

using namespace Switchboard;
using namespace TestSupport;

class TstApiValidation : public ApiCoreTest
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        const Status started = startCore(CoreOptions());
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        QVERIFY(m_core->apiPort() != 0);
    }

    void unknownRoutesAndBadBodiesGetJsonErrors()
    {
        const HttpResult missing = get(url(QStringLiteral("/api/v1/nothing")), auth());
        QCOMPARE(missing.status, 404);
        QVERIFY(missing.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QStringLiteral("/api/v1/nothing")));
        QCOMPARE(get(url(QStringLiteral("/webhook/manager/control")), auth()).status, 405);
        const HttpResult malformed =
            post(url(QStringLiteral("/webhook/manager/control")), "{\"action\":", auth());
        QCOMPARE(malformed.status, 400);
        QVERIFY(malformed.json()
                    .value(QLatin1String("error"))
                    .toString()
                    .contains(QStringLiteral("not valid JSON")));
        const HttpResult unknown =
            post(url(QStringLiteral("/api/v1/control")), R"({"action":"reboot"})", auth());
        QCOMPARE(unknown.status, 400);
        QCOMPARE(unknown.json().value(QLatin1String("field")).toString(), QStringLiteral("action"));
        const HttpResult badModule =
            post(url(QStringLiteral("/api/v1/control")),
                 R"({"action":"reset_circuit_breaker","module":"11_x"})", auth());
        QCOMPARE(badModule.status, 400);
        QCOMPARE(badModule.json().value(QLatin1String("field")).toString(),
                 QStringLiteral("module"));
    }

    // Each wrong value is refused naming its field; none becomes a default.
    void wrongValuesAreRefusedByName_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        const QString events = QStringLiteral("/api/v1/events");
        QTest::newRow("event module a number")
            << events << QByteArray(R"({"type":"x","module":7})") << QStringLiteral("module");
        QTest::newRow("event module unknown")
            << events << QByteArray(R"({"type":"x","module":"10_x"})") << QStringLiteral("module");
        QTest::newRow("event data a string")
            << events << QByteArray(R"({"type":"x","data":"x"})") << QStringLiteral("data");
        QTest::newRow("event without type")
            << events << QByteArray(R"({"data":{}})") << QStringLiteral("type");
        QTest::newRow("event type empty")
            << events << QByteArray(R"({"type":""})") << QStringLiteral("type");
        const QString snooze = QStringLiteral("/api/v1/alerts/1/snooze");
        QTest::newRow("snooze words")
            << snooze << QByteArray(R"({"minutes":"abc"})") << QStringLiteral("minutes");
        QTest::newRow("snooze huge")
            << snooze << QByteArray(R"({"minutes":1e308})") << QStringLiteral("minutes");
        QTest::newRow("snooze fraction")
            << snooze << QByteArray(R"({"minutes":2.5})") << QStringLiteral("minutes");
        QTest::newRow("snooze zero")
            << snooze << QByteArray(R"({"minutes":0})") << QStringLiteral("minutes");
        QTest::newRow("note a number")
            << snooze << QByteArray(R"({"note":5})") << QStringLiteral("note");
        QTest::newRow("bulk ids not strings")
            << QStringLiteral("/api/v1/tasks/decisions")
            << QByteArray(R"({"ids":[1,2],"decision":"approve"})") << QStringLiteral("ids");
        const QString promote = QStringLiteral("/api/v1/workflows/w/promote");
        QTest::newRow("promote version negative")
            << promote << QByteArray(R"({"version":-7})") << QStringLiteral("version");
        QTest::newRow("promote version zero")
            << promote << QByteArray(R"({"version":0})") << QStringLiteral("version");
        QTest::newRow("promote version text")
            << promote << QByteArray(R"({"version":"1"})") << QStringLiteral("version");
        QTest::newRow("promote version huge")
            << promote << QByteArray(R"({"version":1e300})") << QStringLiteral("version");
        QTest::newRow("promote version fraction")
            << promote << QByteArray(R"({"version":2.5})") << QStringLiteral("version");
        QTest::newRow("start input a string")
            << QStringLiteral("/api/v1/workflows/w/executions") << QByteArray(R"({"input":"x"})")
            << QStringLiteral("input");
        QTest::newRow("test run of another workflow")
            << QStringLiteral("/api/v1/workflows/w/test-run")
            << QByteArray(R"({"document":{"id":"other"},"input":{}})")
            << QStringLiteral("document.id");
        QTest::newRow("secret value a number")
            << QStringLiteral("/api/v1/secrets/x") << QByteArray(R"({"value":5})")
            << QStringLiteral("value");
    }

    void wrongValuesAreRefusedByName()
    {
        QFETCH(QString, path);
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        const QByteArray method =
            path.startsWith(QLatin1String("/api/v1/secrets")) ? "PUT" : "POST";
        const HttpResult r = request(method, url(path), body, auth());
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("field")).toString(), field);
    }
};

QTEST_GUILESS_MAIN(TstApiValidation)
#include "tst_apivalidation.moc"
