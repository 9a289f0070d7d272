#include "config/coreconfig.h"

#include "modules/modulecatalog.h"

namespace Switchboard {

QUrl ModuleConfig::healthUrl() const
{
    if (!health.isEmpty() || endpoint.isEmpty())
        return health;
    QUrl url = endpoint;
    QString path = url.path();
    if (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QStringLiteral("/health"));
    return url;
}

QUrl ModuleConfig::eventsUrl() const
{
    if (!events.isEmpty() || endpoint.isEmpty())
        return events;
    QUrl url;
    url.setScheme(endpoint.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                              : QStringLiteral("ws"));
    url.setHost(endpoint.host());
    url.setPort(endpoint.port());
    url.setPath(QStringLiteral("/events"));
    return url;
}

CoreConfig::CoreConfig()
{
    for (const ModuleInfo &info : ModuleCatalog::all())
        modules.append(ModuleConfig {info.id, true, {}, {}, {}, {}, 0, {}, {}});
}

ModuleConfig *CoreConfig::module(const QString &id)
{
    for (ModuleConfig &m : modules) {
        if (m.id == id)
            return &m;
    }
    return nullptr;
}

const ModuleConfig *CoreConfig::module(const QString &id) const
{
    return const_cast<CoreConfig *>(this)->module(id);
}

QList<CoreConfig::MissingSetting> CoreConfig::missingRequired() const
{
    QList<MissingSetting> missing;
    for (const ModuleConfig &m : modules) {
        const ModuleInfo *info = ModuleCatalog::find(m.id);
        if (m.enabled && m.endpoint.isEmpty() && info) {
            missing.append({QStringLiteral("MODULE_%1_ENDPOINT").arg(info->numberText()),
                            QStringLiteral("required for Module %1 (%2)")
                                .arg(info->numberText(), info->name()),
                            m.id,
                            {},
                            QString()});
        }
    }
    const auto need = [&missing](const QString &variable, const QString &because) {
        missing.append({variable,
                        QStringLiteral("required because %1 is set").arg(because),
                        QString(),
                        {},
                        because});
    };
    missing += missingModuleCredentials();
    if (email.wanted() && email.smtpUrl.isEmpty())
        need(QStringLiteral("SMTP_URL"),
             email.alertTo.isEmpty() ? QStringLiteral("SUPPORT_EMAIL")
                                     : QStringLiteral("ALERT_EMAIL"));
    if (publishing.toS3()) {
        const QString because = QStringLiteral("DASHBOARD_STORAGE=s3");
        if (publishing.bucket.isEmpty())
            need(QStringLiteral("S3_DASHBOARD_BUCKET"), because);
        if (publishing.accessKeyId.isEmpty())
            need(QStringLiteral("AWS_ACCESS_KEY_ID"), because);
        if (publishing.secretAccessKey.isEmpty())
            need(QStringLiteral("AWS_SECRET_ACCESS_KEY"), because);
    }
    return missing;
}

QList<CoreConfig::MissingSetting> CoreConfig::missingModuleCredentials() const
{
    const auto given = [this](const QString &name) {
        return !moduleCredentialIds.value(name).trimmed().isEmpty();
    };
    if (std::none_of(moduleCredentialIds.cbegin(), moduleCredentialIds.cend(),
                     [](const QString &v) { return !v.trimmed().isEmpty(); }))
        return {}; // the modules keep their own credentials
    // Seed 000's "Set Up Credentials": which module needs which (one of the alternatives).
    static const QList<QPair<QStringList, QStringList>> needs = {
        {{QStringLiteral("HUBSPOT_CREDENTIAL_ID")},
         {QStringLiteral("01_intake"), QStringLiteral("02_booking"),
          QStringLiteral("03_telehealth"), QStringLiteral("04_billing"),
          QStringLiteral("05_followup"), QStringLiteral("08_messaging")}},
        {{QStringLiteral("CALCOM_API_KEY")}, {QStringLiteral("02_booking")}},
        {{QStringLiteral("ZOOM_CREDENTIAL_ID")}, {QStringLiteral("03_telehealth")}},
        {{QStringLiteral("STRIPE_CREDENTIAL_ID"), QStringLiteral("SQUARE_CREDENTIAL_ID")},
         {QStringLiteral("04_billing")}},
        {{QStringLiteral("SENDGRID_CREDENTIAL_ID")},
         {QStringLiteral("05_followup"), QStringLiteral("08_messaging")}},
        {{QStringLiteral("TWILIO_CREDENTIAL_ID")},
         {QStringLiteral("05_followup"), QStringLiteral("08_messaging")}},
        {{QStringLiteral("MISTRAL_CREDENTIAL_ID")}, {QStringLiteral("06_ocr")}},
    };
    QList<MissingSetting> missing;
    for (const auto &[names, users] : needs) {
        if (std::any_of(names.begin(), names.end(), given))
            continue;
        QStringList enabled;
        for (const QString &id : users) {
            if (const ModuleConfig *m = module(id); m && m->enabled)
                enabled << id;
        }
        if (enabled.isEmpty())
            continue;
        QStringList numbers;
        for (const QString &id : std::as_const(enabled))
            numbers << id.left(2);
        missing.append({names.join(QStringLiteral(" or ")),
                        QStringLiteral("required for Module%1 %2")
                            .arg(enabled.size() > 1 ? QStringLiteral("s") : QString(),
                                 numbers.join(QStringLiteral(", "))),
                        enabled.size() == 1 ? enabled.first() : QString(),
                        enabled.size() > 1 ? enabled : QStringList(), QString()});
    }
    return missing;
}

bool CoreConfig::anyModuleConfigured() const
{
    for (const ModuleConfig &m : modules) {
        if (!m.endpoint.isEmpty())
            return true;
    }
    return false;
}

void CoreConfig::useSimulatedFleet(quint16 basePort)
{
    for (ModuleConfig &m : modules) {
        const ModuleInfo *info = ModuleCatalog::find(m.id);
        m.endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1/webhook/%2")
                              .arg(basePort + info->number)
                              .arg(info->webhookPath));
        m.health.clear();
        m.events.clear();
    }
}

} // namespace Switchboard
