#pragma once

#include "common/result.h"

#include <QHash>

namespace Switchboard {

class Database;

// Which modules a user switched on or off, kept over the configuration so that a restart does
// not quietly switch them back (table module_settings).
class ModuleSettings
{
public:
    explicit ModuleSettings(Database &db);

    // Module id → enabled, for the modules a user switched.
    Result<QHash<QString, bool>> enabled();
    // Runs inside the caller's transaction (it is audited with it).
    Status setEnabled(const QString &moduleId, bool enabled, qint64 nowMs);

private:
    Database &m_db;
};

} // namespace Switchboard
