#pragma once

#include <QJsonObject>
#include <QObject>
#include <deque>
#include <optional>

namespace Switchboard {

// The journal behind GET /api/v1/live: every change a console shows (a module's health, the
// overview, a review task, an execution's status, "the alerts changed"), numbered. Each start
// of the core is an epoch of its own. A console that reconnects gives the epoch and the last
// number it saw and gets what followed; when the journal no longer reaches back that far, or
// the core restarted since, it is told to reload. Kept in memory only, the newest `keep`.
class LiveFeed final : public QObject
{
    Q_OBJECT

public:
    struct Event
    {
        quint64 seq = 0;
        QString kind; // "module", "overview", "task", "execution", "alerts"
        QJsonObject data;
    };

    explicit LiveFeed(qsizetype keep = DefaultKeep, QObject *parent = nullptr);

    static constexpr qsizetype DefaultKeep = 5000;

    QString epoch() const { return m_epoch; }
    quint64 lastSeq() const { return m_seq; }

    void publish(const QString &kind, const QJsonObject &data);
    // What followed seq in this epoch, oldest first; nullopt when the client must reload.
    std::optional<QList<Event>> after(const QString &epoch, quint64 seq) const;

Q_SIGNALS:
    void published(const Switchboard::LiveFeed::Event &event);

private:
    QString m_epoch;
    quint64 m_seq = 0;
    qsizetype m_keep;
    std::deque<Event> m_events;
};

} // namespace Switchboard
