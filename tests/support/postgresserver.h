#pragma once

// A throwaway PostgreSQL server for the shared-store tests: initdb and pg_ctl from Debian's
// postgresql package in a temporary folder, on a free loopback port, trusting local
// connections. initdb refuses to run as root, so under root (CI) the server runs as the
// "postgres" account the package creates. Stopped (immediately) when destroyed.

#include <QDir>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <unistd.h>

namespace TestSupport {

class PostgresServer
{
public:
    ~PostgresServer() { stop(); }

    // Empty when it runs; otherwise why not.
    QString start()
    {
        const QString bin = binDir();
        if (bin.isEmpty())
            return QStringLiteral("no PostgreSQL server binaries in /usr/lib/postgresql "
                                  "(Debian: postgresql)");
        if (!m_dir.isValid())
            return QStringLiteral("no temporary folder");
        {
            QTcpServer probe;
            if (!probe.listen(QHostAddress::LocalHost, 0))
                return QStringLiteral("no free port");
            m_port = probe.serverPort();
        }
        m_data = m_dir.filePath(QStringLiteral("data"));
        if (geteuid() == 0
            && QProcess::execute(QStringLiteral("chown"),
                                 {QStringLiteral("postgres"), m_dir.path()})
                != 0)
            return QStringLiteral("cannot hand %1 to the postgres account").arg(m_dir.path());
        QString out;
        if (!run(bin + QStringLiteral("/initdb"),
                 {QStringLiteral("-D"), m_data, QStringLiteral("-U"), QStringLiteral("switchboard"),
                  QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                  QStringLiteral("--no-sync")},
                 &out))
            return QStringLiteral("initdb failed: ") + out;
        const QString options =
            QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off "
                           "-c max_connections=60")
                .arg(m_port)
                .arg(m_dir.path());
        if (!run(bin + QStringLiteral("/pg_ctl"),
                 {QStringLiteral("-D"), m_data, QStringLiteral("-o"), options, QStringLiteral("-l"),
                  m_dir.filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                  QStringLiteral("start")},
                 &out))
            return QStringLiteral("pg_ctl start failed: ") + out + log();
        m_running = true;
        if (!run(bin + QStringLiteral("/createdb"),
                 {QStringLiteral("-h"), QStringLiteral("127.0.0.1"), QStringLiteral("-p"),
                  QString::number(m_port), QStringLiteral("-U"), QStringLiteral("switchboard"),
                  QStringLiteral("switchboard")},
                 &out))
            return QStringLiteral("createdb failed: ") + out;
        return {};
    }

    void stop()
    {
        if (!m_running)
            return;
        m_running = false;
        QString out;
        run(binDir() + QStringLiteral("/pg_ctl"),
            {QStringLiteral("-D"), m_data, QStringLiteral("-m"), QStringLiteral("immediate"),
             QStringLiteral("-w"), QStringLiteral("stop")},
            &out);
    }

    quint16 port() const { return m_port; }
    QString url(const QString &database = QStringLiteral("switchboard")) const
    {
        return QStringLiteral("postgresql://switchboard@127.0.0.1:%1/%2").arg(m_port).arg(database);
    }
    QString log() const
    {
        QFile file(m_dir.filePath(QStringLiteral("server.log")));
        return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll().right(2000))
                                              : QString();
    }

private:
    static QString binDir()
    {
        const QDir lib(QStringLiteral("/usr/lib/postgresql"));
        QStringList versions = lib.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (auto it = versions.crbegin(); it != versions.crend(); ++it) {
            const QString bin = lib.filePath(*it + QStringLiteral("/bin"));
            if (QFile::exists(bin + QStringLiteral("/initdb")))
                return bin;
        }
        return {};
    }

    // As the postgres account when this is root.
    static bool run(const QString &program, const QStringList &arguments, QString *output)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.setWorkingDirectory(QDir::tempPath());
        if (geteuid() == 0)
            p.start(QStringLiteral("runuser"),
                    QStringList {QStringLiteral("-u"), QStringLiteral("postgres"),
                                 QStringLiteral("--"), program}
                        + arguments);
        else
            p.start(program, arguments);
        const bool done = p.waitForFinished(60000);
        *output = QString::fromLocal8Bit(p.readAll()).right(2000);
        return done && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }

    QTemporaryDir m_dir;
    QString m_data;
    quint16 m_port = 0;
    bool m_running = false;
};

} // namespace TestSupport
