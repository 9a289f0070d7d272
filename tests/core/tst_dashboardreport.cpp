#include "alerts/alertrules.h"
#include "common/manualclock.h"
#include "modules/modulecatalog.h"
#include "report/dashboardreport.h"
#include "status/statusdocument.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Switchboard;

class TstDashboardReport : public QObject
{
    Q_OBJECT

    static QJsonObject status(CoreConfig &config)
    {
        ManualClock clock;
        config.useSimulatedFleet(8700);
        QList<ModuleSnapshot> modules;
        for (const ModuleInfo &info : ModuleCatalog::all()) {
            ModuleSnapshot s;
            s.id = info.id;
            s.configured = true;
            s.assessment = {info.id == QLatin1String("02_booking") ? ModuleStatus::Down
                                                                   : ModuleStatus::Healthy,
                            info.id == QLatin1String("02_booking") ? HealthReason::NoAnswer
                                                                   : HealthReason::Responding};
            // The module that is down does not answer: it has no error count to report.
            s.responseMs = info.id == QLatin1String("02_booking") ? -1 : 12;
            s.errors24h = info.id == QLatin1String("04_billing") ? 3 : 0;
            modules << s;
        }
        StatusDocument::Inputs in;
        in.config = &config;
        in.modules = modules;
        in.alerts = AlertRules::evaluate(config, modules);
        in.kpis = {{"leads_24h", 15},
                   {"bookings_24h", 8},
                   {"revenue_24h_usd", 1200.0},
                   {"nps_avg_30d", 8.5}};
        in.timestamp = clock.now();
        in.traceId = StatusDocument::newTraceId(clock.now());
        return StatusDocument::build(in);
    }

    // Every element name and all text, or an error if the page is not well-formed.
    static std::pair<QStringList, QString> parse(const QString &html, QString *error)
    {
        QXmlStreamReader xml(html);
        QStringList ids;
        QString text;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.attributes().hasAttribute(QStringLiteral("id")))
                ids << xml.attributes().value(QStringLiteral("id")).toString();
            if (xml.isCharacters())
                text += xml.text().toString() + QLatin1Char(' ');
        }
        if (xml.hasError())
            *error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
        return {ids, text};
    }

private Q_SLOTS:
    void hasTheSpecificationsSections()
    {
        CoreConfig config;
        config.brandName = QStringLiteral("Sunrise <Clinic> & Co");
        QString page = DashboardReport::html(status(config), config.brandName, false);
        QString error;
        const auto [ids, text] = parse(page, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(ids, (QStringList {"system-health", "alerts", "modules", "kpis", "system"}));
        for (const char *heading : {"System Health Overview", "Active Alerts", "Module Status Grid",
                                    "Key Performance Indicators", "System Information"})
            QVERIFY2(text.contains(QLatin1String(heading)), heading);
        QVERIFY(text.contains(
            QStringLiteral("Sunrise <Clinic> & Co"))); // escaped in the markup, intact as text
        QVERIFY(text.contains(QStringLiteral("Module Down: Consult Booking")));
        QVERIFY(text.contains(QStringLiteral("System health: CRITICAL")));
        QVERIFY(text.contains(QStringLiteral("$1,200")));
        QVERIFY(text.contains(QStringLiteral("switchboard-001")));
        // Errors: the known ones, and which are not known; never "0" for a module that is down.
        QVERIFY2(text.contains(QStringLiteral("3 (one module does not answer: its errors are not "
                                              "known)")),
                 qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("no answer · errors (24 h): not known")));
        // The time as people write it, not as ISO 8601; the module grid starts a page.
        QVERIFY(!text.contains(QRegularExpression(QStringLiteral("\\d{4}-\\d{2}-\\d{2}T"))));
        QVERIFY(page.contains(QStringLiteral("id=\"modules\" style=\"page-break-before:always\"")));
        QVERIFY(!page.contains(QStringLiteral("<script")));
        QVERIFY(!page.remove(QStringLiteral("http://www.w3.org/1999/xhtml"))
                     .contains(QStringLiteral("http"))); // nothing loaded from elsewhere
    }

    void drawsTheWeeksTrendAsAnInlineChart()
    {
        CoreConfig config;
        const QDateTime start(QDate(2026, 11, 15), QTime(9, 0), Qt::UTC);
        QJsonArray leads;
        QJsonArray bookings;
        for (int h = 0; h < 7 * 24; h += 6) {
            const QString ts = start.addSecs(3600 * h).toString(Qt::ISODate);
            leads.append(QJsonObject {{"ts", ts}, {"value", 40 + h % 12}});
            bookings.append(QJsonObject {{"ts", ts}, {"value", 12}});
        }
        const QString page =
            DashboardReport::html(status(config), config.brandName, false,
                                  {{"leads_24h", leads}, {"bookings_24h", bookings}});
        QString error;
        const auto [ids, text] = parse(page, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(text.contains(QStringLiteral("Leads and bookings, last 7 days")));
        QCOMPARE(page.count(QStringLiteral("<polyline")), 2);
        // One point per reading, inside the drawing.
        const qsizetype at = page.indexOf(QStringLiteral("points=\""));
        const QString points = page.mid(at + 8, page.indexOf(QLatin1Char('"'), at + 8) - at - 8);
        const QStringList pairs = points.split(QLatin1Char(' '));
        QCOMPARE(pairs.size(), leads.size());
        for (const QString &pair : pairs) {
            const double x = pair.section(QLatin1Char(','), 0, 0).toDouble();
            const double y = pair.section(QLatin1Char(','), 1, 1).toDouble();
            QVERIFY(x >= 48 && x <= 672);
            QVERIFY(y >= 30 && y <= 272);
        }
        // A page wide, with a date under each day.
        QVERIFY(page.contains(QStringLiteral("width=\"680\" height=\"300\"")));
        for (const char *day : {"16 Nov", "19 Nov", "22 Nov"})
            QVERIFY2(page.contains(QStringLiteral(">%1</text>").arg(QLatin1String(day))), day);
        // Without readings, no chart at all.
        QVERIFY(!DashboardReport::html(status(config), config.brandName, false)
                     .contains(QStringLiteral("<svg")));
    }

    void anonymizedReportsHideTheClinic()
    {
        CoreConfig config;
        config.brandName = QStringLiteral("Sunrise Clinic");
        const QString page = DashboardReport::html(status(config), config.brandName, true);
        QVERIFY(!page.contains(QStringLiteral("Sunrise Clinic")));
        QVERIFY(!page.contains(QStringLiteral("switchboard-001")));
        QVERIFY(page.contains(QStringLiteral("(hidden)")));
    }

    // The console's export reads in its user's language, the core's alerts included; the page
    // the core publishes and serves stays in English whatever the program's language.
    void theConsolesCopyReadsInItsLanguage()
    {
        QTranslator spanish;
        QVERIFY(spanish.load(QStringLiteral(QT_TESTCASE_BUILDDIR "/../switchboard_es.qm")));
        QCoreApplication::installTranslator(&spanish);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        CoreConfig config;
        const QJsonObject state = status(config);
        const QString translated = DashboardReport::html(state, config.brandName, false, {}, true);
        const QString english = DashboardReport::html(state, config.brandName, false);
        QCoreApplication::removeTranslator(&spanish);
        QLocale::setDefault(before);

        QString error;
        const auto [ids, text] = parse(translated, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(translated.contains(QStringLiteral("lang=\"es\"")));
        for (const char *spanishWords :
             {"Estado general del sistema", "Alertas activas",
              "Módulo caído: ", "El módulo no responde a las comprobaciones de estado",
              "Indicadores clave", "Información del sistema"})
            QVERIFY2(text.contains(QString::fromUtf8(spanishWords)), spanishWords);
        // Figures as Spain writes them: "8,5", not "8.5".
        QVERIFY2(text.contains(QStringLiteral("8,5")), qPrintable(text));
        for (const char *englishWords : {"System Health Overview", "Module Down", "What to do",
                                         "not responding", "errors (24 h)", "Instance ID"})
            QVERIFY2(!text.contains(QLatin1String(englishWords)), englishWords);

        QVERIFY(english.contains(QStringLiteral("lang=\"en\"")));
        QVERIFY(english.contains(QStringLiteral("Module Down: Consult Booking")));
        QVERIFY(english.contains(QStringLiteral("System Health Overview")));
    }
};

QTEST_GUILESS_MAIN(TstDashboardReport)
#include "tst_dashboardreport.moc"
