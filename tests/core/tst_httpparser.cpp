// The request parser on its own: what a well-formed request becomes (whole, split at every
// byte, pipelined), and the malformed and hostile requests, each refused with its status.

#include "net/httprequestparser.h"

#include <QTest>

using namespace Switchboard;

namespace {

struct Parsed
{
    HttpRequestParser::State state = HttpRequestParser::State::NeedMore;
    QList<HttpMessage> messages;
    int status = 0;
    QString error;
};

HttpLimits smallLimits()
{
    HttpLimits limits;
    limits.maxHeaderBytes = 2048;
    limits.maxHeaders = 20;
    limits.maxTargetBytes = 512;
    limits.maxBodyBytes = 4096;
    return limits;
}

// Feeds bytes in pieces of step (0: all at once) and takes every request out.
Parsed parse(const QByteArray &bytes, qsizetype step = 0, HttpLimits limits = smallLimits())
{
    HttpRequestParser parser(limits);
    Parsed out;
    const qsizetype piece = step > 0 ? step : std::max<qsizetype>(bytes.size(), 1);
    for (qsizetype at = 0; at < bytes.size() || at == 0; at += piece) {
        parser.feed(bytes.mid(at, piece));
        for (;;) {
            out.state = parser.next();
            if (out.state == HttpRequestParser::State::Complete) {
                out.messages.append(parser.takeMessage());
                continue;
            }
            break;
        }
        if (out.state == HttpRequestParser::State::Failed) {
            out.status = parser.status();
            out.error = parser.error();
            return out;
        }
        if (bytes.isEmpty())
            break;
    }
    return out;
}

// A literal with a NUL inside, all of it (its length from the array, not from strlen).
template<qsizetype N> QByteArray withNul(const char (&text)[N])
{
    return QByteArray(text, N - 1);
}

QByteArray get(const QByteArray &target = "/healthz")
{
    return "GET " + target + " HTTP/1.1\r\nHost: x\r\n\r\n";
}

} // namespace

class TestHttpParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wellFormed_data();
    void wellFormed();
    void pipelinedRequestsComeOutInOrder();
    void malformed_data();
    void malformed();
    void bodyLimitComesFromTheRoute();
    void expectContinueIsAskedOnlyBeforeTheBody();
    void keepAliveFollowsTheVersionAndConnection();
    void webSocketHandshakeIsRecognised();
};

void TestHttpParser::wellFormed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("get") << get() << QByteArray("GET") << QByteArray("/healthz") << QByteArray();
    QTest::newRow("query") << get("/api/v1/executions?limit=5&status=failed") << QByteArray("GET")
                           << QByteArray("/api/v1/executions?limit=5&status=failed")
                           << QByteArray();
    QTest::newRow("post with length")
        << QByteArray("POST /hooks/intake HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n"
                      "{\"score\":9}")
        << QByteArray("POST") << QByteArray("/hooks/intake") << QByteArray("{\"score\":9}");
    QTest::newRow("post, empty body")
        << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        << QByteArray("POST") << QByteArray("/a") << QByteArray();
    QTest::newRow("chunked") << QByteArray(
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
        "5\r\nhello\r\n6;name=value\r\n world\r\n0\r\n\r\n")
                             << QByteArray("POST") << QByteArray("/a") << QByteArray("hello world");
    QTest::newRow("chunked with trailers")
        << QByteArray("PUT /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: Chunked\r\n\r\n"
                      "A\r\n0123456789\r\n0\r\nX-Checksum: 1\r\n\r\n")
        << QByteArray("PUT") << QByteArray("/a") << QByteArray("0123456789");
    QTest::newRow("bare LF line ends") << QByteArray("GET /a HTTP/1.1\nHost: x\n\n")
                                       << QByteArray("GET") << QByteArray("/a") << QByteArray();
    QTest::newRow("empty lines before the request")
        << QByteArray("\r\n\r\n" + get("/b")) << QByteArray("GET") << QByteArray("/b")
        << QByteArray();
    QTest::newRow("absolute form")
        << QByteArray("GET http://core.clinic.lan:8600/api/v1/status HTTP/1.1\r\nHost: x\r\n\r\n")
        << QByteArray("GET") << QByteArray("/api/v1/status") << QByteArray();
    QTest::newRow("HTTP/1.0 without Host")
        << QByteArray("GET /healthz HTTP/1.0\r\n\r\n") << QByteArray("GET")
        << QByteArray("/healthz") << QByteArray();
    QTest::newRow("header whitespace")
        << QByteArray("GET /a HTTP/1.1\r\nHost:\t x \t\r\nX-Empty:\r\n\r\n") << QByteArray("GET")
        << QByteArray("/a") << QByteArray();
    QTest::newRow("repeated equal lengths")
        << QByteArray("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 2\r\n\r\nok")
        << QByteArray("POST") << QByteArray("/a") << QByteArray("ok");
    QTest::newRow("options star") << QByteArray("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n")
                                  << QByteArray("OPTIONS") << QByteArray("*") << QByteArray();
}

void TestHttpParser::wellFormed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, body);
    // Whole, and cut at every possible place: the same request comes out.
    for (qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(2), qsizetype(7)}) {
        const Parsed p = parse(bytes, step);
        QVERIFY2(p.status == 0,
                 qPrintable(QStringLiteral("step %1: %2 %3").arg(step).arg(p.status).arg(p.error)));
        QCOMPARE(p.messages.size(), 1);
        QCOMPARE(p.messages.first().method, method);
        QCOMPARE(p.messages.first().target, target);
        QCOMPARE(p.messages.first().body, body);
    }
}

void TestHttpParser::pipelinedRequestsComeOutInOrder()
{
    const QByteArray bytes = get("/1")
        + "POST /2 HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\n\r\nabc" + get("/3")
        + "POST /4 HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n"
        + "GET /5 HTTP/1.1\r\nHost: x\r\n";
    for (qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(5)}) {
        const Parsed p = parse(bytes, step);
        QCOMPARE(p.status, 0);
        QCOMPARE(p.messages.size(), 4);
        QCOMPARE(p.messages.at(0).target, QByteArray("/1"));
        QCOMPARE(p.messages.at(1).body, QByteArray("abc"));
        QCOMPARE(p.messages.at(2).target, QByteArray("/3"));
        QCOMPARE(p.messages.at(3).body, QByteArray("z"));
        QCOMPARE(p.state, HttpRequestParser::State::NeedMore); // /5 is still arriving
    }
}

void TestHttpParser::malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<int>("status");

    const auto row = [](const char *name, const QByteArray &bytes, int status) {
        QTest::newRow(name) << bytes << status;
    };
    // The request line.
    row("no target", "GET HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("two spaces", "GET  /a HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("trailing space", "GET /a HTTP/1.1 \r\nHost: x\r\n\r\n", 400);
    row("tab separated", "GET\t/a\tHTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("four parts", "GET /a b HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("only a method", "GET\r\n\r\n", 400);
    row("garbage", QByteArray::fromHex("160301020001000001fc0303") + "\r\n\r\n", 400);
    row("lowercase version", "GET /a http/1.1\r\nHost: x\r\n\r\n", 400);
    row("version without minor", "GET /a HTTP/1\r\nHost: x\r\n\r\n", 400);
    row("version letters", "GET /a HTTP/x.y\r\nHost: x\r\n\r\n", 400);
    row("version long", "GET /a HTTP/1.10\r\nHost: x\r\n\r\n", 400);
    row("HTTP/2.0", "GET /a HTTP/2.0\r\nHost: x\r\n\r\n", 505);
    row("HTTP/0.9", "GET /a HTTP/0.9\r\nHost: x\r\n\r\n", 505);
    row("HTTP/3.0", "GET /a HTTP/3.0\r\nHost: x\r\n\r\n", 505);
    row("method with slash", "GE/T /a HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("method with colon", "GET: /a HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("method with NUL", withNul("G\0T /a HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    row("method with brackets", "[GET] /a HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("target without slash", "GET a HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("target star on GET", "GET * HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("target authority form", "CONNECT x:443 HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("target with NUL", withNul("GET /a\0b HTTP/1.1\r\nHost: x\r\n\r\n"), 400);
    row("target with DEL", "GET /a\x7f HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("target with escape", "GET /a\x1b[31m HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("target too long", "GET /" + QByteArray(600, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n", 414);
    row("request line without end", "GET /" + QByteArray(1000, 'a'), 414);
    row("bare CR in request line", "GET /a\rb HTTP/1.1\r\nHost: x\r\n\r\n", 400);
    row("bare CR at line end", "GET /a HTTP/1.1\rHost: x\r\n\r\n", 400);
    // Headers.
    row("no Host on 1.1", "GET /a HTTP/1.1\r\n\r\n", 400);
    row("two Hosts", "GET /a HTTP/1.1\r\nHost: x\r\nHost: y\r\n\r\n", 400);
    row("space before colon", "GET /a HTTP/1.1\r\nHost : x\r\n\r\n", 400);
    row("tab before colon", "GET /a HTTP/1.1\r\nHost\t: x\r\n\r\n", 400);
    row("no colon", "GET /a HTTP/1.1\r\nHost x\r\n\r\n", 400);
    row("empty name", "GET /a HTTP/1.1\r\nHost: x\r\n: y\r\n\r\n", 400);
    row("name with slash", "GET /a HTTP/1.1\r\nHost: x\r\nX/Y: 1\r\n\r\n", 400);
    row("name with quote", "GET /a HTTP/1.1\r\nHost: x\r\n\"X\": 1\r\n\r\n", 400);
    row("name with space", "GET /a HTTP/1.1\r\nHost: x\r\nX Y: 1\r\n\r\n", 400);
    row("name non-ASCII", "GET /a HTTP/1.1\r\nHost: x\r\nX\xc3\xa9: 1\r\n\r\n", 400);
    row("folded line", "GET /a HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n 2\r\n\r\n", 400);
    row("folded with tab", "GET /a HTTP/1.1\r\nHost: x\r\nX-A: 1\r\n\t2\r\n\r\n", 400);
    row("first header folded", "GET /a HTTP/1.1\r\n Host: x\r\n\r\n", 400);
    row("value with NUL", withNul("GET /a HTTP/1.1\r\nHost: x\r\nX: a\0b\r\n\r\n"), 400);
    row("value with bell", "GET /a HTTP/1.1\r\nHost: x\r\nX: a\x07\r\n\r\n", 400);
    row("value with DEL", "GET /a HTTP/1.1\r\nHost: x\r\nX: a\x7f\r\n\r\n", 400);
    row("value with bare CR", "GET /a HTTP/1.1\r\nHost: x\r\nX: a\rb\r\n\r\n", 400);
    row("value with escape", "GET /a HTTP/1.1\r\nHost: x\r\nX: \x1b]0;hi\x07\r\n\r\n", 400);
    row("too many headers",
        "GET /a HTTP/1.1\r\nHost: x\r\n" + QByteArray("X: 1\r\n").repeated(25) + "\r\n", 431);
    row("head too large", "GET /a HTTP/1.1\r\nHost: x\r\nX: " + QByteArray(3000, 'v') + "\r\n\r\n",
        431);
    row("head without end, too large",
        "GET /a HTTP/1.1\r\nHost: x\r\n" + QByteArray("X-Slow: 1\r\n").repeated(300), 431);
    row("one huge header line", "GET /a HTTP/1.1\r\nX: " + QByteArray(5000, 'v'), 431);
    // Framing: lengths and transfer codings.
    row("POST without length", "POST /a HTTP/1.1\r\nHost: x\r\n\r\n{\"a\":1}", 411);
    row("PUT without length", "PUT /a HTTP/1.1\r\nHost: x\r\n\r\n", 411);
    row("PATCH without length", "PATCH /a HTTP/1.1\r\nHost: x\r\n\r\n", 411);
    row("length negative", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400);
    row("length plus", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: +5\r\n\r\nhello", 400);
    row("length hex", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 0x5\r\n\r\nhello", 400);
    row("length words", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: five\r\n\r\n", 400);
    row("length empty", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length:\r\n\r\n", 400);
    row("length fraction", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1.5\r\n\r\nab", 400);
    row("length with space inside", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1 2\r\n\r\n",
        400);
    row("length overflow",
        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n", 400);
    row("lengths differ",
        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc", 400);
    row("length list differs", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 3\r\n\r\nabc",
        400);
    row("length too large", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n", 413);
    row("length huge", "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 999999999999\r\n\r\n", 413);
    row("length and chunked",
        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
        "0\r\n\r\n",
        400);
    row("chunked and length",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n",
        400);
    row("gzip coding", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip\r\n\r\n", 501);
    row("gzip then chunked",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501);
    row("chunked twice",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: "
        "chunked\r\n\r\n",
        501);
    row("chunked misspelt", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunkd\r\n\r\n",
        501);
    row("chunked with junk", "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: xchunked\r\n\r\n",
        501);
    row("chunked on 1.0", "POST /a HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400);
    row("chunk size not hex",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nab\r\n", 400);
    row("chunk size 0x",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0x2\r\nab\r\n", 400);
    row("chunk size negative",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n-2\r\nab\r\n", 400);
    row("chunk size empty",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n\r\nab\r\n", 400);
    row("chunk size overflow",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n",
        400);
    row("chunk size line too long",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1;"
            + QByteArray(2000, 'e'),
        400);
    row("chunk too large",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2000\r\n", 413);
    row("chunks add up too large",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n"
            + QByteArray(0x800, 'a') + "\r\n800\r\n" + QByteArray(0x800, 'b') + "\r\n1\r\n",
        413);
    row("chunk data too long",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n",
        400);
    row("chunk without end",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabXY0\r\n\r\n", 400);
    row("trailers too large",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n"
            + QByteArray("X-T: " + QByteArray(100, 't') + "\r\n").repeated(30),
        431);
    // Expectations.
    row("expect other",
        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nExpect: 200-ok\r\n\r\n", 417);
    row("expect garbage", "GET /a HTTP/1.1\r\nHost: x\r\nExpect: please\r\n\r\n", 417);
    // Smuggling shapes.
    row("CL.TE smuggle",
        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 13\r\nTransfer-Encoding: chunked\r\n\r\n"
        "0\r\n\r\nSMUGGLED",
        400);
    row("TE with space before colon",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding : chunked\r\n\r\n0\r\n\r\n", 400);
    row("TE with vertical tab",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\x0b"
        "chunked\r\n\r\n0\r\n\r\n",
        400);
    row("TE obs-fold",
        "POST /a HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:\r\n chunked\r\n\r\n0\r\n\r\n", 400);
    row("pipelined then broken", get("/ok") + "BROKEN\r\n\r\n", 400);
    row("pipelined then too large",
        get("/ok") + "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 9999\r\n\r\n", 413);
    // Not HTTP at all.
    row("TLS client hello", QByteArray::fromHex("16030100a5010000a10303") + "\r\n\r\n", 400);
    row("SSH banner", "SSH-2.0-OpenSSH_9.2\r\n\r\n", 400);
    row("SMTP", "EHLO clinic.lan\r\n\r\n", 400);
    row("JSON", "{\"type\":\"lead.created\"}\r\n\r\n", 400);
    row("only CRLFs", QByteArray("\r\n").repeated(20), 400);
    row("binary", QByteArray(64, '\xff') + "\r\n\r\n", 400);
    row("HTTP/2 preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 505);
}

void TestHttpParser::malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(int, status);
    for (qsizetype step : {qsizetype(0), qsizetype(1), qsizetype(3)}) {
        const Parsed p = parse(bytes, step);
        QVERIFY2(p.state == HttpRequestParser::State::Failed,
                 qPrintable(QStringLiteral("step %1: not refused (%2 requests)")
                                .arg(step)
                                .arg(p.messages.size())));
        QCOMPARE(p.status, status);
        QVERIFY(!p.error.isEmpty());
    }
}

void TestHttpParser::bodyLimitComesFromTheRoute()
{
    HttpRequestParser parser(smallLimits(), [](const HttpMessage &m) -> qsizetype {
        return m.target.startsWith("/api/v1/workflows/") ? 10000 : 10;
    });
    parser.feed("PUT /api/v1/workflows/w HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"
                + QByteArray(5000, 'w'));
    QCOMPARE(parser.next(), HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeMessage().body.size(), 5000);
    parser.feed("POST /api/v1/events HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\n");
    QCOMPARE(parser.next(), HttpRequestParser::State::Failed);
    QCOMPARE(parser.status(), 413);
    QVERIFY(parser.error().contains(QLatin1String("10 bytes")));
}

void TestHttpParser::expectContinueIsAskedOnlyBeforeTheBody()
{
    HttpRequestParser parser(smallLimits());
    parser.feed("POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-continue\r\n\r\n");
    QCOMPARE(parser.next(), HttpRequestParser::State::NeedMore);
    QVERIFY(parser.wantsContinue());
    parser.continueSent();
    parser.feed("ok");
    QCOMPARE(parser.next(), HttpRequestParser::State::Complete);
    QCOMPARE(parser.takeMessage().body, QByteArray("ok"));

    // The body already on its way: nothing to ask for.
    parser.feed(
        "POST /a HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nExpect: 100-Continue\r\n\r\nok");
    QCOMPARE(parser.next(), HttpRequestParser::State::Complete);
    QVERIFY(!parser.wantsContinue());
    parser.takeMessage();
    // No body: nothing to ask for either.
    parser.feed("GET /a HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\n\r\n");
    QCOMPARE(parser.next(), HttpRequestParser::State::Complete);
    QVERIFY(!parser.wantsContinue());
}

void TestHttpParser::keepAliveFollowsTheVersionAndConnection()
{
    const auto keepAlive = [](const QByteArray &bytes) {
        const Parsed p = parse(bytes);
        return p.messages.value(0).keepAlive();
    };
    QVERIFY(keepAlive(get()));
    QVERIFY(!keepAlive("GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    QVERIFY(!keepAlive("GET / HTTP/1.1\r\nHost: x\r\nConnection: foo, Close\r\n\r\n"));
    QVERIFY(!keepAlive("GET / HTTP/1.0\r\n\r\n"));
    QVERIFY(!keepAlive("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n"));
}

void TestHttpParser::webSocketHandshakeIsRecognised()
{
    const Parsed p = parse("GET /events HTTP/1.1\r\nHost: x\r\nUpgrade: WebSocket\r\n"
                           "Connection: keep-alive, Upgrade\r\nSec-WebSocket-Key: "
                           "dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
    QCOMPARE(p.messages.size(), 1);
    QVERIFY(p.messages.first().isWebSocketUpgrade());
    QVERIFY(p.messages.first().rawHead.startsWith("GET /events HTTP/1.1\r\n"));
    QVERIFY(p.messages.first().rawHead.endsWith("\r\n\r\n"));
    QVERIFY(!parse("POST /events HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: "
                   "Upgrade\r\nContent-Length: 0\r\n\r\n")
                 .messages.first()
                 .isWebSocketUpgrade());
    QVERIFY(!parse("GET /events HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n\r\n")
                 .messages.first()
                 .isWebSocketUpgrade());
}

QTEST_GUILESS_MAIN(TestHttpParser)
#include "tst_httpparser.moc"
