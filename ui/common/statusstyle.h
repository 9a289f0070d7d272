#pragma once

#include "modules/modulestatus.h"

#include <QColor>
#include <QPalette>
#include <QString>

namespace Switchboard::StatusStyle {

// Status is always a word and a mark as well as a colour (UI.md): healthy ✓ green,
// degraded ! amber, down ✕ red, disabled – grey, unknown ? grey.
//
// color: the fill of a badge, a banner or a line, with white text on it (4.5:1 at least).
// text: the same status as text on the console's background, in the light theme and in the
// dark one (4.5:1 at least against the palette's window and base; WCAG AA).
// tint: a background behind a status, for the palette's text colour.
QColor color(ModuleStatus status);
QColor text(ModuleStatus status, const QPalette &palette);
QColor text(ModuleStatus status);
QString mark(ModuleStatus status);
QString word(ModuleStatus status);

QColor color(SystemHealth health);
QColor text(SystemHealth health);
QString mark(SystemHealth health);
QString word(SystemHealth health);

QColor tint(ModuleStatus status);
// A dark palette: its window is darker than its text.
bool isDark(const QPalette &palette);
// The contrast ratio of two colours as WCAG 2 defines it, from 1 to 21.
double contrast(const QColor &a, const QColor &b);

} // namespace Switchboard::StatusStyle
