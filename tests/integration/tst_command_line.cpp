#include "store/database.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTemporaryDir>

using namespace TestSupport;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

// Runs one of the programs to its end with this environment (nothing else of the test's).
Run run(const char *program, const QStringList &args, const QProcessEnvironment &env,
        int timeoutMs = 30000)
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(binary(program), args);
    Run r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// What a server gives a service: a PATH and a HOME, no display, no session bus.
QProcessEnvironment serverEnvironment(const QString &home)
{
    QProcessEnvironment env;
    env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
    env.insert(QStringLiteral("HOME"), home);
    return env;
}

} // namespace

// The programs as an administrator meets them on a server: help without a display, the
// configuration checked as the specification writes it, HIPAA_MODE's refusals, TLS, and log
// lines journald and log shippers can read.
class TstCommandLine : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString write(const QString &name, const QByteArray &contents)
    {
        QFile f(m_dir.filePath(name));
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(name));
        f.write(contents);
        return f.fileName();
    }

private Q_SLOTS:
    void helpAndVersionNeedNoDisplay()
    {
        const QProcessEnvironment env = serverEnvironment(m_dir.path());
        const Run version = run("switchboard", {QStringLiteral("--version")}, env);
        QCOMPARE(version.exitCode, 0);
        QVERIFY2(version.out.startsWith(QLatin1String("switchboard ")), qPrintable(version.err));
        const Run help = run("switchboard", {QStringLiteral("--help")}, env);
        QCOMPARE(help.exitCode, 0);
        QVERIFY(help.out.contains(QLatin1String("--screenshot")));
        const Run coreHelp = run("switchboard-core", {QStringLiteral("--help")}, env);
        QCOMPARE(coreHelp.exitCode, 0);
        QVERIFY(coreHelp.out.contains(QLatin1String("--check-config")));
    }

    // The seed's env block and troubleshooting lines as written: accepted, each setting named
    // with where it came from, a typo named with its nearest known variable.
    void checkConfigReadsTheSpecificationAsWritten()
    {
        QFile seed(QFINDTESTDATA("data/seed000-env-block.env"));
        QVERIFY(seed.open(QIODevice::ReadOnly));
        const QString env =
            write(QStringLiteral("clinic.env"), seed.readAll() + "ERORR_THRESHOLD=3\n");
        QProcessEnvironment environment = serverEnvironment(m_dir.path());
        environment.insert(QStringLiteral("BRAND_NAME"), QStringLiteral("Sunrise Clinic"));
        const Run r =
            run("switchboard-core",
                {QStringLiteral("--env-file"), env, QStringLiteral("--check-config")}, environment);
        QCOMPARE(r.exitCode, 0);
        const auto line = [&](const QString &name) {
            for (const QString &l : r.out.split(QLatin1Char('\n'))) {
                if (l.startsWith(name + QLatin1Char(' ')))
                    return l.simplified();
            }
            return QString();
        };
        QCOMPARE(line(QStringLiteral("CIRCUIT_BREAKER_TIMEOUT")),
                 QStringLiteral("CIRCUIT_BREAKER_TIMEOUT 120000 %1:111").arg(env));
        QCOMPARE(line(QStringLiteral("HEALTH_CHECK_TIMEOUT_MS")),
                 QStringLiteral("HEALTH_CHECK_TIMEOUT_MS 30000 %1:109").arg(env));
        QCOMPARE(line(QStringLiteral("BRAND_NAME")),
                 QStringLiteral("BRAND_NAME Sunrise Clinic environment"));
        QCOMPARE(line(QStringLiteral("SLACK_WEBHOOK_URL")).section(QLatin1Char(' '), 1, 3),
                 QStringLiteral("(set, hidden) %1:41").arg(env));
        QCOMPARE(line(QStringLiteral("SLOW_RESPONSE_MS")),
                 QStringLiteral("SLOW_RESPONSE_MS 3000 default"));
        QVERIFY(r.out.contains(QLatin1String("GOOGLE_SHEET_ID: not applicable")));
        // The seed's ALERT_EMAIL and S3 publishing name what they still need.
        QVERIFY2(r.out.contains(QLatin1String("SMTP_URL: required because ALERT_EMAIL is set")),
                 qPrintable(r.out));
        QVERIFY(r.out.contains(
            QLatin1String("AWS_ACCESS_KEY_ID: required because DASHBOARD_STORAGE=s3 is set")));
        QVERIFY2(r.err.contains(QLatin1String("unknown variable ERORR_THRESHOLD is ignored; did "
                                              "you mean ERROR_THRESHOLD?")),
                 qPrintable(r.err));
    }

    void aBadValueIsRefusedNamingTheLine()
    {
        const QString env =
            write(QStringLiteral("bad.env"),
                  "BRAND_NAME=\"Clinic\"\nCIRCUIT_BREAKER_TIMEOUT=\"120\"  // ms\n");
        for (const QString &mode : {QStringLiteral("--check-config"), QStringLiteral("--quiet")}) {
            const Run r = run("switchboard-core",
                              {QStringLiteral("--env-file"), env, mode, QStringLiteral("--data"),
                               m_dir.filePath(QStringLiteral("bad-data")),
                               QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")},
                              serverEnvironment(m_dir.path()));
            QCOMPARE(r.exitCode, 2); // RestartPreventExitStatus=2 in the unit
            QVERIFY2(r.err.contains(env + QStringLiteral(":2: CIRCUIT_BREAKER_TIMEOUT")),
                     qPrintable(r.err));
            QVERIFY(r.err.contains(QLatin1String("120ms is out of range")));
        }
    }

    // HIPAA_MODE (on by default) refuses to serve patient data beyond this machine in the
    // clear; with a certificate, the same address is served over HTTPS.
    void hipaaModeWantsTlsBeyondThisMachine()
    {
        const QProcessEnvironment env = serverEnvironment(m_dir.path());
        QProcessEnvironment plainModule = env;
        plainModule.insert(QStringLiteral("MODULE_02_ENDPOINT"),
                           QStringLiteral("http://10.1.2.3/webhook/consult-booking"));
        const Run refused = run("switchboard-core",
                                {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                                 QStringLiteral("--data"), m_dir.filePath(QStringLiteral("h1"))},
                                plainModule);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(QLatin1String("HIPAA_MODE is on")), qPrintable(refused.err));
        // Each module reached over plain http beyond this machine is named.
        QVERIFY2(refused.err.contains(QLatin1String("module 02_booking is reached over plain "
                                                    "http at 10.1.2.3")),
                 qPrintable(refused.err));
        // The dashboard's bucket and the n8n API, with their keys, are not reached in the
        // clear either, even from loopback.
        QProcessEnvironment plainS3 = env;
        plainS3.insert(QStringLiteral("DASHBOARD_STORAGE"), QStringLiteral("s3"));
        plainS3.insert(QStringLiteral("S3_DASHBOARD_BUCKET"), QStringLiteral("clinic-reports"));
        plainS3.insert(QStringLiteral("S3_ENDPOINT"), QStringLiteral("http://10.1.2.4:9000"));
        const Run s3 = run("switchboard-core",
                           {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                            QStringLiteral("--data"), m_dir.filePath(QStringLiteral("h3"))},
                           plainS3);
        QCOMPARE(s3.exitCode, 2);
        QVERIFY2(s3.err.contains(QLatin1String("S3_ENDPOINT 10.1.2.4 is plain http")),
                 qPrintable(s3.err));

        const QString key = m_dir.filePath(QStringLiteral("api.key"));
        const QString cert = m_dir.filePath(QStringLiteral("api.crt"));
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                                   {QStringLiteral("req"), QStringLiteral("-x509"),
                                    QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                    QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                                    QStringLiteral("-out"), cert, QStringLiteral("-days"),
                                    QStringLiteral("2"), QStringLiteral("-subj"),
                                    QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                                    QStringLiteral("subjectAltName=IP:127.0.0.1")}),
                 0);
        QProcess core;
        core.setProcessEnvironment(env);
        core.start(binary("switchboard-core"),
                   {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--data"), m_dir.filePath(QStringLiteral("h2")),
                    QStringLiteral("--tls-cert"), cert, QStringLiteral("--tls-key"), key});
        const QString line = waitForLine(core, QStringLiteral("listening on"));
        QVERIFY2(line.contains(QLatin1String("https://127.0.0.1:")), qPrintable(line));
        const quint16 port = quint16(line.section(QLatin1Char(':'), -1).toUInt());
        // The fingerprint a console asks its user to compare (trust on first use).
        const QString fingerprint = waitForLine(core, QStringLiteral("fingerprint"));
        const QSslCertificate certificate = QSslCertificate::fromPath(cert).value(0);
        QVERIFY2(fingerprint.contains(QString::fromLatin1(
                     certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper())),
                 qPrintable(fingerprint));

        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(QStringLiteral("https://127.0.0.1:%1/healthz").arg(port)));
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(cert));
        request.setSslConfiguration(ssl);
        QNetworkReply *reply = network.get(request);
        QTRY_VERIFY_WITH_TIMEOUT(reply->isFinished(), 15000);
        QCOMPARE(reply->error(), QNetworkReply::NoError); // the certificate checked, not ignored
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        reply->deleteLater();
        core.terminate();
        QVERIFY(core.waitForFinished(10000));
    }

    // --workflow publishes at start, once: a restart with the same file makes no new version;
    // a broken file stops the start naming it (exit 2, as a bad configuration).
    void workflowFilesArePublishedAtStart()
    {
        QProcessEnvironment env = serverEnvironment(m_dir.path());
        env.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"),
                   QStringLiteral("workflow-test-token-0123"));
        const QString data = m_dir.filePath(QStringLiteral("wf"));
        const QString file = QFINDTESTDATA("data/hello-workflow.json");
        const auto versions = [&] {
            QProcess core;
            core.setProcessEnvironment(env);
            core.start(binary("switchboard-core"),
                       {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                        QStringLiteral("--data"), data, QStringLiteral("--workflow"), file});
            const QString line = waitForLine(core, QStringLiteral("listening on"));
            const quint16 port = quint16(line.section(QLatin1Char(':'), -1).toUInt());
            const QJsonArray list =
                get(QStringLiteral("http://127.0.0.1:%1/api/v1/workflows/hello/versions").arg(port),
                    {{"Authorization", "Bearer workflow-test-token-0123"}})
                    .json()
                    .value(QLatin1String("versions"))
                    .toArray();
            core.terminate();
            core.waitForFinished(10000);
            return list.size();
        };
        QCOMPARE(versions(), 1);
        QCOMPARE(versions(), 1);
        const QString broken = write(QStringLiteral("broken.json"),
                                     R"({"id": "broken", "name": "B", "trigger": {"kind": "manual"},
                                         "nodes": [{"id": "start", "type": "trigger"}], "edges": []})");
        const Run refused = run("switchboard-core",
                                {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                 QStringLiteral("--data"), m_dir.filePath(QStringLiteral("wf2")),
                                 QStringLiteral("--workflow"), broken},
                                env);
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains(broken), qPrintable(refused.err));
    }

    // A clinic's own core gets the built-in templates when asked, as drafts: nothing runs
    // before a person has looked at it and published it; asked again, nothing is overwritten.
    void templatesAreInstalledAsDraftsWhenAsked()
    {
        QProcessEnvironment env = serverEnvironment(m_dir.path());
        env.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"),
                   QStringLiteral("template-test-token-0123"));
        const QString data = m_dir.filePath(QStringLiteral("templates"));
        const auto workflows = [&](bool install) {
            QProcess core;
            core.setProcessEnvironment(env);
            QStringList args {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--data"), data};
            if (install)
                args << QStringLiteral("--install-templates");
            core.start(binary("switchboard-core"), args);
            const QString line = waitForLine(core, QStringLiteral("listening on"));
            const quint16 port = quint16(line.section(QLatin1Char(':'), -1).toUInt());
            QHash<QString, int> latest;
            for (const QJsonValue w :
                 get(QStringLiteral("http://127.0.0.1:%1/api/v1/workflows").arg(port),
                     {{"Authorization", "Bearer template-test-token-0123"}})
                     .json()
                     .value(QLatin1String("workflows"))
                     .toArray())
                latest.insert(w[QLatin1String("id")].toString(),
                              w[QLatin1String("latest_version")].toInt());
            core.terminate();
            core.waitForFinished(10000);
            return latest;
        };
        QVERIFY(workflows(false).isEmpty());
        const QHash<QString, int> installed = workflows(true);
        QCOMPARE(installed.size(),
                 int(QDir(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../resources/templates"))
                         .entryList({QStringLiteral("*.json")})
                         .size()));
        QVERIFY(installed.contains(QStringLiteral("new-patient-onboarding")));
        for (auto it = installed.begin(); it != installed.end(); ++it)
            QVERIFY2(it.value() == 0, qPrintable(it.key())); // a draft, never published
        QCOMPARE(workflows(true), installed);
    }

    // At set-up the first admin is added from the command line, the password on standard
    // input; the running core then lets that person log in.
    void theFirstAdminIsAddedFromTheCommandLine()
    {
        const QProcessEnvironment env = serverEnvironment(m_dir.path());
        const QString data = m_dir.filePath(QStringLiteral("people"));
        const auto addUser = [&](const QStringList &more, const QByteArray &input) {
            QProcess p;
            p.setProcessEnvironment(env);
            p.start(binary("switchboard-core"),
                    QStringList {QStringLiteral("--data"), data, QStringLiteral("--add-user")}
                        + more);
            p.write(input);
            p.closeWriteChannel();
            Run r;
            if (p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit)
                r.exitCode = p.exitCode();
            r.out = QString::fromUtf8(p.readAllStandardOutput());
            r.err = QString::fromUtf8(p.readAllStandardError());
            return r;
        };
        const QStringList maria {QStringLiteral("maria"), QStringLiteral("--display-name"),
                                 QStringLiteral("María Gómez")};
        const Run weak = addUser(maria, "short\n");
        QCOMPARE(weak.exitCode, 1);
        QVERIFY2(weak.err.contains(QStringLiteral("password")), qPrintable(weak.err));
        const Run badRole =
            addUser({QStringLiteral("jorge"), QStringLiteral("--role"), QStringLiteral("owner")},
                    "a fine long passphrase\n");
        QCOMPARE(badRole.exitCode, 1);
        QVERIFY(badRole.err.contains(QStringLiteral("--role")));
        const Run added = addUser(maria, "a fine long passphrase\n");
        QCOMPARE(added.exitCode, 0);
        QVERIFY2(added.out.contains(QStringLiteral("added maria (admin)")), qPrintable(added.err));
        QCOMPARE(addUser(maria, "a fine long passphrase\n").exitCode, 1); // already there

        QProcess core;
        QProcessEnvironment coreEnv = env;
        coreEnv.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"),
                       QStringLiteral("people-test-token-0123"));
        core.setProcessEnvironment(coreEnv);
        core.start(binary("switchboard-core"),
                   {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--data"), data});
        const QString line = waitForLine(core, QStringLiteral("listening on"));
        const quint16 port = quint16(line.section(QLatin1Char(':'), -1).toUInt());
        QVERIFY(port != 0);
        // The data folder is the running core's now.
        const Run locked = addUser({QStringLiteral("jorge")}, "a fine long passphrase\n");
        QCOMPARE(locked.exitCode, 1);

        const HttpResult session =
            post(QStringLiteral("http://127.0.0.1:%1/api/v1/login").arg(port),
                 R"({"name":"maria","password":"a fine long passphrase"})");
        QCOMPARE(session.status, 200);
        const QByteArray token = session.json().value(QLatin1String("token")).toString().toLatin1();
        const HttpResult me = get(QStringLiteral("http://127.0.0.1:%1/api/v1/me").arg(port),
                                  {{"Authorization", "Bearer " + token}});
        QCOMPARE(me.json().value(QLatin1String("display_name")).toString(),
                 QStringLiteral("María Gómez"));
        QCOMPARE(me.json().value(QLatin1String("role")).toString(), QStringLiteral("admin"));
        core.terminate();
        QVERIFY(core.waitForFinished(10000));
    }

    // An n8n export converts from the command line (workflows on standard output, the report
    // on standard error) and through the API, the same way; nothing is saved until asked.
    void n8nExportsConvertFromTheCommandLineAndTheApi()
    {
        QProcessEnvironment env = serverEnvironment(m_dir.path());
        const QString file =
            QStringLiteral(QT_TESTCASE_SOURCEDIR "/data/n8n/clinic-lead-follow-up.json");
        const Run cli = run("switchboard-core", {QStringLiteral("--import-n8n"), file}, env);
        QCOMPARE(cli.exitCode, 1); // a placeholder is left to replace
        const QJsonArray workflows = QJsonDocument::fromJson(cli.out.toUtf8()).array();
        QCOMPARE(workflows.size(), 3);
        QVERIFY2(cli.err.contains(QStringLiteral("NOT MAPPED: \"Send Email\"")),
                 qPrintable(cli.err));
        QVERIFY(cli.err.contains(QStringLiteral("1 problem(s)")));
        QCOMPARE(run("switchboard-core",
                     {QStringLiteral("--import-n8n"), QStringLiteral("/nonexistent.json")}, env)
                     .exitCode,
                 2);

        env.insert(QStringLiteral("SWITCHBOARD_ADMIN_TOKEN"),
                   QStringLiteral("import-test-token-0123"));
        QProcess core;
        core.setProcessEnvironment(env);
        core.start(binary("switchboard-core"),
                   {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                    QStringLiteral("--data"), m_dir.filePath(QStringLiteral("import"))});
        const QString line = waitForLine(core, QStringLiteral("listening on"));
        const QString base =
            QStringLiteral("http://127.0.0.1:%1").arg(line.section(QLatin1Char(':'), -1).toUInt());
        const QList<QPair<QByteArray, QByteArray>> admin {
            {"Authorization", "Bearer import-test-token-0123"}};
        QFile source(file);
        QVERIFY(source.open(QIODevice::ReadOnly));
        const QByteArray exported = source.readAll();
        const auto answer = post(base + QStringLiteral("/api/v1/import/n8n"), exported, admin);
        QCOMPARE(answer.status, 200);
        const QJsonObject json = answer.json();
        QCOMPARE(json.value("workflows").toArray(), workflows); // the same as the command line
        const QJsonArray problems =
            json.value("problems").toObject().value("lead-follow-up-webhook").toArray();
        QCOMPARE(problems.size(), 1);
        QCOMPARE(problems.first().toObject().value("node").toString(),
                 QStringLiteral("send_email"));
        QVERIFY(json.value("problems")
                    .toObject()
                    .value("lead-follow-up-every-morning-rule-1")
                    .toArray()
                    .isEmpty());
        // Nothing was saved.
        QVERIFY(get(base + QStringLiteral("/api/v1/workflows"), admin)
                    .json()
                    .value("workflows")
                    .toArray()
                    .isEmpty());
        const auto refused =
            post(base + QStringLiteral("/api/v1/import/n8n"), R"({"nodes": []})", admin);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.json().value("field").toString(), QStringLiteral("connections"));
        QCOMPARE(post(base + QStringLiteral("/api/v1/import/n8n"), exported).status, 401);
        core.terminate();
        QVERIFY(core.waitForFinished(10000));
    }

    // A core killed (kill -9, a power cut) leaves its lock behind; the next start reads the
    // whole file before trusting it, and refuses a damaged one naming the last good backup. A
    // clean stop removes the lock, and the next start does not read every page.
    void aDamagedFileIsRefusedAfterAnUncleanStop()
    {
        const QProcessEnvironment env = serverEnvironment(m_dir.path());
        const QString data = m_dir.filePath(QStringLiteral("damaged"));
        const QString path = QDir(data).filePath(QStringLiteral("switchboard.db"));
        const QStringList args = {QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                  QStringLiteral("--data"), data};
        const auto startCore = [&](QProcess &core) {
            core.setProcessEnvironment(env);
            core.start(binary("switchboard-core"), args);
            return !waitForLine(core, QStringLiteral("listening on")).isEmpty();
        };
        {
            QProcess core;
            QVERIFY(startCore(core)); // makes the file and today's backup
            core.terminate(); // SIGTERM, as systemd stops a service: a clean stop
            QVERIFY(core.waitForFinished(10000));
            QCOMPARE(core.exitStatus(), QProcess::NormalExit);
            QCOMPARE(core.exitCode(), 0);
            QVERIFY(!QFile::exists(path + QStringLiteral(".lock")));
        }
        {
            // Pages no start reads: a table of its own at the end of the file.
            Switchboard::Database db;
            QVERIFY(db.open(path).ok());
            QVERIFY(db.run("CREATE TABLE filler (x)").ok());
            for (int i = 0; i < 300; ++i)
                QVERIFY(db.run("INSERT INTO filler VALUES (randomblob(1000))").ok());
        }
        const auto damage = [&] {
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.seek(file.size() - 2 * 4096 + 10); // a page header of the filler table
            file.write(QByteArray(200, '\x5a'));
        };
        const QByteArray intact = [&] {
            QFile file(path);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }();

        // After a clean stop the damage goes unread at start (the daily backup reads it all).
        damage();
        {
            QProcess core;
            QVERIFY(startCore(core));
            core.terminate();
            QVERIFY(core.waitForFinished(10000));
        }

        // kill -9: the lock stays behind, and the next start checks every page.
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(intact);
        }
        {
            QProcess core;
            QVERIFY(startCore(core));
            core.kill();
            QVERIFY(core.waitForFinished(10000));
        }
        QVERIFY(QFile::exists(path + QStringLiteral(".lock")));
        damage();
        const Run refused = run("switchboard-core", args, env);
        QVERIFY(refused.exitCode != 0);
        QVERIFY2(refused.err.contains(QLatin1String("quick_check")), qPrintable(refused.err));
        QVERIFY2(refused.err.contains(QDir(data).filePath(QStringLiteral("backups/switchboard-"))),
                 qPrintable(refused.err));
    }

    // LOG_FORMAT=json: one JSON object a line, with a level; under systemd each line starts
    // with its syslog priority.
    void logLinesCarryALevelAndATime()
    {
        QProcessEnvironment env = serverEnvironment(m_dir.path());
        env.insert(QStringLiteral("LOG_FORMAT"), QStringLiteral("json"));
        env.insert(QStringLiteral("JOURNAL_STREAM"), QStringLiteral("8:12345"));
        env.insert(QStringLiteral("HEALTH_CHECK_TIMOUT_MS"), QStringLiteral("5000")); // a typo
        const Run r = run("switchboard-core",
                          {QStringLiteral("--listen"), QStringLiteral("0.0.0.0:0"),
                           QStringLiteral("--data"), m_dir.filePath(QStringLiteral("logs"))},
                          env);
        QCOMPARE(r.exitCode, 2);
        const QStringList lines = r.err.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QVERIFY(lines.size() >= 2);
        for (const QString &line : lines) {
            QVERIFY2(line.startsWith(QLatin1String("<4>")) || line.startsWith(QLatin1String("<3>")),
                     qPrintable(line));
            const QJsonObject o = QJsonDocument::fromJson(line.mid(3).toUtf8()).object();
            QVERIFY2(!o.value(QLatin1String("ts")).toString().isEmpty(), qPrintable(line));
            QVERIFY(!o.value(QLatin1String("level")).toString().isEmpty());
        }
        QVERIFY(r.err.contains(QLatin1String("did you mean HEALTH_CHECK_TIMEOUT_MS?")));
    }
};

QTEST_GUILESS_MAIN(TstCommandLine)
#include "tst_command_line.moc"
