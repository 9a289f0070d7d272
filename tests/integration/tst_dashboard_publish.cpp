#include "captureserver.h"
#include "report/s3uploader.h"
#include "report/sigv4.h"
#include "testsupport.h"

#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrlQuery>

using namespace TestSupport;
using namespace Switchboard;

namespace {

const QString Bucket = QStringLiteral("aigent-dashboards");
const QByteArray Token = "publish-test-token-0123456789";

} // namespace

// The seed's dashboard publishing (§6, Tests 1 and 4): switchboard-core with
// DASHBOARD_STORAGE=s3 uploads the report to a real S3-compatible server on loopback (s3rver,
// from tests/tools), and its pre-signed link is links.dashboard_html and the Slack message's
// dashboard link. The upload's signature (libcurl's CURLOPT_AWS_SIGV4) is held to the signer
// that AWS's test vectors check (tst_sigv4).
class TstDashboardPublish : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_s3;
    quint16 m_s3Port = 0;
    SimProcess m_sim;
    CaptureServer m_slack;
    CoreProcess m_core {m_dir.path(), Token};

    bool startCore(const QString &extra)
    {
        return m_core.start(
            QStringLiteral("BRAND_NAME=\"Sunrise Clinic\"\nHEALTH_CHECK_TIMEOUT_MS=1500\n"
                           "HEALTH_CHECK_RETRY_DELAY_MS=100\nTIMEZONE=UTC\n"
                           "SLACK_WEBHOOK_URL=\"%1\"\n"
                           "DASHBOARD_STORAGE=\"s3\"\nS3_DASHBOARD_BUCKET=\"%2\"\n"
                           "S3_REGION=\"us-east-1\"\nS3_ENDPOINT=\"http://127.0.0.1:%3\"\n"
                           "SIGNED_URL_TTL_SECONDS=\"900\"\n")
                .arg(m_slack.url(QStringLiteral("/services/T0/B0/publish")), Bucket)
                .arg(m_s3Port)
                .toUtf8()
            + simEndpointsEnv(m_sim.base()).toUtf8() + extra.toUtf8());
    }

    QJsonObject runTest()
    {
        return request("POST", m_core.api(QStringLiteral("/api/v1/control")),
                       R"({"action":"test"})", m_core.auth(), 60000)
            .json();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString tools = QStringLiteral(SWITCHBOARD_SOURCE_DIR "/tests/tools");
        QVERIFY2(QFile::exists(tools + QStringLiteral("/node_modules/s3rver/package.json")),
                 "s3rver is not installed: run the tests through scripts/test");
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("s3"))));
        m_s3.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_s3.start(
            QStringLiteral("node"),
            {tools + QStringLiteral("/s3server.js"), m_dir.filePath(QStringLiteral("s3")), Bucket});
        const QString up = waitForLine(m_s3, QStringLiteral("listening"));
        QVERIFY2(!up.isEmpty(), "s3rver did not start");
        m_s3Port = quint16(up.section(QLatin1Char(' '), 1).toUInt());
        QVERIFY(m_s3Port);
        QVERIFY2(m_sim.start(), "switchboard-sim did not start");
    }

    void cleanupTestCase()
    {
        m_core.stop();
        m_s3.closeWriteChannel();
        if (!m_s3.waitForFinished(5000))
            m_s3.kill();
    }

    // What libcurl sends is what AWS's vectors say a signature is.
    void theUploadIsSignedAsAwsDefinesIt()
    {
        CaptureServer s3;
        DashboardPublishing target;
        target.storage = QStringLiteral("s3");
        target.bucket = Bucket;
        target.region = QStringLiteral("eu-west-3");
        target.endpoint = QUrl(s3.url(QString()));
        target.accessKeyId = QStringLiteral("AKIDEXAMPLE");
        target.secretAccessKey = QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        S3Uploader uploader;
        std::optional<Status> done;
        const QByteArray body = "<!doctype html><title>Report</title>";
        uploader.put(target, QStringLiteral("manager-dashboard/dashboard_2026-12-03_07-00.html"),
                     body, "text/html; charset=utf-8", [&](Status st) { done = st; });
        QTRY_VERIFY_WITH_TIMEOUT(done.has_value(), 15000);
        QVERIFY2(done->ok(), qPrintable(done->ok() ? QString() : done->error().message));
        QCOMPARE(s3.requests.size(), 1);
        const CaptureServer::Captured &put = s3.requests.at(0);
        QCOMPARE(put.method, QByteArray("PUT"));
        QCOMPARE(put.path,
                 QStringLiteral("/aigent-dashboards/manager-dashboard/"
                                "dashboard_2026-12-03_07-00.html"));
        QCOMPARE(put.body, body);
        QCOMPARE(put.header("x-amz-content-sha256"), SigV4::sha256Hex(body));

        // Recompute the signature over the headers it says it signed.
        static const QRegularExpression parts(
            QStringLiteral("^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/(\\d{8})/eu-west-3/s3/"
                           "aws4_request, SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$"));
        const auto m = parts.match(QString::fromLatin1(put.header("Authorization")));
        QVERIFY2(m.hasMatch(), put.header("Authorization").constData());
        SigV4::Headers signedHeaders;
        for (const QString &name : m.captured(2).split(QLatin1Char(';')))
            signedHeaders.append({name.toLatin1(), put.header(name.toLatin1())});
        QVERIFY(m.captured(2).contains(QLatin1String("host")));
        QVERIFY(m.captured(2).contains(QLatin1String("x-amz-content-sha256")));
        const QDateTime time = QDateTime::fromString(QString::fromLatin1(put.header("x-amz-date")),
                                                     QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
        QVERIFY(time.isValid());
        const QByteArray expected = SigV4::authorization(
            "PUT", QUrl(s3.url(put.path)), signedHeaders, SigV4::sha256Hex(body),
            {target.accessKeyId, target.secretAccessKey}, {target.region, QStringLiteral("s3")},
            QDateTime(time.date(), time.time(), Qt::UTC));
        QCOMPARE(put.header("Authorization"), expected);
    }

    // Test 1 and Test 4: the run answers with the published link; anyone with it reads the
    // report until it expires; Slack's message carries it.
    void theReportGoesToS3AndItsLinkEverywhere()
    {
        QVERIFY2(
            startCore(QStringLiteral("AWS_ACCESS_KEY_ID=S3RVER\nAWS_SECRET_ACCESS_KEY=S3RVER\n")),
            qPrintable(m_core.log()));
        QCOMPARE(post(m_sim.control(QStringLiteral("/faults")),
                      R"({"module":"02_booking","mode":"down"})")
                     .status,
                 200);
        const QJsonObject doc = runTest();
        const QString link = doc.value(QLatin1String("links"))
                                 .toObject()
                                 .value(QLatin1String("dashboard_html"))
                                 .toString();
        QVERIFY2(!link.isEmpty(), QJsonDocument(doc).toJson().constData());
        const QUrl url(link);
        QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
        static const QRegularExpression key(
            QStringLiteral("^/aigent-dashboards/manager-dashboard/"
                           "dashboard_\\d{4}-\\d\\d-\\d\\d_\\d\\d-\\d\\d\\.html$"));
        QVERIFY2(key.match(url.path()).hasMatch(), qPrintable(url.path()));
        const QUrlQuery query(url);
        QCOMPARE(query.queryItemValue(QStringLiteral("X-Amz-Expires")), QStringLiteral("900"));
        QVERIFY(query.queryItemValue(QStringLiteral("X-Amz-Credential"), QUrl::FullyDecoded)
                    .startsWith(QLatin1String("S3RVER/")));

        // The object is there, and the link opens it.
        const HttpResult page = get(link);
        QCOMPARE(page.status, 200);
        QVERIFY(page.body.contains("Sunrise Clinic"));
        QVERIFY(page.body.contains("Consult Booking"));
        // The alert's Slack message links the same report.
        QVERIFY(m_slack.waitFor(1, 20000));
        const QString text = m_slack.requests.last().json().value(QLatin1String("text")).toString();
        QVERIFY2(text.endsWith(QStringLiteral("\nDashboard: ") + link), qPrintable(text));
        QCOMPARE(post(m_sim.control(QStringLiteral("/faults")),
                      R"({"module":"02_booking","mode":"none"})")
                     .status,
                 200);
        m_core.stop();
    }

    // S3 refuses the upload (an unknown key): the run still answers, with no link and the
    // reason, and nothing pretends the report is published.
    void aRefusedUploadIsReportedNotLinked()
    {
        QVERIFY2(startCore(QStringLiteral("AWS_ACCESS_KEY_ID=NOBODY\nAWS_SECRET_ACCESS_KEY=x\n")),
                 qPrintable(m_core.log()));
        const QJsonObject doc = runTest();
        QVERIFY(doc.value(QLatin1String("links"))
                    .toObject()
                    .value(QLatin1String("dashboard_html"))
                    .isNull());
        const QString error = doc.value(QLatin1String("metadata"))
                                  .toObject()
                                  .value(QLatin1String("dashboard_error"))
                                  .toString();
        QVERIFY2(error.contains(QLatin1String("HTTP 403"))
                     && error.contains(QLatin1String("InvalidAccessKeyId")),
                 qPrintable(error));
        m_core.stop();
        QVERIFY(!m_core.log().contains(QLatin1String("AWS_SECRET_ACCESS_KEY=x")));
    }
};

QTEST_GUILESS_MAIN(TstDashboardPublish)
#include "tst_dashboard_publish.moc"
