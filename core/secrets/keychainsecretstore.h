#pragma once

#include "secrets/secretstore.h"

namespace Switchboard {

// SecretStore on QtKeychain: the Secret Service (GNOME Keyring, KWallet) on Linux.
class KeychainSecretStore final : public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(const QString &service = QStringLiteral("switchboard"),
                                 QObject *parent = nullptr);

    void write(const QString &key, const QString &secret, DoneCallback done) override;
    void read(const QString &key, ReadCallback done) override;
    void remove(const QString &key, DoneCallback done) override;

private:
    QString m_service;
};

} // namespace Switchboard
