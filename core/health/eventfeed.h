#pragma once

#include "config/coreconfig.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QPointer>

class QTimer;
class QWebSocket;

namespace Switchboard {

// Keeps one WebSocket subscription per module's /events feed, reconnecting with exponential
// backoff (1 s doubling to 30 s) when it drops.
class EventFeed final : public QObject
{
    Q_OBJECT

public:
    explicit EventFeed(QObject *parent = nullptr);
    ~EventFeed() override;

    // Subscribes to the enabled, configured modules of config and drops the others.
    void subscribe(const QList<ModuleConfig> &modules);
    bool isConnected(const QString &moduleId) const;

    static constexpr int InitialBackoffMs = 1000;
    static constexpr int MaxBackoffMs = 30000;

Q_SIGNALS:
    void connectionChanged(const QString &moduleId, bool connected);
    void eventReceived(const QString &moduleId, const QJsonObject &event);

private:
    struct Subscription
    {
        QUrl url;
        QWebSocket *socket = nullptr;
        QTimer *retry = nullptr;
        int backoffMs = InitialBackoffMs;
        bool connected = false;
    };

    void open(const QString &moduleId);
    void onDisconnected(const QString &moduleId);
    void drop(const QString &moduleId);

    QHash<QString, Subscription> m_subscriptions;
};

} // namespace Switchboard
