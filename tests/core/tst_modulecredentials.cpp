#include "apicoretest.h"
#include "captureserver.h"
#include "testsupport.h"

#include <QDirIterator>
#include <QJsonArray>

using namespace Switchboard;
using namespace TestSupport;

namespace {

const QByteArray BookingKey = "kong-key-for-booking-SECRET-1";
const QByteArray BillingToken = "billing-bearer-SECRET-2";

} // namespace

// Module credentials (seed 000 §2, service-to-service authentication): the core's API key or
// bearer token for a module goes out on every call and health check, is kept in the secret
// store across restarts, and is never answered by the API.
class TstModuleCredentials : public ApiCoreTest
{
    Q_OBJECT

    CaptureServer m_booking;
    CaptureServer m_billing;

    CoreConfig config() const
    {
        CoreConfig c;
        c.useSimulatedFleet(1); // every module somewhere; two of them here
        c.module(QStringLiteral("02_booking"))->endpoint =
            QUrl(m_booking.url(QStringLiteral("/webhook/consult-booking")));
        c.module(QStringLiteral("04_billing"))->endpoint =
            QUrl(m_billing.url(QStringLiteral("/webhook/billing-payment")));
        c.module(QStringLiteral("02_booking"))->credential = {
            QStringLiteral("api_key"), QStringLiteral("apikey"), QString::fromLatin1(BookingKey)};
        return c;
    }

    void publish()
    {
        const QByteArray workflow =
            R"({"id": "pay-and-book", "name": "Pay and book", "trigger": {"kind": "manual"},
          "nodes": [{"id": "start", "type": "trigger"},
                    {"id": "pay", "type": "module_call", "module": "04_billing", "action": "charge", "payload": {}, "retry": {"max_attempts": 1}},
                    {"id": "book", "type": "module_call", "module": "02_booking", "action": "book", "payload": {}, "retry": {"max_attempts": 1}},
                    {"id": "done", "type": "end"}],
          "edges": [{"from": "start", "to": "book"}, {"from": "start", "to": "pay"}, {"from": "book", "to": "done"}, {"from": "pay", "to": "done"}]})";
        QCOMPARE(
            request("PUT", url(QStringLiteral("/api/v1/workflows/pay-and-book")), workflow, auth())
                .status,
            200);
        QCOMPARE(post(url(QStringLiteral("/api/v1/workflows/pay-and-book/publish")), "{}", auth())
                     .status,
                 201);
    }

    // The last request to the receiver on path, once one came.
    static CaptureServer::Captured last(CaptureServer &server, const QString &path)
    {
        CaptureServer::Captured found;
        (void)QTest::qWaitFor(
            [&] {
                for (const CaptureServer::Captured &r : std::as_const(server.requests)) {
                    if (r.path == path)
                        found = r;
                }
                return !found.path.isEmpty();
            },
            15000);
        return found;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(m_data.isValid()); }

    void callsAndHealthChecksCarryTheCredential()
    {
        QVERIFY(startCore(CoreOptions(), config()));
        // From the API: a bearer token for billing, stored, answered without its secret.
        const HttpResult put =
            request("PUT", url(QStringLiteral("/api/v1/modules/04_billing/credential")),
                    R"({"kind": "bearer", "secret": ")" + BillingToken + R"("})", auth());
        QCOMPARE(put.status, 200);
        QCOMPARE(put.json(),
                 (QJsonObject {{QStringLiteral("set"), true},
                               {QStringLiteral("kind"), QStringLiteral("bearer")},
                               {QStringLiteral("header"), QStringLiteral("Authorization")}}));
        QVERIFY(!put.body.contains(BillingToken));
        QCOMPARE(request("PUT", url(QStringLiteral("/api/v1/modules/04_billing/credential")),
                         R"({"kind": "api_key", "header": "Bad Header", "secret": "x"})", auth())
                     .json()
                     .value(QLatin1String("field"))
                     .toString(),
                 QStringLiteral("header"));
        QCOMPARE(request("PUT", url(QStringLiteral("/api/v1/modules/10_nope/credential")),
                         R"({"kind": "bearer", "secret": "x"})", auth())
                     .status,
                 404);

        publish();
        QCOMPARE(
            post(url(QStringLiteral("/api/v1/workflows/pay-and-book/executions")), "{}", auth())
                .status,
            201);
        QCOMPARE(last(m_booking, QStringLiteral("/webhook/consult-booking")).header("apikey"),
                 BookingKey);
        QCOMPARE(
            last(m_billing, QStringLiteral("/webhook/billing-payment")).header("Authorization"),
            "Bearer " + BillingToken);
        // The booking module never sees billing's token, nor the other way round.
        QVERIFY(last(m_booking, QStringLiteral("/webhook/consult-booking"))
                    .header("Authorization")
                    .isEmpty());
        QVERIFY(
            last(m_billing, QStringLiteral("/webhook/billing-payment")).header("apikey").isEmpty());

        // Health checks carry it too.
        m_booking.requests.clear();
        m_billing.requests.clear();
        m_core->runChecks([] {});
        QCOMPARE(
            last(m_booking, QStringLiteral("/webhook/consult-booking/health")).header("apikey"),
            BookingKey);
        QCOMPARE(last(m_billing, QStringLiteral("/webhook/billing-payment/health"))
                     .header("Authorization"),
                 "Bearer " + BillingToken);
        // The audit names the change, never the secret.
        const HttpResult audit = get(url(QStringLiteral("/api/v1/audit?limit=50")), auth());
        QVERIFY(audit.body.contains("module.credential_set"));
        QVERIFY(!audit.body.contains(BillingToken));
    }

    // Restarted without the API's help: the stored token is still sent; removed, it is not.
    void theStoredCredentialOutlivesARestart()
    {
        m_core.reset();
        m_billing.requests.clear();
        QVERIFY(startCore(CoreOptions(), config()));
        m_billing.requests.clear(); // the checks at start
        QCOMPARE(get(url(QStringLiteral("/api/v1/modules/04_billing/credential")), auth())
                     .json()
                     .value(QLatin1String("set"))
                     .toBool(),
                 true);
        m_core->runChecks([] {});
        QCOMPARE(last(m_billing, QStringLiteral("/webhook/billing-payment/health"))
                     .header("Authorization"),
                 "Bearer " + BillingToken);
        QCOMPARE(request("DELETE", url(QStringLiteral("/api/v1/modules/04_billing/credential")), {},
                         auth())
                     .status,
                 204);
        m_billing.requests.clear();
        m_core->runChecks([] {});
        // A check did come, and without the token.
        const CaptureServer::Captured after =
            last(m_billing, QStringLiteral("/webhook/billing-payment/health"));
        QCOMPARE(after.path, QStringLiteral("/webhook/billing-payment/health"));
        QVERIFY(after.header("Authorization").isEmpty());
        // Nothing of either secret in the data folder.
        m_core.reset();
        QDirIterator files(m_data.path(), QDir::Files, QDirIterator::Subdirectories);
        while (files.hasNext()) {
            QFile f(files.next());
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray all = f.readAll();
            QVERIFY2(!all.contains(BillingToken) && !all.contains(BookingKey),
                     qPrintable(f.fileName()));
        }
    }
};

QTEST_GUILESS_MAIN(TstModuleCredentials)
#include "tst_modulecredentials.moc"
