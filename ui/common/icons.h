#pragma once

#include <QIcon>
#include <QString>

namespace Switchboard::Icons {

// One of the console's line icons (:/icons/<name>.svg), drawn in the palette's text colour so
// that it reads in the light theme and the dark one.
QIcon line(const QString &name);

} // namespace Switchboard::Icons
