#include "secrets/secretbackend.h"

#include "secrets/filesecretstore.h"
#include "secrets/keychainsecretstore.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QDir>
#include <QFileInfo>

namespace Switchboard::SecretBackend {

namespace {

const QString SecretService = QStringLiteral("org.freedesktop.secrets");

// Nowhere to keep secrets (no keychain, no key, no data folder): every write fails with why,
// so the callers' failure path (use it from memory, say so in an alert) takes over.
class NoSecretStore final : public SecretStore
{
public:
    NoSecretStore(const QString &why, QObject *parent)
        : SecretStore(parent)
        , m_why(why)
    {
    }
    void write(const QString &key, const QString &, DoneCallback done) override
    {
        done(unavailable(m_why, key));
    }
    void read(const QString &key, ReadCallback done) override { done(unavailable(m_why, key)); }
    void remove(const QString &, DoneCallback done) override { done(Ok {}); }

private:
    QString m_why;
};

} // namespace

bool secretServiceAvailable(const QMap<QString, QString> &env)
{
    // Without an address Qt would try to autolaunch a bus, which fails without X11 and says so.
    const QString runtime = env.value(QStringLiteral("XDG_RUNTIME_DIR"));
    if (env.value(QStringLiteral("DBUS_SESSION_BUS_ADDRESS")).isEmpty()
        && (runtime.isEmpty() || !QFileInfo::exists(QDir(runtime).filePath(QStringLiteral("bus")))))
        return false;
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    if (bus.interface()->isServiceRegistered(SecretService))
        return true;
    const QDBusReply<QStringList> activatable =
        bus.interface()->call(QStringLiteral("ListActivatableNames"));
    return activatable.isValid() && activatable.value().contains(SecretService);
}

Choice choose(const QString &setting, const QString &dataDir, const QMap<QString, QString> &env,
              QObject *parent)
{
    const bool keychain = setting == QLatin1String("keychain")
        || (setting != QLatin1String("file") && secretServiceAvailable(env));
    if (keychain)
        return Choice {new KeychainSecretStore(QStringLiteral("switchboard"), parent),
                       QStringLiteral("the desktop keychain (Secret Service)")};
    auto key =
        FileSecretStore::loadKey(env.value(QStringLiteral("CREDENTIALS_DIRECTORY")),
                                 env.value(QStringLiteral("SWITCHBOARD_SECRET_KEY_FILE")), dataDir);
    if (!key)
        return Choice {new NoSecretStore(key.error().message, parent),
                       QStringLiteral("nowhere: %1").arg(key.error().message)};
    const QString path = QDir(dataDir).filePath(QStringLiteral("secrets.sealed"));
    return Choice {
        new FileSecretStore(path, key->bytes, parent),
        QStringLiteral("an encrypted file (%1, key %2%3)")
            .arg(path, key->source, key->created ? QStringLiteral(", created now") : QString())};
}

} // namespace Switchboard::SecretBackend
