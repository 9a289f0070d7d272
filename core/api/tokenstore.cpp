#include "api/tokenstore.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>

namespace Switchboard {

QString toWire(Role role)
{
    switch (role) {
    case Role::Admin:
        return QStringLiteral("admin");
    case Role::Manager:
        return QStringLiteral("manager");
    case Role::Support:
        break;
    }
    return QStringLiteral("support");
}

std::optional<Role> roleFromWire(const QString &text)
{
    for (Role r : {Role::Admin, Role::Manager, Role::Support}) {
        if (toWire(r) == text)
            return r;
    }
    return std::nullopt;
}

Result<TokenStore> TokenStore::open(const QString &dataDir, const QString &envToken)
{
    TokenStore store;
    if (!envToken.isEmpty()) {
        if (envToken.size() < 16)
            return makeError(QStringLiteral("must be at least 16 characters long"),
                             QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"));
        store.add(envToken, Role::Admin);
        return store;
    }
    if (!QDir().mkpath(dataDir))
        return makeError(QStringLiteral("cannot create the data directory %1").arg(dataDir));
    store.m_adminTokenPath = QDir(dataDir).filePath(QStringLiteral("admin.token"));
    QFile file(store.m_adminTokenPath);
    if (file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return makeError(
                QStringLiteral("cannot read %1: %2").arg(file.fileName(), file.errorString()));
        const QByteArray token = file.readAll().trimmed();
        if (token.size() < 16)
            return makeError(QStringLiteral("%1 holds no usable token; delete it to make a new one")
                                 .arg(file.fileName()));
        store.add(QString::fromLatin1(token), Role::Admin);
        return store;
    }
    QByteArray raw(32, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    const QByteArray token = raw.toHex();
    // Create with owner-only permissions before writing the secret into it.
    if (!file.open(QIODevice::WriteOnly | QIODevice::NewOnly)
        || !file.setPermissions(QFile::ReadOwner | QFile::WriteOwner)
        || file.write(token + '\n') != token.size() + 1 || !file.flush())
        return makeError(
            QStringLiteral("cannot write %1: %2").arg(file.fileName(), file.errorString()));
    store.m_created = true;
    store.add(QString::fromLatin1(token), Role::Admin);
    return store;
}

void TokenStore::add(const QString &token, Role role)
{
    m_tokens.insert(token.toLatin1(), role);
}

std::optional<Role> TokenStore::roleFor(const QByteArray &token) const
{
    // Compare against every token in full so the time taken does not reveal a prefix.
    std::optional<Role> found;
    for (auto it = m_tokens.begin(); it != m_tokens.end(); ++it) {
        const QByteArray &known = it.key();
        unsigned diff = unsigned(known.size() ^ token.size());
        for (qsizetype i = 0; i < known.size(); ++i)
            diff |= unsigned(known.at(i) ^ (i < token.size() ? token.at(i) : 0));
        if (diff == 0)
            found = it.value();
    }
    return found;
}

} // namespace Switchboard
