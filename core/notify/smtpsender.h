#pragma once

#include "common/result.h"

#include <QObject>
#include <QStringList>
#include <QThreadPool>
#include <QUrl>
#include <functional>

namespace Switchboard {

// Sends one e-mail over SMTP with libcurl (smtp:// with STARTTLS when the server is not this
// machine, or smtps://), on a pool thread so the event loop never waits on a mail server.
class SmtpSender final : public QObject
{
    Q_OBJECT

public:
    struct Mail
    {
        QUrl server; // smtp://host:port or smtps://host:port
        QString username; // empty: no AUTH
        QString password;
        QString from;
        QStringList to;
        QByteArray message; // RFC 5322, CRLF line ends
        int timeoutMs = 20000;
    };

    using Done = std::function<void(Status)>;

    explicit SmtpSender(QObject *parent = nullptr);
    ~SmtpSender() override;

    // done runs on this object's thread; the error carries the server's answer.
    void send(const Mail &mail, Done done);

private:
    QThreadPool m_pool;
};

} // namespace Switchboard
