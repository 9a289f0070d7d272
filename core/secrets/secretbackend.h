#pragma once

#include "common/result.h"

#include <QMap>
#include <QString>

class QObject;

namespace Switchboard {

class SecretStore;

// Where a core keeps its secrets. "keychain": the desktop's Secret Service through QtKeychain.
// "file": FileSecretStore in the data folder. "auto": the keychain when a Secret Service is on
// the session bus, otherwise the file, so a server with no desktop, no D-Bus and no keychain
// daemon keeps secrets too.
namespace SecretBackend {

struct Choice
{
    SecretStore *store = nullptr;
    QString description; // for the start-up line, e.g. "an encrypted file (/var/lib/…)"
};

// env: the process environment (DBUS_SESSION_BUS_ADDRESS, CREDENTIALS_DIRECTORY,
// SWITCHBOARD_SECRET_KEY_FILE, XDG_RUNTIME_DIR). With no keychain and no usable key, a store
// whose every write fails with the reason: secrets are then used from memory only.
Choice choose(const QString &setting, const QString &dataDir, const QMap<QString, QString> &env,
              QObject *parent);

// Whether a Secret Service answers on the session bus, asked without starting one (no D-Bus
// autolaunch, which needs an X display).
bool secretServiceAvailable(const QMap<QString, QString> &env);

} // namespace SecretBackend

} // namespace Switchboard
