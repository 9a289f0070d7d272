#include "report/sigv4.h"

#include <QTest>
#include <QUrlQuery>

using namespace Switchboard;

namespace {

QDateTime at(const char *iso)
{
    return QDateTime::fromString(QString::fromLatin1(iso), Qt::ISODate);
}

const QByteArray EmptyHash =
    QByteArrayLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

} // namespace

// AWS Signature Version 4 held to AWS's published examples, byte for byte: the signature test
// suite (docs.aws.amazon.com/general/latest/gr/signature-v4-test-suite.html) and the S3
// examples of header and query-string authentication (AmazonS3/latest/API/
// sig-v4-header-based-auth.html, sigv4-query-string-auth.html).
class TstSigV4 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // The 2011 test suite's "get-vanilla-query-order-key" request: repeated keys sorted by value.
    void testSuiteCanonicalRequestStringAndSignature()
    {
        const QUrl url(QStringLiteral("http://host.foo.com/?foo=Zoo&foo=aha"));
        const SigV4::Headers headers {{"Date", "Mon, 09 Sep 2011 23:36:00 GMT"},
                                      {"Host", "host.foo.com"}};
        const QByteArray request = SigV4::canonicalRequest("GET", url, headers, EmptyHash);
        QCOMPARE(request,
                 QByteArray("GET\n/\nfoo=Zoo&foo=aha\ndate:Mon, 09 Sep 2011 23:36:00 "
                            "GMT\nhost:host.foo.com\n\ndate;host\n")
                     + EmptyHash);
        const QDateTime time = at("2011-09-09T23:36:00Z");
        const SigV4::Scope scope {QStringLiteral("us-east-1"), QStringLiteral("host")};
        const QByteArray toSign = SigV4::stringToSign(time, scope, request);
        QCOMPARE(toSign,
                 QByteArray("AWS4-HMAC-SHA256\n20110909T233600Z\n20110909/us-east-1/"
                            "host/aws4_request\ne25f777ba161a0f1baf778a87faf057187cf598"
                            "7f17953320e3ca399feb5f00d"));
        QCOMPARE(SigV4::signature({QStringLiteral("AKIDEXAMPLE"),
                                   QStringLiteral("wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")},
                                  time, scope, toSign),
                 QByteArray("be7148d34ebccdc6423b19085378aa0bee970bdc61d144bd1a8c48c33079ab09"));
    }

    // The S3 guide's GET Object example: host, range, x-amz-content-sha256 and x-amz-date.
    void s3GetObjectAuthorizationHeader()
    {
        const QUrl url(QStringLiteral("https://examplebucket.s3.amazonaws.com/test.txt"));
        const SigV4::Headers headers {{"Host", "examplebucket.s3.amazonaws.com"},
                                      {"Range", "bytes=0-9"},
                                      {"x-amz-content-sha256", EmptyHash},
                                      {"x-amz-date", "20130524T000000Z"}};
        QCOMPARE(SigV4::authorization("GET", url, headers, EmptyHash,
                                      {QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
                                       QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")},
                                      {QStringLiteral("us-east-1"), QStringLiteral("s3")},
                                      at("2013-05-24T00:00:00Z")),
                 QByteArray("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/"
                            "s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;"
                            "x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba"
                            "48dd91039c6036bdb41"));
    }

    // The S3 guide's pre-signed URL example: GET test.txt for 86400 s.
    void s3PresignedUrl()
    {
        const QUrl link = SigV4::presign(
            "GET", QUrl(QStringLiteral("https://examplebucket.s3.amazonaws.com/test.txt")),
            {QStringLiteral("AKIAIOSFODNN7EXAMPLE"),
             QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")},
            {QStringLiteral("us-east-1"), QStringLiteral("s3")}, at("2013-05-24T00:00:00Z"), 86400);
        QCOMPARE(link.toString(QUrl::FullyEncoded),
                 QStringLiteral("https://examplebucket.s3.amazonaws.com/test.txt"
                                "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                                "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2F"
                                "s3%2Faws4_request"
                                "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"
                                "&X-Amz-SignedHeaders=host"
                                "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265"
                                "957d157751f604d404"));
    }

    // A key with a space and a port that is not the scheme's: both part of what is signed.
    void pathsAndPortsAreSignedAsSent()
    {
        const SigV4::Credentials keys {QStringLiteral("AKIDEXAMPLE"), QStringLiteral("secret")};
        const SigV4::Scope scope {QStringLiteral("us-east-1"), QStringLiteral("s3")};
        const QDateTime time = at("2026-12-03T07:00:00Z");
        const QUrl a = SigV4::presign(
            "GET", QUrl(QStringLiteral("http://127.0.0.1:9000/bucket/manager dashboard/x.html")),
            keys, scope, time, 3600);
        QVERIFY(a.toString(QUrl::FullyEncoded).contains(QLatin1String("/manager%20dashboard/")));
        const QUrl b = SigV4::presign(
            "GET", QUrl(QStringLiteral("http://127.0.0.1:9001/bucket/manager dashboard/x.html")),
            keys, scope, time, 3600);
        QVERIFY(QUrlQuery(a).queryItemValue(QStringLiteral("X-Amz-Signature"))
                != QUrlQuery(b).queryItemValue(QStringLiteral("X-Amz-Signature")));
        QCOMPARE(SigV4::canonicalRequest("GET", QUrl(QStringLiteral("http://h/a b/c~d")),
                                         {{"Host", "h"}}, EmptyHash)
                     .split('\n')
                     .at(1),
                 QByteArray("/a%20b/c~d"));
    }
};

QTEST_GUILESS_MAIN(TstSigV4)
#include "tst_sigv4.moc"
