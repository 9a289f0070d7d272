#include "api/tokenstore.h"
#include "common/clock.h"
#include "service/coreservice.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QJsonArray>
#include <QTemporaryDir>

using namespace Switchboard;
using namespace TestSupport;

// The core's HTTP API over loopback, with the demo fleet behind it.
class TstApiServer : public QObject
{
    Q_OBJECT

    SystemClock m_clock;
    QTemporaryDir m_data;
    CoreService *m_core = nullptr;
    const QByteArray m_token = "api-test-token-0123456789";

    QString url(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1%2").arg(m_core->apiPort()).arg(path);
    }
    QList<QPair<QByteArray, QByteArray>> auth() const
    {
        return {{"Authorization", "Bearer " + m_token}};
    }

private Q_SLOTS:
    void initTestCase()
    {
        CoreOptions options;
        options.demo = true;
        options.demoBasePort = 0;
        options.demoEventRate = 0;
        options.listen = true;
        options.listenPort = 0;
        options.dataDir = m_data.path();
        options.adminTokenFromEnv = QString::fromLatin1(m_token);
        m_core = new CoreService(CoreConfig(), m_clock, options);
        const Status started = m_core->start();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        QVERIFY(m_core->apiPort() != 0);
    }

    void cleanupTestCase() { delete m_core; }

    void healthzIsOpen()
    {
        const HttpResult r = get(url(QStringLiteral("/healthz")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("ok")).toBool(), true);
    }

    void everythingElseNeedsAToken()
    {
        QCOMPARE(get(url(QStringLiteral("/api/v1/status"))).status, 401);
        QCOMPARE(get(url(QStringLiteral("/api/v1/status")),
                     {{"Authorization", "Bearer wrong-token-wrong-token"}})
                     .status,
                 401);
        QCOMPARE(
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})").status,
            401);
        const HttpResult ok = get(url(QStringLiteral("/api/v1/status")), auth());
        QCOMPARE(ok.status, 200);
        QCOMPARE(ok.json().value(QLatin1String("modules")).toObject().size(), 9);
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

    void controlTestRunsTheChecksNow()
    {
        const HttpResult r =
            post(url(QStringLiteral("/webhook/manager/control")), R"({"action":"test"})", auth());
        QCOMPARE(r.status, 200);
        const QJsonObject doc = r.json();
        QCOMPARE(doc.value(QLatin1String("env_ok")).toBool(), true);
        QCOMPARE(doc.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("control_action"))
                     .toString(),
                 QStringLiteral("test"));
        QVERIFY(doc.value(QLatin1String("metadata"))
                    .toObject()
                    .value(QLatin1String("trace_id"))
                    .toString()
                    .startsWith(QStringLiteral("MANAGER-")));
        const QJsonObject booking = doc.value(QLatin1String("modules"))
                                        .toObject()
                                        .value(QLatin1String("02_booking"))
                                        .toObject();
        QCOMPARE(booking.value(QLatin1String("status")).toString(), QStringLiteral("healthy"));
        QVERIFY(!booking.value(QLatin1String("last_check")).isNull());
        const HttpResult reset =
            post(url(QStringLiteral("/api/v1/control")),
                 R"({"action":"reset_circuit_breaker","module":"04_billing"})", auth());
        QCOMPARE(reset.status, 200);
        QCOMPARE(reset.json()
                     .value(QLatin1String("modules"))
                     .toObject()
                     .value(QLatin1String("04_billing"))
                     .toObject()
                     .value(QLatin1String("circuit"))
                     .toString(),
                 QStringLiteral("closed"));
    }

    void createsAnOwnerOnlyAdminTokenFile()
    {
        QTemporaryDir dir;
        auto store = TokenStore::open(dir.path(), QString());
        QVERIFY(store.ok());
        QVERIFY(store->createdAdminToken());
        const QFileInfo info(store->adminTokenPath());
        QVERIFY(info.exists());
        QCOMPARE(
            info.permissions()
                & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
            QFile::Permissions());
        QFile file(info.filePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray token = file.readAll().trimmed();
        QCOMPARE(store->roleFor(token), std::optional<Role>(Role::Admin));
        QCOMPARE(store->roleFor(token + "x"), std::optional<Role>());
        // The second start reads the same token instead of making a new one.
        auto again = TokenStore::open(dir.path(), QString());
        QVERIFY(again.ok());
        QVERIFY(!again->createdAdminToken());
        QCOMPARE(again->roleFor(token), std::optional<Role>(Role::Admin));
        QVERIFY(!TokenStore::open(dir.path(), QStringLiteral("short")).ok());
    }
};

QTEST_GUILESS_MAIN(TstApiServer)
#include "tst_apiserver.moc"
