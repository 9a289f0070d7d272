#include "dashboard/reportpdf.h"

#include <QBuffer>
#include <QImage>
#include <QLocale>
#include <QPageLayout>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextDocument>
#include <QUrl>

namespace Switchboard::ReportPdf {

QPageSize::PageSizeId pageSize(const QLocale &locale)
{
    // Letter where it is the paper in the tray; A4 everywhere else.
    switch (locale.territory()) {
    case QLocale::UnitedStates:
    case QLocale::Canada:
    case QLocale::Mexico:
    case QLocale::Chile:
    case QLocale::Colombia:
    case QLocale::Venezuela:
    case QLocale::Philippines:
    case QLocale::PuertoRico:
        return QPageSize::Letter;
    default:
        return QPageSize::A4;
    }
}

Status write(const QString &html, const QString &path)
{
    QTextDocument doc;
    // QTextDocument draws no SVG: each inline chart becomes an image resource of the document.
    static const QRegularExpression svgBlock(QStringLiteral("<svg[\\s\\S]*?</svg>"));
    QString page = html;
    int index = 0;
    QRegularExpressionMatch match;
    while ((match = svgBlock.match(page)).hasMatch()) {
        QSvgRenderer svg(match.captured(0).toUtf8());
        const QSize size = svg.defaultSize().isValid() ? svg.defaultSize() : QSize(680, 300);
        QImage image(size * 3, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.setRenderHint(QPainter::Antialiasing);
        svg.render(&painter);
        painter.end();
        const QUrl name(QStringLiteral("chart-%1.png").arg(index++));
        doc.addResource(QTextDocument::ImageResource, name, image);
        // Image sizes are in points on the printed page: three quarters of the CSS pixels.
        page.replace(match.capturedStart(), match.capturedLength(),
                     QStringLiteral("<img src=\"%1\" width=\"%2\" height=\"%3\"/>")
                         .arg(name.toString())
                         .arg(size.width() * 3 / 4)
                         .arg(size.height() * 3 / 4));
    }
    doc.setHtml(page);

    QBuffer pdf;
    pdf.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&pdf);
        writer.setPageLayout(QPageLayout(QPageSize(pageSize()), QPageLayout::Portrait,
                                         QMarginsF(15, 15, 15, 15), QPageLayout::Millimeter));
        writer.setTitle(doc.metaInformation(QTextDocument::DocumentTitle));
        writer.setCreator(QStringLiteral("Switchboard"));
        writer.setResolution(144);
        doc.print(&writer);
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf.data()) < 0 || !file.commit())
        return makeError(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return Ok {};
}

} // namespace Switchboard::ReportPdf
