#pragma once

#include <QStringList>

class QTableWidget;

namespace Switchboard {

// A read-only list of entries in a table: whole rows selected one at a time, cells wrapped,
// columns sharing the width, rows as tall as their text.
void prepareListTable(QTableWidget *table, const QStringList &headers, int minimumHeight);

} // namespace Switchboard
