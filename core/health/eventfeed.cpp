#include "health/eventfeed.h"

#include "common/logging.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTimer>
#include <QWebSocket>

namespace Switchboard {

EventFeed::EventFeed(QObject *parent)
    : QObject(parent)
{
}

EventFeed::~EventFeed()
{
    const QStringList ids = m_subscriptions.keys();
    for (const QString &id : ids)
        drop(id);
}

void EventFeed::subscribe(const QList<ModuleConfig> &modules)
{
    QSet<QString> wanted;
    for (const ModuleConfig &m : modules) {
        if (!m.enabled || m.eventsUrl().isEmpty())
            continue;
        wanted.insert(m.id);
        auto it = m_subscriptions.find(m.id);
        if (it != m_subscriptions.end() && it->url == m.eventsUrl())
            continue;
        drop(m.id);
        m_subscriptions.insert(m.id, Subscription {m.eventsUrl()});
        open(m.id);
    }
    const QStringList ids = m_subscriptions.keys();
    for (const QString &id : ids) {
        if (!wanted.contains(id))
            drop(id);
    }
}

bool EventFeed::isConnected(const QString &moduleId) const
{
    return m_subscriptions.value(moduleId).connected;
}

void EventFeed::open(const QString &moduleId)
{
    Subscription &sub = m_subscriptions[moduleId];
    if (!sub.socket) {
        sub.socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
        connect(sub.socket, &QWebSocket::connected, this, [this, moduleId] {
            Subscription &s = m_subscriptions[moduleId];
            s.connected = true;
            s.backoffMs = InitialBackoffMs;
            qCDebug(lcFeed) << moduleId << "event feed connected";
            Q_EMIT connectionChanged(moduleId, true);
        });
        connect(sub.socket, &QWebSocket::disconnected, this,
                [this, moduleId] { onDisconnected(moduleId); });
        connect(sub.socket, &QWebSocket::textMessageReceived, this,
                [this, moduleId](const QString &text) {
                    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8());
                    if (!doc.isObject() || !doc.object().value(QLatin1String("type")).isString()) {
                        qCDebug(lcFeed) << moduleId << "ignored an unreadable event";
                        return;
                    }
                    Q_EMIT eventReceived(moduleId, doc.object());
                });
    }
    sub.socket->open(sub.url);
}

void EventFeed::onDisconnected(const QString &moduleId)
{
    auto it = m_subscriptions.find(moduleId);
    if (it == m_subscriptions.end())
        return;
    if (it->connected) {
        it->connected = false;
        qCInfo(lcFeed) << moduleId << "event feed dropped; reconnecting";
        Q_EMIT connectionChanged(moduleId, false);
    }
    if (!it->retry) {
        it->retry = new QTimer(this);
        it->retry->setSingleShot(true);
        connect(it->retry, &QTimer::timeout, this, [this, moduleId] { open(moduleId); });
    }
    // Jitter keeps nine feeds from reconnecting in lockstep after a shared outage.
    const int jitter = int(QRandomGenerator::global()->bounded(it->backoffMs / 4 + 1));
    it->retry->start(it->backoffMs + jitter);
    it->backoffMs = qMin(it->backoffMs * 2, MaxBackoffMs);
}

void EventFeed::drop(const QString &moduleId)
{
    auto it = m_subscriptions.find(moduleId);
    if (it == m_subscriptions.end())
        return;
    Subscription sub = *it;
    m_subscriptions.erase(it);
    if (sub.socket) {
        sub.socket->disconnect(this);
        sub.socket->abort();
        sub.socket->deleteLater();
    }
    delete sub.retry;
    if (sub.connected)
        Q_EMIT connectionChanged(moduleId, false);
}

} // namespace Switchboard
