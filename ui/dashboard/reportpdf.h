#pragma once

#include "common/result.h"

#include <QLocale>
#include <QPageSize>
#include <QString>

namespace Switchboard::ReportPdf {

// Prints the dashboard report (DashboardReport's page) to a PDF at path, on the paper of the
// console's locale, saved atomically: the page's inline SVG charts are drawn as images,
// everything else as text the reader can search and copy.
Status write(const QString &html, const QString &path);
// Letter in the Americas' Letter countries and the Philippines, A4 elsewhere.
QPageSize::PageSizeId pageSize(const QLocale &locale = QLocale());

} // namespace Switchboard::ReportPdf
