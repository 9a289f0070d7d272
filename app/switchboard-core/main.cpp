// switchboard-core: the orchestration core, headless, serving the HTTP API.
#include "audit/auditlog.h"
#include "common/clock.h"
#include "config/configloader.h"
#include "health/healthrules.h"
#include "modules/modulecatalog.h"
#include "service/coreservice.h"
#include "store/database.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QLoggingCategory>
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
            "Where executions are kept: an SQLite file (default <data>/switchboard.db)."),
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
    parser.addOptions(
        {listen, data, config, envFile, store, reportDir, demo, quiet, verifyAudit, checkConfig});
    parser.process(app);

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
    options.dataDir = parser.isSet(data)
        ? parser.value(data)
        : QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    const ConfigLoader::EnvMap environment = ConfigLoader::processEnvironment();
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
    if (parser.isSet(store)) {
        QString url = parser.value(store);
        if (url.startsWith(QLatin1String("postgresql:"))
            || url.startsWith(QLatin1String("postgres:"))) {
            std::fprintf(stderr,
                         "switchboard-core: --store: the shared PostgreSQL store is not available "
                         "in this version; use an SQLite file\n");
            return ConfigErrorExit;
        }
        if (url.startsWith(QLatin1String("sqlite:")))
            url = url.mid(7);
        options.storePath = url;
    }

    if (parser.isSet(verifyAudit))
        return verifyAuditLog(CoreService::databasePath(options));

    auto all = ConfigLoader::loadAll(parser.value(config), parser.value(envFile), environment);
    if (!all) {
        std::fprintf(stderr, "switchboard-core: configuration refused: %s\n",
                     qPrintable(all.error().toString()));
        return ConfigErrorExit;
    }
    if (parser.isSet(checkConfig))
        return printConfiguration(*all);
    for (const QString &warning : std::as_const(all->warnings))
        std::fprintf(stderr, "switchboard-core: warning: %s\n", qPrintable(warning));
    const CoreConfig *loaded = &all->config;
    if (!options.demo && !loaded->anyModuleConfigured()) {
        std::fprintf(stderr,
                     "switchboard-core: no module endpoints are configured; the status will report "
                     "them missing (use --env-file, --config or --demo)\n");
    }
    if (!options.listenAddress.isLoopback())
        std::fprintf(stderr,
                     "switchboard-core: warning: the API listens beyond this machine on %s\n",
                     qPrintable(options.listenAddress.toString()));

    SystemClock clock;
    CoreService core(*loaded, clock, options);
    const Status started = core.start();
    if (!started) {
        std::fprintf(stderr, "switchboard-core: cannot start: %s\n",
                     qPrintable(started.error().toString()));
        return 1;
    }
    std::printf("switchboard-core: listening on http://%s:%u\n",
                qPrintable(options.listenAddress.toString()), core.apiPort());
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
