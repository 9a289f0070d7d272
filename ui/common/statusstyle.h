#pragma once

#include "modules/modulestatus.h"

#include <QColor>
#include <QString>

namespace Switchboard::StatusStyle {

// Status is always a word and a mark as well as a colour (UI.md): healthy ✓ green,
// degraded ! amber, down ✕ red, disabled – grey, unknown ? grey. Colours keep 4.5:1 contrast
// for white text.
QColor color(ModuleStatus status);
QString mark(ModuleStatus status);
QString word(ModuleStatus status);

QColor color(SystemHealth health);
QString mark(SystemHealth health);
QString word(SystemHealth health);

// The background tint behind a status, light enough for dark text.
QColor tint(ModuleStatus status);

} // namespace Switchboard::StatusStyle
