#include "api/apiserver.h"
#include "api/livefeed.h"
#include "api/liveroute.h"
#include "apicoretest.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Switchboard;
using namespace TestSupport;

namespace {

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// A console's end of GET /api/v1/live: what it was told, in order.
class Listener final : public QObject
{
public:
    Listener(const QString &url, const QByteArray &token)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
            messages.append(QJsonDocument::fromJson(text.toUtf8()).object());
        });
        QNetworkRequest request {QUrl(url)};
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token);
        socket.open(request);
    }
    // Waits for a message of this kind (and, if given, one the test accepts); its index.
    int waitFor(const QString &kind, const std::function<bool(const QJsonObject &)> &ok = {},
                int from = 0)
    {
        int found = -1;
        (void)QTest::qWaitFor(
            [&] {
                for (int i = from; i < messages.size(); ++i) {
                    if (messages[i][QLatin1String("kind")].toString() == kind
                        && (!ok || ok(messages[i]))) {
                        found = i;
                        return true;
                    }
                }
                return socket.state() == QAbstractSocket::UnconnectedState;
            },
            10000);
        return found;
    }
    QList<QJsonObject> ofKind(const QString &kind) const
    {
        QList<QJsonObject> out;
        for (const QJsonObject &m : messages) {
            if (m[QLatin1String("kind")].toString() == kind)
                out.append(m);
        }
        return out;
    }

    QWebSocket socket;
    QList<QJsonObject> messages;
};

} // namespace

// The live feed a remote console keeps open: every change numbered, shaped for the token's
// holder, caught up after a reconnect, closed when the session ends.
class TstLiveApi : public ApiCoreTest
{
    Q_OBJECT

    QString live(const QString &query = {}) const
    {
        return QStringLiteral("ws://127.0.0.1:%1/api/v1/live%2")
            .arg(m_core->apiPort())
            .arg(query.isEmpty() ? QString() : QLatin1Char('?') + query);
    }
    QByteArray login(const QString &name, const QString &role, const QJsonArray &queues = {})
    {
        const QString password = QStringLiteral("a long clinic passphrase");
        post(url(QStringLiteral("/api/v1/users")),
             json({{QStringLiteral("name"), name},
                   {QStringLiteral("display_name"), name},
                   {QStringLiteral("role"), role},
                   {QStringLiteral("password"), password},
                   {QStringLiteral("queues"), queues}}),
             auth());
        return post(url(QStringLiteral("/api/v1/login")),
                    json({{QStringLiteral("name"), name}, {QStringLiteral("password"), password}}))
            .json()
            .value(QLatin1String("token"))
            .toString()
            .toLatin1();
    }
    // Runs a round of checks: every module's snapshot changes.
    void checkNow()
    {
        QCOMPARE(
            post(url(QStringLiteral("/api/v1/control")), R"({"action":"test"})", auth()).status,
            200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Status started = startDemoCore();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        QVERIFY(m_core->live());
    }

    void theJournalKnowsWhatFollowedAndWhenItCannotTell()
    {
        LiveFeed feed(3);
        for (int i = 0; i < 5; ++i)
            feed.publish(QStringLiteral("module"), {{QStringLiteral("n"), i}});
        QCOMPARE(feed.lastSeq(), quint64(5));
        const auto tail = feed.after(feed.epoch(), 3);
        QVERIFY(tail);
        QCOMPARE(tail->size(), 2);
        QCOMPARE(tail->first().seq, quint64(4));
        QVERIFY(feed.after(feed.epoch(), 2)); // 3, 4 and 5 are kept
        QVERIFY(!feed.after(feed.epoch(), 1)); // 2 is gone
        QVERIFY(feed.after(feed.epoch(), 5)->isEmpty());
        QVERIFY(!feed.after(feed.epoch(), 6)); // from the future: another start's
        QVERIFY(!feed.after(QStringLiteral("another"), 4));
    }

    void aTokenIsNeeded()
    {
        Listener nobody(live(), {});
        QSignalSpy failed(&nobody.socket,
                          qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        QVERIFY(failed.wait(5000));
        QVERIFY2(nobody.socket.errorString().contains(QLatin1String("401")),
                 qPrintable(nobody.socket.errorString()));
        Listener wrong(live(), "not-a-token-at-all-0123");
        QSignalSpy wrongFailed(&wrong.socket,
                               qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        QVERIFY(wrongFailed.wait(5000));
        QVERIFY(nobody.messages.isEmpty() && wrong.messages.isEmpty());
    }

    void changesArriveNumberedInOrder()
    {
        Listener admin(live(), m_token);
        QCOMPARE(admin.waitFor(QStringLiteral("hello")), 0);
        const QJsonObject hello = admin.messages.first();
        QCOMPARE(hello[QLatin1String("epoch")].toString(), m_core->live()->epoch());
        QCOMPARE(hello[QLatin1String("role")].toString(), QStringLiteral("admin"));
        checkNow();
        QVERIFY(admin.waitFor(QStringLiteral("module"), [](const QJsonObject &m) {
            return m[QLatin1String("data")][QLatin1String("id")] == QLatin1String("09_compliance");
        }) > 0);
        quint64 last = quint64(hello[QLatin1String("seq")].toInteger());
        for (int i = 1; i < admin.messages.size(); ++i) {
            const quint64 seq = quint64(admin.messages[i][QLatin1String("seq")].toInteger());
            QVERIFY2(seq > last, qPrintable(QStringLiteral("%1 after %2").arg(seq).arg(last)));
            last = seq;
        }
        const QJsonObject module = admin.ofKind(QStringLiteral("module")).first();
        QVERIFY(module[QLatin1String("data")][QLatin1String("status")].isString());
    }

    void aReconnectCatchesUpWithoutGapsOrRepeats()
    {
        QString epoch;
        quint64 seen = 0;
        {
            Listener first(live(), m_token);
            QCOMPARE(first.waitFor(QStringLiteral("hello")), 0);
            epoch = first.messages.first()[QLatin1String("epoch")].toString();
            seen = quint64(first.messages.first()[QLatin1String("seq")].toInteger());
            first.socket.close();
        }
        // Changes while the console was away.
        checkNow();
        const quint64 latest = m_core->live()->lastSeq();
        QVERIFY(latest > seen);

        Listener back(live(QStringLiteral("epoch=%1&since=%2").arg(epoch).arg(seen)), m_token);
        QVERIFY(back.waitFor(QStringLiteral("module"), [latest](const QJsonObject &m) {
            return quint64(m[QLatin1String("seq")].toInteger()) >= latest;
        }) > 0);
        QCOMPARE(back.messages.first()[QLatin1String("kind")].toString(), QStringLiteral("hello"));
        for (int i = 1; i < back.messages.size(); ++i)
            QCOMPARE(quint64(back.messages[i][QLatin1String("seq")].toInteger()),
                     seen + quint64(i));
        QVERIFY(back.ofKind(QStringLiteral("reload")).isEmpty());

        // Another start's numbers, or none the journal has: reload.
        Listener stranger(live(QStringLiteral("epoch=elsewhere&since=%1").arg(seen)), m_token);
        QVERIFY(stranger.waitFor(QStringLiteral("reload")) > 0);
        Listener garbled(live(QStringLiteral("epoch=%1&since=lots").arg(epoch)), m_token);
        QVERIFY(garbled.waitFor(QStringLiteral("reload")) > 0);
    }

    void eachHolderSeesWhatTheirRoleAndQueuesAllow()
    {
        Listener admin(live(), m_token);
        Listener viewer(live(), login(QStringLiteral("vera"), QStringLiteral("viewer")));
        Listener ana(live(),
                     login(QStringLiteral("ana"), QStringLiteral("support"),
                           {QStringLiteral("manual-booking")}));
        for (Listener *l : {&admin, &viewer, &ana})
            QCOMPARE(l->waitFor(QStringLiteral("hello")), 0);
        QCOMPARE(ana.messages.first()[QLatin1String("name")].toString(), QStringLiteral("ana"));

        QCOMPARE(post(url(QStringLiteral("/api/v1/events")),
                      R"({"type":"document.processed","module":"06_ocr","data":{
                      "document_id":"doc-live","document_type":"id_card","confidence":0.7,
                      "size_bytes":10,"fields":{"patient_name":"Grace Okafor"}}})",
                      auth())
                     .status,
                 202);
        const auto isOurs = [](const QJsonObject &m) {
            return m[QLatin1String("data")][QLatin1String("title")].toString().contains(
                QLatin1String("doc-live"));
        };
        const int forAdmin = admin.waitFor(QStringLiteral("task"), isOurs);
        QVERIFY(forAdmin > 0);
        QVERIFY(QJsonDocument(admin.messages[forAdmin]).toJson().contains("Grace Okafor"));
        const int forViewer = viewer.waitFor(QStringLiteral("task"), isOurs);
        QVERIFY(forViewer > 0);
        QVERIFY(!QJsonDocument(viewer.messages[forViewer]).toJson().contains("Grace"));

        // Ana works manual-booking only: by the time a later change reaches her, the OCR task
        // has not.
        m_core->live()->publish(QStringLiteral("alerts"), {{QStringLiteral("marker"), true}});
        QVERIFY(ana.waitFor(QStringLiteral("alerts"), [](const QJsonObject &m) {
            return m[QLatin1String("data")][QLatin1String("marker")].toBool();
        }) > 0);
        for (const QJsonObject &m : ana.ofKind(QStringLiteral("task")))
            QVERIFY(!isOurs(m));
    }

    void anEndedSessionClosesTheSocket()
    {
        const QByteArray token = login(QStringLiteral("jorge"), QStringLiteral("manager"));
        Listener jorge(live(), token);
        QCOMPARE(jorge.waitFor(QStringLiteral("hello")), 0);
        QSignalSpy closed(&jorge.socket, &QWebSocket::disconnected);
        QCOMPARE(post(url(QStringLiteral("/api/v1/logout")), "{}",
                      {{"Authorization", "Bearer " + token}})
                     .status,
                 204);
        m_core->api()->live()->recheck(); // what the route does every RecheckMs
        QVERIFY(closed.wait(5000));
        QCOMPARE(int(jorge.socket.closeCode()), LiveRoute::CloseTokenEnded);
        // And it cannot come back with it.
        Listener again(live(), token);
        QSignalSpy failed(&again.socket,
                          qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        QVERIFY(failed.wait(5000));
    }
};

QTEST_GUILESS_MAIN(TstLiveApi)
#include "tst_liveapi.moc"
