#pragma once

#include <QString>

// switchboard-core --add-user NAME: the first admin (or anyone) at set-up, before the core runs.
// The password is read from standard input's first line (not echoed on a terminal). Returns
// the exit code: 0 added, 1 refused (the reason on standard error).
int addUser(const QString &databasePath, const QString &name, const QString &role,
            const QString &displayName);
