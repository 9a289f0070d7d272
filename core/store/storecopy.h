#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <functional>

namespace Switchboard {

class Database;

// Moves a clinic from its embedded SQLite store to the shared PostgreSQL one
// (switchboard-core --migrate-store): every row of every table, ids kept, in one PostgreSQL
// transaction, so that the copy is whole or not there at all. The counts the triggers keep
// are made by the triggers as the rows go in. Afterwards every table is counted on both
// sides and the audit chain is checked on the copy: a copy that differs is rolled back.
namespace StoreCopy {

// progress(table, rows) after each table.
using Progress = std::function<void(const QString &table, qint64 rows)>;

// {"tables": {name: rows}, "audit_entries": n}. The target must be empty.
Result<QJsonObject> copy(Database &from, Database &to, const Progress &progress = {});

} // namespace StoreCopy

} // namespace Switchboard
