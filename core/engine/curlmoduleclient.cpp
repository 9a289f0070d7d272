#include "engine/curlmoduleclient.h"

#include "common/logging.h"
#include "modules/modulecredentials.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTimer>
#include <mutex>

namespace Switchboard {

struct CurlModuleClient::Pending
{
    Callback done;
    QByteArray body;
    QByteArray response;
    QByteArray retryAfter;
    curl_slist *headers = nullptr;
    QElapsedTimer timer;
};

CurlModuleClient::CurlModuleClient(QObject *parent)
    : QObject(parent)
    , m_timer(new QTimer(this))
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
    m_multi = curl_multi_init();
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlModuleClient::onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlModuleClient::onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, 64L);
    // Connections stay open for the next call to the same module: the cache would otherwise
    // shrink whenever few calls are in flight, and the next burst would connect anew.
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, 128L);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, [this] { act(CURL_SOCKET_TIMEOUT, 0); });
}

CurlModuleClient::~CurlModuleClient()
{
    for (auto it = m_pending.begin(); it != m_pending.end(); ++it) {
        curl_multi_remove_handle(m_multi, it.key());
        curl_easy_cleanup(it.key());
        curl_slist_free_all(it.value()->headers);
        delete it.value();
    }
    m_pending.clear();
    for (const Watch &w : std::as_const(m_watches)) {
        delete w.read;
        delete w.write;
    }
    curl_multi_cleanup(m_multi);
}

void CurlModuleClient::call(const ModuleCallRequest &request, Callback done)
{
    auto *p = new Pending;
    p->done = std::move(done);
    p->body = QJsonDocument(request.body).toJson(QJsonDocument::Compact);
    const QByteArray traceparent =
        "traceparent: 00-" + request.traceId + '-' + request.spanId + "-01";
    for (const QByteArray &h :
         {QByteArray("Content-Type: application/json"), QByteArray("Accept: application/json"),
          QByteArray("Expect:"), "Idempotency-Key: " + request.idempotencyKey, traceparent,
          "X-Trace-ID: " + request.traceId, "X-Parent-Span-ID: " + request.spanId,
          QByteArray("X-Service-Name: switchboard")})
        p->headers = curl_slist_append(p->headers, h.constData());
    if (m_credentials) {
        if (const auto [name, value] = m_credentials->header(request.module); !name.isEmpty())
            p->headers = curl_slist_append(p->headers, (name + ": " + value).constData());
    }

    CURL *easy = curl_easy_init();
    const QByteArray url = request.url.toEncoded();
    curl_easy_setopt(easy, CURLOPT_URL, url.constData());
    curl_easy_setopt(easy, CURLOPT_POST, 1L);
    curl_easy_setopt(easy, CURLOPT_POSTFIELDS, p->body.constData());
    curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE, long(p->body.size()));
    curl_easy_setopt(easy, CURLOPT_HTTPHEADER, p->headers);
    curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, long(request.timeoutMs));
    curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, long(qMin(request.timeoutMs, 5000)));
    curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &CurlModuleClient::onData);
    curl_easy_setopt(easy, CURLOPT_WRITEDATA, p);
    curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &CurlModuleClient::onHeader);
    curl_easy_setopt(easy, CURLOPT_HEADERDATA, p);
    curl_easy_setopt(easy, CURLOPT_PRIVATE, p);
    curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
    p->timer.start();
    m_pending.insert(easy, p);
    curl_multi_add_handle(m_multi, easy);
}

size_t CurlModuleClient::onData(char *data, size_t size, size_t count, void *pending)
{
    auto *p = static_cast<Pending *>(pending);
    const size_t bytes = size * count;
    if (p->response.size() + qsizetype(bytes) > 16LL * 1024 * 1024)
        return 0; // refuse absurd answers; curl reports a write error
    p->response.append(data, qsizetype(bytes));
    return bytes;
}

size_t CurlModuleClient::onHeader(char *data, size_t size, size_t count, void *pending)
{
    const QByteArray line(data, qsizetype(size * count));
    if (line.size() > 12 && line.left(12).compare("retry-after:", Qt::CaseInsensitive) == 0)
        static_cast<Pending *>(pending)->retryAfter = line.mid(12).trimmed();
    return size * count;
}

qint64 CurlModuleClient::retryAfterMs(const QByteArray &value)
{
    if (value.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = value.toLongLong(&ok);
    if (ok)
        return seconds >= 0 ? seconds * 1000 : -1;
    // Or an HTTP date.
    const QDateTime when = QDateTime::fromString(QString::fromLatin1(value), Qt::RFC2822Date);
    return when.isValid() ? std::max<qint64>(0, QDateTime::currentDateTimeUtc().msecsTo(when)) : -1;
}

int CurlModuleClient::onTimer(CURLM *, long timeoutMs, void *self)
{
    auto *client = static_cast<CurlModuleClient *>(self);
    if (timeoutMs < 0)
        client->m_timer->stop();
    else
        client->m_timer->start(int(timeoutMs));
    return 0;
}

int CurlModuleClient::onSocket(CURL *, curl_socket_t socket, int what, void *self, void *)
{
    auto *client = static_cast<CurlModuleClient *>(self);
    if (what == CURL_POLL_REMOVE) {
        client->unwatch(socket);
        return 0;
    }
    Watch &w = client->m_watches[socket];
    if (!w.read) {
        w.read = new QSocketNotifier(qintptr(socket), QSocketNotifier::Read, client);
        connect(w.read, &QSocketNotifier::activated, client,
                [client, socket] { client->act(socket, CURL_CSELECT_IN); });
        w.write = new QSocketNotifier(qintptr(socket), QSocketNotifier::Write, client);
        connect(w.write, &QSocketNotifier::activated, client,
                [client, socket] { client->act(socket, CURL_CSELECT_OUT); });
    }
    w.read->setEnabled(what == CURL_POLL_IN || what == CURL_POLL_INOUT);
    w.write->setEnabled(what == CURL_POLL_OUT || what == CURL_POLL_INOUT);
    return 0;
}

void CurlModuleClient::unwatch(curl_socket_t socket)
{
    auto it = m_watches.find(socket);
    if (it == m_watches.end())
        return;
    // The notifier may be the one whose signal is being handled: disable now, delete later.
    for (QSocketNotifier *n : {it->read, it->write}) {
        n->setEnabled(false);
        n->disconnect(this);
        n->deleteLater();
    }
    m_watches.erase(it);
}

void CurlModuleClient::act(curl_socket_t socket, int events)
{
    int running = 0;
    curl_multi_socket_action(m_multi, socket, events, &running);
    collect();
}

void CurlModuleClient::collect()
{
    int left = 0;
    while (CURLMsg *msg = curl_multi_info_read(m_multi, &left)) {
        if (msg->msg != CURLMSG_DONE)
            continue;
        CURL *easy = msg->easy_handle;
        Pending *p = m_pending.take(easy);
        ModuleCallResult result;
        long status = 0;
        curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
        result.httpStatus = int(status);
        result.elapsedMs = p->timer.elapsed();
        result.retryAfterMs = retryAfterMs(p->retryAfter);
        // Bytes of the request sent: none when the module could not be reached at all.
        long sent = 0;
        curl_easy_getinfo(easy, CURLINFO_REQUEST_SIZE, &sent);
        const CURLcode code = msg->data.result;
        curl_multi_remove_handle(m_multi, easy);
        curl_easy_cleanup(easy);
        curl_slist_free_all(p->headers);
        if (code != CURLE_OK) {
            result.httpStatus = 0;
            result.error = code == CURLE_OPERATION_TIMEDOUT
                ? QStringLiteral("no answer within the timeout")
                : QString::fromUtf8(curl_easy_strerror(code));
            result.retryable = true;
            result.uncertain = sent > 0;
        } else {
            QJsonParseError error;
            const QJsonDocument doc = QJsonDocument::fromJson(p->response, &error);
            if (status >= 200 && status < 300
                && (error.error != QJsonParseError::NoError || !doc.isObject())) {
                result.error = QStringLiteral("the module's answer is not a JSON object");
                result.retryable = true;
                result.uncertain = true;
            } else {
                result.body = doc.object();
                if (status < 200 || status >= 300) {
                    result.error =
                        QStringLiteral("HTTP %1%2")
                            .arg(status)
                            .arg(result.body.contains(QLatin1String("error")) ? QStringLiteral(": ")
                                         + result.body.value(QLatin1String("error"))
                                               .toString()
                                               .left(200)
                                                                              : QString());
                    result.retryable = retryableStatus(int(status));
                    result.uncertain = status == 504; // a gateway gave up waiting for it
                }
            }
        }
        Callback done = std::move(p->done);
        delete p;
        done(result);
    }
}

} // namespace Switchboard
