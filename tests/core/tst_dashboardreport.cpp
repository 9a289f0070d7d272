#include "alerts/alertrules.h"
#include "common/manualclock.h"
#include "modules/modulecatalog.h"
#include "report/dashboardreport.h"
#include "status/statusdocument.h"

#include <QTest>
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
            s.responseMs = 12;
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
        QVERIFY(!page.contains(QStringLiteral("<script")));
        QVERIFY(!page.remove(QStringLiteral("http://www.w3.org/1999/xhtml"))
                     .contains(QStringLiteral("http"))); // nothing loaded from elsewhere
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
};

QTEST_GUILESS_MAIN(TstDashboardReport)
#include "tst_dashboardreport.moc"
