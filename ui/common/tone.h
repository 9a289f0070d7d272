#pragma once

#include "modules/modulestatus.h"

class QWidget;

namespace Switchboard::Tone {

// A widget's text in one of the theme's colours, kept right when the theme changes while the
// console runs (Settings › This console): a colour copied into a palette once would keep the
// old theme's shade. Only the roles named change; the rest still follow the parent.
//
// muted: secondary text (the palette's placeholder colour).
void muted(QWidget *widget);
// The status's text colour (StatusStyle::text): a refusal in red, "on target" in green.
void status(QWidget *widget, ModuleStatus status);
// The palette's own text colour again.
void plain(QWidget *widget);
// A card: the base colour behind the window's text.
void card(QWidget *widget);
// An edit field marked as refused: the "down" tint behind its text; plain() undoes it.
void refused(QWidget *widget);

} // namespace Switchboard::Tone
