#include "alerts/alertbook.h"

#include "audit/audittrail.h"
#include "common/logging.h"
#include "store/database.h"

#include <QJsonDocument>
#include <QSqlQuery>
#include <QTimer>
#include <algorithm>
#include <cmath>

namespace Switchboard {

namespace {

constexpr int TickMs = 5000;
constexpr int MaxSnoozeMinutes = 7 * 24 * 60;

AlertSeverity severityFromWire(const QString &text)
{
    if (text == QLatin1String("critical"))
        return AlertSeverity::Critical;
    if (text == QLatin1String("info"))
        return AlertSeverity::Info;
    return AlertSeverity::Warning;
}

QVariant msOrNull(const QDateTime &t)
{
    return t.isValid() ? QVariant(t.toMSecsSinceEpoch()) : QVariant(QMetaType::fromType<qint64>());
}

QDateTime fromMs(const QVariant &v)
{
    return v.isNull() ? QDateTime() : QDateTime::fromMSecsSinceEpoch(v.toLongLong(), Qt::UTC);
}

QJsonValue isoOrNull(const QDateTime &t)
{
    return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs)) : QJsonValue();
}

// A string for a NOT NULL column: a null QString would bind as SQL NULL.
QString text(const QString &s)
{
    return s.isNull() ? QStringLiteral("") : s;
}

QString compact(const QJsonValue &json)
{
    return json.isObject()
        ? QString::fromUtf8(QJsonDocument(json.toObject()).toJson(QJsonDocument::Compact))
        : QStringLiteral("");
}

Error noAlert(qint64 id)
{
    return notFound(QStringLiteral("no open alert %1").arg(id), QStringLiteral("id"));
}

} // namespace

QJsonObject AlertBook::Entry::toJson() const
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("fingerprint"), alert.fingerprint()},
            {QStringLiteral("severity"), toWire(alert.severity)},
            {QStringLiteral("category"), alert.category},
            {QStringLiteral("rule"), alert.rule},
            {QStringLiteral("module"), alert.module},
            {QStringLiteral("subject"), alert.subject},
            {QStringLiteral("title"), alert.title.text()},
            {QStringLiteral("message"), alert.message.text()},
            {QStringLiteral("action"), alert.action.text()},
            {QStringLiteral("texts"), alert.texts()},
            {QStringLiteral("state"), state},
            {QStringLiteral("first_seen"), isoOrNull(firstSeen)},
            {QStringLiteral("last_seen"), isoOrNull(lastSeen)},
            {QStringLiteral("count"), count},
            {QStringLiteral("owner"), owner},
            {QStringLiteral("snoozed_until"), isoOrNull(snoozedUntil)},
            {QStringLiteral("resolved_at"), isoOrNull(resolvedAt)},
            {QStringLiteral("resolved_by"), resolvedBy},
            {QStringLiteral("inhibited_by"), inhibitedBy},
            {QStringLiteral("silenced"), silenceId != 0},
            // The condition was there at the last check: the alert resolves by itself when it
            // goes, and cannot be resolved by hand before.
            {QStringLiteral("condition_active"), active},
            {QStringLiteral("silence_id"), silenceId},
            // Someone was told: a channel sent a notice about it.
            {QStringLiteral("notified"), delivered},
            {QStringLiteral("flapping"), flapping},
            {QStringLiteral("flaps"), flaps}};
}

AlertBook::AlertBook(Database &db, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_silences(db, clock)
    , m_ticker(new QTimer(this))
{
    m_ticker->setInterval(TickMs);
    connect(m_ticker, &QTimer::timeout, this, &AlertBook::tick);
}

AlertBook::Entry AlertBook::fromRow(const QSqlQuery &q)
{
    Entry e;
    e.id = q.value(0).toLongLong();
    e.alert.rule = q.value(1).toString();
    e.alert.category = q.value(2).toString();
    e.alert.severity = severityFromWire(q.value(3).toString());
    e.alert.module = q.value(4).toString();
    e.alert.subject = q.value(5).toString();
    // Alerts stored before their texts were messages keep their English words.
    e.alert.title = Message::plain(q.value(6).toString());
    e.alert.message = Message::plain(q.value(7).toString());
    e.alert.action = Message::plain(q.value(8).toString());
    if (const QJsonObject texts = QJsonDocument::fromJson(q.value(22).toByteArray()).object();
        !texts.isEmpty())
        e.alert.setTexts(texts);
    e.alert.derivedFrom = q.value(9).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    e.state = q.value(10).toString();
    e.firstSeen = fromMs(q.value(11));
    e.lastSeen = fromMs(q.value(12));
    e.count = q.value(13).toInt();
    e.owner = q.value(14).toString();
    e.snoozedUntil = fromMs(q.value(15));
    e.resolvedAt = fromMs(q.value(16));
    e.resolvedBy = q.value(17).toString();
    e.inhibitedBy = q.value(18).toString();
    e.silenceId = q.value(19).toLongLong();
    e.notified = q.value(20).toBool();
    e.delivered = q.value(21).toBool();
    return e;
}

static const char *const EntryColumns =
    "id, rule, category, severity, module, subject, title, message, action, derived_from, state, "
    "first_seen, last_seen, count, owner, snoozed_until, resolved_at, resolved_by, inhibited_by, "
    "silence_id, notified, EXISTS (SELECT 1 FROM alert_deliveries d WHERE d.alert_id = alerts.id "
    "AND d.status = 'sent'), "
    "texts";

Status AlertBook::load()
{
    if (Status read = readOpen(); !read)
        return read;
    m_ticker->start();
    return Ok {};
}

Status AlertBook::follow()
{
    m_ticker->stop();
    return refresh();
}

Status AlertBook::refresh()
{
    if (Status read = readOpen(); !read)
        return read;
    Q_EMIT changed();
    return Ok {};
}

Status AlertBook::readOpen()
{
    auto rows = m_db.exec(QStringLiteral("SELECT %1 FROM alerts WHERE state != 'resolved'")
                              .arg(QLatin1String(EntryColumns)));
    if (!rows)
        return rows.error();
    m_open.clear();
    m_byFingerprint.clear();
    while (rows->next()) {
        Entry e = fromRow(*rows);
        m_byFingerprint.insert(e.alert.fingerprint(), e.id);
        m_open.insert(e.id, e);
    }
    return m_silences.load();
}

Status AlertBook::insert(Entry &e)
{
    auto r = m_db.insert(
        QStringLiteral("INSERT INTO alerts (fingerprint, rule, category, severity, module, "
                       "subject, title, message, action, texts, derived_from, state, first_seen, "
                       "last_seen, count, owner, resolved_by, inhibited_by, silence_id, notified) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', '', '', 0, 0)"),
        {e.alert.fingerprint(), text(e.alert.rule), text(e.alert.category),
         toWire(e.alert.severity), text(e.alert.module), text(e.alert.subject),
         text(e.alert.title.text()), text(e.alert.message.text()), text(e.alert.action.text()),
         compact(e.alert.texts()), text(e.alert.derivedFrom.join(QLatin1Char(','))), e.state,
         e.firstSeen.toMSecsSinceEpoch(), e.lastSeen.toMSecsSinceEpoch(), e.count});
    if (!r)
        return r.error();
    e.id = *r;
    return Ok {};
}

Status AlertBook::save(const Entry &e)
{
    auto r = m_db.run(
        QStringLiteral("UPDATE alerts SET severity = ?, title = ?, message = ?, action = ?, "
                       "texts = ?, state = ?, last_seen = ?, count = ?, owner = ?, "
                       "snoozed_until = ?, resolved_at = ?, resolved_by = ?, inhibited_by = ?, "
                       "silence_id = ?, notified = ? WHERE id = ?"),
        {toWire(e.alert.severity), text(e.alert.title.text()), text(e.alert.message.text()),
         text(e.alert.action.text()), compact(e.alert.texts()), e.state,
         e.lastSeen.toMSecsSinceEpoch(), e.count, text(e.owner), msOrNull(e.snoozedUntil),
         msOrNull(e.resolvedAt), text(e.resolvedBy), text(e.inhibitedBy), e.silenceId, e.notified,
         e.id});
    if (!r)
        return r.error();
    return Ok {};
}

Status AlertBook::queueNotice(const Entry &e, const QString &event)
{
    auto r = m_db.run(QStringLiteral("INSERT INTO notification_outbox (alert_id, event, alert, "
                                     "created_at) VALUES (?, ?, ?, ?)"),
                      {e.id, event,
                       QString::fromUtf8(QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact)),
                       m_clock.nowMs()});
    if (!r)
        return r.error();
    m_db.afterCommit([this] { m_noticesPending = true; });
    return Ok {};
}

void AlertBook::markDelivered(qint64 alertId)
{
    if (Entry *e = find(alertId); e && !e->delivered) {
        e->delivered = true;
        Q_EMIT changed();
    }
}

Status AlertBook::store(const Entry &e, const QString &kind, const QString &actor,
                        const Message &note, bool audited, const QString &notice)
{
    return m_db.transaction([&]() -> Status {
        if (Status st = save(e); !st)
            return st;
        // The other cores sharing the store read the alerts again.
        if (Status told = m_db.announce(QStringLiteral("alerts")); !told)
            return told;
        addHistory(e.id, kind, actor, note);
        if (!notice.isEmpty()) {
            if (Status queued = queueNotice(e, notice); !queued)
                return queued;
        }
        if (!audited)
            return Ok {};
        return audit(m_audit, QStringLiteral("alert.") + kind, actor,
                     {{QStringLiteral("alert_id"), e.id},
                      {QStringLiteral("fingerprint"), e.alert.fingerprint()}});
    });
}

void AlertBook::addHistory(qint64 alertId, const QString &kind, const QString &actor,
                           const Message &note)
{
    if (Status st = addHistoryAt(alertId, m_clock.now(), kind, actor, note); !st)
        qCWarning(lcAlerts) << "alert history not kept:" << st.error().message;
}

Status AlertBook::addHistoryAt(qint64 alertId, const QDateTime &at, const QString &kind,
                               const QString &actor, const Message &note)
{
    // The note in English, and as a message when the book wrote it, for the console to translate.
    auto r = m_db.run(QStringLiteral("INSERT INTO alert_events (alert_id, ts, kind, actor, note, "
                                     "texts) VALUES (?, ?, ?, ?, ?, ?)"),
                      {alertId, at.toMSecsSinceEpoch(), kind, text(actor), text(note.text()),
                       note.id().isEmpty() ? QStringLiteral("") : compact(note.toJson())});
    if (!r)
        return r.error();
    return Ok {};
}

AlertBook::Entry *AlertBook::find(qint64 id)
{
    auto it = m_open.find(id);
    return it == m_open.end() ? nullptr : &it.value();
}

void AlertBook::observe(const QList<StatusAlert> &current, bool newRound, bool complete)
{
    const QDateTime now = m_clock.now();
    const qint64 nowMs = now.toMSecsSinceEpoch();
    bool dirty = false;
    QSet<QString> seen;
    for (const StatusAlert &a : current) {
        const QString fp = a.fingerprint();
        if (seen.contains(fp))
            continue;
        seen.insert(fp);
        m_flaps.observe(fp, true, nowMs);
        if (Entry *e = find(m_byFingerprint.value(fp, -1))) {
            dirty = updateFlapping(*e, nowMs) || dirty;
            if (!e->active) {
                e->active = true;
                dirty = true;
            }
            const bool reworded = e->alert.title != a.title || e->alert.message != a.message
                || e->alert.severity != a.severity || e->alert.action != a.action;
            if (!reworded && !newRound)
                continue;
            if (reworded) {
                addHistory(e->id, QStringLiteral("updated"), QString(), a.message);
                e->alert = a;
            }
            if (newRound) {
                ++e->count;
                e->lastSeen = now;
            }
            if (Status st = save(*e); !st)
                qCWarning(lcAlerts) << "alert not updated:" << st.error().message;
            dirty = true;
            continue;
        }
        Entry e;
        e.alert = a;
        e.active = true;
        e.state = QStringLiteral("firing");
        e.firstSeen = e.lastSeen = now;
        if (Status st = insert(e); !st) {
            qCWarning(lcAlerts) << "alert not recorded:" << st.error().message;
            continue;
        }
        addHistory(e.id, QStringLiteral("raised"), QString(), a.message);
        m_byFingerprint.insert(fp, e.id);
        Entry &opened = m_open.insert(e.id, e).value();
        updateFlapping(opened, nowMs);
        dirty = true;
    }
    const QList<qint64> ids = m_open.keys();
    for (qint64 id : ids) {
        Entry &e = m_open[id];
        if (!complete || seen.contains(e.alert.fingerprint()))
            continue;
        m_flaps.observe(e.alert.fingerprint(), false, nowMs);
        e.active = false;
        dirty = updateFlapping(e, nowMs) || dirty;
        // A flapping alert stays open until its condition has been still for a window.
        if (!e.flapping)
            finish(e, QString(), Message(QStringLiteral("alert.history.cleared")), true);
        dirty = true;
    }
    if (applyMutes() || dirty)
        Q_EMIT changed();
}

bool AlertBook::updateFlapping(Entry &e, qint64 nowMs)
{
    const QString fp = e.alert.fingerprint();
    const bool flapping = m_flaps.isFlapping(fp, nowMs);
    const int flaps = m_flaps.changes(fp, nowMs);
    if (flapping == e.flapping && (!flapping || flaps == e.flaps))
        return false;
    const bool started = flapping && !e.flapping;
    e.flapping = flapping;
    e.flaps = flaps;
    if (started) {
        addHistory(e.id, QStringLiteral("flapping"), QString(),
                   Message(QStringLiteral("alert.history.flapping"),
                           {Message::number(flaps),
                            Message::number(std::floor(m_flaps.windowMs() / 60000.0))}));
    } else if (!flapping) {
        addHistory(e.id, QStringLiteral("stable"), QString(), {});
    }
    return true;
}

void AlertBook::tick()
{
    const QDateTime now = m_clock.now();
    bool dirty = false;
    for (Entry &e : m_open) {
        if (e.state == QLatin1String("snoozed") && e.snoozedUntil <= now) {
            e.state = QStringLiteral("firing");
            e.snoozedUntil = QDateTime();
            e.notified = false; // page again, as the snooze promised
            addHistory(e.id, QStringLiteral("snooze_ended"), QString(), {});
            (void)save(e);
            dirty = true;
        }
    }
    if (applyMutes() || dirty)
        Q_EMIT changed();
}

bool AlertBook::applyMutes()
{
    const QDateTime now = m_clock.now();
    QHash<QString, QString> down; // module → its module_down fingerprint
    for (const Entry &e : std::as_const(m_open)) {
        if (e.alert.rule == QLatin1String("module_down"))
            down.insert(e.alert.module, e.alert.fingerprint());
    }
    bool dirty = false;
    QList<qint64> audible;
    for (Entry &e : m_open) {
        bool entryDirty = false;
        QString inhibitedBy;
        if (e.alert.rule != QLatin1String("module_down")) {
            QStringList sources = e.alert.derivedFrom;
            if (!e.alert.module.isEmpty())
                sources.prepend(e.alert.module);
            for (const QString &m : std::as_const(sources)) {
                if (down.contains(m)) {
                    inhibitedBy = down.value(m);
                    break;
                }
            }
        }
        qint64 silenceId = 0;
        for (const Silence &s : m_silences.all()) {
            if (s.matches(e.alert) && s.activeAt(now, m_zone)) {
                silenceId = s.id;
                break;
            }
        }
        if (inhibitedBy != e.inhibitedBy || silenceId != e.silenceId) {
            if (inhibitedBy != e.inhibitedBy)
                addHistory(e.id,
                           inhibitedBy.isEmpty() ? QStringLiteral("uninhibited")
                                                 : QStringLiteral("inhibited"),
                           QString(), Message::plain(inhibitedBy));
            if (silenceId != e.silenceId)
                addHistory(
                    e.id, silenceId ? QStringLiteral("silenced") : QStringLiteral("unsilenced"),
                    QString(), Message::plain(silenceId ? QString::number(silenceId) : QString()));
            e.inhibitedBy = inhibitedBy;
            e.silenceId = silenceId;
            entryDirty = true;
        }
        if (!e.muted() && !e.notified && e.state == QLatin1String("firing")) {
            // Paged: the alert and its notice in the outbox are stored together.
            e.notified = true;
            const Status st = m_db.transaction([&]() -> Status {
                if (Status saved = save(e); !saved)
                    return saved;
                return queueNotice(e, QStringLiteral("trigger"));
            });
            if (!st) {
                qCWarning(lcAlerts) << "alert not paged:" << st.error().message;
                e.notified = false; // tried again on the next round
            }
            entryDirty = false;
            dirty = true;
        }
        if (entryDirty)
            (void)save(e);
        dirty = dirty || entryDirty;
    }
    announceNotices();
    return dirty;
}

void AlertBook::announceNotices()
{
    // Once the whole change is done, so what the notices count (paging) is the final state.
    if (std::exchange(m_noticesPending, false))
        Q_EMIT noticesQueued();
}

void AlertBook::finish(Entry &e, const QString &actor, const Message &note, bool cleared)
{
    e.state = QStringLiteral("resolved");
    e.resolvedAt = m_clock.now();
    e.resolvedBy = cleared ? QStringLiteral("system") : actor;
    e.snoozedUntil = QDateTime();
    const bool notified = e.notified;
    if (Status st = store(e, cleared ? QStringLiteral("cleared") : QStringLiteral("resolved"),
                          actor, note, !cleared, notified ? QStringLiteral("resolve") : QString());
        !st)
        qCWarning(lcAlerts) << "alert not resolved in the store:" << st.error().message;
    m_byFingerprint.remove(e.alert.fingerprint());
    m_open.remove(e.id);
}

Result<QJsonObject> AlertBook::acknowledge(qint64 id, const QString &actor, const QString &note)
{
    Entry *e = find(id);
    if (!e)
        return noAlert(id);
    Entry next = *e;
    next.state = QStringLiteral("acknowledged");
    next.owner = actor;
    next.snoozedUntil = QDateTime();
    if (Status st = store(next, QStringLiteral("acknowledged"), actor, Message::plain(note), true,
                          next.notified ? QStringLiteral("acknowledge") : QString());
        !st)
        return st.error();
    *e = next;
    announceNotices();
    const QJsonObject json = e->toJson();
    Q_EMIT changed();
    return json;
}

Result<QJsonObject> AlertBook::resolve(qint64 id, const QString &actor, const QString &note)
{
    Entry *e = find(id);
    if (!e)
        return noAlert(id);
    // Resolved by hand while the problem is still there, it would only come back at the next
    // check as a new alert.
    if (e->active)
        return conflict(QStringLiteral("the problem behind alert %1 is still there; it resolves by "
                                       "itself when it goes (acknowledge or snooze it meanwhile)")
                            .arg(id),
                        QStringLiteral("state"));
    finish(*e, actor, Message::plain(note), false);
    announceNotices();
    Q_EMIT changed();
    return alert(id);
}

Result<QJsonObject> AlertBook::snooze(qint64 id, const QString &actor, int minutes,
                                      const QString &note)
{
    Entry *e = find(id);
    if (!e)
        return noAlert(id);
    if (minutes < 1 || minutes > MaxSnoozeMinutes)
        return makeError(QStringLiteral("snooze for 1 to %1 minutes").arg(MaxSnoozeMinutes),
                         QStringLiteral("minutes"));
    Entry next = *e;
    next.state = QStringLiteral("snoozed");
    next.snoozedUntil = m_clock.now().addSecs(qint64(minutes) * 60);
    if (next.owner.isEmpty())
        next.owner = actor;
    const Message why = note.isEmpty()
        ? Message(QStringLiteral("alert.history.snoozed"), {Message::number(minutes)})
        : Message(QStringLiteral("alert.history.snoozed_note"),
                  {Message::number(minutes), Message::plain(note)});
    if (Status st = store(next, QStringLiteral("snoozed"), actor, why, true, {}); !st)
        return st.error();
    *e = next;
    Q_EMIT changed();
    return e->toJson();
}

Result<QJsonObject> AlertBook::act(qint64 id, const QString &action, const QString &actor,
                                   const QString &note, int minutes)
{
    if (action == QLatin1String("ack"))
        return acknowledge(id, actor, note);
    if (action == QLatin1String("resolve"))
        return resolve(id, actor, note);
    if (action == QLatin1String("snooze"))
        return snooze(id, actor, minutes, note);
    return makeError(
        QStringLiteral("unknown action \"%1\" (expected ack, resolve or snooze)").arg(action),
        QStringLiteral("action"));
}

Result<QJsonArray> AlertBook::alerts(const QString &state, int limit) const
{
    static const QStringList states = {QStringLiteral("open"),         QStringLiteral("firing"),
                                       QStringLiteral("acknowledged"), QStringLiteral("snoozed"),
                                       QStringLiteral("silenced"),     QStringLiteral("resolved"),
                                       QStringLiteral("all")};
    if (!states.contains(state))
        return makeError(QStringLiteral("state must be one of %1").arg(states.join(u", ")),
                         QStringLiteral("state"));
    QList<QJsonObject> list;
    for (const Entry &e : m_open) {
        const bool keep = state == QLatin1String("open") || state == QLatin1String("all")
            || (state == QLatin1String("silenced") ? e.silenceId != 0 : e.state == state);
        if (keep)
            list.append(e.toJson());
    }
    if (state == QLatin1String("resolved") || state == QLatin1String("all")) {
        auto rows = m_db.exec(QStringLiteral("SELECT %1 FROM alerts WHERE state = 'resolved' "
                                             "ORDER BY resolved_at DESC LIMIT ?")
                                  .arg(QLatin1String(EntryColumns)),
                              {limit});
        if (!rows)
            return rows.error();
        while (rows->next())
            list.append(fromRow(*rows).toJson());
    }
    const auto rank = [](const QJsonObject &a) {
        const QString s = a.value(QLatin1String("severity")).toString();
        return s == QLatin1String("critical") ? 0 : s == QLatin1String("warning") ? 1 : 2;
    };
    std::stable_sort(list.begin(), list.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const bool aOpen = a.value(QLatin1String("state")) != QLatin1String("resolved");
        const bool bOpen = b.value(QLatin1String("state")) != QLatin1String("resolved");
        if (aOpen != bOpen)
            return aOpen;
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return a.value(QLatin1String("last_seen")).toString()
            > b.value(QLatin1String("last_seen")).toString();
    });
    QJsonArray out;
    for (const QJsonObject &a : std::as_const(list).first(std::min<qsizetype>(limit, list.size())))
        out.append(a);
    return out;
}

Result<QJsonObject> AlertBook::alert(qint64 id) const
{
    QJsonObject json;
    if (auto it = m_open.find(id); it != m_open.end()) {
        json = it->toJson();
    } else {
        auto row = m_db.exec(
            QStringLiteral("SELECT %1 FROM alerts WHERE id = ?").arg(QLatin1String(EntryColumns)),
            {id});
        if (!row)
            return row.error();
        if (!row->next())
            return notFound(QStringLiteral("no alert %1").arg(id), QStringLiteral("id"));
        json = fromRow(*row).toJson();
    }
    QJsonArray history;
    auto events = m_db.exec(QStringLiteral("SELECT ts, kind, actor, note, texts FROM alert_events "
                                           "WHERE alert_id = ? ORDER BY ts, rowid"),
                            {id});
    if (!events)
        return events.error();
    while (events->next()) {
        QJsonObject event {
            {QStringLiteral("at"), fromMs(events->value(0)).toString(Qt::ISODateWithMs)},
            {QStringLiteral("kind"), events->value(1).toString()},
            {QStringLiteral("actor"), events->value(2).toString()},
            {QStringLiteral("note"), events->value(3).toString()}};
        if (const QJsonDocument note = QJsonDocument::fromJson(events->value(4).toByteArray());
            note.isObject())
            event.insert(QStringLiteral("texts"),
                         QJsonObject {{QStringLiteral("note"), note.object()}});
        history.append(event);
    }
    QJsonArray deliveries;
    auto sent = m_db.exec(QStringLiteral("SELECT id, channel, event, status, attempts, "
                                         "http_status, error, updated_at FROM alert_deliveries "
                                         "WHERE alert_id = ? ORDER BY id"),
                          {id});
    if (!sent)
        return sent.error();
    while (sent->next()) {
        deliveries.append(QJsonObject {
            {QStringLiteral("id"), sent->value(0).toLongLong()},
            {QStringLiteral("channel"), sent->value(1).toString()},
            {QStringLiteral("event"), sent->value(2).toString()},
            {QStringLiteral("status"), sent->value(3).toString()},
            {QStringLiteral("attempts"), sent->value(4).toInt()},
            {QStringLiteral("http_status"), sent->value(5).toInt()},
            {QStringLiteral("error"), sent->value(6).toString()},
            {QStringLiteral("at"), fromMs(sent->value(7)).toString(Qt::ISODateWithMs)}});
    }
    json.insert(QStringLiteral("history"), history);
    json.insert(QStringLiteral("deliveries"), deliveries);
    return json;
}

QJsonObject AlertBook::paging() const
{
    int counts[3] = {0, 0, 0};
    for (const Entry &e : m_open) {
        if (!e.muted())
            ++counts[int(e.alert.severity)];
    }
    return {{QStringLiteral("critical"), counts[0]},
            {QStringLiteral("warning"), counts[1]},
            {QStringLiteral("info"), counts[2]}};
}

QJsonArray AlertBook::pagingAlerts() const
{
    QList<const Entry *> open;
    for (const Entry &e : m_open) {
        if (!e.muted())
            open.append(&e);
    }
    // Most severe first, then the newest; alerts raised together in the order raised.
    std::stable_sort(open.begin(), open.end(), [](const Entry *a, const Entry *b) {
        if (a->alert.severity != b->alert.severity)
            return a->alert.severity < b->alert.severity;
        return a->firstSeen > b->firstSeen;
    });
    QJsonArray out;
    for (const Entry *e : std::as_const(open))
        out.append(QJsonObject {{QStringLiteral("severity"), toWire(e->alert.severity)},
                                {QStringLiteral("title"), e->alert.title.text()},
                                {QStringLiteral("message"), e->alert.message.text()},
                                {QStringLiteral("fingerprint"), e->alert.fingerprint()},
                                {QStringLiteral("notified"), e->delivered}});
    return out;
}

QJsonArray AlertBook::silences() const
{
    return m_silences.toJson(m_zone);
}

Result<QJsonObject> AlertBook::addSilence(const QJsonObject &definition, const QString &actor)
{
    return silenceChanged(m_silences.add(definition, actor));
}

Result<QJsonObject> AlertBook::updateSilence(qint64 id, const QJsonObject &definition,
                                             const QString &actor)
{
    return silenceChanged(m_silences.update(id, definition, actor));
}

Status AlertBook::removeSilence(qint64 id, const QString &actor)
{
    Status removed = m_silences.remove(id, actor);
    if (removed) {
        applyMutes();
        (void)m_db.announce(QStringLiteral("alerts"));
        Q_EMIT changed();
    }
    return removed;
}

Result<QJsonObject> AlertBook::silenceChanged(Result<QJsonObject> result)
{
    // What a silence covers is muted (or heard again) at once.
    if (result) {
        applyMutes();
        (void)m_db.announce(QStringLiteral("alerts"));
        Q_EMIT changed();
    }
    return result;
}

Status AlertBook::recordPast(const StatusAlert &alert, const QDateTime &from, const QDateTime &to,
                             const QString &acknowledgedBy, const QString &note)
{
    return m_db.transaction([&]() -> Status {
        Entry e;
        e.alert = alert;
        e.state = QStringLiteral("resolved");
        e.firstSeen = from;
        e.lastSeen = to;
        e.count = int(std::max<qint64>(1, from.secsTo(to) / 900)); // a check every 15 minutes
        if (Status st = insert(e); !st)
            return st;
        e.owner = acknowledgedBy;
        e.resolvedAt = to;
        e.resolvedBy = QStringLiteral("system");
        if (Status st = save(e); !st)
            return st;
        if (Status st =
                addHistoryAt(e.id, from, QStringLiteral("raised"), QString(), alert.message);
            !st)
            return st;
        if (!acknowledgedBy.isEmpty()) {
            if (Status st = addHistoryAt(e.id, from.addSecs(360), QStringLiteral("acknowledged"),
                                         acknowledgedBy, Message::plain(note));
                !st)
                return st;
        }
        if (Status st = addHistoryAt(e.id, to, QStringLiteral("cleared"), QString(),
                                     Message(QStringLiteral("alert.history.cleared")));
            !st)
            return st;
        return Ok {};
    });
}

bool AlertBook::isEmpty() const
{
    if (!m_open.isEmpty())
        return false;
    auto any = m_db.exec(QStringLiteral("SELECT 1 FROM alerts LIMIT 1"));
    return any && !any->next();
}

void AlertBook::updateDelivery(qint64 deliveryId, const QString &status, int attempts,
                               int httpStatus, const QString &error)
{
    auto r = m_db.run(QStringLiteral("UPDATE alert_deliveries SET status = ?, attempts = ?, "
                                     "http_status = ?, error = ?, updated_at = ? WHERE id = ?"),
                      {status, attempts, httpStatus, text(error), m_clock.nowMs(), deliveryId});
    if (!r)
        qCWarning(lcAlerts) << "delivery not updated:" << r.error().message;
    Q_EMIT changed();
}

} // namespace Switchboard
