#include "modules/modulecredentials.h"

#include "audit/audittrail.h"
#include "common/logging.h"
#include "config/coreconfig.h"
#include "modules/modulecatalog.h"
#include "secrets/secretstore.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTimer>
#include <memory>

namespace Switchboard {

Status ModuleCredentials::check(const Credential &credential)
{
    const QString &kind = credential.kind;
    const QString &header = credential.header;
    const QString &secret = credential.secret;
    if (kind != QLatin1String("api_key") && kind != QLatin1String("bearer"))
        return makeError(QStringLiteral("must be api_key or bearer"), QStringLiteral("kind"));
    static const QRegularExpression token(QStringLiteral("^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}$"));
    if (kind == QLatin1String("api_key") && !token.match(header).hasMatch())
        return makeError(QStringLiteral("must be an HTTP header name such as apikey"),
                         QStringLiteral("header"));
    if (kind == QLatin1String("api_key")
        && (header.compare(QLatin1String("Host"), Qt::CaseInsensitive) == 0
            || header.compare(QLatin1String("Content-Length"), Qt::CaseInsensitive) == 0))
        return makeError(QStringLiteral("cannot carry a credential"), QStringLiteral("header"));
    // Printable ASCII without spaces at either end: it goes into a header as it is.
    static const QRegularExpression value(
        QStringLiteral("^[\\x21-\\x7e]([\\x20-\\x7e]*[\\x21-\\x7e])?$"));
    if (secret.size() > 4096 || !value.match(secret).hasMatch())
        return makeError(QStringLiteral("must be printable text without line breaks"),
                         QStringLiteral("secret"));
    return Ok {};
}

ModuleCredentials::ModuleCredentials(SecretStore &secrets, QObject *parent)
    : QObject(parent)
    , m_secrets(secrets)
{
}

QString ModuleCredentials::key(const QString &module)
{
    return QStringLiteral("module.%1.credential").arg(module);
}

void ModuleCredentials::use(const QString &module, const Credential &credential)
{
    m_credentials.insert(module, credential);
}

QList<QPair<QString, QString>> ModuleCredentials::configure(const QList<ModuleConfig> &modules,
                                                            int timeoutMs)
{
    // Shared with the callbacks, which may come after a timeout has given up on them.
    struct Pending
    {
        int left = 0;
        QEventLoop *loop = nullptr;
        QList<QPair<QString, QString>> unstored;
        void finish()
        {
            if (--left == 0 && loop)
                loop->quit();
        }
    };
    auto pending = std::make_shared<Pending>();
    QStringList stored;
    for (const ModuleConfig &m : modules) {
        if (m.credential.kind.isEmpty()) {
            stored << m.id;
            continue;
        }
        const ModuleInfo *info = ModuleCatalog::find(m.id);
        const QString variable =
            QStringLiteral("MODULE_%1_%2")
                .arg(info ? info->numberText() : m.id,
                     m.credential.kind == QLatin1String("bearer") ? QStringLiteral("BEARER_TOKEN")
                                                                  : QStringLiteral("API_KEY"));
        ++pending->left;
        set(m.id, m.credential, QStringLiteral("configuration"), true,
            [pending, variable](Status st) {
                if (!st)
                    pending->unstored.append({variable, st.error().message});
                pending->finish();
            });
    }
    if (!stored.isEmpty()) {
        ++pending->left;
        load(stored, [pending] { pending->finish(); });
    }
    if (pending->left > 0) {
        QEventLoop loop;
        pending->loop = &loop;
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
        pending->loop = nullptr;
    }
    if (pending->left > 0)
        qCWarning(lcService) << "the secret store did not answer in time: module credentials it "
                                "holds are used once it does";
    return pending->unstored;
}

void ModuleCredentials::load(const QStringList &modules, std::function<void()> done)
{
    auto left = std::make_shared<qsizetype>(modules.size());
    if (modules.isEmpty())
        return done();
    for (const QString &module : modules) {
        m_secrets.read(key(module), [this, module, left, done](Result<QString> stored) {
            if (stored) {
                const QJsonObject o = QJsonDocument::fromJson(stored->toUtf8()).object();
                Credential c {o.value(QLatin1String("kind")).toString(),
                              o.value(QLatin1String("header")).toString(QStringLiteral("apikey")),
                              o.value(QLatin1String("secret")).toString()};
                if (check(c))
                    use(module, c);
                else
                    qCWarning(lcService)
                        << "the stored credential of" << module << "is damaged and not used";
            }
            if (--*left == 0)
                done();
        });
    }
}

void ModuleCredentials::set(const QString &module, const Credential &credential,
                            const QString &actor, bool keepUnstored, Done done)
{
    if (Status st = check(credential); !st)
        return done(st);
    if (keepUnstored)
        use(module, credential); // from the configuration: in use at once
    const QString stored =
        QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("kind"), credential.kind},
                                                     {QStringLiteral("header"), credential.header},
                                                     {QStringLiteral("secret"), credential.secret}})
                              .toJson(QJsonDocument::Compact));
    m_secrets.write(
        key(module), stored, [this, module, credential, actor, keepUnstored, done](Status st) {
            if (!st && !keepUnstored)
                return done(makeError(QStringLiteral("the credential could not be "
                                                     "stored: ")
                                          + st.error().message,
                                      QStringLiteral("secret"), st.error().kind));
            use(module, credential);
            audited(QStringLiteral("module.credential_set"), module, actor, credential.kind);
            done(st);
        });
}

void ModuleCredentials::remove(const QString &module, const QString &actor, Done done)
{
    m_credentials.remove(module);
    m_secrets.remove(key(module), [this, module, actor, done](Status) {
        audited(QStringLiteral("module.credential_removed"), module, actor, QString());
        done(Ok {});
    });
}

void ModuleCredentials::audited(const QString &event, const QString &module, const QString &actor,
                                const QString &kind)
{
    QJsonObject data {{QStringLiteral("module"), module}};
    if (!kind.isEmpty())
        data.insert(QStringLiteral("kind"), kind); // the secret itself never
    if (Status st = audit(m_audit, event, actor, data); !st)
        qCWarning(lcService) << event << "not audited:" << st.error().message;
}

QPair<QByteArray, QByteArray> ModuleCredentials::header(const QString &module) const
{
    const auto it = m_credentials.constFind(module);
    if (it == m_credentials.constEnd())
        return {};
    if (it->kind == QLatin1String("bearer"))
        return {QByteArrayLiteral("Authorization"), "Bearer " + it->secret.toUtf8()};
    return {it->header.toUtf8(), it->secret.toUtf8()};
}

QJsonObject ModuleCredentials::describe(const QString &module) const
{
    const auto it = m_credentials.constFind(module);
    if (it == m_credentials.constEnd())
        return {{QStringLiteral("set"), false}};
    return {{QStringLiteral("set"), true},
            {QStringLiteral("kind"), it->kind},
            {QStringLiteral("header"),
             it->kind == QLatin1String("bearer") ? QStringLiteral("Authorization") : it->header}};
}

} // namespace Switchboard
