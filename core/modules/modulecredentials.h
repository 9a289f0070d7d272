#pragma once

#include "common/result.h"
#include "config/coreconfig.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPair>
#include <functional>

namespace Switchboard {

class AuditTrail;
class SecretStore;

// How the core proves itself to each module (seed 000 §2, the HIPAA checklist's
// service-to-service authentication): an API key in a header (Kong's key-auth: "apikey") or a
// bearer token, sent on every module call and health check. The secret lives in the secret
// store under "module.<id>.credential"; here it is held in memory only, never logged or shown.
class ModuleCredentials final : public QObject
{
    Q_OBJECT

public:
    using Credential = ModuleCredential;
    // Checks the kind, the header's name and the secret; each problem names its field.
    static Status check(const Credential &credential);

    ModuleCredentials(SecretStore &secrets, QObject *parent = nullptr);
    void setAudit(AuditTrail *audit) { m_audit = audit; }

    using Done = std::function<void(Status)>;
    // Before the first call: the credentials the configuration gives (MODULE_NN_API_KEY,
    // MODULE_NN_BEARER_TOKEN) are stored and used; the others are read from the store. Waits
    // for the store (up to timeoutMs), so that no call or check goes out without its
    // credential. Returns the variables whose secret could not be stored, with why.
    QList<QPair<QString, QString>> configure(const QList<ModuleConfig> &modules, int timeoutMs);
    // Reads the stored credentials of these modules (none stored: none used).
    void load(const QStringList &modules, std::function<void()> done);
    // Stores and uses a credential. From the configuration (keepUnstored) a store that cannot
    // take it still leaves it in use for this run, and the answer says why.
    void set(const QString &module, const Credential &credential, const QString &actor,
             bool keepUnstored, Done done);
    void remove(const QString &module, const QString &actor, Done done);

    // The header a request to module carries; empty when it has no credential.
    QPair<QByteArray, QByteArray> header(const QString &module) const;
    // {"kind", "header", "set"}: never the secret.
    QJsonObject describe(const QString &module) const;

private:
    static QString key(const QString &module);
    void use(const QString &module, const Credential &credential);
    void audited(const QString &event, const QString &module, const QString &actor,
                 const QString &kind);

    SecretStore &m_secrets;
    AuditTrail *m_audit = nullptr;
    QHash<QString, Credential> m_credentials;
};

} // namespace Switchboard
