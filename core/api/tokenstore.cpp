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
        return QStringLiteral("support");
    case Role::Viewer:
        break;
    }
    return QStringLiteral("viewer");
}

std::optional<Role> roleFromWire(const QString &text)
{
    for (Role r : {Role::Admin, Role::Manager, Role::Support, Role::Viewer}) {
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

void TokenStore::add(const QString &token, Role role, const QString &name)
{
    m_tokens.insert(token.toLatin1(), {role, name.isEmpty() ? toWire(role) : name});
}

bool TokenStore::add(const QString &token, const QString &roleAndName)
{
    const auto role = roleFromWire(roleAndName.section(QLatin1Char(':'), 0, 0));
    if (!role)
        return false;
    add(token, *role, roleAndName.section(QLatin1Char(':'), 1));
    return true;
}

namespace {

// The entry for a token, compared against every known token in full so that the time taken
// does not reveal a prefix.
template<typename Map>
typename Map::const_iterator findToken(const Map &tokens, const QByteArray &token)
{
    auto found = tokens.end();
    for (auto it = tokens.begin(); it != tokens.end(); ++it) {
        const QByteArray &known = it.key();
        unsigned diff = unsigned(known.size() ^ token.size());
        for (qsizetype i = 0; i < known.size(); ++i)
            diff |= unsigned(known.at(i) ^ (i < token.size() ? token.at(i) : 0));
        if (diff == 0)
            found = it;
    }
    return found;
}

} // namespace

std::optional<Role> TokenStore::roleFor(const QByteArray &token) const
{
    const auto it = findToken(m_tokens, token);
    return it == m_tokens.end() ? std::nullopt : std::optional<Role>(it->first);
}

QString TokenStore::nameFor(const QByteArray &token) const
{
    const auto it = findToken(m_tokens, token);
    return it == m_tokens.end() ? QString() : it->second;
}

} // namespace Switchboard
