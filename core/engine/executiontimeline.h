#pragma once

#include "engine/historyevent.h"

#include <QJsonArray>
#include <QList>

namespace Switchboard {

// An execution's history as bars on a time line (the Gantt of its page): each call attempt,
// the back-off before the next one, each wait (a timer, an event, a review task, another
// workflow), each compensation, and steps that took no time, in the order they began.
//
// A bar: {"node", "kind": step | call | retry_wait | timer | event | review | workflow |
// compensation, "attempt" (calls), "start", "end" (ISO times; end null while it lasts),
// "offset_ms" (from the first event), "duration_ms" (when ended), "outcome": completed |
// failed | unknown | timed_out | running}.
namespace ExecutionTimeline {

// The history as stored, oldest first.
QJsonArray build(const QList<HistoryEvent> &history);
// The same from ExecutionQueries::execution's "history" (ISO times).
QJsonArray build(const QJsonArray &history);

} // namespace ExecutionTimeline

} // namespace Switchboard
