#include "alerts/alertrules.h"
#include "config/configloader.h"

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Switchboard;

class TstConfigLoader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesTheSpecificationsEnvFile()
    {
        // As written in the primary specification: quotes, inline comments, JSON in quotes.
        const QString text = QStringLiteral(
            "# ===\nBRAND_NAME=\"Your Clinic Name\"\nN8N_INSTANCE_ID=\"production-001\"\n"
            "TIMEZONE=\"America/New_York\"\nHIPAA_MODE=\"true\"\n"
            "MANAGER_SCHEDULE_CRON=\"*/15 * * * *\"  # Every 15 minutes\n"
            "ERROR_THRESHOLD=\"5\"  # Alert if module has >5 errors in 24h\n"
            "HEALTH_CHECK_TIMEOUT_MS=\"10000\"  # 10 seconds\nANONYMIZE_DASHBOARD=\"false\"\n"
            "MODULE_02_ENDPOINT=\"https://n8n.yourclinic.com/webhook/consult-booking\"\n"
            "MODULE_02_HEALTH=\"https://n8n.yourclinic.com/webhook/consult-booking/health\"\n"
            "ENABLED_06_OCR=\"false\"\n"
            "KPI_THRESHOLDS_JSON='{\"min_leads_24h\":10,\"min_lead_to_booking_rate\":0.4,\"min_"
            "nps\":8.0}'\n"
            "STRIPE_CREDENTIAL_ID=\"stripe_cred_id\"\nexport "
            "SUPPORT_EMAIL=support@yourclinic.com\n");
        auto env = ConfigLoader::parseEnvFile(text);
        QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().toString()));
        QCOMPARE(env->value(QStringLiteral("ERROR_THRESHOLD")), QStringLiteral("5"));
        QCOMPARE(env->value(QStringLiteral("SUPPORT_EMAIL")),
                 QStringLiteral("support@yourclinic.com"));

        CoreConfig config;
        const Status st = ConfigLoader::applyEnv(config, *env);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        QCOMPARE(config.brandName, QStringLiteral("Your Clinic Name"));
        QCOMPARE(config.instanceId, QStringLiteral("production-001"));
        QCOMPARE(config.health.intervalMs, 15 * 60 * 1000);
        QCOMPARE(config.health.timeoutMs, 10000);
        QCOMPARE(config.health.errorThreshold, 5);
        QVERIFY(config.hipaaMode);
        QVERIFY(!config.module(QStringLiteral("06_ocr"))->enabled);
        QCOMPARE(config.module(QStringLiteral("02_booking"))->healthUrl().toString(),
                 QStringLiteral("https://n8n.yourclinic.com/webhook/consult-booking/health"));
        QCOMPARE(config.kpiThresholds.value(QStringLiteral("min_lead_to_booking_rate")), 0.4);
    }

    void derivesHealthAndEventUrls()
    {
        ModuleConfig m;
        m.endpoint = QUrl(QStringLiteral("http://127.0.0.1:8702/webhook/consult-booking"));
        QCOMPARE(m.healthUrl().toString(),
                 QStringLiteral("http://127.0.0.1:8702/webhook/consult-booking/health"));
        QCOMPARE(m.eventsUrl().toString(), QStringLiteral("ws://127.0.0.1:8702/events"));
    }

    void refusesBadEnvValues_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("threshold not a number") << "ERROR_THRESHOLD=five"
                                                << "ERROR_THRESHOLD"
                                                << "whole number";
        QTest::newRow("timeout out of range") << "HEALTH_CHECK_TIMEOUT_MS=999999"
                                              << "HEALTH_CHECK_TIMEOUT_MS"
                                              << "out of range";
        QTest::newRow("endpoint not a URL") << "MODULE_02_ENDPOINT=consult-booking"
                                            << "MODULE_02_ENDPOINT"
                                            << "not a valid http or https URL";
        QTest::newRow("endpoint wrong scheme") << "MODULE_01_ENDPOINT=ftp://host/x"
                                               << "MODULE_01_ENDPOINT"
                                               << "not a valid";
        QTest::newRow("bool") << "HIPAA_MODE=maybe"
                              << "HIPAA_MODE"
                              << "true or false";
        QTest::newRow("enabled flag") << "ENABLED_04_BILLING=on-ish"
                                      << "ENABLED_04_BILLING"
                                      << "true or false";
        QTest::newRow("kpi json broken") << "KPI_THRESHOLDS_JSON={\"min_leads_24h\":"
                                         << "KPI_THRESHOLDS_JSON"
                                         << "JSON object";
        QTest::newRow("kpi key") << "KPI_THRESHOLDS_JSON={\"leads\":3}"
                                 << "KPI_THRESHOLDS_JSON"
                                 << "min_ or max_";
        QTest::newRow("kpi value") << "KPI_THRESHOLDS_JSON={\"min_nps\":\"high\"}"
                                   << "KPI_THRESHOLDS_JSON"
                                   << "must be a number";
        QTest::newRow("cron") << "MANAGER_SCHEDULE_CRON=0 7 * * *"
                              << "MANAGER_SCHEDULE_CRON"
                              << "*/N";
        QTest::newRow("environment") << "ENVIRONMENT=prod"
                                     << "ENVIRONMENT"
                                     << "dev, staging or production";
        QTest::newRow("time zone") << "TIMEZONE=Mars/Olympus"
                                   << "TIMEZONE"
                                   << "unknown time zone";
        QTest::newRow("breaker") << "CIRCUIT_BREAKER_THRESHOLD=0"
                                 << "CIRCUIT_BREAKER_THRESHOLD"
                                 << "out of range";
        QTest::newRow("report cron") << "REPORT_CRON=every morning"
                                     << "REPORT_CRON"
                                     << "five fields";
        QTest::newRow("alert e-mail") << "ALERT_EMAIL=admin@clinic.example, front desk"
                                      << "ALERT_EMAIL"
                                      << "\"front desk\" is not an e-mail address";
        QTest::newRow("smtp scheme") << "SMTP_URL=https://mail.clinic.example"
                                     << "SMTP_URL"
                                     << "smtp or smtps URL";
        QTest::newRow("google drive") << "DASHBOARD_STORAGE=google_drive"
                                      << "DASHBOARD_STORAGE"
                                      << "Google Drive is not supported; use \"s3\"";
        QTest::newRow("bucket") << "S3_DASHBOARD_BUCKET=Aigent_Dashboards"
                                << "S3_DASHBOARD_BUCKET"
                                << "an S3 bucket name";
        QTest::newRow("link lifetime") << "SIGNED_URL_TTL_SECONDS=864000"
                                       << "SIGNED_URL_TTL_SECONDS"
                                       << "out of range";
        QTest::newRow("sampling") << "OTEL_TRACES_SAMPLER_ARG=10%"
                                  << "OTEL_TRACES_SAMPLER_ARG"
                                  << "from 0 to 1";
    }

    void refusesBadEnvValues()
    {
        QFETCH(QString, line);
        QFETCH(QString, field);
        QFETCH(QString, message);
        auto env = ConfigLoader::parseEnvFile(QStringLiteral("BRAND_NAME=Before\n") + line
                                              + QLatin1Char('\n'));
        QVERIFY(env.ok());
        CoreConfig config;
        config.brandName = QStringLiteral("Unchanged");
        const Status st = ConfigLoader::applyEnv(config, *env);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().field, field);
        QVERIFY2(st.error().message.contains(message), qPrintable(st.error().message));
        // Nothing of a refused file is applied.
        QCOMPARE(config.brandName, QStringLiteral("Unchanged"));
    }

    void moduleCallTimeouts()
    {
        CoreConfig config;
        QCOMPARE(config.module(QStringLiteral("02_booking"))->callTimeoutMs(10000), 10000);
        QCOMPARE(config.module(QStringLiteral("02_booking"))->callTimeoutMs(1000),
                 5000); // never below 5 s
        QCOMPARE(config.module(QStringLiteral("02_booking"))->callTimeoutMs(300000), 60000);
        auto env = ConfigLoader::parseEnvFile(
            QStringLiteral("MODULE_04_TIMEOUT_S=20\nMODULE_04_FALLBACK=http://127.0.0.1:9704/"
                           "webhook/billing-payment\nRATE_LIMIT_MODULE_PER_MIN=600\n"));
        QVERIFY(ConfigLoader::applyEnv(config, *env).ok());
        QCOMPARE(config.module(QStringLiteral("04_billing"))->callTimeoutMs(10000), 20000);
        QCOMPARE(config.module(QStringLiteral("04_billing"))->fallback.port(), 9704);
        QCOMPARE(config.resilience.modulePerMinute, 600);
        auto bad = ConfigLoader::parseEnvFile(QStringLiteral("MODULE_04_TIMEOUT_S=90\n"));
        const Status st = ConfigLoader::applyEnv(config, *bad);
        QCOMPARE(st.error().field, QStringLiteral("MODULE_04_TIMEOUT_S"));
    }

    void envFileSyntaxErrorsNameTheLine()
    {
        auto env = ConfigLoader::parseEnvFile(QStringLiteral("A=1\nthis is not a setting\n"));
        QVERIFY(!env.ok());
        QCOMPARE(env.error().field, QStringLiteral("line 2"));
        auto unclosed = ConfigLoader::parseEnvFile(QStringLiteral("\n\nB=\"open\n"));
        QVERIFY(!unclosed.ok());
        QCOMPARE(unclosed.error().field, QStringLiteral("line 3"));
        QVERIFY(unclosed.error().message.contains(QStringLiteral("closing quote")));
    }

    void appliesJson()
    {
        CoreConfig config;
        const Status st = ConfigLoader::applyJson(
            config,
            R"({"clinic": {"name": "Sunrise Clinic", "environment": "staging"},)"
            R"("health": {"interval_ms": 30000, "error_threshold": 3},)"
            R"("kpi_thresholds": {"min_leads_24h": 100},)"
            R"("modules": {"04_billing": {"endpoint": "http://127.0.0.1:8704/webhook/billing-payment", "enabled": true},)"
            R"("06_ocr": {"enabled": false}}})");
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        QCOMPARE(config.brandName, QStringLiteral("Sunrise Clinic"));
        QCOMPARE(config.environment, QStringLiteral("staging"));
        QCOMPARE(config.health.intervalMs, 30000);
        QCOMPARE(config.health.errorThreshold, 3);
        QCOMPARE(config.kpiThresholds.value(QStringLiteral("min_leads_24h")), 100.0);
        QVERIFY(!config.module(QStringLiteral("06_ocr"))->enabled);
        QCOMPARE(config.module(QStringLiteral("04_billing"))->endpoint.port(), 8704);
    }

    void refusesBadJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("message");
        QTest::newRow("not json") << QByteArray("{\"health\": ") << QString() << "not valid JSON";
        QTest::newRow("not an object")
            << QByteArray("[1,2]") << QString() << "must be a JSON object";
        QTest::newRow("unknown key")
            << QByteArray(R"({"helth": {"interval_ms": 1000}})") << "helth.interval_ms"
            << "unknown setting";
        QTest::newRow("unknown module")
            << QByteArray(R"({"modules": {"10_manager": {"enabled": true}}})")
            << "modules.10_manager.enabled"
            << "unknown module";
        QTest::newRow("bad value")
            << QByteArray(R"({"health": {"timeout_ms": "soon"}})") << "health.timeout_ms"
            << "expected milliseconds";
        QTest::newRow("list") << QByteArray(R"({"hipaa_mode": [true]})") << "hipaa_mode"
                              << "not a list";
    }

    void refusesBadJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, field);
        QFETCH(QString, message);
        CoreConfig config;
        const Status st = ConfigLoader::applyJson(config, json);
        QVERIFY(!st.ok());
        QCOMPARE(st.error().field, field);
        QVERIFY2(st.error().message.contains(message), qPrintable(st.error().message));
    }

    void missingEndpointsAreReportedNotRefused()
    {
        CoreConfig config;
        QCOMPARE(config.missingRequired().size(), 9);
        QCOMPARE(config.missingRequired().at(1).variable, QStringLiteral("MODULE_02_ENDPOINT"));
        QVERIFY(config.missingRequired().at(1).reason.contains(QStringLiteral("Consult Booking")));
        config.module(QStringLiteral("02_booking"))->enabled = false;
        QCOMPARE(config.missingRequired().size(), 8);
        config.useSimulatedFleet(8700);
        QVERIFY(config.missingRequired().isEmpty());
        QCOMPARE(config.module(QStringLiteral("09_compliance"))->endpoint.toString(),
                 QStringLiteral("http://127.0.0.1:8709/webhook/aigent-audit-log"));
    }

    // ALERT_EMAIL without a mail server, or S3 publishing without its bucket and keys, is the
    // seed's "Missing Required Environment Variable", naming what makes it required.
    void integrationsNameWhatTheyStillNeed()
    {
        CoreConfig config;
        config.useSimulatedFleet(8700);
        auto env = ConfigLoader::parseEnvFile(
            QStringLiteral("ALERT_EMAIL=\"admin@yourclinic.com\"\n"
                           "SUPPORT_EMAIL=\"support@yourclinic.com\"\n"
                           "DASHBOARD_STORAGE=\"s3\"\nS3_DASHBOARD_BUCKET=\"aigent-dashboards\"\n"
                           "S3_REGION=\"us-east-1\"\nSIGNED_URL_TTL_SECONDS=\"3600\"\n"
                           "AWS_CREDENTIAL_ID=\"aws_credentials_id_from_n8n\"\n"));
        QVERIFY(env.ok());
        QVERIFY(ConfigLoader::applyEnv(config, *env).ok());
        QCOMPARE(config.email.alertTo, QStringList {QStringLiteral("admin@yourclinic.com")});
        QCOMPARE(config.publishing.bucket, QStringLiteral("aigent-dashboards"));
        QStringList missing;
        for (const CoreConfig::MissingSetting &m : config.missingRequired())
            missing << m.variable + QLatin1Char('/') + m.because;
        QCOMPARE(missing,
                 (QStringList {QStringLiteral("SMTP_URL/ALERT_EMAIL"),
                               QStringLiteral("AWS_ACCESS_KEY_ID/DASHBOARD_STORAGE=s3"),
                               QStringLiteral("AWS_SECRET_ACCESS_KEY/DASHBOARD_STORAGE=s3")}));
        const QList<StatusAlert> alerts = AlertRules::evaluate(config, {}, 0);
        QCOMPARE(alerts.size(), 3);
        QCOMPARE(alerts.at(0).title.text(),
                 QStringLiteral("Missing Required Environment Variable"));
        QCOMPARE(alerts.at(0).message.text(),
                 QStringLiteral("SMTP_URL (required because ALERT_EMAIL is set)"));

        config.email.smtpUrl = QUrl(QStringLiteral("smtp://127.0.0.1:2525"));
        config.publishing.accessKeyId = QStringLiteral("AKIDEXAMPLE");
        config.publishing.secretAccessKey = QStringLiteral("secret");
        QVERIFY(config.missingRequired().isEmpty());
    }

    // The seed's module credentials: not required while none is given (the modules keep
    // their own); once the block is there, each enabled module's are.
    void moduleCredentialIdsAreCheckedAsTheSeedDoes()
    {
        CoreConfig config;
        config.useSimulatedFleet(8700);
        QVERIFY(config.missingRequired().isEmpty());
        auto env = ConfigLoader::parseEnvFile(QStringLiteral(
            "HUBSPOT_CREDENTIAL_ID=\"hubspot_cred_id\"\nCALCOM_API_KEY=\"cal_live_abc123xyz\"\n"
            "ZOOM_CREDENTIAL_ID=\"zoom_cred_id\"\nSENDGRID_CREDENTIAL_ID=\"sendgrid_cred_id\"\n"
            "TWILIO_CREDENTIAL_ID=\"twilio_cred_id\"\nMISTRAL_CREDENTIAL_ID=\"\"\n"));
        QVERIFY(env.ok());
        QVERIFY(ConfigLoader::applyEnv(config, *env).ok());
        QStringList missing;
        for (const CoreConfig::MissingSetting &m : config.missingRequired())
            missing << m.variable;
        QCOMPARE(missing,
                 (QStringList {QStringLiteral("STRIPE_CREDENTIAL_ID or SQUARE_CREDENTIAL_ID"),
                               QStringLiteral("MISTRAL_CREDENTIAL_ID")}));
        const QList<StatusAlert> alerts = AlertRules::evaluate(config, {}, 0);
        QCOMPARE(alerts.at(0).message.text(),
                 QStringLiteral("STRIPE_CREDENTIAL_ID or SQUARE_CREDENTIAL_ID (required for "
                                "Module 04 (Billing & Payments))"));
        // A module that is off needs nothing.
        config.module(QStringLiteral("06_ocr"))->enabled = false;
        config.moduleCredentialIds.insert(QStringLiteral("SQUARE_CREDENTIAL_ID"),
                                          QStringLiteral("square_cred"));
        QVERIFY(config.missingRequired().isEmpty());
        config.moduleCredentialIds.remove(QStringLiteral("HUBSPOT_CREDENTIAL_ID"));
        QCOMPARE(config.missingRequired().at(0).modules.size(), 6);
        QCOMPARE(AlertRules::evaluate(config, {}, 0).at(0).message.text(),
                 QStringLiteral("HUBSPOT_CREDENTIAL_ID (required for Modules 01, 02, 03, 04, 05, "
                                "08)"));
    }

    void aModuleTakesAnApiKeyOrABearerTokenNotBoth()
    {
        CoreConfig config;
        auto env = ConfigLoader::parseEnvFile(
            QStringLiteral("MODULE_02_API_KEY=k1\nMODULE_02_API_KEY_HEADER=X-API-Key\n"
                           "MODULE_04_BEARER_TOKEN=t1\n"));
        QVERIFY(ConfigLoader::applyEnv(config, *env).ok());
        QCOMPARE(config.module(QStringLiteral("02_booking"))->credential.kind,
                 QStringLiteral("api_key"));
        QCOMPARE(config.module(QStringLiteral("02_booking"))->credential.header,
                 QStringLiteral("X-API-Key"));
        QCOMPARE(config.module(QStringLiteral("04_billing"))->credential.kind,
                 QStringLiteral("bearer"));
        auto both = ConfigLoader::parseEnvFile(
            QStringLiteral("MODULE_02_API_KEY=k1\nMODULE_02_BEARER_TOKEN=t1\n"));
        CoreConfig again;
        const Status st = ConfigLoader::applyEnv(again, *both);
        QVERIFY(!st.ok());
        QVERIFY(st.error().message.contains(QLatin1String("not both")));
    }

    void loadNamesTheFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.env"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("ERROR_THRESHOLD=-1\n");
        file.close();
        auto loaded = ConfigLoader::load(QString(), path);
        QVERIFY(!loaded.ok());
        QVERIFY(loaded.error().field.contains(path));
        QVERIFY(loaded.error().field.contains(QStringLiteral("ERROR_THRESHOLD")));
        auto missing = ConfigLoader::load(dir.filePath(QStringLiteral("absent.json")), QString());
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().message.contains(QStringLiteral("cannot read")));
    }

    // The specification's troubleshooting lines, as written: milliseconds, quoted, with a
    // "//" or "#" comment after the value; a unit is accepted as well.
    void troubleshootingLinesAsWritten_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("breakerMs");
        QTest::addColumn<int>("healthMs");
        QTest::newRow("seed: breaker 120 s")
            << "CIRCUIT_BREAKER_TIMEOUT=\"120000\"  // Increase from 60s to 120s" << 120000
            << 10000;
        QTest::newRow("the default, written out")
            << "CIRCUIT_BREAKER_TIMEOUT=\"60000\"" << 60000 << 10000;
        QTest::newRow("seed: health 30 s")
            << "HEALTH_CHECK_TIMEOUT_MS=\"30000\"  # Increase to 30 seconds" << 60000 << 30000;
        QTest::newRow("with a unit") << "CIRCUIT_BREAKER_TIMEOUT=2m" << 120000 << 10000;
        QTest::newRow("seconds") << "HEALTH_CHECK_TIMEOUT_MS=15s // more" << 60000 << 15000;
    }

    void troubleshootingLinesAsWritten()
    {
        QFETCH(QString, line);
        QFETCH(int, breakerMs);
        QFETCH(int, healthMs);
        auto env = ConfigLoader::parseEnvFile(line + QLatin1Char('\n'));
        QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().toString()));
        CoreConfig config;
        const Status st = ConfigLoader::applyEnv(config, *env);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        QCOMPARE(config.circuitBreaker.timeoutMs, breakerMs);
        QCOMPARE(config.health.timeoutMs, healthMs);
    }

    void badValuesNameTheVariableAndTheLine_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("where");
        QTest::addColumn<QString>("message");
        QTest::newRow("too short") << "BRAND_NAME=A\nCIRCUIT_BREAKER_TIMEOUT=\"120\"\n"
                                   << ":2: CIRCUIT_BREAKER_TIMEOUT"
                                   << "out of range";
        QTest::newRow("no unit known") << "\n\nHEALTH_CHECK_TIMEOUT_MS=10 seconds\n"
                                       << ":3: HEALTH_CHECK_TIMEOUT_MS"
                                       << "with a unit";
        QTest::newRow("not a key") << "PAGERDUTY_ROUTING_KEY=abc\n"
                                   << ":1: PAGERDUTY_ROUTING_KEY"
                                   << "32 characters";
    }

    void badValuesNameTheVariableAndTheLine()
    {
        QFETCH(QString, text);
        QFETCH(QString, where);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.env"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(text.toUtf8());
        file.close();
        auto loaded = ConfigLoader::loadAll(QString(), path, {});
        QVERIFY(!loaded.ok());
        QCOMPARE(loaded.error().field, path + where);
        QVERIFY2(loaded.error().message.contains(message), qPrintable(loaded.error().message));
    }

    // The process environment wins over the env file (systemd's EnvironmentFile= and Docker's
    // -e both arrive there); every setting says where its value came from.
    void theProcessEnvironmentWinsAndEverySourceIsNamed()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("clinic.env"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("BRAND_NAME=\"From the file\"\nERROR_THRESHOLD=7\nERORR_THRESHOLD=3\n"
                   "GOOGLE_SHEET_ID=\"sheet_id\"\n");
        file.close();
        const ConfigLoader::EnvMap environment {
            {QStringLiteral("BRAND_NAME"), QStringLiteral("From the environment")},
            {QStringLiteral("PATH"), QStringLiteral("/usr/bin")},
            {QStringLiteral("HEALTH_CHECK_TIMOUT_MS"), QStringLiteral("5000")}};
        auto loaded = ConfigLoader::loadAll(QString(), path, environment);
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->config.brandName, QStringLiteral("From the environment"));
        QCOMPARE(loaded->config.health.errorThreshold, 7);
        QHash<QString, ConfigLoader::SettingSource> byName;
        for (const auto &s : loaded->settings)
            byName.insert(s.name, s);
        QCOMPARE(byName.value(QStringLiteral("BRAND_NAME")).origin, QStringLiteral("environment"));
        QCOMPARE(byName.value(QStringLiteral("ERROR_THRESHOLD")).origin,
                 path + QStringLiteral(":2"));
        QCOMPARE(byName.value(QStringLiteral("SLOW_RESPONSE_MS")).origin,
                 QStringLiteral("default"));
        QCOMPARE(loaded->settings.size(), 169);
        // A typo is named with the nearest known variable, in the file and in the environment;
        // PATH is not a typo.
        QCOMPARE(loaded->warnings.size(), 2);
        QVERIFY2(loaded->warnings.at(0).contains(
                     QStringLiteral(":3: unknown variable ERORR_THRESHOLD is ignored; did you mean "
                                    "ERROR_THRESHOLD?")),
                 qPrintable(loaded->warnings.at(0)));
        QVERIFY(loaded->warnings.at(1).contains(
            QStringLiteral("did you mean HEALTH_CHECK_TIMEOUT_MS")));
        QVERIFY(
            loaded->notes.join(u'\n').contains(QStringLiteral("GOOGLE_SHEET_ID: not applicable")));
    }

    // A secret from a file (systemd's LoadCredential=, Docker secrets): X_FILE names it.
    void secretsComeFromFiles()
    {
        QTemporaryDir dir;
        const QString secret = dir.filePath(QStringLiteral("slack"));
        QFile file(secret);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("https://hooks.slack.com/services/T0/B0/abc\n");
        file.close();
        auto loaded = ConfigLoader::loadAll(QString(), QString(),
                                            {{QStringLiteral("SLACK_WEBHOOK_URL_FILE"), secret}});
        QVERIFY2(loaded.ok(), qPrintable(loaded.ok() ? QString() : loaded.error().toString()));
        QCOMPARE(loaded->config.slackWebhookUrl,
                 QStringLiteral("https://hooks.slack.com/services/T0/B0/abc"));
        for (const auto &s : loaded->settings) {
            if (s.name == QLatin1String("SLACK_WEBHOOK_URL")) {
                QCOMPARE(s.value, QStringLiteral("(set, hidden)"));
                QCOMPARE(s.origin, QStringLiteral("environment (SLACK_WEBHOOK_URL_FILE)"));
            }
        }
        auto both = ConfigLoader::loadAll(
            QString(), QString(),
            {{QStringLiteral("SLACK_WEBHOOK_URL_FILE"), secret},
             {QStringLiteral("SLACK_WEBHOOK_URL"), QStringLiteral("https://x.example/")}});
        QVERIFY(!both.ok());
        QVERIFY(both.error().message.contains(QStringLiteral("not both")));
        auto missing = ConfigLoader::loadAll(
            QString(), QString(),
            {{QStringLiteral("PAGERDUTY_ROUTING_KEY_FILE"), dir.filePath(QStringLiteral("none"))}});
        QVERIFY(!missing.ok());
        QVERIFY(missing.error().field.contains(QStringLiteral("PAGERDUTY_ROUTING_KEY_FILE")));
        QVERIFY(missing.error().message.contains(QStringLiteral("cannot read")));
        auto token =
            ConfigLoader::secretVariable({{QStringLiteral("SWITCHBOARD_ADMIN_TOKEN_FILE"), secret}},
                                         QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"));
        QCOMPARE(token.value(), QStringLiteral("https://hooks.slack.com/services/T0/B0/abc"));
    }

    // The package's env file: every setting is in it, and uncommented as it stands it is
    // accepted and changes nothing.
    void theEnvTemplateListsEverySettingWithItsDefault()
    {
        const QString text = ConfigLoader::envTemplate();
        static const QRegularExpression setting(QStringLiteral("^#[A-Z0-9_]+=\"[^\"]"));
        QString uncommented;
        for (const QString &line : text.split(QLatin1Char('\n'))) {
            if (setting.match(line).hasMatch())
                uncommented += line.mid(1) + QLatin1Char('\n');
        }
        auto env = ConfigLoader::parseEnvFile(uncommented);
        QVERIFY2(env.ok(), qPrintable(env.ok() ? QString() : env.error().toString()));
        QVERIFY(env->size() > 25);
        CoreConfig config;
        const Status st = ConfigLoader::applyEnv(config, *env);
        QVERIFY2(st.ok(), qPrintable(st.ok() ? QString() : st.error().toString()));
        const CoreConfig defaults;
        QCOMPARE(config.health.timeoutMs, defaults.health.timeoutMs);
        QCOMPARE(config.circuitBreaker.timeoutMs, defaults.circuitBreaker.timeoutMs);
        QCOMPARE(config.reportCron, defaults.reportCron);
        QCOMPARE(config.brandName, defaults.brandName);
        QCOMPARE(config.notifyRetryDelayMs, defaults.notifyRetryDelayMs);
        for (const char *name : {"MODULE_09_ENDPOINT", "SLACK_WEBHOOK_URL_FILE", "LOG_FORMAT",
                                 "CIRCUIT_BREAKER_TIMEOUT", "ENABLED_06_OCR"})
            QVERIFY2(text.contains(QLatin1Char('#') + QLatin1String(name) + QLatin1Char('=')),
                     name);
    }
};

QTEST_GUILESS_MAIN(TstConfigLoader)
#include "tst_configloader.moc"
