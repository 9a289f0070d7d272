#include "net/httprequestparser.h"

namespace Switchboard {

namespace {

// RFC 9110 token characters (methods and header names).
bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '.':
    case '^':
    case '_':
    case '`':
    case '|':
    case '~':
        return true;
    default:
        return false;
    }
}

bool isToken(const QByteArray &text)
{
    return !text.isEmpty() && std::all_of(text.begin(), text.end(), isTokenChar);
}

// Field values: visible characters, spaces, tabs and obs-text; no other control characters.
bool isFieldValue(const QByteArray &text)
{
    return std::none_of(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t') || u == 0x7f;
    });
}

QByteArray trimmedOws(const QByteArray &text)
{
    qsizetype from = 0;
    qsizetype to = text.size();
    while (from < to && (text.at(from) == ' ' || text.at(from) == '\t'))
        ++from;
    while (to > from && (text.at(to - 1) == ' ' || text.at(to - 1) == '\t'))
        --to;
    return text.mid(from, to - from);
}

bool isDigits(const QByteArray &text)
{
    return !text.isEmpty()
        && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

constexpr qsizetype MaxChunkLine = 1024;

} // namespace

QByteArray HttpMessage::header(const QByteArray &name) const
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

bool HttpMessage::keepAlive() const
{
    if (minorVersion == 0)
        return false;
    for (const auto &[key, value] : headers) {
        if (key.compare("Connection", Qt::CaseInsensitive) != 0)
            continue;
        for (const QByteArray &option : value.split(',')) {
            if (trimmedOws(option).compare("close", Qt::CaseInsensitive) == 0)
                return false;
        }
    }
    return true;
}

bool HttpMessage::isWebSocketUpgrade() const
{
    if (method != "GET" || header("Upgrade").compare("websocket", Qt::CaseInsensitive) != 0)
        return false;
    for (const QByteArray &option : header("Connection").split(',')) {
        if (trimmedOws(option).compare("upgrade", Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

HttpRequestParser::HttpRequestParser(HttpLimits limits,
                                     std::function<qsizetype(const HttpMessage &)> bodyLimit)
    : m_limits(limits)
    , m_bodyLimit(std::move(bodyLimit))
{
}

void HttpRequestParser::feed(const QByteArray &bytes)
{
    if (m_phase == Phase::Failed)
        return;
    m_buffer.append(bytes);
}

bool HttpRequestParser::inRequest() const
{
    return m_phase != Phase::Head || m_pos < m_buffer.size();
}

HttpMessage HttpRequestParser::takeMessage()
{
    HttpMessage done = std::move(m_message);
    m_message = {};
    m_phase = Phase::Head;
    m_leadingLines = 0;
    compact();
    return done;
}

void HttpRequestParser::compact()
{
    if (m_pos > 0 && (m_pos >= m_buffer.size() || m_pos > 64 * 1024)) {
        m_buffer.remove(0, m_pos);
        m_scanFrom = m_scanFrom < 0 ? -1 : std::max<qsizetype>(m_scanFrom - m_pos, 0);
        m_firstLineEnd = m_firstLineEnd < 0 ? -1 : m_firstLineEnd - m_pos;
        m_pos = 0;
    }
}

HttpRequestParser::State HttpRequestParser::fail(int status, QString message)
{
    m_phase = Phase::Failed;
    m_status = status;
    m_error = std::move(message);
    m_buffer.clear();
    m_pos = 0;
    m_scanFrom = m_firstLineEnd = -1;
    return State::Failed;
}

bool HttpRequestParser::takeLine(QByteArray &line, qsizetype maxLength, bool &tooLong)
{
    tooLong = false;
    // From where the last search stopped: a line that trickles in costs linear time.
    const qsizetype end = m_buffer.indexOf('\n', std::max(m_scanFrom, m_pos));
    if (end < 0) {
        m_scanFrom = m_buffer.size();
        tooLong = m_buffer.size() - m_pos > maxLength;
        return false;
    }
    m_scanFrom = -1;
    qsizetype length = end - m_pos;
    if (length > 0 && m_buffer.at(end - 1) == '\r')
        --length;
    if (length > maxLength) {
        tooLong = true;
        return false;
    }
    line = m_buffer.mid(m_pos, length);
    m_pos = end + 1;
    return true;
}

HttpRequestParser::State HttpRequestParser::next()
{
    for (;;) {
        switch (m_phase) {
        case Phase::Failed:
            return State::Failed;
        case Phase::Done:
            return State::Complete;
        case Phase::Head: {
            const State s = parseHead();
            if (s != State::Complete)
                return s;
            if (m_phase == Phase::Head) // the head is complete and there is no body
                m_phase = Phase::Done;
            break;
        }
        case Phase::Body: {
            const qsizetype take = std::min(m_remaining, m_buffer.size() - m_pos);
            m_message.body.append(m_buffer.constData() + m_pos, take);
            m_pos += take;
            m_remaining -= take;
            compact();
            if (m_remaining > 0)
                return State::NeedMore;
            m_phase = Phase::Done;
            break;
        }
        case Phase::ChunkSize:
        case Phase::ChunkData:
        case Phase::ChunkEnd:
        case Phase::Trailers: {
            const State s = parseChunks();
            if (s != State::Complete)
                return s;
            m_phase = Phase::Done;
            break;
        }
        }
    }
}

HttpRequestParser::State HttpRequestParser::parseHead()
{
    // Empty lines before a request line are ignored (RFC 9112 2.2), a few of them.
    for (; m_leadingLines < 4 && m_pos < m_buffer.size(); ++m_leadingLines) {
        if (m_buffer.at(m_pos) == '\n')
            ++m_pos;
        else if (m_buffer.at(m_pos) == '\r' && m_pos + 1 < m_buffer.size()
                 && m_buffer.at(m_pos + 1) == '\n')
            m_pos += 2;
        else
            break;
    }
    compact();
    // Where the head ends: a line end followed by an empty line. The search goes on from where
    // the last one stopped, so a head that trickles in byte by byte costs linear time.
    qsizetype end = -1;
    if (m_firstLineEnd >= 0 && m_firstLineEnd < m_pos)
        m_firstLineEnd = -1; // it was an empty line before the request, skipped since
    qsizetype nl = m_buffer.indexOf('\n', std::max(m_scanFrom, m_pos));
    for (; nl >= 0; nl = m_buffer.indexOf('\n', nl + 1)) {
        if (m_firstLineEnd < 0)
            m_firstLineEnd = nl;
        if (nl + 1 >= m_buffer.size() || (m_buffer.at(nl + 1) == '\r' && nl + 2 >= m_buffer.size()))
            break; // undecided until more bytes come: look at this line end again
        if (m_buffer.at(nl + 1) == '\n') {
            end = nl + 2;
            break;
        }
        if (m_buffer.at(nl + 1) == '\r' && m_buffer.at(nl + 2) == '\n') {
            end = nl + 3;
            break;
        }
        if (nl - m_pos > m_limits.maxHeaderBytes)
            break;
    }
    m_scanFrom = nl >= 0 ? nl : m_buffer.size();
    if (end < 0) {
        if (m_firstLineEnd < 0 && m_buffer.size() - m_pos > m_limits.maxTargetBytes + 32)
            return fail(414,
                        QStringLiteral("the request line is longer than %1 bytes")
                            .arg(m_limits.maxTargetBytes + 32));
        if (m_buffer.size() - m_pos > m_limits.maxHeaderBytes)
            return fail(431,
                        QStringLiteral("the request headers are larger than %1 bytes")
                            .arg(m_limits.maxHeaderBytes));
        return State::NeedMore;
    }
    if (end - m_pos > m_limits.maxHeaderBytes)
        return fail(431,
                    QStringLiteral("the request headers are larger than %1 bytes")
                        .arg(m_limits.maxHeaderBytes));

    m_scanFrom = -1;
    m_firstLineEnd = -1;
    const QByteArray head = m_buffer.mid(m_pos, end - m_pos);
    m_message = {};
    m_message.rawHead = head;
    m_pos = end;
    QList<QByteArray> lines = head.split('\n');
    lines.removeLast(); // after the last line end
    lines.removeLast(); // the empty line
    for (QByteArray &line : lines) {
        if (line.endsWith('\r'))
            line.chop(1);
        if (line.contains('\r'))
            return fail(400, QStringLiteral("a bare CR in the request head"));
    }

    const QList<QByteArray> parts = lines.first().split(' ');
    if (parts.size() != 3)
        return fail(400,
                    QStringLiteral("malformed request line: expected \"METHOD /path "
                                   "HTTP/1.1\""));
    m_message.method = parts.at(0);
    if (!isToken(m_message.method))
        return fail(400, QStringLiteral("malformed request method"));
    const QByteArray &version = parts.at(2);
    if (version.size() != 8 || !version.startsWith("HTTP/") || version.at(6) != '.'
        || !isDigits(version.mid(5, 1)) || !isDigits(version.mid(7, 1)))
        return fail(400, QStringLiteral("malformed HTTP version"));
    if (version.at(5) != '1')
        return fail(505, QStringLiteral("only HTTP/1.0 and HTTP/1.1 are served"));
    m_message.minorVersion = version.at(7) == '0' ? 0 : 1;

    QByteArray target = parts.at(1);
    if (target.size() > m_limits.maxTargetBytes)
        return fail(414,
                    QStringLiteral("the request target is longer than %1 bytes")
                        .arg(m_limits.maxTargetBytes));
    if (target.isEmpty() || !isFieldValue(target) || target.contains('\t'))
        return fail(400, QStringLiteral("malformed request target"));
    if (target.startsWith("http://") || target.startsWith("https://")) {
        // Absolute form: only the path and query count here.
        const qsizetype slash = target.indexOf('/', target.indexOf("//") + 2);
        target = slash < 0 ? QByteArray("/") : target.mid(slash);
    }
    if (!target.startsWith('/') && !(target == "*" && m_message.method == "OPTIONS"))
        return fail(400, QStringLiteral("the request target must be a path starting with /"));
    m_message.target = target;

    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray &line = lines.at(i);
        if (line.startsWith(' ') || line.startsWith('\t'))
            return fail(400, QStringLiteral("folded header lines are not accepted"));
        const qsizetype colon = line.indexOf(':');
        const QByteArray name = colon < 0 ? QByteArray() : line.left(colon);
        if (!isToken(name))
            return fail(400, QStringLiteral("malformed header line %1").arg(i));
        const QByteArray value = trimmedOws(line.mid(colon + 1));
        if (!isFieldValue(value))
            return fail(
                400,
                QStringLiteral("control characters in header %1").arg(QString::fromLatin1(name)));
        if (m_message.headers.size() >= m_limits.maxHeaders)
            return fail(431,
                        QStringLiteral("more than %1 request headers").arg(m_limits.maxHeaders));
        m_message.headers.append({name, value});
    }
    return startBody();
}

HttpRequestParser::State HttpRequestParser::startBody()
{
    int hosts = 0;
    QList<QByteArray> lengths;
    QByteArray encoding;
    bool hasEncoding = false;
    for (const auto &[key, value] : std::as_const(m_message.headers)) {
        if (key.compare("Host", Qt::CaseInsensitive) == 0) {
            ++hosts;
        } else if (key.compare("Content-Length", Qt::CaseInsensitive) == 0) {
            for (const QByteArray &part : value.split(','))
                lengths.append(trimmedOws(part));
        } else if (key.compare("Transfer-Encoding", Qt::CaseInsensitive) == 0) {
            encoding += (hasEncoding ? "," : "") + value;
            hasEncoding = true;
        }
    }
    if (m_message.minorVersion == 1 && hosts != 1)
        return fail(400,
                    hosts == 0 ? QStringLiteral("an HTTP/1.1 request needs a Host header")
                               : QStringLiteral("more than one Host header"));
    if (hasEncoding && !lengths.isEmpty())
        return fail(400, QStringLiteral("both Content-Length and Transfer-Encoding"));

    const qsizetype limit = m_bodyLimit ? m_bodyLimit(m_message) : m_limits.maxBodyBytes;
    const auto tooLarge = [this, limit] {
        return fail(413,
                    QStringLiteral("the request body is larger than the %1 bytes this "
                                   "route takes")
                        .arg(limit));
    };
    m_allowedBody = limit;

    bool hasBody = false;
    if (hasEncoding) {
        if (m_message.minorVersion == 0)
            return fail(400, QStringLiteral("Transfer-Encoding in an HTTP/1.0 request"));
        if (trimmedOws(encoding).compare("chunked", Qt::CaseInsensitive) != 0)
            return fail(501, QStringLiteral("only the chunked transfer coding is supported"));
        m_phase = Phase::ChunkSize;
        m_remaining = 0;
        m_trailerBytes = 0;
        hasBody = true;
    } else if (!lengths.isEmpty()) {
        const QByteArray first = lengths.first();
        if (!isDigits(first) || first.size() > 15
            || std::any_of(lengths.begin(), lengths.end(),
                           [&first](const QByteArray &l) { return l != first; }))
            return fail(400, QStringLiteral("malformed Content-Length"));
        const qsizetype length = first.toLongLong();
        if (length > limit)
            return tooLarge();
        m_remaining = length;
        if (length > 0) {
            m_phase = Phase::Body;
            hasBody = true;
        }
    } else if (m_message.method == "POST" || m_message.method == "PUT"
               || m_message.method == "PATCH") {
        return fail(411, QStringLiteral("send the body with a Content-Length or chunked"));
    }

    const QByteArray expect = m_message.header("Expect");
    if (!expect.isEmpty()) {
        if (expect.compare("100-continue", Qt::CaseInsensitive) != 0)
            return fail(417, QStringLiteral("only \"Expect: 100-continue\" is understood"));
        // No need to ask for what is already arriving.
        m_wantsContinue = hasBody && m_pos >= m_buffer.size();
    }
    compact();
    return State::Complete;
}

HttpRequestParser::State HttpRequestParser::parseChunks()
{
    for (;;) {
        switch (m_phase) {
        case Phase::ChunkSize: {
            QByteArray line;
            bool tooLong = false;
            if (!takeLine(line, MaxChunkLine, tooLong))
                return tooLong ? fail(400, QStringLiteral("malformed chunk size"))
                               : State::NeedMore;
            const qsizetype semicolon = line.indexOf(';');
            const QByteArray hex = trimmedOws(semicolon < 0 ? line : line.left(semicolon));
            bool ok = !hex.isEmpty() && hex.size() <= 15;
            const qsizetype size = ok ? hex.toLongLong(&ok, 16) : 0;
            if (!ok || size < 0 || !std::all_of(hex.begin(), hex.end(), [](char c) {
                    return std::isxdigit(static_cast<unsigned char>(c));
                }))
                return fail(400, QStringLiteral("malformed chunk size"));
            if (size > m_allowedBody - m_message.body.size())
                return fail(413,
                            QStringLiteral("the request body is larger than the %1 bytes "
                                           "this route takes")
                                .arg(m_allowedBody));
            m_remaining = size;
            m_phase = size == 0 ? Phase::Trailers : Phase::ChunkData;
            break;
        }
        case Phase::ChunkData: {
            const qsizetype take = std::min(m_remaining, m_buffer.size() - m_pos);
            m_message.body.append(m_buffer.constData() + m_pos, take);
            m_pos += take;
            m_remaining -= take;
            if (m_remaining > 0) {
                compact();
                return State::NeedMore;
            }
            m_phase = Phase::ChunkEnd;
            break;
        }
        case Phase::ChunkEnd: {
            QByteArray line;
            bool tooLong = false;
            if (!takeLine(line, 2, tooLong))
                return tooLong ? fail(400, QStringLiteral("malformed chunk end")) : State::NeedMore;
            if (!line.isEmpty())
                return fail(400, QStringLiteral("malformed chunk end"));
            m_phase = Phase::ChunkSize;
            break;
        }
        case Phase::Trailers: {
            QByteArray line;
            bool tooLong = false;
            if (!takeLine(line, m_limits.maxHeaderBytes, tooLong))
                return tooLong ? fail(431, QStringLiteral("the trailers are too large"))
                               : State::NeedMore;
            m_trailerBytes += line.size() + 2;
            if (m_trailerBytes > m_limits.maxHeaderBytes)
                return fail(431, QStringLiteral("the trailers are too large"));
            if (line.isEmpty()) {
                compact();
                return State::Complete; // trailers are read and ignored
            }
            break;
        }
        default:
            return State::Complete;
        }
    }
}

} // namespace Switchboard
