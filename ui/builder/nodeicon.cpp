#include "builder/nodeicon.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace Switchboard::NodeIcon {

namespace {

// Each picture is drawn on a 24 × 24 grid with a 2-unit pen.
void glyph(QPainter *p, const QString &type, const QString &module)
{
    const auto line = [p](qreal x1, qreal y1, qreal x2, qreal y2) {
        p->drawLine(QPointF(x1, y1), QPointF(x2, y2));
    };
    const auto poly = [p](std::initializer_list<QPointF> points, bool filled) {
        QPainterPath path;
        path.moveTo(*points.begin());
        for (auto it = points.begin() + 1; it != points.end(); ++it)
            path.lineTo(*it);
        if (filled) {
            path.closeSubpath();
            p->fillPath(path, Qt::white);
        }
        p->drawPath(path);
    };
    if (type == QLatin1String("module_call")) {
        const QString n = module.left(2);
        if (n == QLatin1String("01")) { // intake: a form on a clipboard
            p->drawRoundedRect(QRectF(6, 4, 12, 16), 1.5, 1.5);
            line(9, 9, 15, 9);
            line(9, 13, 15, 13);
            line(9, 17, 13, 17);
        } else if (n == QLatin1String("02")) { // booking: a calendar
            p->drawRoundedRect(QRectF(4, 6, 16, 14), 1.5, 1.5);
            line(4, 10, 20, 10);
            line(8, 4, 8, 7);
            line(16, 4, 16, 7);
            p->drawPoint(QPointF(9, 14));
            p->drawPoint(QPointF(15, 14));
        } else if (n == QLatin1String("03")) { // telehealth: a video camera
            p->drawRoundedRect(QRectF(3, 7, 12, 10), 1.5, 1.5);
            poly({{15, 11}, {21, 7}, {21, 17}, {15, 13}}, false);
        } else if (n == QLatin1String("04")) { // billing: a card
            p->drawRoundedRect(QRectF(3, 6, 18, 12), 1.5, 1.5);
            line(3, 10, 21, 10);
            line(6, 15, 10, 15);
        } else if (n == QLatin1String("05")) { // follow-up: going round again
            p->drawArc(QRectF(5, 5, 14, 14), 30 * 16, 280 * 16);
            poly({{17, 3}, {19, 8}, {14, 8}}, true);
        } else if (n == QLatin1String("06")) { // document OCR: a page
            poly({{6, 3}, {14, 3}, {19, 8}, {19, 21}, {6, 21}, {6, 3}}, false);
            line(9, 12, 16, 12);
            line(9, 16, 16, 16);
        } else if (n == QLatin1String("07")) { // analytics: bars
            line(6, 20, 6, 13);
            line(12, 20, 12, 5);
            line(18, 20, 18, 10);
        } else if (n == QLatin1String("08")) { // messaging: a speech bubble
            p->drawRoundedRect(QRectF(3, 4, 18, 12), 3, 3);
            poly({{8, 16}, {7, 21}, {12, 16}}, false);
        } else if (n == QLatin1String("09")) { // compliance: a shield
            poly({{12, 3}, {20, 6}, {19, 14}, {12, 21}, {5, 14}, {4, 6}, {12, 3}}, false);
            poly({{8, 12}, {11, 15}, {16, 9}}, false);
        } else { // no module yet: a plug
            line(9, 3, 9, 8);
            line(15, 3, 15, 8);
            p->drawRoundedRect(QRectF(6, 8, 12, 7), 2, 2);
            line(12, 15, 12, 21);
        }
        return;
    }
    if (type == QLatin1String("trigger")) {
        poly({{8, 5}, {19, 12}, {8, 19}}, true);
    } else if (type == QLatin1String("condition")) {
        poly({{12, 3}, {21, 12}, {12, 21}, {3, 12}, {12, 3}}, false);
    } else if (type == QLatin1String("parallel")) {
        line(3, 12, 9, 12);
        poly({{9, 12}, {20, 5}}, false);
        line(9, 12, 20, 12);
        poly({{9, 12}, {20, 19}}, false);
    } else if (type == QLatin1String("join")) {
        poly({{4, 5}, {15, 12}}, false);
        line(4, 12, 21, 12);
        poly({{4, 19}, {15, 12}}, false);
    } else if (type == QLatin1String("delay")) {
        p->drawEllipse(QRectF(4, 4, 16, 16));
        line(12, 7, 12, 12);
        line(12, 12, 16, 14);
    } else if (type == QLatin1String("wait_for_event")) { // a flag raised when it comes
        line(6, 3, 6, 21);
        poly({{6, 4}, {18, 4}, {15, 8}, {18, 12}, {6, 12}}, false);
    } else if (type == QLatin1String("human_review")) { // a person
        p->drawEllipse(QRectF(8, 3, 8, 8));
        p->drawArc(QRectF(4, 13, 16, 14), 0, 180 * 16);
    } else if (type == QLatin1String("notify")) { // a bell
        QPainterPath bell;
        bell.moveTo(5, 17);
        bell.cubicTo(7, 14, 6, 5, 12, 5);
        bell.cubicTo(18, 5, 17, 14, 19, 17);
        bell.closeSubpath();
        p->drawPath(bell);
        line(10, 20, 14, 20);
    } else if (type == QLatin1String("set")) { // a value written: "="
        line(5, 9, 19, 9);
        line(5, 15, 19, 15);
    } else if (type == QLatin1String("run_workflow")) { // another workflow started: a framed play
        p->drawRoundedRect(QRectF(3, 5, 18, 14), 3, 3);
        poly({{10, 9}, {15, 12}, {10, 15}}, true);
    } else if (type == QLatin1String("end")) {
        p->fillRect(QRectF(6, 6, 12, 12), Qt::white);
    } else {
        p->drawEllipse(QRectF(8, 8, 8, 8));
    }
}

} // namespace

QColor colour(const QString &type)
{
    if (type == QLatin1String("trigger"))
        return QColor(0x1a, 0x73, 0xe8);
    if (type == QLatin1String("end"))
        return QColor(0x5f, 0x63, 0x68);
    if (type == QLatin1String("human_review") || type == QLatin1String("notify"))
        return QColor(0x8e, 0x24, 0xaa);
    if (type == QLatin1String("module_call"))
        return QColor(0x12, 0x6e, 0x82);
    return QColor(0x3c, 0x40, 0x43);
}

void paint(QPainter *p, const QRectF &box, const QString &type, const QString &module)
{
    p->save();
    p->setRenderHint(QPainter::Antialiasing);
    p->setPen(Qt::NoPen);
    p->setBrush(colour(type));
    p->drawRoundedRect(box, box.width() * 0.2, box.width() * 0.2);
    // The 24-unit grid, inset so the picture keeps a margin inside the square.
    const qreal scale = box.width() * 0.8 / 24;
    p->translate(box.left() + box.width() * 0.1, box.top() + box.height() * 0.1);
    p->scale(scale, scale);
    p->setPen(QPen(Qt::white, 2, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
    p->setBrush(Qt::NoBrush);
    glyph(p, type, module);
    p->restore();
}

QIcon icon(const QString &type, const QString &module)
{
    QIcon out;
    for (const int size : {16, 24, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        paint(&p, QRectF(0, 0, size, size), type, module);
        out.addPixmap(pixmap);
    }
    return out;
}

} // namespace Switchboard::NodeIcon
