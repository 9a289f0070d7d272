#include "audit/auditlog.h"

#include "common/logging.h"
#include "engine/moduleclient.h"
#include "store/database.h"

#include <QCryptographicHash>
#include <QJsonDocument>
#include <QPointer>
#include <QTimer>

namespace Switchboard {

namespace {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString chainHash(const QString &previous, qint64 seq, qint64 ts, const QString &event,
                  const QString &actor, const QByteArray &data)
{
    QCryptographicHash h(QCryptographicHash::Sha256);
    h.addData(previous.toUtf8());
    h.addData(QByteArray::number(seq));
    h.addData(QByteArray::number(ts));
    h.addData(event.toUtf8());
    h.addData(actor.toUtf8());
    h.addData(data);
    return QString::fromLatin1(h.result().toHex());
}

constexpr qint64 MaxRetryMs = 60000;

} // namespace

AuditLog::AuditLog(Database &db, const Clock &clock, ModuleClient &modules, QObject *parent)
    : QObject(parent)
    , m_db(db)
    , m_clock(clock)
    , m_modules(modules)
    , m_retry(new QTimer(this))
{
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &AuditLog::forward);
}

void AuditLog::setCompliance(const QUrl &endpoint, int timeoutMs)
{
    m_endpoint = endpoint;
    m_timeoutMs = timeoutMs;
    forward();
}

Result<QJsonObject> AuditLog::append(const QString &event, const QString &actor,
                                     const QJsonObject &data)
{
    QJsonObject entry;
    Status st = m_db.transaction([&]() -> Status {
        auto last = m_db.exec(QStringLiteral("SELECT seq, hash FROM audit_log ORDER BY seq DESC "
                                             "LIMIT 1"));
        if (!last)
            return last.error();
        const bool any = last->next();
        const qint64 seq = any ? last->value(0).toLongLong() + 1 : 1;
        // The first entry chains to the empty string (not NULL: the column requires a value).
        const QString previous = any ? last->value(1).toString() : QStringLiteral("");
        const qint64 ts = m_clock.nowMs();
        const QByteArray body = compact(data);
        const QString hash = chainHash(previous, seq, ts, event, actor, body);
        auto r = m_db.run(QStringLiteral("INSERT INTO audit_log (seq, ts, event, actor, data, "
                                         "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)"),
                          {seq, ts, event, actor, QString::fromUtf8(body), previous, hash});
        if (!r)
            return r.error();
        entry = {{QStringLiteral("seq"), seq},
                 {QStringLiteral("ts"),
                  QDateTime::fromMSecsSinceEpoch(ts, Qt::UTC).toString(Qt::ISODateWithMs)},
                 {QStringLiteral("event"), event},
                 {QStringLiteral("actor"), actor},
                 {QStringLiteral("data"), data},
                 {QStringLiteral("hash"), hash}};
        return Ok {};
    });
    if (!st)
        return st.error();
    QPointer<AuditLog> self(this);
    m_db.afterCommit([self] {
        if (!self)
            return;
        self->m_retryMs = 1000;
        self->forward();
    });
    return entry;
}

Status AuditLog::record(const QString &event, const QString &actor, const QJsonObject &data)
{
    if (auto entry = append(event, actor, data); !entry)
        return entry.error();
    return Ok {};
}

QJsonArray AuditLog::entries(qint64 afterSeq, int limit)
{
    QJsonArray out;
    auto q = m_db.exec(QStringLiteral("SELECT seq, ts, event, actor, data, hash, forwarded_at FROM "
                                      "audit_log WHERE seq > ? ORDER BY seq LIMIT ?"),
                       {afterSeq, limit});
    if (!q)
        return out;
    while (q->next()) {
        out.append(QJsonObject {
            {QStringLiteral("seq"), q->value(0).toLongLong()},
            {QStringLiteral("ts"),
             QDateTime::fromMSecsSinceEpoch(q->value(1).toLongLong(), Qt::UTC)
                 .toString(Qt::ISODateWithMs)},
            {QStringLiteral("event"), q->value(2).toString()},
            {QStringLiteral("actor"), q->value(3).toString()},
            {QStringLiteral("data"), QJsonDocument::fromJson(q->value(4).toByteArray()).object()},
            {QStringLiteral("hash"), q->value(5).toString()},
            {QStringLiteral("forwarded"), !q->value(6).isNull()}});
    }
    return out;
}

Status AuditLog::verify()
{
    if (auto checked = verify(m_db); !checked)
        return checked.error();
    return Ok {};
}

Result<qint64> AuditLog::verify(Database &db)
{
    auto q = db.exec(QStringLiteral(
        "SELECT seq, ts, event, actor, data, prev_hash, hash FROM audit_log ORDER BY seq"));
    if (!q)
        return q.error();
    QString previous;
    qint64 count = 0;
    while (q->next()) {
        const qint64 seq = q->value(0).toLongLong();
        if (seq != count + 1)
            return makeError(QStringLiteral("audit entry %1 is missing (the next one stored is %2)")
                                 .arg(count + 1)
                                 .arg(seq),
                             QStringLiteral("seq"));
        const QString expected =
            chainHash(previous, seq, q->value(1).toLongLong(), q->value(2).toString(),
                      q->value(3).toString(), q->value(4).toString().toUtf8());
        if (q->value(5).toString() != previous || q->value(6).toString() != expected)
            return makeError(QStringLiteral("audit entry %1 does not match the chain: it was "
                                            "changed, or one before it was")
                                 .arg(seq),
                             QStringLiteral("seq"));
        previous = expected;
        ++count;
    }
    return count;
}

int AuditLog::waiting()
{
    auto q = m_db.exec(QStringLiteral("SELECT COUNT(*) FROM audit_log WHERE forwarded_at IS NULL"));
    return q && q->next() ? q->value(0).toInt() : 0;
}

void AuditLog::forward()
{
    if (m_sending || m_endpoint.isEmpty())
        return;
    const QJsonArray next = [this] {
        auto q = m_db.exec(QStringLiteral("SELECT seq FROM audit_log WHERE forwarded_at IS NULL "
                                          "ORDER BY seq LIMIT 1"));
        return q && q->next() ? entries(q->value(0).toLongLong() - 1, 1) : QJsonArray();
    }();
    if (next.isEmpty())
        return;
    const QJsonObject entry = next.first().toObject();
    const qint64 seq = entry.value(QLatin1String("seq")).toInteger();
    ModuleCallRequest request;
    request.module = QStringLiteral("09_compliance");
    request.url = m_endpoint;
    request.body = entry;
    request.body.insert(QStringLiteral("action"), QStringLiteral("log_event"));
    request.body.insert(QStringLiteral("source"), QStringLiteral("switchboard"));
    request.idempotencyKey = "audit:" + QByteArray::number(seq);
    request.traceId =
        QCryptographicHash::hash(request.idempotencyKey, QCryptographicHash::Md5).toHex();
    request.spanId = request.traceId.left(16);
    request.timeoutMs = m_timeoutMs;
    m_sending = true;
    QPointer<AuditLog> self(this);
    m_modules.call(request, [self, seq](const ModuleCallResult &result) {
        if (!self)
            return;
        self->m_sending = false;
        if (!result.ok()) {
            qCInfo(lcService) << "audit entry" << seq << "not yet forwarded:" << result.error;
            self->scheduleRetry();
            return;
        }
        auto r =
            self->m_db.run(QStringLiteral("UPDATE audit_log SET forwarded_at = ? WHERE seq = ?"),
                           {self->m_clock.nowMs(), seq});
        if (!r) {
            self->scheduleRetry();
            return;
        }
        self->m_retryMs = 1000;
        Q_EMIT self->forwarded(seq);
        self->forward();
    });
}

void AuditLog::scheduleRetry()
{
    m_retry->start(int(m_retryMs));
    m_retryMs = std::min(m_retryMs * 2, MaxRetryMs);
}

} // namespace Switchboard
