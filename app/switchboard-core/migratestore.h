#pragma once

#include <QString>

// switchboard-core --migrate-store sqlite:///var/lib/switchboard/switchboard.db
// postgresql://switchboard@db.clinic.lan/switchboard: moves a clinic from its embedded store
// to the shared one (StoreCopy), with the core stopped. Prints each table as it goes. Returns
// the exit code: 0 copied and checked, 1 refused or failed (nothing is left half-copied),
// 2 a bad address.
int migrateStore(const QString &from, const QString &to);
