#pragma once

#include "secrets/secretstore.h"

#include <QByteArray>
#include <QMap>

namespace Switchboard {

// SecretStore for machines without a desktop keychain (a server, a container, CI): each secret
// sealed with libsodium's crypto_secretbox (XSalsa20-Poly1305, a fresh random nonce each time)
// in one file of the data folder, owner-only. The 32-byte key is kept apart from it: a systemd
// credential (LoadCredential=switchboard.key:…), a file named by SWITCHBOARD_SECRET_KEY_FILE,
// or, failing both, a key file created owner-only next to the data folder's database.
class FileSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    static constexpr int KeyBytes = 32;

    // Where the key comes from, and the key.
    struct Key
    {
        QByteArray bytes;
        QString source; // the path it was read from, or created at
        bool created = false;
    };
    // The key: $CREDENTIALS_DIRECTORY/switchboard.key, else the file keyFile names, else
    // <dataDir>/secrets.key (created owner-only when missing). A key file holds 32 raw bytes,
    // or 64 hex digits (openssl rand -hex 32).
    static Result<Key> loadKey(const QString &credentialsDirectory, const QString &keyFile,
                               const QString &dataDir);

    // path: the sealed secrets (created on the first write).
    FileSecretStore(const QString &path, const QByteArray &key, QObject *parent = nullptr);
    ~FileSecretStore() override;

    void write(const QString &key, const QString &secret, DoneCallback done) override;
    void read(const QString &key, ReadCallback done) override;
    void remove(const QString &key, DoneCallback done) override;

    // The same, synchronously (the callbacks above run on the next turn of the event loop).
    Status store(const QString &name, const QString &secret);
    Result<QString> fetch(const QString &name) const;
    Status erase(const QString &name);

private:
    Result<QMap<QString, QByteArray>> load() const;
    Status save(const QMap<QString, QByteArray> &sealed);
    QByteArray seal(const QString &name, const QString &secret) const;
    Result<QString> open(const QString &name, const QByteArray &sealed) const;

    QString m_path;
    QByteArray m_key;
};

} // namespace Switchboard
