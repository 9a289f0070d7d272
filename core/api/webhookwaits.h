#pragma once

#include "net/httpservice.h"

#include <QDeadlineTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <deque>

class QTimer;

namespace Switchboard {

// Webhooks that answer when their execution ends (a trigger with "respond": "on_end"), like
// n8n's "Respond to Webhook". Each waits at most the timeout, then gets 504 while the execution
// goes on. All waits share one timer: they expire in the order they came, so only the oldest
// needs watching, and a wait that got its answer costs nothing more.
class WebhookWaits : public QObject
{
    Q_OBJECT

public:
    explicit WebhookWaits(int timeoutMs, QObject *parent = nullptr);

    // reply waits for executionId's end.
    void wait(const QString &executionId, const HttpReply &reply);
    // Answers the reply waiting for executionId, if one does: 200 with the end's output when
    // completed, 500 with the error otherwise.
    void finish(const QString &executionId, const QString &status, const QJsonObject &output,
                const QString &error);
    int waiting() const { return int(m_waiting.size()); }

    static void answer(const HttpReply &reply, const QString &executionId, const QString &status,
                       const QJsonObject &output, const QString &error);

private:
    // Answers 504 to the waits past their bound and arms the timer for the next one.
    void expire();

    const int m_timeoutMs;
    QTimer *m_timer;
    QHash<QString, HttpReply> m_waiting;
    std::deque<std::pair<QDeadlineTimer, QString>> m_bounds; // in the order they came
};

} // namespace Switchboard
