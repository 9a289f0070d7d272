#include "report/dashboardreport.h"

#include "kpis/kpidefinitions.h"
#include "modules/modulecatalog.h"

#include <QDateTime>
#include <QJsonArray>
#include <QLocale>
#include <QPointF>
#include <cmath>
#include <limits>

namespace Switchboard::DashboardReport {

namespace {

QString esc(const QString &text)
{
    return text.toHtmlEscaped();
}

QString colour(const QString &status)
{
    if (status == QLatin1String("healthy") || status == QLatin1String("HEALTHY"))
        return QStringLiteral("#1e7b34");
    if (status == QLatin1String("degraded") || status == QLatin1String("DEGRADED")
        || status == QLatin1String("warning"))
        return QStringLiteral("#9a5b00");
    if (status == QLatin1String("down") || status == QLatin1String("CRITICAL")
        || status == QLatin1String("critical"))
        return QStringLiteral("#b42318");
    return QStringLiteral("#5f6368");
}

QString mark(const QString &status)
{
    if (status == QLatin1String("healthy") || status == QLatin1String("HEALTHY"))
        return QStringLiteral("✓");
    if (status == QLatin1String("degraded") || status == QLatin1String("DEGRADED")
        || status == QLatin1String("warning"))
        return QStringLiteral("!");
    if (status == QLatin1String("down") || status == QLatin1String("CRITICAL")
        || status == QLatin1String("critical"))
        return QStringLiteral("✕");
    if (status == QLatin1String("disabled"))
        return QStringLiteral("–");
    return QStringLiteral("?");
}

QString kpiValue(const QJsonObject &kpis, const char *key)
{
    const QJsonValue v = kpis.value(QLatin1String(key));
    const KpiDefinition *d = KpiDefinition::find(QLatin1String(key));
    if (!v.isDouble() || !d)
        return QStringLiteral("—");
    return d->text(v.toDouble(), QLocale(QLocale::English, QLocale::UnitedStates));
}

// Leads and bookings over the period as an inline SVG line chart; empty without readings.
QString trendChart(const QJsonObject &trends)
{
    struct Line
    {
        const char *key;
        const char *label;
        const char *colour;
        QList<QPointF> points; // (ms since the epoch, value)
    };
    QList<Line> lines = {{"leads_24h", "Leads (24 h)", "#1a73e8", {}},
                         {"bookings_24h", "Bookings (24 h)", "#188038", {}}};
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    double top = 1;
    for (Line &line : lines) {
        for (const auto &v : trends.value(QLatin1String(line.key)).toArray()) {
            const QJsonObject o = v.toObject();
            const QDateTime at =
                QDateTime::fromString(o.value(QLatin1String("ts")).toString(), Qt::ISODate);
            if (!at.isValid())
                continue;
            const double value = o.value(QLatin1String("value")).toDouble();
            line.points.append({double(at.toMSecsSinceEpoch()), value});
            first = std::min(first, at.toMSecsSinceEpoch());
            last = std::max(last, at.toMSecsSinceEpoch());
            top = std::max(top, value);
        }
    }
    if (last <= first)
        return {};
    // A round top (1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten): the grid reads 0,
    // 150, 300.
    const double step = std::pow(10.0, std::floor(std::log10(top * 1.1)));
    for (double m : {1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0}) {
        if (m * step >= top * 1.1) {
            top = m * step;
            break;
        }
    }
    // As wide as an A4 or Letter page's text (about 680 CSS pixels), so the printed chart is
    // read at full size; labels at 13 px.
    constexpr double Width = 680, Height = 300, Left = 48, Bottom = 28, Top = 30;
    const auto x = [&](double ms) {
        return Left + (ms - double(first)) / double(last - first) * (Width - Left - 8);
    };
    const auto y = [&](double v) {
        return Height - Bottom - v / top * (Height - Bottom - Top);
    };
    const auto number = [](double v) {
        return QString::number(v, 'f', 1);
    };
    const int days = int(qRound64(double(last - first) / 86400000.0));
    QString svg =
        QStringLiteral("<h3>Leads and bookings, last %1 days</h3>\n<svg "
                       "xmlns=\"http://www.w3.org/2000/svg\" width=\"%2\" height=\"%3\" "
                       "viewBox=\"0 0 %2 %3\" role=\"img\" aria-label=\"Leads and bookings "
                       "over the last %1 days\">\n")
            .arg(std::max(days, 1))
            .arg(Width)
            .arg(Height);
    svg += QStringLiteral("<rect x=\"0\" y=\"0\" width=\"%1\" height=\"%2\" fill=\"#ffffff\"/>\n")
               .arg(Width)
               .arg(Height);
    for (double v : {0.0, top / 2, top})
        svg +=
            QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%3\" y2=\"%2\" stroke=\"#dadce0\"/>"
                           "<text x=\"4\" y=\"%4\" font-size=\"13\" fill=\"#5f6368\">%5</text>\n")
                .arg(number(Left), number(y(v)), number(Width - 8), number(y(v) + 4))
                .arg(qRound(v));
    // A tick and a date at each midnight (every few days over a long period).
    const QDate firstDay = QDateTime::fromMSecsSinceEpoch(first, Qt::UTC).date();
    const QDate lastDay = QDateTime::fromMSecsSinceEpoch(last, Qt::UTC).date();
    const qint64 span = std::max<qint64>(1, firstDay.daysTo(lastDay));
    const int every = int((span + 7) / 8);
    for (QDate day = firstDay.addDays(1); day <= lastDay; day = day.addDays(every)) {
        const double at = x(double(QDateTime(day, QTime(0, 0), Qt::UTC).toMSecsSinceEpoch()));
        svg += QStringLiteral("<line x1=\"%1\" y1=\"%2\" x2=\"%1\" y2=\"%3\" stroke=\"#dadce0\"/>"
                              "<text x=\"%1\" y=\"%4\" font-size=\"13\" fill=\"#5f6368\" "
                              "text-anchor=\"middle\">%5</text>\n")
                   .arg(number(at), number(Top), number(Height - Bottom), number(Height - 8),
                        day.toString(QStringLiteral("d MMM")));
    }
    double legend = Left;
    for (const Line &line : lines) {
        QStringList coords;
        for (const QPointF &p : line.points)
            coords << number(x(p.x())) + QLatin1Char(',') + number(y(p.y()));
        svg += QStringLiteral("<polyline fill=\"none\" stroke=\"%1\" stroke-width=\"2\" "
                              "points=\"%2\"/>\n")
                   .arg(QLatin1String(line.colour), coords.join(QLatin1Char(' ')));
        svg += QStringLiteral("<rect x=\"%1\" y=\"8\" width=\"12\" height=\"12\" fill=\"%2\"/>"
                              "<text x=\"%3\" y=\"19\" font-size=\"13\">%4</text>\n")
                   .arg(number(legend), QLatin1String(line.colour), number(legend + 16),
                        QLatin1String(line.label));
        legend += 150;
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace

QString html(const QJsonObject &status, const QString &clinicName, bool anonymize,
             const QJsonObject &trends)
{
    const QJsonObject metadata = status.value(QLatin1String("metadata")).toObject();
    const QString health = metadata.value(QLatin1String("system_health")).toString();
    const QJsonArray alerts = status.value(QLatin1String("alerts")).toArray();
    const QJsonObject modules = status.value(QLatin1String("modules")).toObject();
    const QJsonObject kpis = status.value(QLatin1String("kpis")).toObject();
    const QString clinic = anonymize ? QStringLiteral("Clinic") : clinicName;
    // In the clinic's own way of writing dates, in its time zone.
    const QDateTime stamp =
        QDateTime::fromString(status.value(QLatin1String("timestamp")).toString(), Qt::ISODate);
    const QString when = stamp.isValid()
        ? QLocale().toString(stamp.toLocalTime(), QLocale::LongFormat)
        : status.value(QLatin1String("timestamp")).toString();

    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                          "lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out += QStringLiteral("<title>%1 — Switchboard dashboard report</title>\n").arg(esc(clinic));
    out += QStringLiteral(
        "<style>body{font-family:sans-serif;margin:24px;color:#202124}h1{font-size:22px}h2{font-"
        "size:17px;margin-top:24px}"
        ".banner{padding:12px "
        "16px;color:#fff;font-weight:bold}table.tiles{border-collapse:separate;border-spacing:8px;"
        "margin-left:-8px}"
        ".cell{border:1px solid #dadce0;padding:8px 12px;width:220px}.kpi{border:1px solid "
        "#dadce0;padding:8px 12px;width:220px}"
        ".value{font-size:20px;font-weight:bold}table{border-collapse:collapse}td,th{border:1px "
        "solid #dadce0;padding:4px 8px;text-align:left}"
        ".muted{color:#5f6368}</style>\n</head>\n<body>\n");
    out +=
        QStringLiteral(
            "<h1>%1 — dashboard report</h1>\n<p class=\"muted\">Generated %2 by Switchboard.</p>\n")
            .arg(esc(clinic), esc(when));

    out += QStringLiteral("<h2 id=\"system-health\">System Health Overview</h2>\n");
    out +=
        QStringLiteral("<div class=\"banner\" style=\"background:%1\">%2 System health: %3</div>\n")
            .arg(colour(health), mark(health), esc(health));
    // A module that does not answer has no error count: it is not counted as none.
    int errors = 0;
    int silent = 0;
    for (auto it = modules.begin(); it != modules.end(); ++it) {
        const QJsonObject m = it.value().toObject();
        if (m.value(QLatin1String("response_time_ms")).isDouble())
            errors += m.value(QLatin1String("errors_24h")).toInt();
        else if (m.value(QLatin1String("enabled")).toBool(true))
            ++silent;
    }
    const QString errorText = silent == 0 ? QString::number(errors)
        : silent == 1
        ? QStringLiteral("%1 (one module does not answer: its errors are not known)").arg(errors)
        : QStringLiteral("%1 (%2 modules do not answer: their errors are not known)")
              .arg(errors)
              .arg(silent);
    out +=
        QStringLiteral("<table>\n<tr><th>Overall status</th><td>%1</td></tr>\n<tr><th>Environment "
                       "configuration</th><td>%2</td></tr>\n"
                       "<tr><th>Dependency graph</th><td>%3</td></tr>\n<tr><th>Errors (24 "
                       "h)</th><td>%4</td></tr>\n</table>\n")
            .arg(esc(health),
                 status.value(QLatin1String("env_ok")).toBool()
                     ? QStringLiteral("✓ complete")
                     : QStringLiteral("✕ settings missing"))
            .arg(std::any_of(alerts.begin(), alerts.end(),
                             [](const QJsonValue &a) {
                                 return a.toObject().value(QLatin1String("category")).toString()
                                     == QLatin1String("dependency");
                             })
                     ? QStringLiteral("✕ patient journey blocked")
                     : QStringLiteral("✓ patient journey clear"))
            .arg(esc(errorText));

    out += QStringLiteral("<h2 id=\"alerts\">Active Alerts</h2>\n");
    if (alerts.isEmpty()) {
        out += QStringLiteral("<p>No alerts — the clinic is running normally.</p>\n");
    } else {
        out += QStringLiteral("<table>\n<tr><th>Severity</th><th>Alert</th><th>Details</"
                              "th><th>What to do</th></tr>\n");
        for (const auto &v : alerts) {
            const QJsonObject a = v.toObject();
            const QString severity = a.value(QLatin1String("severity")).toString();
            out +=
                QStringLiteral(
                    "<tr><td style=\"color:%1\">%2 %3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                    .arg(colour(severity), mark(severity), esc(severity),
                         esc(a.value(QLatin1String("title")).toString()),
                         esc(a.value(QLatin1String("message")).toString()),
                         esc(a.value(QLatin1String("action")).toString()));
        }
        out += QStringLiteral("</table>\n");
    }

    // Tables rather than CSS layout, so that the page prints (and turns into PDF) as it shows.
    // The grid and the figures start a page of their own, so that no tile is cut in two.
    out += QStringLiteral("<h2 id=\"modules\" style=\"page-break-before:always\">Module Status "
                          "Grid</h2>\n<table class=\"tiles\">\n<tr>\n");
    int column = 0;
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        const QJsonObject m = modules.value(info.id).toObject();
        const QString s = m.value(QLatin1String("status")).toString(QStringLiteral("unknown"));
        const QJsonValue response = m.value(QLatin1String("response_time_ms"));
        if (column > 0 && column % 3 == 0)
            out += QStringLiteral("</tr>\n<tr>\n");
        ++column;
        out += QStringLiteral("<td class=\"cell\" style=\"border-left:6px solid %1\"><b>%2 "
                              "%3</b><br/><span style=\"color:%1\">%4 %5</span><br/>"
                              "<span class=\"muted\">%6 · errors (24 h): %7</span></td>\n")
                   .arg(colour(s), info.numberText(), esc(info.name()), mark(s), esc(s),
                        response.isDouble() ? QStringLiteral("%1 ms").arg(response.toInt())
                                            : QStringLiteral("no answer"))
                   .arg(response.isDouble()
                            ? QString::number(m.value(QLatin1String("errors_24h")).toInt())
                            : QStringLiteral("not known"));
    }
    out += QStringLiteral("</tr>\n</table>\n");

    out += QStringLiteral(
        "<h2 id=\"kpis\">Key Performance Indicators</h2>\n<table class=\"tiles\">\n<tr>\n");
    column = 0;
    for (const KpiDefinition &figure : KpiDefinition::all()) {
        const char *key = figure.key;
        const char *title = figure.title;
        if (column > 0 && column % 3 == 0)
            out += QStringLiteral("</tr>\n<tr>\n");
        ++column;
        out += QStringLiteral("<td class=\"kpi\"><span class=\"muted\">%1</span><br/><span "
                              "class=\"value\">%2</span></td>\n")
                   .arg(QLatin1String(title), kpiValue(kpis, key));
    }
    out += QStringLiteral("</tr>\n</table>\n");
    out += trendChart(trends);

    out += QStringLiteral("<h2 id=\"system\">System Information</h2>\n<table>\n");
    out += QStringLiteral("<tr><th>Instance ID</th><td>%1</td></tr>\n")
               .arg(anonymize ? QStringLiteral("(hidden)")
                              : esc(metadata.value(QLatin1String("instance_id")).toString()));
    out += QStringLiteral("<tr><th>Trace ID</th><td>%1</td></tr>\n")
               .arg(esc(metadata.value(QLatin1String("trace_id")).toString()));
    out += QStringLiteral("<tr><th>Version</th><td>%1</td></tr>\n")
               .arg(esc(metadata.value(QLatin1String("version")).toString()));
    out += QStringLiteral("<tr><th>HIPAA mode</th><td>%1</td></tr>\n")
               .arg(metadata.value(QLatin1String("hipaa_mode")).toBool() ? QStringLiteral("on")
                                                                         : QStringLiteral("off"));
    out += QStringLiteral("</table>\n</body>\n</html>\n");
    return out;
}

} // namespace Switchboard::DashboardReport
