#pragma once

#include "common/result.h"

#include <QHash>
#include <QString>
#include <optional>

namespace Switchboard {

// Viewer: reads everything but patient data, acts on nothing (a wall screen, an auditor).
enum class Role { Viewer = 0, Support = 1, Manager = 2, Admin = 3 };
QString toWire(Role role);
std::optional<Role> roleFromWire(const QString &text);

// Bearer tokens and their roles. The admin token comes from SWITCHBOARD_ADMIN_TOKEN or from
// <data dir>/admin.token, created with mode 0600 on first start.
class TokenStore
{
public:
    // envToken: the value of SWITCHBOARD_ADMIN_TOKEN (empty: use or create the file).
    static Result<TokenStore> open(const QString &dataDir, const QString &envToken);

    // name: who the token stands for, in audit entries and task claims (default: the role).
    void add(const QString &token, Role role, const QString &name = {});
    // "role" or "role:name", as in CoreOptions::tokens; false for an unknown role.
    bool add(const QString &token, const QString &roleAndName);
    std::optional<Role> roleFor(const QByteArray &token) const;
    QString nameFor(const QByteArray &token) const;
    // Whether a role may read fields marked as patient data.
    static bool mayReadPhi(Role role) { return role != Role::Viewer; }

    QString adminTokenPath() const { return m_adminTokenPath; }
    bool createdAdminToken() const { return m_created; }

private:
    QHash<QByteArray, std::pair<Role, QString>> m_tokens;
    QString m_adminTokenPath;
    bool m_created = false;
};

} // namespace Switchboard
