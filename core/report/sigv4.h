#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QPair>
#include <QUrl>

// AWS Signature Version 4: the canonical request, the string to sign and the signature, and
// a pre-signed URL (query-string authentication) built from them. Pure functions of their
// inputs (the time is passed in), so AWS's published test vectors can hold them to the byte.
// Paths are encoded once, as S3 wants them.
namespace Switchboard::SigV4 {

struct Credentials
{
    QString accessKeyId;
    QString secretAccessKey;
};

struct Scope
{
    QString region; // us-east-1
    QString service; // s3
};

using Headers = QList<QPair<QByteArray, QByteArray>>;

// The canonical request: method, path, sorted query, the headers (names compared without
// case; values trimmed), the signed header names and the payload's hash.
QByteArray canonicalRequest(const QByteArray &method, const QUrl &url, const Headers &headers,
                            const QByteArray &payloadHash);
// "AWS4-HMAC-SHA256\n<time>\n<date>/<region>/<service>/aws4_request\n<hash of request>".
QByteArray stringToSign(const QDateTime &time, const Scope &scope,
                        const QByteArray &canonicalRequest);
// The hex HMAC of stringToSign with the key derived from the secret, date, region, service.
QByteArray signature(const Credentials &credentials, const QDateTime &time, const Scope &scope,
                     const QByteArray &stringToSign);
// The Authorization header's value for a request that carries headers (host and x-amz-date
// among them).
QByteArray authorization(const QByteArray &method, const QUrl &url, const Headers &headers,
                         const QByteArray &payloadHash, const Credentials &credentials,
                         const Scope &scope, const QDateTime &time);
// url with X-Amz-Algorithm, -Credential, -Date, -Expires, -SignedHeaders (host) and -Signature
// added: anyone holding it may send method to it until expiresSeconds after time.
QUrl presign(const QByteArray &method, const QUrl &url, const Credentials &credentials,
             const Scope &scope, const QDateTime &time, int expiresSeconds);

// The lower-case hex SHA-256 of data.
QByteArray sha256Hex(const QByteArray &data);
// "20130524T000000Z".
QByteArray amzDate(const QDateTime &time);

} // namespace Switchboard::SigV4
