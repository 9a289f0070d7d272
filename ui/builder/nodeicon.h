#pragma once

#include <QColor>
#include <QIcon>
#include <QRectF>

class QPainter;

namespace Switchboard {

// The small pictures that tell steps apart at a glance, drawn as vector shapes (no font or
// image file needed): one per kind of step (start, condition, delay, review…) and one per
// module for module calls (calendar for booking, camera for telehealth, card for billing…).
namespace NodeIcon {

// Draws the picture for a step of type `type` (and `module`, for module calls) in white on a
// rounded square of the step's colour filling `box`.
void paint(QPainter *painter, const QRectF &box, const QString &type, const QString &module = {});
// The colour of a step's kind, as its band and icon show it.
QColor colour(const QString &type);
// The same picture as an icon, for lists (the palette).
QIcon icon(const QString &type, const QString &module = {});

} // namespace NodeIcon

} // namespace Switchboard
