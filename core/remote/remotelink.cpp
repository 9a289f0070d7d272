#include "remote/remotelink.h"

#include <QHostAddress>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrlQuery>
#include <QWebSocket>

namespace Switchboard {

namespace {

QString errorOf(const QJsonObject &body, const QByteArray &raw, int status)
{
    QString message = body.value(QLatin1String("error")).toString();
    if (!message.isEmpty())
        return message;
    return raw.isEmpty() ? QStringLiteral("the core answered %1").arg(status)
                         : QString::fromUtf8(raw.left(200));
}

ErrorKind kindOf(int status)
{
    if (status == 404)
        return ErrorKind::NotFound;
    if (status == 409 || status == 429)
        return ErrorKind::Conflict;
    if (status >= 500)
        return status == 500 ? ErrorKind::Internal : ErrorKind::Unavailable;
    return ErrorKind::Invalid;
}

} // namespace

RemoteLink::RemoteLink(const QUrl &base, QObject *parent)
    : QObject(parent)
    , m_base(base)
    , m_network(new QNetworkAccessManager(this))
{
    m_retry.setSingleShot(true);
    connect(&m_retry, &QTimer::timeout, this, &RemoteLink::connectLive);
}

RemoteLink::~RemoteLink()
{
    m_wanted = false;
    if (m_socket)
        m_socket->disconnect(this);
}

Status RemoteLink::allowed(const QUrl &base, bool hipaaMode)
{
    const QString scheme = base.scheme();
    if (!base.isValid() || base.host().isEmpty()
        || (scheme != QLatin1String("http") && scheme != QLatin1String("https")))
        return makeError(QStringLiteral("a core's address is https://host:port (or http:// on "
                                        "this machine), not \"%1\"")
                             .arg(base.toString()),
                         QStringLiteral("address"));
    const QHostAddress host(base.host());
    const bool loopback = base.host() == QLatin1String("localhost") || host.isLoopback();
    if (hipaaMode && scheme == QLatin1String("http") && !loopback)
        return makeError(QStringLiteral("HIPAA_MODE allows only https:// to a core on another "
                                        "machine: patient data must not cross the network "
                                        "unencrypted"),
                         QStringLiteral("address"));
    return Ok {};
}

void RemoteLink::setRetryDelays(int firstMs, int maxMs)
{
    m_firstDelayMs = std::max(firstMs, 1);
    m_maxDelayMs = std::max(maxMs, m_firstDelayMs);
    m_delayMs = m_firstDelayMs;
}

QString RemoteLink::fingerprint(const QSslCertificate &certificate)
{
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex());
}

QString RemoteLink::encoded(const QString &part)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(part));
}

QUrl RemoteLink::url(const QString &path) const
{
    QUrl url = m_base;
    const int query = int(path.indexOf(QLatin1Char('?')));
    url.setPath(query < 0 ? path : path.left(query));
    if (query >= 0)
        url.setQuery(path.mid(query + 1));
    return url;
}

void RemoteLink::login(const QString &name, const QString &password, Done done)
{
    request("POST", QStringLiteral("/api/v1/login"),
            {{QStringLiteral("name"), name}, {QStringLiteral("password"), password}},
            [this, done = std::move(done)](Result<QJsonObject> session) {
                if (session)
                    m_token = session->value(QLatin1String("token")).toString().toLatin1();
                done(std::move(session));
            });
}

void RemoteLink::request(const QByteArray &method, const QString &path, const QJsonObject &body,
                         Done done)
{
    send(method, path, body, [done = std::move(done)](Result<QByteArray> raw, const QJsonObject &) {
        if (!raw)
            return done(raw.error());
        done(QJsonDocument::fromJson(*raw).object());
    });
}

void RemoteLink::requestDetailed(const QByteArray &method, const QString &path,
                                 const QJsonObject &body, DetailedDone done)
{
    send(method, path, body,
         [done = std::move(done)](Result<QByteArray> raw, const QJsonObject &refusal) {
             if (!raw)
                 return done(raw.error(), refusal);
             done(QJsonDocument::fromJson(*raw).object(), {});
         });
}

void RemoteLink::getText(const QString &path, std::function<void(Result<QString>)> done)
{
    send("GET", path, {}, [done = std::move(done)](Result<QByteArray> raw, const QJsonObject &) {
        if (!raw)
            return done(raw.error());
        done(QString::fromUtf8(*raw));
    });
}

void RemoteLink::send(const QByteArray &method, const QString &path, const QJsonObject &body,
                      std::function<void(Result<QByteArray>, const QJsonObject &)> done)
{
    if (method != "GET" && m_wanted && m_state != State::Live)
        return done(unavailable(QStringLiteral("not connected to %1 now, so nothing was sent; "
                                               "try again when the link is back")
                                    .arg(m_base.host())),
                    {});
    QNetworkRequest req(url(path));
    req.setTransferTimeout(30000);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token);
    QByteArray payload;
    if (method != "GET") {
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
    }
    QNetworkReply *reply = m_network->sendCustomRequest(req, method, payload);
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        checkCertificate(errors, reply->sslConfiguration().peerCertificate(),
                         [reply, errors] { reply->ignoreSslErrors(errors); });
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray raw = reply->readAll();
        if (status == 0)
            return done(
                unavailable(
                    QStringLiteral("cannot reach %1: %2").arg(m_base.host(), reply->errorString())),
                {});
        if (status >= 200 && status < 300)
            return done(raw, {});
        if (status == 401 && !m_token.isEmpty())
            Q_EMIT sessionEnded();
        const QJsonObject answer = QJsonDocument::fromJson(raw).object();
        done(makeError(errorOf(answer, raw, status),
                       answer.value(QLatin1String("field")).toString(), kindOf(status)),
             answer);
    });
}

void RemoteLink::openLive()
{
    m_wanted = true;
    m_delayMs = m_firstDelayMs;
    connectLive();
}

void RemoteLink::close()
{
    m_wanted = false;
    m_retry.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close();
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Offline);
}

void RemoteLink::connectLive()
{
    if (!m_wanted)
        return;
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->abort();
        m_socket->deleteLater();
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &RemoteLink::onMessage);
    connect(m_socket, &QWebSocket::disconnected, this, &RemoteLink::onDropped);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        // A refused handshake leaves the socket as it was; count it as dropped.
        if (m_socket && m_socket->state() != QAbstractSocket::ConnectedState)
            onDropped();
    });
    connect(m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        const QSslCertificate peer =
            errors.isEmpty() ? QSslCertificate() : errors.first().certificate();
        checkCertificate(errors, peer, [socket = m_socket] { socket->ignoreSslErrors(); });
    });
    QUrl live = url(QStringLiteral("/api/v1/live"));
    live.setScheme(m_base.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                             : QStringLiteral("ws"));
    if (!m_epoch.isEmpty())
        live.setQuery(QUrlQuery {{QStringLiteral("epoch"), m_epoch},
                                 {QStringLiteral("since"), QString::number(m_seq)}});
    QNetworkRequest req(live);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token);
    setState(m_epoch.isEmpty() ? State::Connecting : State::Reconnecting);
    m_socket->open(req);
}

void RemoteLink::onMessage(const QString &text)
{
    const QJsonObject message = QJsonDocument::fromJson(text.toUtf8()).object();
    const QString kind = message.value(QLatin1String("kind")).toString();
    const auto seq = quint64(message.value(QLatin1String("seq")).toInteger());
    if (kind == QLatin1String("hello")) {
        if (m_epoch.isEmpty()) {
            m_epoch = message.value(QLatin1String("epoch")).toString();
            m_seq = seq;
        }
        m_delayMs = m_firstDelayMs;
        setState(State::Live);
        return;
    }
    if (kind == QLatin1String("reload")) {
        m_epoch = message.value(QLatin1String("epoch")).toString();
        m_seq = seq;
        Q_EMIT reloadNeeded();
        return;
    }
    if (seq <= m_seq)
        return; // seen already
    m_seq = seq;
    Q_EMIT changed(kind, message.value(QLatin1String("data")).toObject());
}

void RemoteLink::onDropped()
{
    if (!m_wanted || m_retry.isActive())
        return;
    const bool ended = m_socket
        && (int(m_socket->closeCode()) == 4401
            || m_socket->errorString().contains(QLatin1String("401")));
    if (ended) {
        m_wanted = false;
        setState(State::Offline);
        Q_EMIT sessionEnded();
        return;
    }
    setState(State::Reconnecting);
    m_retry.start(m_delayMs);
    m_delayMs = std::min(m_delayMs * 2, m_maxDelayMs);
}

void RemoteLink::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

void RemoteLink::checkCertificate(const QList<QSslError> &errors, const QSslCertificate &peer,
                                  const std::function<void()> &ignore)
{
    Q_UNUSED(errors)
    if (peer.isNull())
        return;
    const QString sha256 = fingerprint(peer);
    if (m_trusted.contains(sha256))
        return ignore();
    Q_EMIT certificateToTrust(sha256, peer.subjectDisplayName());
}

} // namespace Switchboard
