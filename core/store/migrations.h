#pragma once

#include <QString>

namespace Switchboard {

// The database schema's history: script(v) upgrades version v - 1 to v. Statements are
// separated by ';'. Never edit a released script: add another.
class Migrations
{
public:
    static int count();
    static QString script(int toVersion);
};

} // namespace Switchboard
