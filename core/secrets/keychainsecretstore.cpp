#include "secrets/keychainsecretstore.h"

#include "common/logging.h"

#include <qt6keychain/keychain.h>

namespace Switchboard {

namespace {

Error keychainError(const QKeychain::Job &job, const QString &key)
{
    if (job.error() == QKeychain::EntryNotFound)
        return notFound(QStringLiteral("no secret is stored under this name"), key);
    if (job.error() == QKeychain::NoBackendAvailable)
        return unavailable(QStringLiteral("no keychain is available (is a Secret Service such as "
                                          "GNOME Keyring running and unlocked?): %1")
                               .arg(job.errorString()),
                           key);
    return unavailable(QStringLiteral("the keychain refused: %1").arg(job.errorString()), key);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(const QString &service, QObject *parent)
    : SecretStore(parent)
    , m_service(service)
{
}

void KeychainSecretStore::write(const QString &key, const QString &secret, DoneCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [key, done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            qCWarning(lcSecrets) << "storing secret" << key << "failed:" << j->errorString();
            done(keychainError(*j, key));
            return;
        }
        done(Ok {});
    });
    job->start();
}

void KeychainSecretStore::read(const QString &key, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [key, done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            done(keychainError(*j, key));
            return;
        }
        done(static_cast<QKeychain::ReadPasswordJob *>(j)->textData());
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, DoneCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [key, done](QKeychain::Job *j) {
        if (j->error() != QKeychain::NoError) {
            done(keychainError(*j, key));
            return;
        }
        done(Ok {});
    });
    job->start();
}

} // namespace Switchboard
