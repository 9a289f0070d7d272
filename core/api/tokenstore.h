#pragma once

#include "common/result.h"

#include <QHash>
#include <QString>
#include <optional>

namespace Switchboard {

enum class Role { Support = 1, Manager = 2, Admin = 3 };
QString toWire(Role role);
std::optional<Role> roleFromWire(const QString &text);

// Bearer tokens and their roles. The admin token comes from SWITCHBOARD_ADMIN_TOKEN or from
// <data dir>/admin.token, created with mode 0600 on first start.
class TokenStore
{
public:
    // envToken: the value of SWITCHBOARD_ADMIN_TOKEN (empty: use or create the file).
    static Result<TokenStore> open(const QString &dataDir, const QString &envToken);

    void add(const QString &token, Role role);
    std::optional<Role> roleFor(const QByteArray &token) const;

    QString adminTokenPath() const { return m_adminTokenPath; }
    bool createdAdminToken() const { return m_created; }

private:
    QHash<QByteArray, Role> m_tokens;
    QString m_adminTokenPath;
    bool m_created = false;
};

} // namespace Switchboard
