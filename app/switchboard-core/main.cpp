// switchboard-core: the orchestration core, headless, serving the HTTP API.
#include "adduser.h"
#include "audit/auditlog.h"
#include "common/clock.h"
#include "common/logformat.h"
#include "common/logging.h"
#include "config/configloader.h"
#include "health/healthrules.h"
#include "migratestore.h"
#include "modules/modulecatalog.h"
#include "service/coreservice.h"
#include "service/stopsignals.h"
#include "sim/simdemoclinic.h"
#include "store/database.h"
#include "store/postgresdatabase.h"
#include "workflow/expressionengine.h"
#include "workflow/n8nimport.h"
#include "workflow/workflowvalidator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslKey>
#include <QStandardPaths>
#include <cstdio>

using namespace Switchboard;

namespace {

// A refused configuration: the unit's RestartPreventExitStatus=, so systemd does not loop.
constexpr int ConfigErrorExit = 2;

const char *statusMark(ModuleStatus status)
{
    switch (status) {
    case ModuleStatus::Healthy:
        return "✓";
    case ModuleStatus::Degraded:
        return "!";
    case ModuleStatus::Down:
        return "✕";
    case ModuleStatus::Disabled:
        return "–";
    case ModuleStatus::Unknown:
        break;
    }
    return "?";
}

// One line per module, for an operator watching a terminal (scripts/demo without a display).
void printStatus(const CoreService &core)
{
    const SystemOverview overview = core.overview();
    std::printf("\n%s  System health: %s  (%lld alerts)\n",
                qPrintable(QDateTime::currentDateTime().toString(QStringLiteral("HH:mm:ss"))),
                qPrintable(toWire(overview.health)),
                static_cast<long long>(overview.alerts.size()));
    for (const ModuleSnapshot &s : core.modules()) {
        const ModuleInfo *info = ModuleCatalog::find(s.id);
        const QString response =
            s.responseMs >= 0 ? QStringLiteral("%1 ms").arg(s.responseMs) : QStringLiteral("—");
        std::printf("  %s %-27s %-9s %8s  errors %-4d feed %-4s %s\n", statusMark(s.status()),
                    qPrintable(info ? info->numberText() + QLatin1Char(' ') + info->name() : s.id),
                    qPrintable(toWire(s.status())), qPrintable(response), s.errors24h,
                    s.feedConnected ? "on" : "off",
                    qPrintable(HealthRules::reasonText(s.assessment, false)));
    }
    std::fflush(stdout);
}

bool parseListen(const QString &text, CoreOptions &options)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0)
        return false;
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (host == QLatin1String("localhost"))
        host = QStringLiteral("127.0.0.1");
    const QHostAddress address(host);
    if (!ok || port > 65535 || address.isNull())
        return false;
    options.listenAddress = address;
    options.listenPort = quint16(port);
    return true;
}

// --import-n8n: the converted workflow(s) as JSON on standard output (one object, or a list
// when the export has several triggers), the report on standard error. Exit 0 when every
// node mapped, 1 when placeholders are left to replace, 2 when the file is not an n8n export.
int importN8n(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        std::fprintf(stderr, "switchboard-core: --import-n8n: cannot read %s: %s\n",
                     qPrintable(path), qPrintable(file.errorString()));
        return ConfigErrorExit;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        std::fprintf(stderr, "switchboard-core: --import-n8n: %s is not JSON: %s at character %d\n",
                     qPrintable(path), qPrintable(error.errorString()), int(error.offset));
        return ConfigErrorExit;
    }
    auto converted = N8nImport::convert(doc.object());
    if (!converted) {
        std::fprintf(stderr, "switchboard-core: --import-n8n: %s: %s\n", qPrintable(path),
                     qPrintable(converted.error().toString()));
        return ConfigErrorExit;
    }
    const QJsonDocument out = converted->workflows.size() == 1
        ? QJsonDocument(converted->workflows.first())
        : QJsonDocument(converted->toJson().value(QLatin1String("workflows")).toArray());
    std::fputs(out.toJson(QJsonDocument::Indented).constData(), stdout);
    for (const QString &line : std::as_const(converted->mapped))
        std::fprintf(stderr, "mapped: %s\n", qPrintable(line));
    for (const QString &line : std::as_const(converted->unmapped))
        std::fprintf(stderr, "NOT MAPPED: %s\n", qPrintable(line));
    ExpressionEngine expressions;
    WorkflowValidator validator(expressions);
    int problems = 0;
    for (const QJsonObject &w : std::as_const(converted->workflows)) {
        for (const WorkflowIssue &issue : validator.validate(w)) {
            std::fprintf(stderr, "problem in %s: %s\n",
                         qPrintable(w.value(QLatin1String("id")).toString()),
                         qPrintable(issue.toString()));
            ++problems;
        }
    }
    std::fprintf(stderr,
                 "%d workflow(s), %d node(s) not mapped, %d problem(s) to fix before "
                 "publishing\n",
                 int(converted->workflows.size()), int(converted->unmapped.size()), problems);
    return problems == 0 ? 0 : 1;
}

// --check-config: every setting, its value (secrets hidden) and where it came from.
int printConfiguration(const ConfigLoader::Loaded &loaded)
{
    int width = 0;
    for (const ConfigLoader::SettingSource &s : loaded.settings)
        width = std::max(width, int(s.name.size()));
    std::printf("%-*s  %-40s  %s\n", width, "SETTING", "VALUE", "FROM");
    for (const ConfigLoader::SettingSource &s : loaded.settings)
        std::printf("%-*s  %-40s  %s\n", width, qPrintable(s.name), qPrintable(s.value),
                    qPrintable(s.origin));
    if (!loaded.notes.isEmpty()) {
        std::printf("\nRecognised, read elsewhere or not used:\n");
        for (const QString &note : loaded.notes)
            std::printf("  %s\n", qPrintable(note));
    }
    const auto missing = loaded.config.missingRequired();
    if (!missing.isEmpty()) {
        std::printf("\nMissing (the status will report them):\n");
        for (const CoreConfig::MissingSetting &m : missing)
            std::printf("  %s: %s\n", qPrintable(m.variable), qPrintable(m.reason));
    }
    for (const QString &warning : loaded.warnings)
        std::fprintf(stderr, "warning: %s\n", qPrintable(warning));
    std::printf("\nThe configuration is valid%s.\n",
                loaded.warnings.isEmpty() ? "" : " (see the warnings)");
    return 0;
}

// The API's certificate (PEM, the chain after it) and its private key (PEM, RSA or EC).
Result<QSslConfiguration> loadTls(const QString &certPath, const QString &keyPath)
{
    const QList<QSslCertificate> chain = QSslCertificate::fromPath(certPath, QSsl::Pem);
    if (chain.isEmpty())
        return makeError(QStringLiteral("%1 holds no PEM certificate").arg(certPath),
                         QStringLiteral("--tls-cert"));
    QFile file(keyPath);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(QStringLiteral("cannot read %1: %2").arg(keyPath, file.errorString()),
                         QStringLiteral("--tls-key"));
    const QByteArray pem = file.readAll();
    QSslKey key(pem, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(pem, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return makeError(
            QStringLiteral("%1 holds no unencrypted PEM private key (RSA or EC)").arg(keyPath),
            QStringLiteral("--tls-key"));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificateChain(chain);
    tls.setPrivateKey(key);
    tls.setPeerVerifyMode(QSslSocket::VerifyNone); // clients authenticate with bearer tokens
    return tls;
}

// HIPAA_MODE: patient data never crosses a network in the clear. Returns why the core must not
// start, or empty; warns about each module reached over plain http beyond this machine.
QString hipaaProblems(const CoreConfig &config, const CoreOptions &options)
{
    if (!config.hipaaMode)
        return {};
    const auto plainBeyondThisMachine = [](const QUrl &url) {
        const QHostAddress host(url.host());
        const bool local =
            url.host() == QLatin1String("localhost") || (!host.isNull() && host.isLoopback());
        return url.scheme() == QLatin1String("http") && !local;
    };
    for (const ModuleConfig &m : config.modules) {
        if (m.enabled && plainBeyondThisMachine(m.endpoint))
            qCWarning(lcConfig).noquote()
                << "HIPAA_MODE: module" << m.id << "is reached over plain http at"
                << m.endpoint.host() << "- use https beyond this machine";
    }
    // The report and the pre-signed link are the clinic's figures; keys travel with them.
    if (config.publishing.toS3() && plainBeyondThisMachine(config.publishing.endpoint))
        return QStringLiteral("HIPAA_MODE is on and S3_ENDPOINT %1 is plain http beyond this "
                              "machine: use https")
            .arg(config.publishing.endpoint.host());
    if (plainBeyondThisMachine(config.n8n.apiBase))
        return QStringLiteral("HIPAA_MODE is on and N8N_API_BASE %1 is plain http beyond this "
                              "machine, with the API token: use https")
            .arg(config.n8n.apiBase.host());
    if (plainBeyondThisMachine(config.tracing.otlpEndpoint))
        qCWarning(lcConfig).noquote()
            << "HIPAA_MODE: spans go to" << config.tracing.otlpEndpoint.host()
            << "over plain http (they carry ids only, no patient data)";
    if (!options.listenAddress.isLoopback() && options.tls.isNull())
        return QStringLiteral("HIPAA_MODE is on and --listen %1 reaches beyond this machine "
                              "without TLS: give --tls-cert and --tls-key, or listen on "
                              "127.0.0.1 behind a TLS proxy")
            .arg(options.listenAddress.toString());
    return {};
}

int verifyAuditLog(const QString &path)
{
    if (path == QLatin1String(":memory:") || !QFileInfo::exists(path)) {
        std::fprintf(stderr, "switchboard-core: --verify-audit: no database at %s\n",
                     qPrintable(path));
        return 1;
    }
    Database db;
    if (Status opened = db.open(path); !opened) {
        std::fprintf(stderr, "switchboard-core: --verify-audit: %s\n",
                     qPrintable(opened.error().toString()));
        return 1;
    }
    auto checked = AuditLog::verify(db);
    if (!checked) {
        std::fprintf(stderr, "switchboard-core: the audit log in %s is broken: %s\n",
                     qPrintable(path), qPrintable(checked.error().message));
        return 1;
    }
    std::printf("switchboard-core: the audit log in %s is intact: %lld entries, each chained to "
                "the one before\n",
                qPrintable(path), static_cast<long long>(*checked));
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("switchboard-core"));
    QCoreApplication::setOrganizationName(QStringLiteral("switchboard"));
    QCoreApplication::setApplicationVersion(QStringLiteral(SWITCHBOARD_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Switchboard's orchestration core, headless."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QStringLiteral("Address of the HTTP API (default 127.0.0.1:8600; port 0 picks one)."),
        QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8600"));
    const QCommandLineOption data(
        QStringLiteral("data"),
        QStringLiteral("Data directory (default: the user's application data folder)."),
        QStringLiteral("dir"));
    const QCommandLineOption config(QStringLiteral("config"),
                                    QStringLiteral("JSON configuration file."),
                                    QStringLiteral("file"));
    const QCommandLineOption envFile(
        QStringLiteral("env-file"),
        QStringLiteral(
            "Environment file with the specification's variables (MODULE_01_ENDPOINT, …)."),
        QStringLiteral("file"));
    const QCommandLineOption store(
        QStringLiteral("store"),
        QStringLiteral(
            "Where everything is kept: an SQLite file (default <data>/switchboard.db), or a "
            "PostgreSQL database shared by several cores (postgresql://user@host/db; the "
            "password in PGPASSWORD or ~/.pgpass)."),
        QStringLiteral("url"));
    const QCommandLineOption reportDir(
        QStringLiteral("report-dir"),
        QStringLiteral(
            "Write the dashboard report into this folder at REPORT_CRON (default 07:00)."),
        QStringLiteral("dir"));
    const QCommandLineOption demo(
        QStringLiteral("demo"),
        QStringLiteral("Run the demo clinic: a simulated fleet of the nine modules, with a live "
                       "status in the terminal."));
    const QCommandLineOption quiet(QStringLiteral("quiet"),
                                   QStringLiteral("Do not print the live module status."));
    const QCommandLineOption verifyAudit(
        QStringLiteral("verify-audit"),
        QStringLiteral("Check the audit log's hash chain in the data folder's database, say what "
                       "was found and exit (0: intact, 1: broken or unreadable). Safe while the "
                       "core runs."));
    const QCommandLineOption checkConfig(
        QStringLiteral("check-config"),
        QStringLiteral("Print every setting with its value and where it came from, warn about "
                       "unknown variables, and exit (2 when the configuration is refused)."));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QStringLiteral("Serve the API over HTTPS with this PEM certificate (and chain)."),
        QStringLiteral("file"));
    const QCommandLineOption tlsKey(QStringLiteral("tls-key"),
                                    QStringLiteral("The PEM private key of --tls-cert."),
                                    QStringLiteral("file"));
    const QCommandLineOption workflow(
        QStringLiteral("workflow"),
        QStringLiteral("Publish this workflow (JSON) at start unless its latest version is the "
                       "same; may be given more than once."),
        QStringLiteral("file"));
    const QCommandLineOption installTemplates(
        QStringLiteral("install-templates"),
        QStringLiteral("Save the built-in workflow templates as drafts, unless a workflow of the "
                       "same id exists; an admin reviews and publishes them (builder or API)."));
    const QCommandLineOption envTemplate(
        QStringLiteral("env-template"),
        QStringLiteral("Print an environment file with every setting, commented out with its "
                       "default, and exit."));
    const QCommandLineOption importN8nOption(
        QStringLiteral("import-n8n"),
        QStringLiteral("Convert an n8n workflow export: the Switchboard workflow(s) as JSON on "
                       "standard output, what mapped and what did not on standard error; exit "
                       "1 when placeholders are left to replace."),
        QStringLiteral("file"));
    const QCommandLineOption addUserOption(
        QStringLiteral("add-user"),
        QStringLiteral("Add a person who logs in (the first admin at set-up), with --role and "
                       "--display-name; the password is read from standard input. The core "
                       "must not be running on this data folder."),
        QStringLiteral("name"));
    const QCommandLineOption roleOption(
        QStringLiteral("role"),
        QStringLiteral("With --add-user: viewer, support, manager or admin (default admin)."),
        QStringLiteral("role"), QStringLiteral("admin"));
    const QCommandLineOption displayNameOption(
        QStringLiteral("display-name"),
        QStringLiteral("With --add-user: the name the console shows (default the log-in name)."),
        QStringLiteral("text"));
    const QCommandLineOption migrateStoreOption(
        QStringLiteral("migrate-store"),
        QStringLiteral("Copy the SQLite store (sqlite:///path) whole into an empty PostgreSQL "
                       "store given as the argument after it (postgresql://user@host/db; the "
                       "password in PGPASSWORD or ~/.pgpass), checking every table and the "
                       "audit chain. The core must be stopped."),
        QStringLiteral("from"));
    parser.addOptions(
        {listen,          data,          config,     envFile,           store,
         reportDir,       demo,          quiet,      verifyAudit,       checkConfig,
         envTemplate,     tlsCert,       tlsKey,     workflow,          installTemplates,
         importN8nOption, addUserOption, roleOption, displayNameOption, migrateStoreOption});
    parser.addPositionalArgument(QStringLiteral("to"),
                                 QStringLiteral("With --migrate-store: the PostgreSQL store."),
                                 QStringLiteral("[to]"));
    parser.process(app);
    if (parser.isSet(migrateStoreOption)) {
        if (parser.positionalArguments().size() != 1) {
            std::fprintf(stderr,
                         "switchboard-core: --migrate-store FROM TO: give the PostgreSQL "
                         "store after the SQLite one\n");
            return ConfigErrorExit;
        }
        return migrateStore(parser.value(migrateStoreOption), parser.positionalArguments().first());
    }
    if (!parser.positionalArguments().isEmpty()) {
        std::fprintf(stderr, "switchboard-core: unexpected argument \"%s\" (see --help)\n",
                     qPrintable(parser.positionalArguments().first()));
        return ConfigErrorExit;
    }
    const ConfigLoader::EnvMap environment = ConfigLoader::processEnvironment();
    // Every line gets a level and a time from here on (journald's priority under systemd);
    // LOG_FORMAT=json switches to JSON once the configuration is read.
    const bool journald = environment.contains(QStringLiteral("JOURNAL_STREAM"));
    LogFormat::install(LogFormat::Style::Text, journald);

    if (parser.isSet(importN8nOption))
        return importN8n(parser.value(importN8nOption));
    if (parser.isSet(envTemplate)) {
        std::fputs(qPrintable(ConfigLoader::envTemplate()), stdout);
        return 0;
    }
    CoreOptions options;
    if (!parseListen(parser.value(listen), options)) {
        std::fprintf(
            stderr,
            "switchboard-core: --listen: expected host:port such as 127.0.0.1:8600, got \"%s\"\n",
            qPrintable(parser.value(listen)));
        return ConfigErrorExit;
    }
    options.listen = true;
    options.demo = parser.isSet(demo);
    options.templateDrafts = parser.isSet(installTemplates);
    options.demoClinic = [](const Clock &clock) {
        return std::make_unique<SimDemoClinic>(clock);
    };
    options.dataDir = parser.isSet(data)
        ? parser.value(data)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    if (parser.isSet(tlsCert) != parser.isSet(tlsKey)) {
        qCCritical(lcConfig) << "give --tls-cert and --tls-key together";
        return ConfigErrorExit;
    }
    if (parser.isSet(tlsCert)) {
        auto tls = loadTls(parser.value(tlsCert), parser.value(tlsKey));
        if (!tls) {
            qCCritical(lcConfig).noquote()
                << tls.error().field + QStringLiteral(":") << tls.error().message;
            return ConfigErrorExit;
        }
        options.tls = *tls;
    }
    const auto adminToken =
        ConfigLoader::secretVariable(environment, QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"));
    const auto tokens =
        ConfigLoader::secretVariable(environment, QStringLiteral("SWITCHBOARD_TOKENS"));
    for (const auto *secret : {&adminToken, &tokens}) {
        if (!*secret) {
            std::fprintf(stderr, "switchboard-core: %s: %s\n", qPrintable(secret->error().field),
                         qPrintable(secret->error().message));
            return ConfigErrorExit;
        }
    }
    options.adminTokenFromEnv = *adminToken;
    // More people: SWITCHBOARD_TOKENS="<token>=support:ana,<token>=viewer" (a role, and who).
    for (const QString &entry : tokens->split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString token = entry.section(QLatin1Char('='), 0, 0).trimmed();
        if (token.size() < 16 || !entry.contains(QLatin1Char('='))) {
            std::fprintf(stderr,
                         "switchboard-core: SWITCHBOARD_TOKENS: each entry is <token of 16 "
                         "characters or more>=<role>[:<name>]\n");
            return ConfigErrorExit;
        }
        options.tokens.insert(token, entry.section(QLatin1Char('='), 1).trimmed());
    }
    options.reportDir = parser.value(reportDir);
    options.workflowFiles = parser.values(workflow);
    if (parser.isSet(store)) {
        QString url = parser.value(store);
        if (url.startsWith(QLatin1String("postgres:")))
            url.replace(0, 9, QStringLiteral("postgresql:"));
        if (url.startsWith(QLatin1String("postgresql:"))) {
            if (auto address = PostgresDatabase::parse(url); !address) {
                std::fprintf(stderr, "switchboard-core: --store: %s\n",
                             qPrintable(address.error().toString()));
                return ConfigErrorExit;
            }
        } else if (url.startsWith(QLatin1String("sqlite:")))
            url = url.mid(7);
        options.storePath = url;
    }

    if (parser.isSet(verifyAudit))
        return verifyAuditLog(CoreService::databasePath(options));
    if (parser.isSet(addUserOption))
        return addUser(CoreService::databasePath(options), parser.value(addUserOption),
                       parser.value(roleOption), parser.value(displayNameOption));

    auto all = ConfigLoader::loadAll(parser.value(config), parser.value(envFile), environment);
    if (!all) {
        qCCritical(lcConfig).noquote() << "configuration refused:" << all.error().toString();
        return ConfigErrorExit;
    }
    if (parser.isSet(checkConfig))
        return printConfiguration(*all);
    if (all->config.logFormat == QLatin1String("json"))
        LogFormat::install(LogFormat::Style::Json, journald);
    for (const QString &warning : std::as_const(all->warnings))
        qCWarning(lcConfig).noquote() << warning;
    const CoreConfig *loaded = &all->config;
    options.configuredIn = ConfigLoader::configuredIn(*all);
    if (!options.demo && !loaded->anyModuleConfigured())
        qCWarning(lcConfig) << "no module endpoints are configured; the status will report them "
                               "missing (use --env-file, --config or --demo)";
    if (const QString refused = hipaaProblems(*loaded, options); !refused.isEmpty()) {
        qCCritical(lcConfig).noquote() << refused;
        return ConfigErrorExit;
    }
    if (!options.listenAddress.isLoopback())
        qCWarning(lcConfig).noquote()
            << "the API listens beyond this machine on" << options.listenAddress.toString()
            << (options.tls.isNull() ? "without TLS" : "over TLS");

    // Installed before the start, so a stop asked for while starting is kept until the loop runs.
    StopSignals stopSignals;
    QObject::connect(&stopSignals, &StopSignals::stopRequested, &app, [](const QString &name) {
        qCInfo(lcService).noquote() << name << "received: stopping";
        QCoreApplication::quit();
    });
    SystemClock clock;
    CoreService core(*loaded, clock, options);
    const Status started = core.start();
    if (!started) {
        qCCritical(lcService).noquote() << "cannot start:" << started.error().toString();
        // A bad --workflow file is the command line's fault: no restart would help.
        return started.error().field == QLatin1String("--workflow") ? ConfigErrorExit : 1;
    }
    std::printf("switchboard-core: listening on %s://%s:%u\n",
                options.tls.isNull() ? "http" : "https",
                qPrintable(options.listenAddress.toString()), core.apiPort());
    // What a console shows the first time it meets a self-signed certificate, to compare.
    if (!options.tls.isNull())
        std::printf(
            "switchboard-core: certificate SHA-256 fingerprint %s\n",
            qPrintable(
                QString::fromLatin1(
                    options.tls.localCertificate().digest(QCryptographicHash::Sha256).toHex(':'))
                    .toUpper()));
    if (core.createdAdminToken())
        std::printf("switchboard-core: created an admin token in %s (readable by you only)\n",
                    qPrintable(core.adminTokenPath()));
    else if (!core.adminTokenPath().isEmpty())
        std::printf("switchboard-core: admin token in %s\n", qPrintable(core.adminTokenPath()));
    std::fflush(stdout);

    if (options.demo && !parser.isSet(quiet)) {
        // The live table says it all; per-module log lines would only interleave with it.
        QLoggingCategory::setFilterRules(
            QStringLiteral("switchboard.health.info=false\nswitchboard.feed.info=false"));
        QObject::connect(&core, &CoreService::overviewChanged, &core,
                         [&core] { printStatus(core); });
    }
    return app.exec();
}
