#include "common/icons.h"

#include "common/statusstyle.h"

#include <QFile>
#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>
#include <QSvgRenderer>

namespace Switchboard::Icons {

QIcon line(const QString &name)
{
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QByteArray svg = file.readAll();
    // The icons are drawn in one slate colour; it becomes the palette's text colour.
    const QPalette palette = QGuiApplication::palette();
    if (palette.color(QPalette::Window).lightness()
        < palette.color(QPalette::WindowText).lightness())
        svg.replace("#3c4a5c", palette.color(QPalette::WindowText).name().toLatin1());
    QSvgRenderer renderer(svg);
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        renderer.render(&painter);
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace Switchboard::Icons
