#include "secrets/filesecretstore.h"
#include "secrets/secretbackend.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

// The secrets file for machines without a desktop keychain: sealed with libsodium, owner-only,
// its key kept apart.
class TstFileSecretStore : public QObject
{
    Q_OBJECT

    // Readable and writable by its owner, by no one else.
    static bool ownerOnly(const QString &path)
    {
        const QFile::Permissions p = QFile::permissions(path);
        const QFile::Permissions others = QFile::ReadGroup | QFile::WriteGroup | QFile::ExeGroup
            | QFile::ReadOther | QFile::WriteOther | QFile::ExeOther;
        return (p & QFile::ReadOwner) && (p & QFile::WriteOwner) && !(p & others);
    }

    static QByteArray contents(const QString &path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

private Q_SLOTS:
    void sealsOpensAndForgets()
    {
        QTemporaryDir dir;
        auto key = FileSecretStore::loadKey({}, {}, dir.path());
        QVERIFY2(key.ok(), qPrintable(key.ok() ? QString() : key.error().toString()));
        QVERIFY(key->created);
        QVERIFY(ownerOnly(key->source));
        const QString path = dir.filePath(QStringLiteral("secrets.sealed"));
        FileSecretStore store(path, key->bytes);
        const QString secret =
            QStringLiteral("https://hooks.slack.com/services/T0/B0/plain-secret");
        QVERIFY(store.store(QStringLiteral("channel/slack"), secret).ok());
        QCOMPARE(store.fetch(QStringLiteral("channel/slack")).value(), secret);
        QVERIFY(ownerOnly(path));
        // Nothing of it readable in the folder.
        for (const QString &name : QDir(dir.path()).entryList(QDir::Files))
            QVERIFY2(!contents(dir.filePath(name)).contains("plain-secret"), qPrintable(name));

        // The same key later (a restart) opens it; sealing twice gives other bytes.
        const QByteArray first = contents(path);
        QVERIFY(store.store(QStringLiteral("channel/slack"), secret).ok());
        QVERIFY(contents(path) != first);
        auto again = FileSecretStore::loadKey({}, {}, dir.path());
        QVERIFY(!again->created);
        QCOMPARE(FileSecretStore(path, again->bytes).fetch(QStringLiteral("channel/slack")).value(),
                 secret);

        QVERIFY(store.erase(QStringLiteral("channel/slack")).ok());
        const auto gone = store.fetch(QStringLiteral("channel/slack"));
        QCOMPARE(gone.error().kind, ErrorKind::NotFound);
    }

    void anotherKeyOrAMovedSecretIsRefused()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("secrets.sealed"));
        const QByteArray key(FileSecretStore::KeyBytes, 'k');
        FileSecretStore store(path, key);
        QVERIFY(store.store(QStringLiteral("a"), QStringLiteral("secret-a")).ok());
        const auto wrongKey =
            FileSecretStore(path, QByteArray(FileSecretStore::KeyBytes, 'x')).fetch("a");
        QVERIFY(!wrongKey.ok());
        QVERIFY(wrongKey.error().message.contains(QStringLiteral("cannot be opened")));
        // A sealed value copied under another name does not open there.
        QByteArray doc = contents(path);
        doc.replace("\"a\"", "\"b\"");
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(doc);
        f.close();
        const auto moved = store.fetch(QStringLiteral("b"));
        QVERIFY(!moved.ok());
        QVERIFY(moved.error().message.contains(QStringLiteral("another name")));
    }

    void theKeyComesFromACredentialAFileOrTheDataFolder()
    {
        QTemporaryDir dir;
        const QString credentials = dir.filePath(QStringLiteral("credentials"));
        QVERIFY(QDir().mkpath(credentials));
        const QString hex = QStringLiteral("00112233445566778899aabbccddeeff"
                                           "00112233445566778899aabbccddeeff");
        QFile cred(QDir(credentials).filePath(QStringLiteral("switchboard.key")));
        QVERIFY(cred.open(QIODevice::WriteOnly));
        cred.write(hex.toLatin1() + '\n');
        cred.close();
        const QString other = dir.filePath(QStringLiteral("other.key"));
        QFile raw(other);
        QVERIFY(raw.open(QIODevice::WriteOnly));
        raw.write(QByteArray(32, 'r'));
        raw.close();

        // systemd's credential first, then SWITCHBOARD_SECRET_KEY_FILE, then the data folder.
        auto fromCredential = FileSecretStore::loadKey(credentials, other, dir.path());
        QCOMPARE(fromCredential->bytes, QByteArray::fromHex(hex.toLatin1()));
        QCOMPARE(fromCredential->source, cred.fileName());
        auto fromFile = FileSecretStore::loadKey(QString(), other, dir.path());
        QCOMPARE(fromFile->bytes, QByteArray(32, 'r'));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("secrets.key"))));

        QFile bad(dir.filePath(QStringLiteral("bad.key")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("too short");
        bad.close();
        auto refused = FileSecretStore::loadKey(QString(), bad.fileName(), dir.path());
        QVERIFY(!refused.ok());
        QVERIFY(refused.error().message.contains(QStringLiteral("64 hex digits")));
    }

    // Without a session bus, "auto" picks the file and never tries to start a bus.
    void withoutADesktopAutoChoosesTheFile()
    {
        QTemporaryDir dir;
        const QMap<QString, QString> serverEnv {
            {QStringLiteral("XDG_RUNTIME_DIR"), dir.filePath(QStringLiteral("no-such-dir"))}};
        QVERIFY(!SecretBackend::secretServiceAvailable(serverEnv));
        QObject owner;
        const SecretBackend::Choice choice =
            SecretBackend::choose(QStringLiteral("auto"), dir.path(), serverEnv, &owner);
        QVERIFY2(choice.description.startsWith(QLatin1String("an encrypted file")),
                 qPrintable(choice.description));
        QVERIFY(qobject_cast<FileSecretStore *>(choice.store));
        // No data folder and no key: nowhere, and every write says why.
        const SecretBackend::Choice nowhere =
            SecretBackend::choose(QStringLiteral("file"), QString(), serverEnv, &owner);
        QVERIFY(nowhere.description.startsWith(QLatin1String("nowhere")));
        std::optional<Status> written;
        nowhere.store->write(QStringLiteral("x"), QStringLiteral("y"),
                             [&](Status s) { written = s; });
        QVERIFY(written.has_value());
        QCOMPARE(written->error().kind, ErrorKind::Unavailable);
    }
};

QTEST_GUILESS_MAIN(TstFileSecretStore)
#include "tst_filesecretstore.moc"
