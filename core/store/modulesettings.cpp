#include "store/modulesettings.h"

#include "store/database.h"

namespace Switchboard {

ModuleSettings::ModuleSettings(Database &db)
    : m_db(db)
{
}

Result<QHash<QString, bool>> ModuleSettings::enabled()
{
    auto q = m_db.exec(QStringLiteral("SELECT module, enabled FROM module_settings"));
    if (!q)
        return q.error();
    QHash<QString, bool> out;
    while (q->next())
        out.insert(q->value(0).toString(), q->value(1).toBool());
    return out;
}

Status ModuleSettings::setEnabled(const QString &moduleId, bool enabled, qint64 nowMs)
{
    auto r = m_db.run(QStringLiteral("INSERT INTO module_settings (module, enabled, "
                                     "updated_at) VALUES (?, ?, ?) ON CONFLICT (module) DO "
                                     "UPDATE SET enabled = excluded.enabled, updated_at = "
                                     "excluded.updated_at"),
                      {moduleId, enabled ? 1 : 0, nowMs});
    if (!r)
        return r.error();
    return m_db.announce(QStringLiteral("modules")); // the other cores sharing the store
}

} // namespace Switchboard
