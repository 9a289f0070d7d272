#pragma once

#include "common/result.h"

#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QUrl>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QSslCertificate;
class QSslError;
class QWebSocket;

namespace Switchboard {

// A console's line to a core on another machine: the HTTP API with a session or service
// token, and the live feed (GET /api/v1/live) kept open. When the feed drops, the link says
// so at once (Reconnecting), tries again after 1 s, then doubling up to 30 s, and on its return
// asks for what followed the last change it saw; when the core cannot give that (it restarted,
// or the link was down too long) it asks for a reload instead. Changes are never queued while
// the link is down: a request that would change something is refused with the reason.
//
// TLS: a certificate the system does not trust is accepted only when its SHA-256 fingerprint
// was trusted before (trust on first use); otherwise certificateToTrust tells the console,
// which asks the person and calls trustFingerprint.
class RemoteLink final : public QObject
{
    Q_OBJECT

public:
    enum class State { Offline, Connecting, Live, Reconnecting };
    Q_ENUM(State)

    explicit RemoteLink(const QUrl &base, QObject *parent = nullptr);
    ~RemoteLink() override;

    // Whether a console may use this address: http or https with a host; under HIPAA_MODE,
    // plain http only to this machine.
    static Status allowed(const QUrl &base, bool hipaaMode);

    QUrl base() const { return m_base; }
    void setToken(const QByteArray &token) { m_token = token; }
    QByteArray token() const { return m_token; }
    void setRetryDelays(int firstMs, int maxMs);
    void trustFingerprint(const QString &sha256) { m_trusted << sha256.toLower(); }
    QStringList trustedFingerprints() const { return m_trusted; }
    static QString fingerprint(const QSslCertificate &certificate);
    // One part of a route's path, percent-encoded ("tk 1/2" → "tk%201%2F2").
    static QString encoded(const QString &part);

    using Done = std::function<void(Result<QJsonObject>)>;
    // POST /api/v1/login; on success the link keeps the session's token.
    void login(const QString &name, const QString &password, Done done);
    // A JSON request to the API. What would change something (any method but GET) is refused
    // while the live feed is not up. 401 also emits sessionEnded.
    void request(const QByteArray &method, const QString &path, const QJsonObject &body, Done done);
    // The same; on a refusal, the core's error document too (a 422's "issues").
    using DetailedDone = std::function<void(Result<QJsonObject>, const QJsonObject &refusal)>;
    void requestDetailed(const QByteArray &method, const QString &path, const QJsonObject &body,
                         DetailedDone done);
    // A GET whose answer is text (the report's HTML).
    void getText(const QString &path, std::function<void(Result<QString>)> done);

    // Opens the live feed and keeps it open until close().
    void openLive();
    void close();
    State state() const { return m_state; }
    QString epoch() const { return m_epoch; }
    quint64 lastSeq() const { return m_seq; }

Q_SIGNALS:
    void stateChanged(Switchboard::RemoteLink::State state);
    // One change from the feed, in order, none twice.
    void changed(const QString &kind, const QJsonObject &data);
    // What is on screen can no longer be brought up to date change by change: read it again.
    void reloadNeeded();
    // The token was refused (expired, logged out, disabled): log in again.
    void sessionEnded();
    // A certificate not trusted yet: ask the person, then trustFingerprint and reconnect.
    void certificateToTrust(const QString &sha256, const QString &subject);

private:
    void send(const QByteArray &method, const QString &path, const QJsonObject &body,
              std::function<void(Result<QByteArray>, const QJsonObject &refusal)> done);
    void connectLive();
    void onMessage(const QString &text);
    void onDropped();
    void setState(State state);
    void checkCertificate(const QList<QSslError> &errors, const QSslCertificate &peer,
                          const std::function<void()> &ignore);
    QUrl url(const QString &path) const;

    QUrl m_base;
    QByteArray m_token;
    QNetworkAccessManager *m_network;
    QWebSocket *m_socket = nullptr;
    QTimer m_retry;
    int m_firstDelayMs = 1000;
    int m_maxDelayMs = 30000;
    int m_delayMs = 1000;
    bool m_wanted = false; // openLive() and no close() since
    State m_state = State::Offline;
    QString m_epoch;
    quint64 m_seq = 0;
    bool m_caughtUp = false; // the first hello of this link has been seen
    QStringList m_trusted;
};

} // namespace Switchboard
