#include "store/database.h"

#include "common/logging.h"
#include "store/migrations.h"
#include "store/postgresdatabase.h"
#include "store/walsync.h"

#include <QFile>
#include <QSqlDriver>
#include <QSqlError>
#include <QUuid>
#include <cstdio>
#include <cstring>
#include <sqlite3.h>
#include <unistd.h>
#include <utility>

namespace Switchboard {

namespace {

// SQLite's primary result codes (the low byte of an extended code).
enum SqliteCode {
    Busy = 5,
    Locked = 6,
    NoMemory = 7,
    ReadOnly = 8,
    IoError = 10,
    Corrupt = 11,
    Full = 13,
    CantOpen = 14,
    Protocol = 15,
    Constraint = 19,
    NotADatabase = 26,
};

// Binds values in order the way QtSql's SQLite driver would: a null QString or QByteArray
// (or an invalid QVariant) is NULL, numbers stay numbers, bytes are a blob, the rest (SqlText
// included) is text.
int bindValues(sqlite3_stmt *statement, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i) {
        const QVariant &v = values.at(i);
        const int at = i + 1;
        int rc = SQLITE_OK;
        switch (v.typeId()) {
        case QMetaType::UnknownType:
        case QMetaType::Nullptr:
            rc = sqlite3_bind_null(statement, at);
            break;
        case QMetaType::Bool:
        case QMetaType::Int:
        case QMetaType::UInt:
        case QMetaType::Long:
        case QMetaType::LongLong:
        case QMetaType::ULongLong:
            rc = sqlite3_bind_int64(statement, at, v.toLongLong());
            break;
        case QMetaType::Double:
        case QMetaType::Float:
            rc = sqlite3_bind_double(statement, at, v.toDouble());
            break;
        case QMetaType::QByteArray: {
            const QByteArray bytes = v.toByteArray();
            rc = bytes.isNull()
                ? sqlite3_bind_null(statement, at)
                : sqlite3_bind_blob64(statement, at, bytes.constData(),
                                      sqlite3_uint64(bytes.size()), SQLITE_TRANSIENT);
            break;
        }
        default: {
            if (v.metaType() == QMetaType::fromType<SqlText>()) {
                const QByteArray utf8 = v.value<SqlText>().utf8;
                rc = utf8.isNull() ? sqlite3_bind_null(statement, at)
                                   : sqlite3_bind_text64(statement, at, utf8.constData(),
                                                         sqlite3_uint64(utf8.size()),
                                                         SQLITE_TRANSIENT, SQLITE_UTF8);
                break;
            }
            // Text; QVariant::isNull() does not see a null QString inside it.
            const QString text = v.toString();
            if (v.isNull() || text.isNull()) {
                rc = sqlite3_bind_null(statement, at);
                break;
            }
            const QByteArray utf8 = text.toUtf8();
            rc = sqlite3_bind_text64(statement, at, utf8.constData(), sqlite3_uint64(utf8.size()),
                                     SQLITE_TRANSIENT, SQLITE_UTF8);
            break;
        }
        }
        if (rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

} // namespace

Database::Database() = default;

Database::~Database()
{
    close();
}

int Database::latestVersion()
{
    return Migrations::count();
}

int Database::schemaVersion() const
{
    return m_version;
}

Error Database::errorFrom(const QString &what, const QSqlError &error)
{
    bool number = false;
    const int code = error.nativeErrorCode().toInt(&number);
    if (!number)
        return internalError(QStringLiteral("%1: %2").arg(what, error.text()));
    return errorFrom(what, code, error.text().toUtf8().constData());
}

Error Database::errorFrom(const QString &what, int code, const char *text)
{
    const QString message = QStringLiteral("%1: %2").arg(what, QString::fromUtf8(text));
    switch (code & 0xff) {
    case Busy:
    case Locked:
    case NoMemory:
    case ReadOnly:
    case IoError:
    case Full:
    case CantOpen:
    case Protocol:
        return unavailable(message);
    case Constraint:
        return conflict(message);
    case Corrupt:
    case NotADatabase:
    default:
        return internalError(message);
    }
}

Status Database::open(const QString &path, Durability durability, Check check)
{
    m_path = path;
    if (path.startsWith(QLatin1String("postgresql://"))
        || path.startsWith(QLatin1String("postgres://"))) {
        m_pg = std::make_unique<PostgresDatabase>();
        Status opened = m_pg->open(path);
        if (!opened) {
            m_pg.reset();
            return opened;
        }
        m_version = m_pg->schemaVersion();
        return Ok {};
    }
    m_connection =
        QStringLiteral("switchboard-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connection);
    m_db.setDatabaseName(path);
    if (!m_db.open())
        return unavailable(
            QStringLiteral("cannot open the database %1: %2").arg(path, m_db.lastError().text()));
    const QVariant native = m_db.driver()->handle();
    if (native.isValid() && qstrcmp(native.typeName(), "sqlite3*") == 0)
        m_sqlite = *static_cast<sqlite3 *const *>(native.constData());
    if (!m_sqlite)
        return internalError(QStringLiteral("the database %1 has no SQLite handle").arg(path));
    // In memory there is nothing to sync; on a file, Power's syncs are WalSync's.
    const char *sync = durability == Durability::Power && path == QLatin1String(":memory:")
        ? "PRAGMA synchronous=FULL"
        : "PRAGMA synchronous=NORMAL";
    for (const char *pragma :
         {"PRAGMA journal_mode=WAL", sync, "PRAGMA foreign_keys=ON", "PRAGMA busy_timeout=5000",
          "PRAGMA wal_autocheckpoint=4000", "PRAGMA cache_size=-16000"}) {
        auto r = exec(QString::fromLatin1(pragma));
        if (!r)
            return makeError(
                QStringLiteral("the database %1 cannot be used (%2)").arg(path, r.error().message),
                {}, ErrorKind::Internal);
    }
    sqlite3_commit_hook(
        m_sqlite,
        [](void *self) {
            ++static_cast<Database *>(self)->m_commits;
            return 0;
        },
        this);
    if (durability == Durability::Power && path != QLatin1String(":memory:")) {
        // WalSync syncs and checkpoints on threads of its own: the event loop does neither.
        // The WAL hook (which replaces SQLite's automatic checkpoints) asks for a checkpoint
        // once the log is long.
        m_walSync = std::make_unique<WalSync>(path);
        sqlite3_wal_hook(
            m_sqlite,
            [](void *sync, sqlite3 *, const char *, int pages) {
                if (pages >= WalSync::CheckpointPages)
                    static_cast<WalSync *>(sync)->checkpointSoon();
                return SQLITE_OK;
            },
            m_walSync.get());
        QObject::connect(m_walSync.get(), &WalSync::synced, m_walSync.get(),
                         [this](quint64 position) { onSynced(position); });
    }
    if (path != QLatin1String(":memory:") && check == Check::Full) {
        auto check = quickCheck();
        if (!check)
            return check.error();
        if (*check != QLatin1String("ok"))
            return internalError(QStringLiteral("the database %1 is damaged (SQLite's "
                                                "quick_check: %2)")
                                     .arg(path, check->left(300)));
    }
    return migrate();
}

void Database::close()
{
    m_pg.reset();
    if (m_connection.isEmpty())
        return;
    m_durableWaits.clear();
    for (sqlite3_stmt *statement : std::as_const(m_statements))
        sqlite3_finalize(statement);
    m_statements.clear();
    if (m_sqlite) {
        sqlite3_commit_hook(m_sqlite, nullptr, nullptr);
        sqlite3_wal_hook(m_sqlite, nullptr, nullptr);
    }
    m_walSync.reset(); // its last sync, before the connection folds the log in and closes
    m_sqlite = nullptr;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connection);
    m_connection.clear();
}

void Database::setFaults(const FaultPlan &plan)
{
    m_faults = plan;
    m_statementCount = 0;
    m_commitCount = 0;
}

std::optional<Error> Database::statementFault()
{
    ++m_statementCount;
    if (m_faults.isEmpty())
        return std::nullopt;
    const int n = m_statementCount;
    if (n == m_faults.failStatement
        || (m_faults.failFromStatement > 0 && n >= m_faults.failFromStatement))
        return unavailable(
            QStringLiteral("database write failed: disk I/O error (injected at statement %1)")
                .arg(n));
    if (n == m_faults.busyStatement)
        return unavailable(
            QStringLiteral("database write failed: database is locked (injected at statement %1)")
                .arg(n));
    return std::nullopt;
}

void Database::crashIfPlanned(int commit, int planned, const char *when)
{
    if (planned == 0 || commit != planned)
        return;
    std::fprintf(stderr, "switchboard: injected crash %s commit %d\n", when, commit);
    std::fflush(stderr);
    ::_exit(FaultPlan::CrashExitCode);
}

Result<int> Database::run(const QString &sql, const QVariantList &values)
{
    if (m_pg) {
        ++m_statementCount;
        return m_pg->run(sql, values);
    }
    if (auto fault = statementFault())
        return *fault;
    auto prepared = statement(sql.toUtf8());
    if (!prepared)
        return prepared.error();
    return step(*prepared, values, QStringLiteral("database write failed"));
}

Result<int> Database::run(const char *sql, const QVariantList &values)
{
    if (m_pg)
        return run(QString::fromUtf8(sql), values);
    if (auto fault = statementFault())
        return *fault;
    auto prepared = statement(QByteArray::fromRawData(sql, qsizetype(std::strlen(sql))));
    if (!prepared)
        return prepared.error();
    return step(*prepared, values, QStringLiteral("database write failed"));
}

Result<sqlite3_stmt *> Database::statement(const QByteArray &sql)
{
    // Writes are prepared once and reused; they return no rows, only a count.
    if (auto cached = m_statements.constFind(sql); cached != m_statements.constEnd())
        return cached.value();
    if (!m_sqlite)
        return unavailable(QStringLiteral("the database is not open"));
    sqlite3_stmt *prepared = nullptr;
    const int rc = sqlite3_prepare_v3(m_sqlite, sql.constData(), int(sql.size()),
                                      SQLITE_PREPARE_PERSISTENT, &prepared, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(prepared);
        return errorFrom(QStringLiteral("database statement refused"),
                         sqlite3_extended_errcode(m_sqlite), sqlite3_errmsg(m_sqlite));
    }
    m_statements.insert(QByteArray(sql.constData(), sql.size()), prepared);
    return prepared;
}

Result<int> Database::step(sqlite3_stmt *statement, const QVariantList &values, const QString &what)
{
    int rc = bindValues(statement, values);
    if (rc == SQLITE_OK) {
        rc = sqlite3_step(statement);
        while (rc == SQLITE_ROW)
            rc = sqlite3_step(statement);
    }
    // The step's error is read before reset, which would report it again but clear nothing
    // that matters; bindings are cleared so no value outlives its statement's use.
    const int code = rc == SQLITE_DONE ? SQLITE_OK : sqlite3_extended_errcode(m_sqlite);
    const QByteArray message =
        code == SQLITE_OK ? QByteArray() : QByteArray(sqlite3_errmsg(m_sqlite));
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
    requestSync();
    if (code != SQLITE_OK)
        return errorFrom(what, code, message.constData());
    return int(sqlite3_changes64(m_sqlite));
}

void Database::requestSync()
{
    if (m_commits == m_syncRequested)
        return;
    m_syncRequested = m_commits;
    if (m_walSync)
        m_walSync->request(m_commits);
    else
        m_synced = m_commits;
}

void Database::onSynced(quint64 position)
{
    m_synced = std::max(m_synced, position);
    while (!m_durableWaits.empty() && m_durableWaits.front().first <= m_synced) {
        auto fn = std::move(m_durableWaits.front().second);
        m_durableWaits.pop_front();
        fn();
    }
}

void Database::whenDurable(std::function<void()> fn)
{
    if (m_depth > 0) {
        afterCommit([this, fn = std::move(fn)]() mutable { whenDurable(std::move(fn)); });
        return;
    }
    if (m_pg)
        return fn(); // the server answered the commit once it was on its disk
    requestSync(); // a write made on the handle outside run() and exec() is counted only now
    if (m_commits <= m_synced) {
        fn();
        return;
    }
    m_durableWaits.emplace_back(m_commits, std::move(fn));
}

void Database::holdSync(bool held)
{
    if (m_walSync)
        m_walSync->setHeld(held);
}

Status Database::control(const char *sql, const QString &what)
{
    auto prepared = statement(QByteArray::fromRawData(sql, qsizetype(std::strlen(sql))));
    if (!prepared)
        return prepared.error();
    auto done = step(*prepared, {}, what);
    return done ? Status(Ok {}) : Status(done.error());
}

Result<QSqlQuery> Database::exec(const QString &sql, const QVariantList &values)
{
    if (auto fault = statementFault())
        return *fault;
    if (m_pg)
        return m_pg->exec(sql, values);
    QSqlQuery query(m_db);
    if (!query.prepare(sql))
        return errorFrom(QStringLiteral("database statement refused"), query.lastError());
    for (const QVariant &v : values)
        query.addBindValue(v);
    const bool done = query.exec();
    requestSync();
    if (!done)
        return errorFrom(QStringLiteral("database statement failed"), query.lastError());
    return query;
}

Result<qint64> Database::insert(const QString &sql, const QVariantList &values)
{
    auto r = exec(sql + QStringLiteral(" RETURNING id"), values);
    if (!r)
        return r.error();
    if (!r->next())
        return internalError(QStringLiteral("an insert answered no id: %1").arg(sql.left(60)));
    return r->value(0).toLongLong();
}

Status Database::begin()
{
    // IMMEDIATE takes the write lock now: a second writer waits here (busy_timeout), and a
    // transaction never fails half-way for want of the lock. A busy answer after that wait is
    // tried once more before it is reported as unavailable.
    Error last;
    for (int tries = 0; tries < 2; ++tries) {
        Status st = control("BEGIN IMMEDIATE", QStringLiteral("cannot start a transaction"));
        if (st)
            return Ok {};
        last = st.error();
        if (!last.isTransient())
            break;
    }
    return last;
}

Status Database::transaction(const std::function<Status()> &body)
{
    if (m_depth > 0) {
        ++m_depth;
        Status st = body();
        --m_depth;
        return st;
    }
    if (m_pg) {
        ++m_depth;
        Status st = m_pg->transaction(body);
        --m_depth;
        const QList<std::function<void()>> afterwards = std::exchange(m_afterCommit, {});
        if (!st)
            return st;
        ++m_commitCount;
        for (const auto &fn : afterwards)
            fn();
        return Ok {};
    }
    if (Status st = begin(); !st)
        return st;
    ++m_depth;
    Status st = body();
    --m_depth;
    const QList<std::function<void()>> afterwards = std::exchange(m_afterCommit, {});
    const QString rollback = QStringLiteral("rollback failed");
    if (!st) {
        (void)control("ROLLBACK", rollback);
        return st;
    }
    const int commit = ++m_commitCount;
    crashIfPlanned(commit, m_faults.crashBeforeCommit, "before");
    if (commit == m_faults.failCommit
        || (m_faults.failFromCommit && commit >= m_faults.failFromCommit)) {
        (void)control("ROLLBACK", rollback);
        return unavailable(
            QStringLiteral("commit failed: disk I/O error (injected at commit %1)").arg(commit));
    }
    if (Status committed = control("COMMIT", QStringLiteral("commit failed")); !committed) {
        if (!sqlite3_get_autocommit(m_sqlite))
            (void)control("ROLLBACK", rollback);
        return committed;
    }
    crashIfPlanned(commit, m_faults.crashAfterCommit, "after");
    for (const auto &fn : afterwards)
        fn();
    return Ok {};
}

void Database::afterCommit(std::function<void()> fn)
{
    if (m_depth > 0)
        m_afterCommit.append(std::move(fn));
    else
        fn();
}

Result<QString> Database::quickCheck()
{
    if (m_pg)
        return QStringLiteral("ok"); // the server checks its pages itself
    QSqlQuery query(m_db);
    if (!query.exec(QStringLiteral("PRAGMA quick_check")))
        return internalError(QStringLiteral("the database %1 is damaged or not a database (%2)")
                                 .arg(m_path, query.lastError().text()));
    QStringList problems;
    while (query.next())
        problems << query.value(0).toString();
    return problems.join(QStringLiteral("; "));
}

Status Database::backupTo(const QString &file)
{
    if (m_pg)
        return makeError(QStringLiteral("a PostgreSQL store is backed up by the server's own "
                                        "means (pg_dump, base backups), not to %1")
                             .arg(file),
                         QStringLiteral("backup"), ErrorKind::Conflict);
    QFile::remove(file);
    QSqlQuery query(m_db);
    query.prepare(QStringLiteral("VACUUM INTO ?"));
    query.addBindValue(file);
    if (!query.exec())
        return errorFrom(QStringLiteral("the backup to %1 failed").arg(file), query.lastError());
    QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner);
    return Ok {};
}

Status Database::migrate()
{
    auto created = exec(
        QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)"));
    if (!created)
        return created.error();
    {
        // Read and let go of before migrating: a statement still open on the connection
        // makes SQLite refuse any DROP ("database table is locked").
        auto current = exec(QStringLiteral("SELECT version FROM schema_version"));
        if (!current)
            return current.error();
        m_version = current->next() ? current->value(0).toInt() : 0;
    }
    if (m_version > latestVersion())
        return makeError(
            QStringLiteral(
                "the database is from a newer Switchboard (schema %1, this one knows %2)")
                .arg(m_version)
                .arg(latestVersion()));
    for (int v = m_version + 1; v <= latestVersion(); ++v) {
        Status st = transaction([&]() -> Status {
            // The script as a whole: a trigger's body holds semicolons of its own.
            char *message = nullptr;
            const QByteArray script = Migrations::script(v).toUtf8();
            if (sqlite3_exec(m_sqlite, script.constData(), nullptr, nullptr, &message)
                != SQLITE_OK) {
                const Error error =
                    errorFrom(QStringLiteral("migration to schema %1 failed").arg(v),
                              sqlite3_extended_errcode(m_sqlite), message ? message : "");
                sqlite3_free(message);
                return error;
            }
            auto del = exec(QStringLiteral("DELETE FROM schema_version"));
            if (!del)
                return del.error();
            auto ins = exec(QStringLiteral("INSERT INTO schema_version (version) VALUES (?)"), {v});
            return ins ? Status(Ok {}) : Status(ins.error());
        });
        if (!st)
            return st;
        m_version = v;
        qCInfo(lcStore) << "database schema migrated to version" << m_version;
    }
    return Ok {};
}

Result<bool> Database::holdClusterLock(const QString &name)
{
    if (!m_pg)
        return true;
    // Advisory locks stack per session: one that is held already is not taken again.
    constexpr int Namespace = 0x5b0a; // Switchboard's class of advisory locks
    const int key = int(qChecksum(name.toUtf8()));
    auto held = m_pg->exec(QStringLiteral("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype "
                                          "= 'advisory' AND classid = ? AND objid = ? AND pid = "
                                          "pg_backend_pid() AND granted)"),
                           {Namespace, key});
    if (!held)
        return held.error();
    if (held->next() && held->value(0).toBool())
        return true;
    auto taken = m_pg->exec(QStringLiteral("SELECT pg_try_advisory_lock(?, ?)"), {Namespace, key});
    if (!taken)
        return taken.error();
    return taken->next() && taken->value(0).toBool();
}

Status Database::announce(const QString &topic)
{
    if (!m_pg)
        return Ok {};
    auto sent = m_pg->exec(QStringLiteral("SELECT pg_notify(?, ?)"),
                           {QString::fromLatin1(PostgresDatabase::ChangesChannel), topic});
    return sent ? Status(Ok {}) : Status(sent.error());
}

void Database::onAnnounced(std::function<void(const QString &topic)> handler)
{
    if (m_pg)
        m_pg->listen(std::move(handler));
}

} // namespace Switchboard
