#include "secrets/keychainsecretstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace Switchboard;

// Against a real Secret Service (gnome-keyring in a dbus session, started by scripts/test).
class TstSecretStore : public QObject
{
    Q_OBJECT

    KeychainSecretStore m_store {QStringLiteral("switchboard-test")};

    Status write(const QString &key, const QString &value)
    {
        std::optional<Status> result;
        m_store.write(key, value, [&](Status s) { result = s; });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 15000);
        return result.value_or(Status(makeError(QStringLiteral("no answer from the keychain"))));
    }

    Result<QString> read(const QString &key)
    {
        std::optional<Result<QString>> result;
        m_store.read(key, [&](Result<QString> r) { result = r; });
        (void)QTest::qWaitFor([&] { return result.has_value(); }, 15000);
        return result.value_or(
            Result<QString>(makeError(QStringLiteral("no answer from the keychain"))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(
            !qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
            "no D-Bus session: run the tests through scripts/test, which starts gnome-keyring");
    }

    void roundTrip()
    {
        const QString key = QStringLiteral("slack_webhook_url");
        const QString secret = QStringLiteral("http://127.0.0.1:9/hooks/T000/B000/XXXX");
        const Status written = write(key, secret);
        QVERIFY2(written.ok(), qPrintable(written.ok() ? QString() : written.error().toString()));
        const auto back = read(key);
        QVERIFY2(back.ok(), qPrintable(back.ok() ? QString() : back.error().toString()));
        QCOMPARE(*back, secret);

        std::optional<Status> removed;
        m_store.remove(key, [&](Status s) { removed = s; });
        QTRY_VERIFY_WITH_TIMEOUT(removed.has_value(), 15000);
        QVERIFY(removed->ok());
        const auto gone = read(key);
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().field, key);
    }
};

QTEST_GUILESS_MAIN(TstSecretStore)
#include "tst_secretstore.moc"
