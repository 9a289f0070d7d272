#include "secrets/filesecretstore.h"

#include "common/logging.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <sodium.h>

namespace Switchboard {

namespace {

constexpr auto OwnerOnly = QFile::ReadOwner | QFile::WriteOwner;

// 32 raw bytes, or 64 hex digits with optional whitespace around them.
Result<QByteArray> parseKey(const QByteArray &contents, const QString &path)
{
    if (contents.size() == FileSecretStore::KeyBytes)
        return contents;
    const QByteArray text = contents.trimmed();
    if (text.size() == 2LL * FileSecretStore::KeyBytes) {
        const QByteArray bytes = QByteArray::fromHex(text);
        if (bytes.size() == FileSecretStore::KeyBytes && bytes.toHex() == text.toLower())
            return bytes;
    }
    return makeError(QStringLiteral("%1 is not a secrets key: it must hold 32 bytes, or 64 hex "
                                    "digits (openssl rand -hex 32)")
                         .arg(path),
                     QStringLiteral("SWITCHBOARD_SECRET_KEY_FILE"));
}

Result<QByteArray> readKey(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return unavailable(
            QStringLiteral("cannot read the secrets key %1: %2").arg(path, file.errorString()),
            QStringLiteral("SWITCHBOARD_SECRET_KEY_FILE"));
    return parseKey(file.read(1024), path);
}

bool sodiumReady()
{
    static const bool ready = sodium_init() >= 0;
    return ready;
}

} // namespace

Result<FileSecretStore::Key> FileSecretStore::loadKey(const QString &credentialsDirectory,
                                                      const QString &keyFile,
                                                      const QString &dataDir)
{
    if (!sodiumReady())
        return internalError(QStringLiteral("libsodium could not be initialised"));
    if (!credentialsDirectory.isEmpty()) {
        const QString path = QDir(credentialsDirectory).filePath(QStringLiteral("switchboard.key"));
        if (QFileInfo::exists(path)) {
            auto bytes = readKey(path);
            if (!bytes)
                return bytes.error();
            return Key {*bytes, path, false};
        }
    }
    if (!keyFile.isEmpty()) {
        auto bytes = readKey(keyFile);
        if (!bytes)
            return bytes.error();
        return Key {*bytes, keyFile, false};
    }
    if (dataDir.isEmpty())
        return makeError(QStringLiteral("no secrets key: give SWITCHBOARD_SECRET_KEY_FILE, a "
                                        "systemd credential switchboard.key, or a data folder"),
                         QStringLiteral("SWITCHBOARD_SECRET_KEY_FILE"));
    const QString path = QDir(dataDir).filePath(QStringLiteral("secrets.key"));
    if (QFileInfo::exists(path)) {
        auto bytes = readKey(path);
        if (!bytes)
            return bytes.error();
        return Key {*bytes, path, false};
    }
    QByteArray bytes(KeyBytes, Qt::Uninitialized);
    randombytes_buf(bytes.data(), size_t(bytes.size()));
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(OwnerOnly)
        || file.write(bytes) != bytes.size() || !file.commit())
        return unavailable(
            QStringLiteral("cannot create the secrets key %1: %2").arg(path, file.errorString()),
            QStringLiteral("SWITCHBOARD_SECRET_KEY_FILE"));
    return Key {bytes, path, true};
}

FileSecretStore::FileSecretStore(const QString &path, const QByteArray &key, QObject *parent)
    : SecretStore(parent)
    , m_path(path)
    , m_key(key)
{
    Q_ASSERT(m_key.size() == KeyBytes);
    sodiumReady();
}

FileSecretStore::~FileSecretStore()
{
    sodium_memzero(m_key.data(), size_t(m_key.size()));
}

QByteArray FileSecretStore::seal(const QString &name, const QString &secret) const
{
    // The name is sealed with the secret, so a sealed value moved to another name is refused.
    const QByteArray plain = name.toUtf8() + '\0' + secret.toUtf8();
    QByteArray out(crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + plain.size(),
                   Qt::Uninitialized);
    auto *nonce = reinterpret_cast<unsigned char *>(out.data());
    randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
    crypto_secretbox_easy(nonce + crypto_secretbox_NONCEBYTES,
                          reinterpret_cast<const unsigned char *>(plain.constData()),
                          quint64(plain.size()), nonce,
                          reinterpret_cast<const unsigned char *>(m_key.constData()));
    return out;
}

Result<QString> FileSecretStore::open(const QString &name, const QByteArray &sealed) const
{
    const qsizetype overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
    if (sealed.size() < overhead)
        return internalError(QStringLiteral("the sealed secret is damaged"), name);
    QByteArray plain(sealed.size() - overhead, Qt::Uninitialized);
    const auto *nonce = reinterpret_cast<const unsigned char *>(sealed.constData());
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                   nonce + crypto_secretbox_NONCEBYTES,
                                   quint64(sealed.size() - crypto_secretbox_NONCEBYTES), nonce,
                                   reinterpret_cast<const unsigned char *>(m_key.constData()))
        != 0)
        return internalError(QStringLiteral("the secret cannot be opened with this key (another "
                                            "key, or the file was changed)"),
                             name);
    const qsizetype zero = plain.indexOf('\0');
    if (zero < 0 || QString::fromUtf8(plain.left(zero)) != name)
        return internalError(QStringLiteral("the sealed secret belongs to another name"), name);
    const QString secret = QString::fromUtf8(plain.mid(zero + 1));
    sodium_memzero(plain.data(), size_t(plain.size()));
    return secret;
}

Result<QMap<QString, QByteArray>> FileSecretStore::load() const
{
    QMap<QString, QByteArray> sealed;
    QFile file(m_path);
    if (!file.exists())
        return sealed;
    if (!file.open(QIODevice::ReadOnly))
        return unavailable(QStringLiteral("cannot read %1: %2").arg(m_path, file.errorString()));
    const QJsonObject doc = QJsonDocument::fromJson(file.readAll()).object();
    for (auto it = doc.begin(); it != doc.end(); ++it)
        sealed.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    return sealed;
}

Status FileSecretStore::save(const QMap<QString, QByteArray> &sealed)
{
    QJsonObject doc;
    for (auto it = sealed.begin(); it != sealed.end(); ++it)
        doc.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    QSaveFile file(m_path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(OwnerOnly)
        || file.write(QJsonDocument(doc).toJson()) < 0 || !file.commit())
        return unavailable(QStringLiteral("cannot write %1: %2").arg(m_path, file.errorString()));
    return Ok {};
}

Status FileSecretStore::store(const QString &name, const QString &secret)
{
    auto sealed = load();
    if (!sealed)
        return sealed.error();
    sealed->insert(name, seal(name, secret));
    return save(*sealed);
}

Result<QString> FileSecretStore::fetch(const QString &name) const
{
    auto sealed = load();
    if (!sealed)
        return sealed.error();
    if (!sealed->contains(name))
        return notFound(QStringLiteral("no secret is stored under this name"), name);
    return open(name, sealed->value(name));
}

Status FileSecretStore::erase(const QString &name)
{
    auto sealed = load();
    if (!sealed)
        return sealed.error();
    if (sealed->remove(name) == 0)
        return Ok {};
    return save(*sealed);
}

void FileSecretStore::write(const QString &key, const QString &secret, DoneCallback done)
{
    const Status st = store(key, secret);
    if (!st)
        qCWarning(lcSecrets) << "storing secret" << key << "failed:" << st.error().message;
    QMetaObject::invokeMethod(
        this, [done, st] { done(st); }, Qt::QueuedConnection);
}

void FileSecretStore::read(const QString &key, ReadCallback done)
{
    const Result<QString> secret = fetch(key);
    QMetaObject::invokeMethod(
        this, [done, secret] { done(secret); }, Qt::QueuedConnection);
}

void FileSecretStore::remove(const QString &key, DoneCallback done)
{
    const Status st = erase(key);
    QMetaObject::invokeMethod(
        this, [done, st] { done(st); }, Qt::QueuedConnection);
}

} // namespace Switchboard
