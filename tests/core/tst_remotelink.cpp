#include "api/apiserver.h"
#include "api/livefeed.h"
#include "api/liveroute.h"
#include "apicoretest.h"
#include "health/healthmonitor.h"
#include "remote/remotelink.h"
#include "remote/snapshotjson.h"
#include "testsupport.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QTest>

using namespace Switchboard;
using namespace TestSupport;

namespace {

const QString Password = QStringLiteral("a long clinic passphrase");

} // namespace

// A remote console's line to a real core over loopback: logging in, the live feed, a dropped
// link that catches up, a restarted core that asks for a reload, an ended session.
class TstRemoteLink : public ApiCoreTest
{
    Q_OBJECT

    quint16 m_port = 0;

    QUrl base() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_port)); }
    // A link logged in as ana (support), live.
    std::unique_ptr<RemoteLink> liveLink()
    {
        auto link = std::make_unique<RemoteLink>(base());
        link->setRetryDelays(50, 400);
        if (!awaited([&](RemoteLink::Done done) {
                link->login(QStringLiteral("ana"), Password, std::move(done));
            }))
            return nullptr;
        link->openLive();
        if (!QTest::qWaitFor([&] { return link->state() == RemoteLink::State::Live; }, 10000))
            return nullptr;
        return link;
    }
    // What the link is told from now on, by kind and seq.
    static void record(RemoteLink &link, QObject *context, QStringList *into)
    {
        QObject::connect(&link, &RemoteLink::changed, context,
                         [into, &link](const QString &kind, const QJsonObject &) {
                             into->append(kind + QLatin1Char(':')
                                          + QString::number(link.lastSeq()));
                         });
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Status started = startDemoCore();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        m_port = m_core->apiPort();
        QCOMPARE(post(url(QStringLiteral("/api/v1/users")),
                      QJsonDocument(QJsonObject {{"name", "ana"},
                                                 {"display_name", "Ana Ruiz"},
                                                 {"role", "support"},
                                                 {"password", Password}})
                          .toJson(),
                      auth())
                     .status,
                 201);
    }

    void addressesFollowHipaaMode()
    {
        QVERIFY(RemoteLink::allowed(QUrl("https://core.clinic.lan:8600"), true).ok());
        QVERIFY(RemoteLink::allowed(QUrl("http://127.0.0.1:8600"), true).ok());
        QVERIFY(RemoteLink::allowed(QUrl("http://localhost:8600"), true).ok());
        const Status plain = RemoteLink::allowed(QUrl("http://core.clinic.lan:8600"), true);
        QVERIFY(!plain.ok());
        QVERIFY(plain.error().message.contains(QStringLiteral("HIPAA_MODE")));
        QVERIFY(RemoteLink::allowed(QUrl("http://core.clinic.lan:8600"), false).ok());
        QCOMPARE(RemoteLink::allowed(QUrl("ftp://core"), false).error().field,
                 QStringLiteral("address"));
        QVERIFY(!RemoteLink::allowed(QUrl("core.clinic.lan"), false).ok());
    }

    void logsInAndReadsWithItsSession()
    {
        RemoteLink link(base());
        const auto wrong = awaited([&](RemoteLink::Done done) {
            link.login(QStringLiteral("ana"), QStringLiteral("not the password"), std::move(done));
        });
        QVERIFY(!wrong.ok());
        QVERIFY(wrong.error().message.contains(QStringLiteral("wrong")));
        QVERIFY(link.token().isEmpty());
        QVERIFY(awaited([&](RemoteLink::Done done) {
            link.login(QStringLiteral("ana"), Password, std::move(done));
        }));
        const auto me = awaited([&](RemoteLink::Done done) {
            link.request("GET", QStringLiteral("/api/v1/me"), {}, std::move(done));
        });
        QVERIFY(me.ok());
        QCOMPARE(me->value(QLatin1String("display_name")).toString(), QStringLiteral("Ana Ruiz"));
        const auto refused = awaited([&](RemoteLink::Done done) {
            link.request("GET", QStringLiteral("/api/v1/users"), {}, std::move(done));
        });
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("admin")));
        const auto missing = awaited([&](RemoteLink::Done done) {
            link.request("GET", QStringLiteral("/api/v1/tasks/tk_none"), {}, std::move(done));
        });
        QCOMPARE(missing.error().kind, ErrorKind::NotFound);
    }

    void aDroppedLinkCatchesUpWithoutAReload()
    {
        auto link = liveLink();
        QVERIFY(link);
        QStringList seen;
        record(*link, this, &seen);
        QSignalSpy reloads(link.get(), &RemoteLink::reloadNeeded);
        const quint64 before = link->lastSeq();

        m_core->api()->closeAll(); // the network between desk and core goes away
        QTRY_COMPARE(link->state(), RemoteLink::State::Reconnecting);
        // Nothing that changes something is queued while the link is down.
        const auto offline = awaited([&](RemoteLink::Done done) {
            link->request("POST", QStringLiteral("/api/v1/control"),
                          {{QStringLiteral("action"), QStringLiteral("test")}}, std::move(done));
        });
        QCOMPARE(offline.error().kind, ErrorKind::Unavailable);
        QVERIFY(offline.error().message.contains(QStringLiteral("nothing was sent")));
        for (int i = 0; i < 3; ++i)
            m_core->live()->publish(QStringLiteral("alerts"), {{QStringLiteral("n"), i}});
        const quint64 latest = m_core->live()->lastSeq();

        QVERIFY(m_core->api()->listenOn(QHostAddress::LocalHost, m_port).ok());
        QTRY_VERIFY_WITH_TIMEOUT(link->lastSeq() == latest, 10000);
        QCOMPARE(link->state(), RemoteLink::State::Live);
        QCOMPARE(reloads.size(), 0);
        QStringList expected;
        for (quint64 seq = before + 1; seq <= latest; ++seq)
            expected << QStringLiteral("alerts:%1").arg(seq);
        QCOMPARE(seen, expected);
    }

    void aRestartedCoreAsksForAReload()
    {
        auto link = liveLink();
        QVERIFY(link);
        const QString epoch = link->epoch();
        QSignalSpy reloads(link.get(), &RemoteLink::reloadNeeded);
        m_core.reset();
        QTRY_COMPARE(link->state(), RemoteLink::State::Reconnecting);
        const Status restarted = startDemoCore(m_port);
        QVERIFY2(restarted.ok(),
                 qPrintable(restarted.ok() ? QString() : restarted.error().toString()));
        QVERIFY(reloads.wait(10000));
        QCOMPARE(link->state(), RemoteLink::State::Live);
        QVERIFY(link->epoch() != epoch);
        QCOMPARE(link->epoch(), m_core->live()->epoch());
        // The session was stored: the same token still works after the restart.
        QVERIFY(awaited([&](RemoteLink::Done done) {
            link->request("GET", QStringLiteral("/api/v1/me"), {}, std::move(done));
        }));
    }

    // What a remote console draws comes through /api/v1/overview (and the live feed) whole:
    // read back, every module and the clinic's picture are what the core holds.
    void theOverviewCarriesEverythingTheConsoleDraws()
    {
        QCOMPARE(
            post(url(QStringLiteral("/api/v1/control")), R"({"action":"test"})", auth()).status,
            200);
        RemoteLink link(base());
        link.setToken(m_token);
        const auto picture = awaited([&](RemoteLink::Done done) {
            link.request("GET", QStringLiteral("/api/v1/overview"), {}, std::move(done));
        });
        QVERIFY(picture.ok());
        const QJsonArray modules = picture->value(QLatin1String("modules")).toArray();
        const QList<ModuleSnapshot> held = m_core->monitor()->snapshots();
        QCOMPARE(modules.size(), held.size());
        for (int i = 0; i < held.size(); ++i) {
            const ModuleSnapshot read = SnapshotJson::moduleFromJson(modules.at(i).toObject());
            QCOMPARE(read.id, held.at(i).id);
            QCOMPARE(read.assessment, held.at(i).assessment);
            QCOMPARE(read.responseHistory, held.at(i).responseHistory);
            QCOMPARE(read.circuitHistory, held.at(i).circuitHistory);
            QCOMPARE(read.lastCheck, held.at(i).lastCheck);
            QCOMPARE(read.endpoint, held.at(i).endpoint);
            QCOMPARE(SnapshotJson::toJson(read), modules.at(i).toObject());
        }
        QVERIFY(held.first().lastCheck.isValid());
        const SystemOverview overview =
            SnapshotJson::overviewFromJson(picture->value(QLatin1String("overview")).toObject());
        const SystemOverview original = m_core->overview();
        QCOMPARE(overview.health, original.health);
        QCOMPARE(overview.alerts, original.alerts);
        QCOMPARE(overview.kpis, original.kpis);
        QCOMPARE(overview.clinicName, original.clinicName);
        QVERIFY(!original.dependencies.workflows().isEmpty()); // the demo's workflows
        QVERIFY(overview.dependencies == original.dependencies);
        QCOMPARE(overview.reviewQueues, original.reviewQueues);
    }

    // A core with its own, self-signed certificate: refused until its fingerprint is trusted
    // (the console asks, once), then used; another certificate at the same address is refused
    // again.
    void aSelfSignedCoreIsTrustedByItsFingerprint()
    {
        QTemporaryDir dir;
        const auto makeCertificate = [&](const QString &name) {
            const QString key = dir.filePath(name + QStringLiteral(".key"));
            const QString cert = dir.filePath(name + QStringLiteral(".crt"));
            const int made = QProcess::execute(
                QStringLiteral("openssl"),
                {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                 QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
                 key, QStringLiteral("-out"), cert, QStringLiteral("-days"), QStringLiteral("2"),
                 QStringLiteral("-subj"), QStringLiteral("/CN=core.clinic.lan"),
                 QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
            QFile keyFile(key);
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            if (made != 0 || !keyFile.open(QIODevice::ReadOnly))
                return tls;
            tls.setLocalCertificateChain(QSslCertificate::fromPath(cert));
            tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
            tls.setPeerVerifyMode(QSslSocket::VerifyNone);
            return tls;
        };
        const auto serve = [&](const QSslConfiguration &tls, quint16 port) {
            CoreOptions options;
            options.listen = true;
            options.listenPort = port;
            options.tls = tls;
            options.dataDir = dir.filePath(QStringLiteral("data"));
            options.adminTokenFromEnv = QString::fromLatin1(m_token);
            auto core = std::make_unique<CoreService>(CoreConfig {}, m_clock, options);
            return core->start().ok() ? std::move(core) : nullptr;
        };
        const QSslConfiguration first = makeCertificate(QStringLiteral("first"));
        QVERIFY(!first.localCertificate().isNull());
        auto core = serve(first, 0);
        QVERIFY(core);
        const quint16 port = core->apiPort();

        RemoteLink link(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)));
        link.setToken(m_token);
        QSignalSpy asked(&link, &RemoteLink::certificateToTrust);
        const auto me = [&] {
            return awaited([&](RemoteLink::Done done) {
                link.request("GET", QStringLiteral("/api/v1/me"), {}, std::move(done));
            });
        };
        QVERIFY(!me().ok());
        QCOMPARE(asked.size(), 1);
        const QString sha256 = asked.first().at(0).toString();
        QCOMPARE(sha256, RemoteLink::fingerprint(first.localCertificate()));
        QVERIFY(asked.first().at(1).toString().contains(QStringLiteral("core.clinic.lan")));
        link.trustFingerprint(sha256);
        QVERIFY(me().ok());
        QCOMPARE(asked.size(), 1); // asked once

        // The same address with another certificate: asked again, not used meanwhile.
        core.reset();
        auto other = serve(makeCertificate(QStringLiteral("second")), port);
        QVERIFY(other);
        QVERIFY(!me().ok());
        QCOMPARE(asked.size(), 2);
        QVERIFY(asked.last().at(0).toString() != sha256);
    }

    void anEndedSessionSaysLogInAgain()
    {
        auto link = liveLink();
        QVERIFY(link);
        QSignalSpy ended(link.get(), &RemoteLink::sessionEnded);
        QVERIFY(awaited([&](RemoteLink::Done done) {
            link->request("POST", QStringLiteral("/api/v1/logout"), {}, std::move(done));
        }));
        m_core->api()->live()->recheck();
        QVERIFY(ended.wait(5000));
        QCOMPARE(link->state(), RemoteLink::State::Offline);
    }
};

QTEST_GUILESS_MAIN(TstRemoteLink)
#include "tst_remotelink.moc"
