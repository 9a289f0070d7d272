#pragma once

#include "net/httpservice.h"

#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <deque>

class QTimer;

namespace Switchboard {

class Clock;

// Webhooks that answer when their execution ends (a trigger with "respond": "on_end"), like
// n8n's "Respond to Webhook". Each waits at most the timeout, then gets 504 while the execution
// goes on. All waits share one timer: they expire in the order they came, so only the oldest
// needs watching, and a wait that got its answer costs nothing more. Bounds are kept on the
// injected clock; the timer only says when to look.
class WebhookWaits : public QObject
{
    Q_OBJECT

public:
    WebhookWaits(const Clock &clock, int timeoutMs, QObject *parent = nullptr);

    // reply waits for executionId's end. Several may wait for one execution (a sender's retry
    // with the same Idempotency-Key while the first request still waits).
    void wait(const QString &executionId, const HttpReply &reply);
    // Answers the replies waiting for executionId, if any: 200 with the end's output when
    // completed, 500 with the error otherwise.
    void finish(const QString &executionId, const QString &status, const QJsonObject &output,
                const QString &error);
    int waiting() const { return m_count; }
    // Answers 504 to the waits past their bound and arms the timer for the next one. The timer
    // calls it; a test with a manual clock may too.
    void expireDue();

    static void answer(const HttpReply &reply, const QString &executionId, const QString &status,
                       const QJsonObject &output, const QString &error);

private:
    struct Bound
    {
        qint64 dueMs = 0; // on the clock
        QString executionId;
        quint64 serial = 0; // which of the execution's waits
    };

    const Clock &m_clock;
    const int m_timeoutMs;
    QTimer *m_timer;
    QHash<QString, QList<std::pair<quint64, HttpReply>>> m_waiting; // by execution, by serial
    std::deque<Bound> m_bounds; // in the order they came
    quint64 m_serial = 0;
    int m_count = 0;
};

} // namespace Switchboard
