#pragma once

#include <QString>

namespace Switchboard::Theme {

// The console's look: "system" (the desktop's palette, dark or light as it is set), "light" or
// "dark". Applied at once to every window; the status colours follow (StatusStyle::text).
void apply(const QString &choice);

} // namespace Switchboard::Theme
