#pragma once

#include <QString>

// The database schema on PostgreSQL (the shared mode). A PostgreSQL database starts at the
// schema SQLite's migrations reach (Version); each migration added after it carries its
// PostgreSQL form here as well, so that both stores stay at the same version numbers.
namespace Switchboard::PostgresSchema {

// The SQLite migration the baseline matches.
constexpr int Version = 18;

// The whole schema at Version, as one script.
QString baseline();
// The last version there is a PostgreSQL form of; the same as SQLite's.
int latest();
// The PostgreSQL form of the migration to toVersion (Version < toVersion <= latest()).
QString migration(int toVersion);

} // namespace Switchboard::PostgresSchema
