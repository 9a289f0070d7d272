#pragma once

// A loopback SMTP server for the e-mail channel's tests: it speaks enough RFC 5321 for a real
// client (EHLO, AUTH PLAIN, MAIL, RCPT, DATA, QUIT) and records the conversation.

#include <QElapsedTimer>
#include <QStringList>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

class SmtpSink : public QObject
{
public:
    struct Mail
    {
        QByteArray from;
        QList<QByteArray> to;
        QByteArray data; // the message, dot-unstuffed, without the final "."
        QByteArray auth; // the AUTH line's credentials, decoded ("\0user\0password")
    };

    SmtpSink()
    {
        if (!m_server.listen(QHostAddress::LocalHost, 0))
            qFatal("SMTP sink could not listen");
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                serve(s);
        });
    }

    quint16 port() const { return m_server.serverPort(); }
    QList<Mail> mails;
    QList<QByteArray> commands; // every command line received, in order
    bool rejectRecipients = false; // answer RCPT with 550

    bool waitFor(int n, int timeoutMs = 10000)
    {
        QElapsedTimer t;
        t.start();
        while (mails.size() < n && t.elapsed() < timeoutMs)
            QTest::qWait(10);
        return mails.size() >= n;
    }

private:
    void serve(QTcpSocket *s)
    {
        auto mail = std::make_shared<Mail>();
        auto inData = std::make_shared<bool>(false);
        auto buffer = std::make_shared<QByteArray>();
        auto awaitingAuth = std::make_shared<bool>(false);
        connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        connect(s, &QTcpSocket::readyRead, this, [this, s, mail, inData, buffer, awaitingAuth] {
            buffer->append(s->readAll());
            qsizetype end;
            while ((end = buffer->indexOf("\r\n")) >= 0) {
                QByteArray line = buffer->left(end);
                buffer->remove(0, end + 2);
                if (*inData) {
                    if (line == ".") {
                        *inData = false;
                        mails.append(*mail);
                        s->write("250 2.0.0 queued\r\n");
                        continue;
                    }
                    if (line.startsWith(".."))
                        line.remove(0, 1);
                    mail->data += line + "\r\n";
                    continue;
                }
                if (*awaitingAuth) { // the SASL PLAIN response after "334"
                    *awaitingAuth = false;
                    mail->auth = QByteArray::fromBase64(line);
                    s->write("235 2.7.0 accepted\r\n");
                    continue;
                }
                commands.append(line);
                const QByteArray verb = line.left(4).toUpper();
                if (verb == "EHLO")
                    s->write("250-sink.local\r\n250-AUTH PLAIN\r\n250 8BITMIME\r\n");
                else if (verb == "HELO")
                    s->write("250 sink.local\r\n");
                else if (verb == "AUTH") {
                    if (line.split(' ').size() < 3) {
                        *awaitingAuth = true;
                        s->write("334 \r\n");
                        continue;
                    }
                    mail->auth = QByteArray::fromBase64(line.split(' ').value(2));
                    s->write("235 2.7.0 accepted\r\n");
                } else if (verb == "MAIL") {
                    *mail = Mail {line.mid(10), {}, {}, mail->auth};
                    s->write("250 2.1.0 ok\r\n");
                } else if (verb == "RCPT") {
                    if (rejectRecipients) {
                        s->write("550 5.1.1 no such user\r\n");
                        continue;
                    }
                    mail->to.append(line.mid(8));
                    s->write("250 2.1.5 ok\r\n");
                } else if (verb == "DATA") {
                    *inData = true;
                    s->write("354 go ahead\r\n");
                } else if (verb == "QUIT") {
                    s->write("221 bye\r\n");
                    s->disconnectFromHost();
                } else {
                    s->write("250 ok\r\n");
                }
            }
        });
        s->write("220 sink.local ESMTP\r\n");
    }

    QTcpServer m_server;
};
