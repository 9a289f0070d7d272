#include "api/useraccounts.h"
#include "apicoretest.h"
#include "testsupport.h"

#include <QJsonArray>
#include <QTest>

using namespace Switchboard;
using namespace TestSupport;

namespace {

using Headers = QList<QPair<QByteArray, QByteArray>>;

Headers bearer(const QByteArray &token)
{
    return {{"Authorization", "Bearer " + token}};
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

const QString Password = QStringLiteral("a long clinic passphrase");

} // namespace

// People and their sessions over the core's HTTP API: the admin adds them, they log in, their
// role and their queues decide what they may read and do, and what they may not is audited.
class TstUserApi : public ApiCoreTest
{
    Q_OBJECT

    QHash<QString, qint64> m_ids; // by log-in name

    HttpResult addUser(const QString &name, const QString &role, const QJsonArray &queues = {},
                       const Headers &as = {})
    {
        return post(url(QStringLiteral("/api/v1/users")),
                    json({{QStringLiteral("name"), name},
                          {QStringLiteral("display_name"),
                           name.at(0).toUpper() + name.mid(1) + QStringLiteral(" Ruiz")},
                          {QStringLiteral("role"), role},
                          {QStringLiteral("password"), Password},
                          {QStringLiteral("queues"), queues}}),
                    as.isEmpty() ? auth() : as);
    }
    QByteArray login(const QString &name, const QString &password = Password)
    {
        const HttpResult r =
            post(url(QStringLiteral("/api/v1/login")),
                 json({{QStringLiteral("name"), name}, {QStringLiteral("password"), password}}));
        return r.status == 200 ? r.json().value(QLatin1String("token")).toString().toLatin1()
                               : QByteArray();
    }
    // The audit entries of this event, as "actor what needed".
    QStringList audited(const QString &event)
    {
        QStringList out;
        const HttpResult r = get(url(QStringLiteral("/api/v1/audit")), auth());
        for (const QJsonValue e : r.json().value(QLatin1String("entries")).toArray()) {
            const QJsonObject entry = e.toObject();
            if (entry.value(QLatin1String("event")).toString() != event)
                continue;
            const QJsonObject data = entry.value(QLatin1String("data")).toObject();
            out << QStringLiteral("%1 %2 %3")
                       .arg(entry.value(QLatin1String("actor")).toString(),
                            data.value(QLatin1String("what")).toString(),
                            data.value(QLatin1String("needed")).toString());
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const Status started = startDemoCore();
        QVERIFY2(started.ok(), qPrintable(started.ok() ? QString() : started.error().toString()));
        for (const auto &[name, role, queues] :
             {std::tuple {QStringLiteral("maria"), QStringLiteral("admin"), QJsonArray {}},
              std::tuple {QStringLiteral("ana"), QStringLiteral("support"),
                          QJsonArray {QStringLiteral("manual-booking")}},
              std::tuple {QStringLiteral("vera"), QStringLiteral("viewer"), QJsonArray {}}}) {
            const HttpResult added = addUser(name, role, queues);
            QCOMPARE(added.status, 201);
            m_ids.insert(name, added.json().value(QLatin1String("id")).toInteger());
        }
    }

    void onlyAnAdminManagesPeopleAndBadInputIsNamed()
    {
        const HttpResult bySupport = addUser(QStringLiteral("eve"), QStringLiteral("admin"), {},
                                             bearer("support-token-0123456789"));
        QCOMPARE(bySupport.status, 403);
        QCOMPARE(
            get(url(QStringLiteral("/api/v1/users")), bearer("viewer-token-0123456789")).status,
            403);
        QVERIFY(audited(QStringLiteral("access.refused"))
                    .contains(QStringLiteral("ana POST /api/v1/users admin")));

        const HttpResult badRole = addUser(QStringLiteral("eve"), QStringLiteral("owner"));
        QCOMPARE(badRole.status, 400);
        QCOMPARE(badRole.json().value(QLatin1String("field")).toString(), QStringLiteral("role"));
        const HttpResult shortPassword = post(
            url(QStringLiteral("/api/v1/users")),
            R"({"name":"eve","display_name":"Eve","role":"viewer","password":"short"})", auth());
        QCOMPARE(shortPassword.status, 400);
        QCOMPARE(shortPassword.json().value(QLatin1String("field")).toString(),
                 QStringLiteral("password"));
        QCOMPARE(addUser(QStringLiteral("ana"), QStringLiteral("viewer")).status, 409);

        const HttpResult listed = get(url(QStringLiteral("/api/v1/users")), auth());
        QCOMPARE(listed.status, 200);
        QStringList names;
        for (const QJsonValue u : listed.json().value(QLatin1String("users")).toArray())
            names << u[QLatin1String("name")].toString();
        QCOMPARE(names, QStringList({"ana", "maria", "vera"}));
        QVERIFY(!listed.body.contains("argon2"));
        QVERIFY(!listed.body.contains(Password.toUtf8()));
    }

    void aPersonLogsInAndSeesWhoTheyAre()
    {
        const HttpResult wrong = post(url(QStringLiteral("/api/v1/login")),
                                      R"({"name":"ana","password":"not the right one"})");
        QCOMPARE(wrong.status, 401);
        const HttpResult unknown = post(url(QStringLiteral("/api/v1/login")),
                                        R"({"name":"nobody","password":"not the right one"})");
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.json().value(QLatin1String("error")),
                 wrong.json().value(QLatin1String("error")));
        QCOMPARE(post(url(QStringLiteral("/api/v1/login")), R"({"name":"ana"})").status, 400);

        const QByteArray token = login(QStringLiteral("ana"));
        QVERIFY(UserAccounts::isSessionToken(token));
        const HttpResult me = get(url(QStringLiteral("/api/v1/me")), bearer(token));
        QCOMPARE(me.status, 200);
        QCOMPARE(me.json().value(QLatin1String("name")).toString(), QStringLiteral("ana"));
        QCOMPARE(me.json().value(QLatin1String("display_name")).toString(),
                 QStringLiteral("Ana Ruiz"));
        QCOMPARE(me.json().value(QLatin1String("role")).toString(), QStringLiteral("support"));
        QCOMPARE(me.json().value(QLatin1String("kind")).toString(), QStringLiteral("session"));
        QCOMPARE(me.json().value(QLatin1String("queues")).toArray(),
                 QJsonArray {QStringLiteral("manual-booking")});
        // A service token is still welcome, and says what it is.
        QCOMPARE(get(url(QStringLiteral("/api/v1/me")), auth())
                     .json()
                     .value(QLatin1String("kind"))
                     .toString(),
                 QStringLiteral("token"));
        const HttpResult listed = get(url(QStringLiteral("/api/v1/users")), auth());
        for (const QJsonValue u : listed.json().value(QLatin1String("users")).toArray()) {
            if (u[QLatin1String("name")].toString() == QLatin1String("ana"))
                QVERIFY(!u[QLatin1String("last_login_at")].isNull());
        }
    }

    void loggingOutDisablingOrANewPasswordEndsASession()
    {
        QByteArray token = login(QStringLiteral("vera"));
        QCOMPARE(get(url(QStringLiteral("/api/v1/status")), bearer(token)).status, 200);
        QCOMPARE(post(url(QStringLiteral("/api/v1/logout")), "{}", bearer(token)).status, 204);
        const HttpResult after = get(url(QStringLiteral("/api/v1/status")), bearer(token));
        QCOMPARE(after.status, 401);
        QVERIFY(after.json().value(QLatin1String("error")).toString().contains("log in again"));

        token = login(QStringLiteral("vera"));
        const QString vera = QStringLiteral("/api/v1/users/%1").arg(m_ids.value("vera"));
        QCOMPARE(request("PATCH", url(vera), R"({"disabled":true})", auth()).status, 200);
        QCOMPARE(get(url(QStringLiteral("/api/v1/status")), bearer(token)).status, 401);
        QVERIFY(login(QStringLiteral("vera")).isEmpty());
        QCOMPARE(request("PATCH", url(vera), R"({"disabled":"no"})", auth()).status, 400);
        QCOMPARE(request("PATCH", url(vera), R"({"disabled":false})", auth()).status, 200);

        token = login(QStringLiteral("vera"));
        const QByteArray renewed = R"({"password":"vera renewed passphrase"})";
        QCOMPARE(post(url(vera + QStringLiteral("/password")), renewed, bearer(token)).status, 403);
        QCOMPARE(post(url(vera + QStringLiteral("/password")), renewed, auth()).status, 204);
        QCOMPARE(get(url(QStringLiteral("/api/v1/status")), bearer(token)).status, 401);
        QVERIFY(login(QStringLiteral("vera")).isEmpty());
        token = login(QStringLiteral("vera"), QStringLiteral("vera renewed passphrase"));
        QVERIFY(!token.isEmpty());

        // Vera sets her own back.
        const HttpResult own =
            post(url(QStringLiteral("/api/v1/me/password")),
                 json({{QStringLiteral("current"), QStringLiteral("vera renewed passphrase")},
                       {QStringLiteral("password"), Password}}),
                 bearer(token));
        QCOMPARE(own.status, 204);
        QVERIFY(!login(QStringLiteral("vera")).isEmpty());
        QCOMPARE(post(url(QStringLiteral("/api/v1/logout")), "{}", auth()).status, 400);

        QCOMPARE(request("PATCH", url(QStringLiteral("/api/v1/users/4711")), R"({"disabled":true})",
                         auth())
                     .status,
                 404);
    }

    void anExpiredSessionIsRefused()
    {
        m_core->users()->setSessionTtlMs(0); // expired the moment it is given
        const QByteArray token = login(QStringLiteral("ana"));
        m_core->users()->setSessionTtlMs(UserAccounts::SessionTtlMs);
        QVERIFY(!token.isEmpty());
        const HttpResult r = get(url(QStringLiteral("/api/v1/status")), bearer(token));
        QCOMPARE(r.status, 401);
        QVERIFY(r.json().value(QLatin1String("error")).toString().contains("expired"));
        QCOMPARE(
            get(url(QStringLiteral("/api/v1/status")), bearer("sbs_made-up-session-token")).status,
            401);
    }

    void supportStaffWorkOnlyTheirQueues()
    {
        const QString id = reviewTask(QStringLiteral("doc-queues"));
        QVERIFY(!id.isEmpty());
        const QByteArray ana = login(QStringLiteral("ana"));
        const QString task = QStringLiteral("/api/v1/tasks/") + id;

        const HttpResult all = get(url(QStringLiteral("/api/v1/tasks")), bearer(ana));
        QCOMPARE(all.status, 200);
        QVERIFY(!all.body.contains(id.toUtf8()));
        QCOMPARE(get(url(QStringLiteral("/api/v1/tasks?queue=ocr-review")), bearer(ana)).status,
                 403);
        QCOMPARE(get(url(task), bearer(ana)).status, 403);
        QCOMPARE(post(url(task + QStringLiteral("/claim")), "{}", bearer(ana)).status, 403);
        QVERIFY(audited(QStringLiteral("access.refused"))
                    .contains(QStringLiteral("ana POST %1/claim queue ocr-review").arg(task)));

        // Given the queue, she works it, and the claim carries her name.
        QCOMPARE(request("PATCH", url(QStringLiteral("/api/v1/users/%1").arg(m_ids.value("ana"))),
                         R"({"queues":["manual-booking","ocr-review"]})", auth())
                     .status,
                 200);
        const HttpResult claimed = post(url(task + QStringLiteral("/claim")), "{}", bearer(ana));
        QCOMPARE(claimed.status, 200);
        QCOMPARE(claimed.json().value(QLatin1String("claimed_by")).toString(),
                 QStringLiteral("ana"));
        QCOMPARE(claimed.json().value(QLatin1String("claimed_by_name")).toString(),
                 QStringLiteral("Ana Ruiz"));
        // Everyone who reads the queue sees her name, not her log-in.
        const HttpResult listed =
            get(url(QStringLiteral("/api/v1/tasks?queue=ocr-review")), auth());
        bool seen = false;
        for (const QJsonValue t : listed.json().value(QLatin1String("tasks")).toArray()) {
            if (t[QLatin1String("id")].toString() == id) {
                QCOMPARE(t[QLatin1String("claimed_by_name")].toString(),
                         QStringLiteral("Ana Ruiz"));
                seen = true;
            }
        }
        QVERIFY(seen);
        QCOMPARE(post(url(task + QStringLiteral("/release")), "{}", bearer(ana)).status, 200);
    }

    void aViewerSessionSeesNoPatientDataThroughAnyRoute()
    {
        const QString id = reviewTask(QStringLiteral("doc-viewer"));
        QVERIFY(!id.isEmpty());
        const QJsonObject task = get(url(QStringLiteral("/api/v1/tasks/") + id), auth()).json();
        QVERIFY(QJsonDocument(task).toJson().contains("Grace Okafor"));
        const QString execution = task.value(QLatin1String("execution_id")).toString();
        QVERIFY(!execution.isEmpty());

        const QByteArray vera = login(QStringLiteral("vera"));
        QVERIFY(!vera.isEmpty());
        int read = 0;
        for (const QString &path : {QStringLiteral("/api/v1/status"),
                                    QStringLiteral("/api/v1/tasks"),
                                    QStringLiteral("/api/v1/tasks?queue=ocr-review"),
                                    QStringLiteral("/api/v1/tasks?status=claimed"),
                                    QStringLiteral("/api/v1/tasks/") + id,
                                    QStringLiteral("/api/v1/executions"),
                                    QStringLiteral("/api/v1/executions/") + execution,
                                    QStringLiteral("/api/v1/executions?q=Grace"),
                                    QStringLiteral("/api/v1/dlq"),
                                    QStringLiteral("/api/v1/alerts"),
                                    QStringLiteral("/api/v1/report"),
                                    QStringLiteral("/api/v1/kpis/history?name=leads_24h"),
                                    QStringLiteral("/api/v1/review/queues"),
                                    QStringLiteral("/api/v1/journeys/document_id/doc-viewer"),
                                    QStringLiteral("/api/v1/workflows"),
                                    QStringLiteral("/api/v1/audit"),
                                    QStringLiteral("/api/v1/settings"),
                                    QStringLiteral("/api/v1/users"),
                                    QStringLiteral("/api/v1/me"),
                                    QStringLiteral("/metrics")}) {
            const HttpResult r = get(url(path), bearer(vera));
            QVERIFY2(r.status == 200 || r.status == 403 || r.status == 404,
                     qPrintable(path + QStringLiteral(": %1").arg(r.status)));
            QVERIFY2(!r.body.contains("Grace") && !r.body.contains("Okafor"), qPrintable(path));
            read += r.status == 200 ? 1 : 0;
        }
        QVERIFY(read >= 10); // most of them answer, masked
        const HttpResult revealed = get(
            url(QStringLiteral("/api/v1/executions/%1?reveal=true").arg(execution)), bearer(vera));
        QCOMPARE(revealed.status, 403);
        QVERIFY(
            audited(QStringLiteral("access.refused"))
                .contains(
                    QStringLiteral("vera GET /api/v1/executions/%1 patient data").arg(execution)));
    }
};

QTEST_MAIN(TstUserApi)
#include "tst_userapi.moc"
