#pragma once

#include <QString>
#include <QStringList>
#include <optional>

namespace Switchboard::MessageCatalog {

// Where a message id's English text is, and the translation context lupdate filed it under.
struct Source
{
    const char *context;
    const char *text; // UTF-8, with %1… for the arguments
};

// The English source of a message id; "module.<id>" names one of the nine modules. nullopt for
// an id the catalog does not know (a message stored by a newer core, say).
std::optional<Source> find(const QString &id);

// Every id the catalog holds, the modules' names included.
QStringList ids();

} // namespace Switchboard::MessageCatalog
