#include "report/s3uploader.h"

#include "common/pooltask.h"
#include "report/sigv4.h"

#include <curl/curl.h>

namespace Switchboard {

namespace {

constexpr long TimeoutMs = 60000;

// S3 answers errors as XML: <Error><Code>…</Code><Message>…</Message></Error>.
QString s3Error(const QByteArray &body)
{
    const auto between = [&body](const QByteArray &open, const QByteArray &close) {
        const qsizetype from = body.indexOf(open);
        const qsizetype to = body.indexOf(close, from);
        return from < 0 || to < 0 ? QByteArray()
                                  : body.mid(from + open.size(), to - from - open.size());
    };
    const QByteArray code = between("<Code>", "</Code>");
    const QByteArray message = between("<Message>", "</Message>");
    if (code.isEmpty())
        return QString::fromUtf8(body.left(200)).simplified();
    return QString::fromUtf8(code + (message.isEmpty() ? QByteArray() : ": " + message));
}

size_t collect(char *data, size_t size, size_t count, void *userdata)
{
    auto *out = static_cast<QByteArray *>(userdata);
    const size_t n = size * count;
    if (out->size() < 4096)
        out->append(data, qsizetype(n));
    return n;
}

// Blocking; runs on a pool thread.
Status putObject(const QUrl &url, const DashboardPublishing &target, const QByteArray &body,
                 const QByteArray &contentType)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return makeError(QStringLiteral("libcurl could not start"));
    const QByteArray address = url.toString(QUrl::FullyEncoded).toUtf8();
    const QByteArray provider = "aws:amz:" + target.region.toUtf8() + ":s3";
    const QByteArray user = target.accessKeyId.toUtf8();
    const QByteArray secret = target.secretAccessKey.toUtf8();
    curl_slist *headers = nullptr;
    // S3 wants the payload's hash as a header too; it is signed with the rest.
    headers = curl_slist_append(headers, "x-amz-content-sha256: " + SigV4::sha256Hex(body));
    headers = curl_slist_append(headers, "Content-Type: " + contentType);
    headers = curl_slist_append(headers, "Expect:");
    QByteArray answer;
    char error[CURL_ERROR_SIZE] = {};
    curl_easy_setopt(curl, CURLOPT_URL, address.constData());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, "PUT");
    curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.constData());
    curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(body.size()));
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(curl, CURLOPT_AWS_SIGV4, provider.constData());
    curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
    curl_easy_setopt(curl, CURLOPT_PASSWORD, secret.constData());
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, collect);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &answer);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, TimeoutMs);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(curl, CURLOPT_USERAGENT, "Switchboard/" SWITCHBOARD_VERSION);
    const CURLcode code = curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    curl_slist_free_all(headers);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK)
        return makeError(QStringLiteral("the upload to S3 failed: %1")
                             .arg(error[0] ? QString::fromUtf8(error)
                                           : QString::fromUtf8(curl_easy_strerror(code))),
                         QString(), ErrorKind::Unavailable);
    if (status < 200 || status >= 300)
        return makeError(
            QStringLiteral("S3 refused the upload (HTTP %1): %2").arg(status).arg(s3Error(answer)),
            QString(), status >= 500 ? ErrorKind::Unavailable : ErrorKind::Invalid);
    return Ok {};
}

} // namespace

S3Uploader::S3Uploader(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(1);
}

S3Uploader::~S3Uploader()
{
    // The pool's tasks post back to this object: let them finish first.
    m_pool.waitForDone();
}

QUrl S3Uploader::objectUrl(const DashboardPublishing &target, const QString &key)
{
    QUrl url;
    if (target.endpoint.isEmpty()) {
        url.setScheme(QStringLiteral("https"));
        url.setHost(QStringLiteral("%1.s3.%2.amazonaws.com").arg(target.bucket, target.region));
        url.setPath(QLatin1Char('/') + key);
        return url;
    }
    url = target.endpoint;
    QString base = url.path();
    if (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    url.setPath(base + QLatin1Char('/') + target.bucket + QLatin1Char('/') + key);
    return url;
}

void S3Uploader::put(const DashboardPublishing &target, const QString &key, const QByteArray &body,
                     const QByteArray &contentType, Done done)
{
    const QUrl url = objectUrl(target, key);
    PoolTask::run(
        m_pool, this,
        [url, target, body, contentType] { return putObject(url, target, body, contentType); },
        std::move(done));
}

} // namespace Switchboard
