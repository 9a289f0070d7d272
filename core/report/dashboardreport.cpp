#include "report/dashboardreport.h"

#include "kpis/kpidefinitions.h"
#include "modules/modulecatalog.h"
#include "texts/message.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
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

// The page's words: in the running program's language for the console, else in English as the
// published page and the API carry it.
class Words
{
public:
    explicit Words(bool translated)
        : m_translated(translated)
        , m_locale(translated ? QLocale() : QLocale(QLocale::English, QLocale::UnitedStates))
    {
    }
    QString operator()(const char *source) const
    {
        return m_translated ? QCoreApplication::translate("DashboardReport", source)
                            : QString::fromUtf8(source);
    }
    bool translated() const { return m_translated; }
    const QLocale &locale() const { return m_locale; }
    // A field the core wrote for people (an alert's title…), in this page's language.
    QString field(const QJsonObject &o, const char *name) const
    {
        return m_translated ? Message::translatedField(o, QLatin1String(name))
                            : o.value(QLatin1String(name)).toString();
    }
    QString status(const QString &status) const
    {
        static const QHash<QString, const char *> words {
            {QStringLiteral("healthy"), QT_TRANSLATE_NOOP("DashboardReport", "healthy")},
            {QStringLiteral("degraded"), QT_TRANSLATE_NOOP("DashboardReport", "degraded")},
            {QStringLiteral("down"), QT_TRANSLATE_NOOP("DashboardReport", "down")},
            {QStringLiteral("disabled"), QT_TRANSLATE_NOOP("DashboardReport", "disabled")},
            {QStringLiteral("unknown"), QT_TRANSLATE_NOOP("DashboardReport", "unknown")},
            {QStringLiteral("HEALTHY"), QT_TRANSLATE_NOOP("DashboardReport", "HEALTHY")},
            {QStringLiteral("DEGRADED"), QT_TRANSLATE_NOOP("DashboardReport", "DEGRADED")},
            {QStringLiteral("CRITICAL"), QT_TRANSLATE_NOOP("DashboardReport", "CRITICAL")},
            {QStringLiteral("critical"), QT_TRANSLATE_NOOP("DashboardReport", "critical")},
            {QStringLiteral("warning"), QT_TRANSLATE_NOOP("DashboardReport", "warning")},
            {QStringLiteral("info"), QT_TRANSLATE_NOOP("DashboardReport", "info")}};
        const char *word = words.value(status);
        return word ? (*this)(word) : status;
    }

private:
    bool m_translated;
    QLocale m_locale;
};

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

QString kpiValue(const QJsonObject &kpis, const char *key, const Words &say)
{
    const QJsonValue v = kpis.value(QLatin1String(key));
    const KpiDefinition *d = KpiDefinition::find(QLatin1String(key));
    if (!v.isDouble() || !d)
        return QStringLiteral("—");
    return d->text(v.toDouble(), say.locale());
}

// Leads and bookings over the period as an inline SVG line chart; empty without readings.
QString trendChart(const QJsonObject &trends, const Words &say)
{
    struct Line
    {
        const char *key;
        const char *label;
        const char *colour;
        QList<QPointF> points; // (ms since the epoch, value)
    };
    QList<Line> lines = {
        {"leads_24h", QT_TRANSLATE_NOOP("DashboardReport", "Leads (24 h)"), "#1a73e8", {}},
        {"bookings_24h", QT_TRANSLATE_NOOP("DashboardReport", "Bookings (24 h)"), "#188038", {}}};
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
    const QString heading =
        say(QT_TRANSLATE_NOOP("DashboardReport", "Leads and bookings, last %1 days"))
            .arg(std::max(days, 1));
    QString svg = QStringLiteral("<h3>%1</h3>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                                 "width=\"%2\" height=\"%3\" viewBox=\"0 0 %2 %3\" role=\"img\" "
                                 "aria-label=\"%1\">\n")
                      .arg(esc(heading))
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
                .arg(say.locale().toString(qRound(v)));
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
                        say.locale().toString(day, QStringLiteral("d MMM")));
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
                        esc(say(line.label)));
        legend += 180;
    }
    svg += QStringLiteral("</svg>\n");
    return svg;
}

} // namespace

QString html(const QJsonObject &status, const QString &clinicName, bool anonymize,
             const QJsonObject &trends, bool translated)
{
    const Words say(translated);
    const QJsonObject metadata = status.value(QLatin1String("metadata")).toObject();
    const QString health = metadata.value(QLatin1String("system_health")).toString();
    const QJsonArray alerts = status.value(QLatin1String("alerts")).toArray();
    const QJsonObject modules = status.value(QLatin1String("modules")).toObject();
    const QJsonObject kpis = status.value(QLatin1String("kpis")).toObject();
    const QString clinic =
        anonymize ? say(QT_TRANSLATE_NOOP("DashboardReport", "Clinic")) : clinicName;
    // In the clinic's own way of writing dates, in its time zone.
    const QDateTime stamp =
        QDateTime::fromString(status.value(QLatin1String("timestamp")).toString(), Qt::ISODate);
    const QString when = stamp.isValid()
        ? QLocale().toString(stamp.toLocalTime(), QLocale::LongFormat)
        : status.value(QLatin1String("timestamp")).toString();
    const auto row = [](const QString &head, const QString &cell) {
        return QStringLiteral("<tr><th>%1</th><td>%2</td></tr>\n").arg(esc(head), esc(cell));
    };

    QString out;
    out += QStringLiteral("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" "
                          "lang=\"%1\">\n<head>\n<meta charset=\"utf-8\"/>\n")
               .arg(translated ? QLocale().name().section(QLatin1Char('_'), 0, 0)
                               : QStringLiteral("en"));
    out +=
        QStringLiteral("<title>%1</title>\n")
            .arg(esc(say(QT_TRANSLATE_NOOP("DashboardReport", "%1 — Switchboard dashboard report"))
                         .arg(clinic)));
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
        QStringLiteral("<h1>%1</h1>\n<p class=\"muted\">%2</p>\n")
            .arg(
                esc(say(QT_TRANSLATE_NOOP("DashboardReport", "%1 — dashboard report")).arg(clinic)),
                esc(say(QT_TRANSLATE_NOOP("DashboardReport", "Generated %1 by Switchboard."))
                        .arg(when)));

    out += QStringLiteral("<h2 id=\"system-health\">%1</h2>\n")
               .arg(esc(say(QT_TRANSLATE_NOOP("DashboardReport", "System Health Overview"))));
    out += QStringLiteral("<div class=\"banner\" style=\"background:%1\">%2 %3</div>\n")
               .arg(colour(health), mark(health),
                    esc(say(QT_TRANSLATE_NOOP("DashboardReport", "System health: %1"))
                            .arg(say.status(health))));
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
    const QString errorText = silent == 0 ? say.locale().toString(errors)
        : silent == 1
        ? say(QT_TRANSLATE_NOOP("DashboardReport",
                                "%1 (one module does not answer: its errors are not known)"))
              .arg(say.locale().toString(errors))
        : say(QT_TRANSLATE_NOOP("DashboardReport",
                                "%1 (%2 modules do not answer: their errors are not known)"))
              .arg(say.locale().toString(errors))
              .arg(silent);
    const bool blocked = std::any_of(alerts.begin(), alerts.end(), [](const QJsonValue &a) {
        return a.toObject().value(QLatin1String("category")).toString()
            == QLatin1String("dependency");
    });
    out += QStringLiteral("<table>\n");
    out += row(say(QT_TRANSLATE_NOOP("DashboardReport", "Overall status")), say.status(health));
    out += row(say(QT_TRANSLATE_NOOP("DashboardReport", "Environment configuration")),
               status.value(QLatin1String("env_ok")).toBool()
                   ? say(QT_TRANSLATE_NOOP("DashboardReport", "✓ complete"))
                   : say(QT_TRANSLATE_NOOP("DashboardReport", "✕ settings missing")));
    out += row(say(QT_TRANSLATE_NOOP("DashboardReport", "Dependency graph")),
               blocked ? say(QT_TRANSLATE_NOOP("DashboardReport", "✕ patient journey blocked"))
                       : say(QT_TRANSLATE_NOOP("DashboardReport", "✓ patient journey clear")));
    out += row(say(QT_TRANSLATE_NOOP("DashboardReport", "Errors (24 h)")), errorText);
    out += QStringLiteral("</table>\n");

    out += QStringLiteral("<h2 id=\"alerts\">%1</h2>\n")
               .arg(esc(say(QT_TRANSLATE_NOOP("DashboardReport", "Active Alerts"))));
    if (alerts.isEmpty()) {
        out += QStringLiteral("<p>%1</p>\n")
                   .arg(esc(say(QT_TRANSLATE_NOOP("DashboardReport",
                                                  "No alerts — the clinic is running normally."))));
    } else {
        out += QStringLiteral("<table>\n<tr><th>%1</th><th>%2</th><th>%3</th><th>%4</th></tr>\n")
                   .arg(esc(say(QT_TRANSLATE_NOOP("DashboardReport", "Severity"))),
                        esc(say(QT_TRANSLATE_NOOP("DashboardReport", "Alert"))),
                        esc(say(QT_TRANSLATE_NOOP("DashboardReport", "Details"))),
                        esc(say(QT_TRANSLATE_NOOP("DashboardReport", "What to do"))));
        for (const auto &v : alerts) {
            const QJsonObject a = v.toObject();
            const QString severity = a.value(QLatin1String("severity")).toString();
            out +=
                QStringLiteral(
                    "<tr><td style=\"color:%1\">%2 %3</td><td>%4</td><td>%5</td><td>%6</td></tr>\n")
                    .arg(colour(severity), mark(severity), esc(say.status(severity)),
                         esc(say.field(a, "title")), esc(say.field(a, "message")),
                         esc(say.field(a, "action")));
        }
        out += QStringLiteral("</table>\n");
    }

    // Tables rather than CSS layout, so that the page prints (and turns into PDF) as it shows.
    // The grid and the figures start a page of their own, so that no tile is cut in two.
    out += QStringLiteral("<h2 id=\"modules\" style=\"page-break-before:always\">%1</h2>\n"
                          "<table class=\"tiles\">\n<tr>\n")
               .arg(esc(say(QT_TRANSLATE_NOOP("DashboardReport", "Module Status Grid"))));
    int column = 0;
    for (const ModuleInfo &info : ModuleCatalog::all()) {
        const QJsonObject m = modules.value(info.id).toObject();
        const QString s = m.value(QLatin1String("status")).toString(QStringLiteral("unknown"));
        const QJsonValue response = m.value(QLatin1String("response_time_ms"));
        if (column > 0 && column % 3 == 0)
            out += QStringLiteral("</tr>\n<tr>\n");
        ++column;
        const QString answer = response.isDouble()
            ? say(QT_TRANSLATE_NOOP("DashboardReport", "%1 ms"))
                  .arg(say.locale().toString(response.toInt()))
            : say(QT_TRANSLATE_NOOP("DashboardReport", "no answer"));
        const QString errorsOf = response.isDouble()
            ? say.locale().toString(m.value(QLatin1String("errors_24h")).toInt())
            : say(QT_TRANSLATE_NOOP("DashboardReport", "not known"));
        out += QStringLiteral("<td class=\"cell\" style=\"border-left:6px solid %1\"><b>%2 "
                              "%3</b><br/><span style=\"color:%1\">%4 %5</span><br/>"
                              "<span class=\"muted\">%6</span></td>\n")
                   .arg(colour(s), info.numberText(),
                        esc(translated ? ModuleCatalog::displayName(info.id) : info.name()),
                        mark(s), esc(say.status(s)),
                        esc(say(QT_TRANSLATE_NOOP("DashboardReport", "%1 · errors (24 h): %2"))
                                .arg(answer, errorsOf)));
    }
    out += QStringLiteral("</tr>\n</table>\n");

    out += QStringLiteral("<h2 id=\"kpis\">%1</h2>\n<table class=\"tiles\">\n<tr>\n")
               .arg(esc(say(QT_TRANSLATE_NOOP("DashboardReport", "Key Performance Indicators"))));
    column = 0;
    for (const KpiDefinition &figure : KpiDefinition::all()) {
        if (column > 0 && column % 3 == 0)
            out += QStringLiteral("</tr>\n<tr>\n");
        ++column;
        out +=
            QStringLiteral("<td class=\"kpi\"><span class=\"muted\">%1</span><br/><span "
                           "class=\"value\">%2</span></td>\n")
                .arg(esc(translated ? figure.translatedTitle() : QString::fromUtf8(figure.title)),
                     esc(kpiValue(kpis, figure.key, say)));
    }
    out += QStringLiteral("</tr>\n</table>\n");
    out += trendChart(trends, say);

    out += QStringLiteral("<h2 id=\"system\">%1</h2>\n<table>\n")
               .arg(esc(say(QT_TRANSLATE_NOOP("DashboardReport", "System Information"))));
    out += row(say(QT_TRANSLATE_NOOP("DashboardReport", "Instance ID")),
               anonymize ? say(QT_TRANSLATE_NOOP("DashboardReport", "(hidden)"))
                         : metadata.value(QLatin1String("instance_id")).toString());
    out += row(say(QT_TRANSLATE_NOOP("DashboardReport", "Trace ID")),
               metadata.value(QLatin1String("trace_id")).toString());
    out += row(say(QT_TRANSLATE_NOOP("DashboardReport", "Version")),
               metadata.value(QLatin1String("version")).toString());
    out += row(say(QT_TRANSLATE_NOOP("DashboardReport", "HIPAA mode")),
               metadata.value(QLatin1String("hipaa_mode")).toBool()
                   ? say(QT_TRANSLATE_NOOP("DashboardReport", "on"))
                   : say(QT_TRANSLATE_NOOP("DashboardReport", "off")));
    out += QStringLiteral("</table>\n</body>\n</html>\n");
    return out;
}

} // namespace Switchboard::DashboardReport
