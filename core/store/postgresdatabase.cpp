#include "store/postgresdatabase.h"

#include "common/logging.h"
#include "store/database.h"
#include "store/migrations.h"
#include "store/postgresschema.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QUrl>
#include <QUrlQuery>
#include <QUuid>

namespace Switchboard {

namespace {

// Any number, the same in every core: held while the schema is set up or upgraded.
constexpr qint64 SchemaLock = 0x5377697463686264; // "Switchbd"

// The schema's columns are BIGINT, DOUBLE PRECISION and TEXT (as SQLite's): a flag goes in as
// 0 or 1, and UTF-8 text (SqlText, JSON as bytes) as text, never as bytea.
QVariant bindable(const QVariant &v)
{
    switch (v.typeId()) {
    case QMetaType::Bool:
        return v.toBool() ? 1 : 0;
    case QMetaType::QByteArray:
        return v.isNull() ? QVariant(QMetaType(QMetaType::QString))
                          : QVariant(QString::fromUtf8(v.toByteArray()));
    default:
        break;
    }
    if (v.metaType() == QMetaType::fromType<SqlText>()) {
        const QByteArray utf8 = v.value<SqlText>().utf8;
        return utf8.isNull() ? QVariant(QMetaType(QMetaType::QString))
                             : QVariant(QString::fromUtf8(utf8));
    }
    return v;
}

} // namespace

PostgresDatabase::~PostgresDatabase()
{
    close();
}

Result<PostgresDatabase::Address> PostgresDatabase::parse(const QString &url)
{
    const QUrl u(url, QUrl::StrictMode);
    const auto refused = [&url](const QString &why) {
        return makeError(QStringLiteral("%1 (in \"%2\"); expected "
                                        "postgresql://user@host[:port]/database")
                             .arg(why, url),
                         QStringLiteral("store"));
    };
    if (!u.isValid()
        || (u.scheme() != QLatin1String("postgresql") && u.scheme() != QLatin1String("postgres")))
        return refused(QStringLiteral("not a postgresql:// address"));
    if (!u.password().isEmpty())
        return refused(QStringLiteral("a password does not belong in the address: give it in "
                                      "PGPASSWORD or a password file (PGPASSFILE, ~/.pgpass)"));
    Address a;
    a.host = u.host();
    a.port = u.port(5432);
    a.user = u.userName();
    a.database = u.path().mid(1);
    if (a.host.isEmpty())
        return refused(QStringLiteral("no host"));
    if (a.user.isEmpty())
        return refused(QStringLiteral("no user"));
    if (a.database.isEmpty() || a.database.contains(QLatin1Char('/')))
        return refused(QStringLiteral("no database"));
    QStringList options;
    for (const auto &[key, value] : QUrlQuery(u).queryItems(QUrl::FullyDecoded)) {
        static const QStringList known {QStringLiteral("sslmode"), QStringLiteral("sslrootcert"),
                                        QStringLiteral("connect_timeout"),
                                        QStringLiteral("application_name")};
        if (!known.contains(key))
            return refused(QStringLiteral("unknown option \"%1\" (known: %2)")
                               .arg(key, known.join(QStringLiteral(", "))));
        options << key + QLatin1Char('=') + value;
    }
    if (!url.contains(QLatin1String("connect_timeout=")))
        options << QStringLiteral("connect_timeout=10");
    a.options = options.join(QLatin1Char(';'));
    return a;
}

Status PostgresDatabase::open(const QString &url)
{
    auto address = parse(url);
    if (!address)
        return address.error();
    m_connection = QStringLiteral("switchboard-pg-") + QUuid::createUuid().toString(QUuid::Id128);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connection);
    if (!m_db.isValid())
        return internalError(QStringLiteral("Qt's PostgreSQL driver is missing (Debian: "
                                            "libqt6sql6-psql)"));
    m_db.setHostName(address->host);
    m_db.setPort(address->port);
    m_db.setUserName(address->user);
    m_db.setDatabaseName(address->database);
    m_db.setConnectOptions(address->options);
    if (!m_db.open())
        return unavailable(QStringLiteral("cannot connect to PostgreSQL at %1:%2 as %3: %4")
                               .arg(address->host)
                               .arg(address->port)
                               .arg(address->user, m_db.lastError().text()));
    return migrate();
}

void PostgresDatabase::close()
{
    if (m_connection.isEmpty())
        return;
    m_prepared.clear();
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

Error PostgresDatabase::errorFrom(const QString &what, const QSqlError &error)
{
    const QString state = error.nativeErrorCode();
    const QString message = QStringLiteral("%1: %2").arg(what, error.text());
    if (state.isEmpty() || state.startsWith(QLatin1String("08"))
        || state.startsWith(QLatin1String("53")) || state.startsWith(QLatin1String("57P"))
        || state == QLatin1String("40001") || state == QLatin1String("40P01")
        || state == QLatin1String("55P03"))
        return unavailable(message);
    if (state.startsWith(QLatin1String("23")))
        return conflict(message);
    return internalError(message);
}

Result<QSqlQuery> PostgresDatabase::exec(const QString &sql, const QVariantList &values)
{
    QSqlQuery q(m_db);
    if (values.isEmpty()) {
        if (!q.exec(sql))
            return errorFrom(QStringLiteral("the statement failed"), q.lastError());
        return q;
    }
    if (!q.prepare(sql))
        return errorFrom(QStringLiteral("the statement cannot be prepared"), q.lastError());
    for (const QVariant &v : values)
        q.addBindValue(bindable(v));
    if (!q.exec())
        return errorFrom(QStringLiteral("the statement failed"), q.lastError());
    return q;
}

Result<int> PostgresDatabase::run(const QString &sql, const QVariantList &values)
{
    if (values.isEmpty()) {
        auto q = exec(sql);
        if (!q)
            return q.error();
        return q->numRowsAffected();
    }
    // Prepared once per connection: a write is one EXECUTE round trip, not PREPARE + EXECUTE.
    auto cached = m_prepared.find(sql);
    if (cached == m_prepared.end()) {
        if (m_prepared.size() >= MaxPrepared)
            m_prepared.clear();
        QSqlQuery q(m_db);
        if (!q.prepare(sql))
            return errorFrom(QStringLiteral("the statement cannot be prepared"), q.lastError());
        cached = m_prepared.insert(sql, q);
    }
    QSqlQuery &q = *cached;
    for (qsizetype i = 0; i < values.size(); ++i)
        q.bindValue(int(i), bindable(values.at(i)));
    if (!q.exec()) {
        const Error error = errorFrom(QStringLiteral("the statement failed"), q.lastError());
        m_prepared.erase(cached); // a lost connection takes its prepared statements with it
        return error;
    }
    const int rows = q.numRowsAffected();
    q.finish();
    return rows;
}

void PostgresDatabase::listen(std::function<void(const QString &payload)> handler)
{
    QSqlDriver *driver = m_db.driver();
    if (!driver->subscribeToNotification(QString::fromLatin1(ChangesChannel)))
        qCWarning(lcStore) << "cannot listen for the other cores' changes:"
                           << driver->lastError().text();
    QObject::connect(driver, &QSqlDriver::notification, driver,
                     [handler = std::move(handler)](const QString &,
                                                    QSqlDriver::NotificationSource source,
                                                    const QVariant &payload) {
                         if (source == QSqlDriver::OtherSource)
                             handler(payload.toString());
                     });
}

Status PostgresDatabase::transaction(const std::function<Status()> &body)
{
    if (m_depth > 0) {
        ++m_depth;
        Status st = body();
        --m_depth;
        return st;
    }
    if (!m_db.transaction())
        return errorFrom(QStringLiteral("cannot begin a transaction"), m_db.lastError());
    m_depth = 1;
    Status st = body();
    m_depth = 0;
    if (!st) {
        m_db.rollback();
        return st;
    }
    if (!m_db.commit()) {
        const Error error = errorFrom(QStringLiteral("the commit failed"), m_db.lastError());
        m_db.rollback();
        return error;
    }
    return Ok {};
}

Status PostgresDatabase::migrate()
{
    return transaction([this]() -> Status {
        // One core at a time: the others wait here, then find the schema set up.
        if (auto locked = exec(QStringLiteral("SELECT pg_advisory_xact_lock(?)"), {SchemaLock});
            !locked)
            return locked.error();
        auto exists = exec(QStringLiteral("SELECT to_regclass('schema_version') IS NOT NULL"));
        if (!exists)
            return exists.error();
        m_version = 0;
        if (exists->next() && exists->value(0).toBool()) {
            auto current = exec(QStringLiteral("SELECT version FROM schema_version"));
            if (!current)
                return current.error();
            m_version = current->next() ? current->value(0).toInt() : 0;
        } else if (auto created = exec(
                       QStringLiteral("CREATE TABLE schema_version (version BIGINT NOT NULL)"));
                   !created) {
            return created.error();
        }
        const int latest = Migrations::count();
        if (m_version > latest)
            return makeError(
                QStringLiteral("the database is from a newer Switchboard (schema %1, this one "
                               "knows %2)")
                    .arg(m_version)
                    .arg(latest));
        if (m_version == 0) {
            if (auto made = exec(PostgresSchema::baseline()); !made)
                return made.error();
            if (auto v = exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"),
                              {PostgresSchema::Version});
                !v)
                return v.error();
            m_version = PostgresSchema::Version;
            qCInfo(lcStore) << "PostgreSQL schema set up at version" << m_version;
        }
        if (PostgresSchema::latest() != latest)
            return internalError(QStringLiteral("the PostgreSQL schema stops at version %1; this "
                                                "core needs %2")
                                     .arg(PostgresSchema::latest())
                                     .arg(latest));
        while (m_version < latest) {
            const int next = m_version + 1;
            if (auto made = exec(PostgresSchema::migration(next)); !made)
                return made.error();
            if (auto v = exec(QStringLiteral("UPDATE schema_version SET version = ?"), {next}); !v)
                return v.error();
            m_version = next;
            qCInfo(lcStore) << "PostgreSQL schema brought to version" << m_version;
        }
        return Ok {};
    });
}

} // namespace Switchboard
