#pragma once

// Where a store test keeps its data: an SQLite file in a temporary folder or, when
// SWITCHBOARD_TEST_STORE=postgresql (the *_pg tests in CMake), a database of its own on a
// throwaway PostgreSQL server. The same test then proves the same behaviour on both stores.

#include "postgresserver.h"
#include "store/database.h"

#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <memory>

namespace TestSupport {

class TestStore
{
public:
    static bool postgres()
    {
        return qEnvironmentVariable("SWITCHBOARD_TEST_STORE") == QLatin1String("postgresql");
    }

    // The file or address for name; an empty string when the PostgreSQL server would not
    // start (problem() says why).
    QString location(const QString &name)
    {
        if (!postgres())
            return m_dir.filePath(name + QStringLiteral(".db"));
        if (!m_server) {
            m_server = std::make_unique<PostgresServer>();
            m_problem = m_server->start();
        }
        if (!m_problem.isEmpty())
            return {};
        QString database = name.toLower();
        database.replace(QRegularExpression(QStringLiteral("[^a-z0-9_]")), QStringLiteral("_"));
        database = QStringLiteral("t_") + database.left(55);
        if (!m_made.contains(database)) {
            Switchboard::Database admin;
            if (!admin.open(m_server->url()).ok())
                return {};
            (void)admin.exec(QStringLiteral("DROP DATABASE IF EXISTS %1").arg(database));
            if (!admin.exec(QStringLiteral("CREATE DATABASE %1").arg(database)).ok())
                return {};
            m_made.insert(database);
        }
        return m_server->url(database);
    }
    QString problem() const { return m_problem; }

    // For tests that would use ":memory:": a new, empty store each time (":memory:" itself
    // on SQLite). One server for the whole test process.
    static QString fresh()
    {
        if (!postgres())
            return QStringLiteral(":memory:");
        static TestStore shared;
        static int made = 0;
        return shared.location(QStringLiteral("fresh_%1").arg(++made));
    }

    // Everything stored at location, as bytes: the SQLite file, or every row of every table
    // as PostgreSQL prints it. For "the password is nowhere in the store".
    static QByteArray contents(const QString &location)
    {
        if (!location.startsWith(QLatin1String("postgresql://"))) {
            QFile file(location);
            return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
        }
        Switchboard::Database db;
        if (!db.open(location).ok())
            return {};
        QByteArray all;
        auto tables = db.exec(QStringLiteral("SELECT table_name FROM information_schema.tables "
                                             "WHERE table_schema = 'public'"));
        QStringList names;
        while (tables && tables->next())
            names << tables->value(0).toString();
        for (const QString &table : names) {
            auto rows = db.exec(QStringLiteral("SELECT t::text FROM %1 t").arg(table));
            while (rows && rows->next())
                all += rows->value(0).toString().toUtf8() + '\n';
        }
        return all;
    }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<PostgresServer> m_server;
    QString m_problem;
    QSet<QString> m_made;
};

} // namespace TestSupport
