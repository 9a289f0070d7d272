#pragma once

#include "common/result.h"

#include <QString>

namespace Switchboard::ReportPdf {

// Prints the dashboard report (DashboardReport's page) to an A4 PDF at path, saved atomically:
// the page's inline SVG charts are drawn as images, everything else as text the reader can
// search and copy.
Status write(const QString &html, const QString &path);

} // namespace Switchboard::ReportPdf
