#pragma once

#include "alerts/flapdetector.h"
#include "alerts/silence.h"
#include "alerts/silencestore.h"
#include "alerts/statusalert.h"
#include "common/clock.h"
#include "common/result.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QTimeZone>

class QSqlQuery;
class QTimer;

namespace Switchboard {

class AuditTrail;
class Database;

// The alerts' record and lifecycle, kept in the core's database. The rules say what is wrong
// now (observe); the book turns that into alerts: one per fingerprint while it lasts, counted
// and updated on repeats, resolved by itself when the condition clears. People acknowledge,
// snooze and resolve them. Silences and inhibition (an alert derived from a module that is
// down) keep the record but notify no one; notify() says what the channels should send.
class AlertBook final : public QObject
{
    Q_OBJECT

public:
    AlertBook(Database &db, const Clock &clock, QObject *parent = nullptr);

    // Reads the open alerts and the silences; ticks every few seconds from then on.
    Status load();
    // With a shared store, on a core that does not hold the alert duty: the open alerts and
    // silences as the core that does decided them, read again; nothing is raised or expired
    // here (observe is not called).
    Status follow();
    // The open alerts and silences read again, as another core sharing the store changed them
    // (an acknowledgement, a silence); ticking goes on.
    Status refresh();
    // The zone recurring silences are read in (the clinic's).
    void setTimeZone(const QTimeZone &zone) { m_zone = zone; }
    // Flap damping: an alert whose condition changed maxChanges times within windowMs stays
    // open, marked flapping, until the condition has been still for a window.
    void setFlapDamping(int maxChanges, qint64 windowMs)
    {
        m_flaps.configure(maxChanges, windowMs);
    }
    // Where people's actions on alerts and silences are recorded.
    void setAudit(AuditTrail *audit)
    {
        m_audit = audit;
        m_silences.setAudit(audit);
    }

    // The alerts whose condition holds now. newRound: a round of checks ended, so every alert
    // still firing counts one more occurrence.
    // complete: current holds every alert that is true now. Until the first round of checks
    // after a start it does not (the modules are not asked yet): alerts missing from it stay
    // open, so a restart neither resolves nor pages again what is still wrong.
    void observe(const QList<StatusAlert> &current, bool newRound, bool complete = true);
    // Ends snoozes that are due and applies silences that began or ended.
    void tick();

    Result<QJsonObject> acknowledge(qint64 id, const QString &actor, const QString &note);
    Result<QJsonObject> resolve(qint64 id, const QString &actor, const QString &note);
    Result<QJsonObject> snooze(qint64 id, const QString &actor, int minutes, const QString &note);
    // One of the above by its name on the wire: "ack", "resolve" or "snooze" (for minutes).
    Result<QJsonObject> act(qint64 id, const QString &action, const QString &actor,
                            const QString &note, int minutes);

    // Alerts, most severe and newest first. state: "open" (all but resolved), "firing",
    // "acknowledged", "snoozed", "silenced", "resolved" or "all".
    Result<QJsonArray> alerts(const QString &state = QStringLiteral("open"), int limit = 500) const;
    // One alert with its "history" and "deliveries".
    Result<QJsonObject> alert(qint64 id) const;
    // Open alerts that notify (neither silenced, inhibited nor snoozed): {critical, warning, info}.
    QJsonObject paging() const;
    // The open alerts that page, most severe and newest first: {severity, title, message,
    // fingerprint, notified}, in English (what the notifications list).
    QJsonArray pagingAlerts() const;

    QJsonArray silences() const;
    Result<QJsonObject> addSilence(const QJsonObject &definition, const QString &actor);
    Result<QJsonObject> updateSilence(qint64 id, const QJsonObject &definition,
                                      const QString &actor);
    Status removeSilence(qint64 id, const QString &actor);

    // Adds an alert that fired and cleared in the past, acknowledged by someone if given (the
    // demo clinic's history). Notifies no one.
    Status recordPast(const StatusAlert &alert, const QDateTime &from, const QDateTime &to,
                      const QString &acknowledgedBy = {}, const QString &note = {});
    bool isEmpty() const;

    // A channel sent a notice about the alert (its "notified" from now on).
    void markDelivered(qint64 alertId);
    // How a delivery recorded on an alert went.
    void updateDelivery(qint64 deliveryId, const QString &status, int attempts, int httpStatus,
                        const QString &error);

Q_SIGNALS:
    // Something an alert list shows changed: an alert, a silence or a delivery.
    void changed();
    // A notice ("trigger", "acknowledge" or "resolve") is in the outbox, committed.
    void noticesQueued();

private:
    Status readOpen();

    struct Entry
    {
        qint64 id = 0;
        StatusAlert alert;
        QString state; // firing | acknowledged | snoozed | resolved
        QDateTime firstSeen;
        QDateTime lastSeen;
        int count = 1;
        QString owner;
        QDateTime snoozedUntil;
        QDateTime resolvedAt;
        QString resolvedBy;
        QString inhibitedBy; // fingerprint of the module_down alert that explains it
        qint64 silenceId = 0;
        bool notified = false; // a trigger was queued, so a resolve should follow
        bool active = false; // the condition was there at the last check (not stored)
        bool delivered = false; // a channel took a notice about it
        bool flapping = false; // kept open while its condition comes and goes
        int flaps = 0; // changes of its condition within the flap window

        bool muted() const
        {
            return silenceId || !inhibitedBy.isEmpty() || state == QLatin1String("snoozed");
        }
        QJsonObject toJson() const;
    };

    Entry *find(qint64 id);
    Status insert(Entry &entry);
    Status save(const Entry &entry);
    // Saves the entry with an event in its history (and, for a person's action, an audit
    // entry), in one transaction.
    // With a notice ("trigger", "acknowledge", "resolve"), that goes to the outbox in the same
    // transaction.
    Status store(const Entry &entry, const QString &kind, const QString &actor, const Message &note,
                 bool audited, const QString &notice);
    Status queueNotice(const Entry &entry, const QString &event);
    void addHistory(qint64 alertId, const QString &kind, const QString &actor, const Message &note);
    Status addHistoryAt(qint64 alertId, const QDateTime &at, const QString &kind,
                        const QString &actor, const Message &note);
    // Recomputes inhibition and silences, and pages for alerts that just became audible.
    bool applyMutes();
    // Tells the notifier (noticesQueued) when notices went to the outbox.
    void announceNotices();
    void finish(Entry &entry, const QString &actor, const Message &note, bool cleared);
    // Marks or unmarks an open alert as flapping from what the detector says now.
    bool updateFlapping(Entry &entry, qint64 nowMs);
    static Entry fromRow(const QSqlQuery &row);
    // After a silence was added, changed or removed: mutes and unmutes at once.
    Result<QJsonObject> silenceChanged(Result<QJsonObject> result);

    Database &m_db;
    AuditTrail *m_audit = nullptr;
    const Clock &m_clock;
    FlapDetector m_flaps;
    QTimeZone m_zone = QTimeZone::utc();
    QMap<qint64, Entry> m_open; // every alert not resolved
    QHash<QString, qint64> m_byFingerprint; // of the open alerts
    SilenceStore m_silences;
    QTimer *m_ticker;
    bool m_noticesPending = false;
};

} // namespace Switchboard
