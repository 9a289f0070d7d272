#include "report/sigv4.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QUrlQuery>
#include <algorithm>

namespace Switchboard::SigV4 {

namespace {

const QByteArray Algorithm = QByteArrayLiteral("AWS4-HMAC-SHA256");

// RFC 3986: everything but A–Z a–z 0–9 - . _ ~ is percent-encoded, '/' too.
QByteArray encode(const QString &text)
{
    return QUrl::toPercentEncoding(text);
}

QByteArray canonicalPath(const QUrl &url)
{
    const QString path = url.path(QUrl::FullyDecoded);
    if (path.isEmpty())
        return QByteArrayLiteral("/");
    QByteArrayList segments;
    for (const QString &segment : path.split(QLatin1Char('/')))
        segments << encode(segment);
    return segments.join('/');
}

QByteArray canonicalQuery(const QUrl &url)
{
    QList<QPair<QByteArray, QByteArray>> pairs;
    for (const auto &[key, value] : QUrlQuery(url).queryItems(QUrl::FullyDecoded))
        pairs.append({encode(key), encode(value)});
    std::sort(pairs.begin(), pairs.end());
    QByteArrayList parts;
    for (const auto &[key, value] : std::as_const(pairs))
        parts << key + '=' + value;
    return parts.join('&');
}

// Names in lower case, sorted; values trimmed with inner runs of spaces made one.
Headers canonicalHeaders(const Headers &headers)
{
    Headers out;
    for (const auto &[name, value] : headers)
        out.append({name.toLower(), value.simplified()});
    std::sort(out.begin(), out.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    return out;
}

QByteArray signedHeaderNames(const Headers &canonical)
{
    QByteArrayList names;
    for (const auto &header : canonical)
        names << header.first;
    return names.join(';');
}

QByteArray hmac(const QByteArray &key, const QByteArray &data)
{
    return QMessageAuthenticationCode::hash(data, key, QCryptographicHash::Sha256);
}

QByteArray dateStamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd")).toLatin1();
}

QByteArray credentialScope(const QDateTime &time, const Scope &scope)
{
    return dateStamp(time) + '/' + scope.region.toUtf8() + '/' + scope.service.toUtf8()
        + "/aws4_request";
}

} // namespace

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

QByteArray amzDate(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'")).toLatin1();
}

QByteArray canonicalRequest(const QByteArray &method, const QUrl &url, const Headers &headers,
                            const QByteArray &payloadHash)
{
    const Headers canonical = canonicalHeaders(headers);
    QByteArray lines;
    for (const auto &[name, value] : canonical)
        lines += name + ':' + value + '\n';
    return method + '\n' + canonicalPath(url) + '\n' + canonicalQuery(url) + '\n' + lines + '\n'
        + signedHeaderNames(canonical) + '\n' + payloadHash;
}

QByteArray stringToSign(const QDateTime &time, const Scope &scope,
                        const QByteArray &canonicalRequest)
{
    return Algorithm + '\n' + amzDate(time) + '\n' + credentialScope(time, scope) + '\n'
        + sha256Hex(canonicalRequest);
}

QByteArray signature(const Credentials &credentials, const QDateTime &time, const Scope &scope,
                     const QByteArray &stringToSign)
{
    QByteArray key = hmac("AWS4" + credentials.secretAccessKey.toUtf8(), dateStamp(time));
    key = hmac(key, scope.region.toUtf8());
    key = hmac(key, scope.service.toUtf8());
    key = hmac(key, QByteArrayLiteral("aws4_request"));
    return hmac(key, stringToSign).toHex();
}

QByteArray authorization(const QByteArray &method, const QUrl &url, const Headers &headers,
                         const QByteArray &payloadHash, const Credentials &credentials,
                         const Scope &scope, const QDateTime &time)
{
    const QByteArray request = canonicalRequest(method, url, headers, payloadHash);
    return Algorithm + " Credential=" + credentials.accessKeyId.toUtf8() + '/'
        + credentialScope(time, scope)
        + ", SignedHeaders=" + signedHeaderNames(canonicalHeaders(headers))
        + ", Signature=" + signature(credentials, time, scope, stringToSign(time, scope, request));
}

QUrl presign(const QByteArray &method, const QUrl &url, const Credentials &credentials,
             const Scope &scope, const QDateTime &time, int expiresSeconds)
{
    QByteArray host = url.host().toUtf8();
    const int defaultPort = url.scheme() == QLatin1String("https") ? 443 : 80;
    if (url.port() != -1 && url.port() != defaultPort)
        host += ':' + QByteArray::number(url.port());
    QUrlQuery query(url);
    query.addQueryItem(QStringLiteral("X-Amz-Algorithm"), QString::fromLatin1(Algorithm));
    query.addQueryItem(QStringLiteral("X-Amz-Credential"),
                       credentials.accessKeyId + QLatin1Char('/')
                           + QString::fromUtf8(credentialScope(time, scope)));
    query.addQueryItem(QStringLiteral("X-Amz-Date"), QString::fromLatin1(amzDate(time)));
    query.addQueryItem(QStringLiteral("X-Amz-Expires"), QString::number(expiresSeconds));
    query.addQueryItem(QStringLiteral("X-Amz-SignedHeaders"), QStringLiteral("host"));
    QUrl unsigned_ = url;
    unsigned_.setQuery(query);
    const QByteArray request = canonicalRequest(method, unsigned_, {{"host", host}},
                                                QByteArrayLiteral("UNSIGNED-PAYLOAD"));
    const QByteArray sig = signature(credentials, time, scope, stringToSign(time, scope, request));
    // The query as it was signed, each value encoded as in the canonical request.
    QUrl out = url;
    out.setQuery(QString::fromLatin1(canonicalQuery(unsigned_))
                     + QStringLiteral("&X-Amz-Signature=") + QString::fromLatin1(sig),
                 QUrl::StrictMode);
    return out;
}

} // namespace Switchboard::SigV4
