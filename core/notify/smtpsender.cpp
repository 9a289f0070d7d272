#include "notify/smtpsender.h"

#include "common/pooltask.h"

#include <QThreadPool>
#include <curl/curl.h>

namespace Switchboard {

namespace {

struct Upload
{
    const QByteArray &data;
    qsizetype offset = 0;
};

size_t readMessage(char *buffer, size_t size, size_t count, void *userdata)
{
    auto *upload = static_cast<Upload *>(userdata);
    const qsizetype room = qsizetype(size) * qsizetype(count);
    const qsizetype n = std::min(room, upload->data.size() - upload->offset);
    if (n <= 0)
        return 0;
    memcpy(buffer, upload->data.constData() + upload->offset, size_t(n));
    upload->offset += n;
    return size_t(n);
}

// Blocking; runs on a pool thread.
Status deliver(const SmtpSender::Mail &mail)
{
    CURL *curl = curl_easy_init();
    if (!curl)
        return makeError(QStringLiteral("libcurl could not start"));
    const QByteArray url = mail.server.toString(QUrl::FullyEncoded).toUtf8();
    const QByteArray from = '<' + mail.from.toUtf8() + '>';
    const QByteArray user = mail.username.toUtf8();
    const QByteArray password = mail.password.toUtf8();
    curl_slist *recipients = nullptr;
    for (const QString &to : mail.to)
        recipients = curl_slist_append(recipients, ('<' + to.toUtf8() + '>').constData());
    Upload upload {mail.message};
    char error[CURL_ERROR_SIZE] = {};
    const QString host = mail.server.host();
    const bool local = host == QLatin1String("127.0.0.1") || host == QLatin1String("localhost")
        || host == QLatin1String("::1");
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_FROM, from.constData());
    curl_easy_setopt(curl, CURLOPT_MAIL_RCPT, recipients);
    curl_easy_setopt(curl, CURLOPT_READFUNCTION, readMessage);
    curl_easy_setopt(curl, CURLOPT_READDATA, &upload);
    curl_easy_setopt(curl, CURLOPT_UPLOAD, 1L);
    curl_easy_setopt(curl, CURLOPT_INFILESIZE_LARGE, curl_off_t(mail.message.size()));
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(mail.timeoutMs));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
    // Passwords never cross the network in the clear, except to this machine.
    curl_easy_setopt(curl, CURLOPT_USE_SSL, local ? long(CURLUSESSL_TRY) : long(CURLUSESSL_ALL));
    if (!user.isEmpty()) {
        curl_easy_setopt(curl, CURLOPT_USERNAME, user.constData());
        curl_easy_setopt(curl, CURLOPT_PASSWORD, password.constData());
    }
    const CURLcode code = curl_easy_perform(curl);
    long response = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response);
    curl_slist_free_all(recipients);
    curl_easy_cleanup(curl);
    if (code != CURLE_OK) {
        const QString detail =
            error[0] ? QString::fromUtf8(error) : QString::fromUtf8(curl_easy_strerror(code));
        return makeError(response ? QStringLiteral("SMTP %1: %2").arg(response).arg(detail)
                                  : QStringLiteral("SMTP: ") + detail);
    }
    return Ok {};
}

} // namespace

SmtpSender::SmtpSender(QObject *parent)
    : QObject(parent)
{
    m_pool.setMaxThreadCount(2);
}

SmtpSender::~SmtpSender()
{
    // The pool's tasks post back to this object: let them finish first.
    m_pool.waitForDone();
}

void SmtpSender::send(const Mail &mail, Done done)
{
    PoolTask::run(
        m_pool, this, [mail] { return deliver(mail); }, std::move(done));
}

} // namespace Switchboard
