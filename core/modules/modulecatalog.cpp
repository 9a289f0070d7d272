#include "modules/modulecatalog.h"

#include <QCoreApplication>
#include <QHash>

namespace Switchboard::ModuleCatalog {

const QList<ModuleInfo> &all()
{
    static const QList<ModuleInfo> modules = {
        {QStringLiteral("01_intake"), 1, QStringLiteral("INTAKE"),
         QT_TRANSLATE_NOOP("Modules", "Intake & Lead Capture"), QStringLiteral("intake-lead"),
         true},
        {QStringLiteral("02_booking"), 2, QStringLiteral("BOOKING"),
         QT_TRANSLATE_NOOP("Modules", "Consult Booking"), QStringLiteral("consult-booking"), true},
        {QStringLiteral("03_telehealth"), 3, QStringLiteral("TELEHEALTH"),
         QT_TRANSLATE_NOOP("Modules", "Telehealth"), QStringLiteral("telehealth-session"), false},
        {QStringLiteral("04_billing"), 4, QStringLiteral("BILLING"),
         QT_TRANSLATE_NOOP("Modules", "Billing & Payments"), QStringLiteral("billing-payment"),
         false},
        {QStringLiteral("05_followup"), 5, QStringLiteral("FOLLOWUP"),
         QT_TRANSLATE_NOOP("Modules", "Follow-up Campaigns"), QStringLiteral("followup-campaign"),
         false},
        {QStringLiteral("06_ocr"), 6, QStringLiteral("OCR"),
         QT_TRANSLATE_NOOP("Modules", "Document OCR"), QStringLiteral("document-capture"), false},
        {QStringLiteral("07_analytics"), 7, QStringLiteral("ANALYTICS"),
         QT_TRANSLATE_NOOP("Modules", "Analytics"), QStringLiteral("07-analytics-ingest"), false},
        {QStringLiteral("08_messaging"), 8, QStringLiteral("MESSAGING"),
         QT_TRANSLATE_NOOP("Modules", "Messaging Hub"), QStringLiteral("messaging-hub-v1"), true},
        {QStringLiteral("09_compliance"), 9, QStringLiteral("COMPLIANCE"),
         QT_TRANSLATE_NOOP("Modules", "Compliance Audit"), QStringLiteral("aigent-audit-log"),
         true},
    };
    return modules;
}

QString outsideEffect(const QString &id)
{
    static const QHash<QString, QString> effects {
        {QStringLiteral("02_booking"), QStringLiteral("bookings")},
        {QStringLiteral("03_telehealth"), QStringLiteral("video_visits")},
        {QStringLiteral("04_billing"), QStringLiteral("payments")},
        {QStringLiteral("05_followup"), QStringLiteral("messages")},
        {QStringLiteral("08_messaging"), QStringLiteral("messages")},
    };
    return effects.value(id);
}

const ModuleInfo *find(const QString &id)
{
    for (const ModuleInfo &info : all()) {
        if (info.id == id)
            return &info;
    }
    return nullptr;
}

const ModuleInfo *byNumber(int number)
{
    if (number < 1 || number > all().size())
        return nullptr;
    return &all().at(number - 1);
}

QStringList ids()
{
    QStringList out;
    for (const ModuleInfo &m : all())
        out << m.id;
    return out;
}

QString displayName(const QString &id)
{
    const ModuleInfo *info = find(id);
    return info ? QCoreApplication::translate("Modules", info->displayName) : id;
}

QStringList actions(const QString &id)
{
    static const QHash<QString, QStringList> actions = {
        {QStringLiteral("01_intake"),
         {QStringLiteral("capture_lead"), QStringLiteral("score_lead"),
          QStringLiteral("archive_stale_leads")}},
        {QStringLiteral("02_booking"),
         {QStringLiteral("offer_slots"), QStringLiteral("book_first_available"),
          QStringLiteral("offer_reschedule"), QStringLiteral("cancel_booking"),
          QStringLiteral("list_appointments")}},
        {QStringLiteral("03_telehealth"),
         {QStringLiteral("create_session"), QStringLiteral("cancel_session")}},
        {QStringLiteral("04_billing"),
         {QStringLiteral("charge_deposit"), QStringLiteral("retry_charge"),
          QStringLiteral("refund"), QStringLiteral("approve_invoice"),
          QStringLiteral("reject_invoice")}},
        {QStringLiteral("05_followup"), {QStringLiteral("start_campaign")}},
        {QStringLiteral("06_ocr"),
         {QStringLiteral("store_document"), QStringLiteral("reject_document"),
          QStringLiteral("purge_temporary_documents")}},
        {QStringLiteral("07_analytics"),
         {QStringLiteral("kpi_snapshot"), QStringLiteral("generate_report")}},
        {QStringLiteral("08_messaging"),
         {QStringLiteral("send_message"), QStringLiteral("send_reply"),
          QStringLiteral("send_reminders")}},
        {QStringLiteral("09_compliance"),
         {QStringLiteral("log_event"), QStringLiteral("rotate_log")}},
    };
    return actions.value(id);
}

} // namespace Switchboard::ModuleCatalog
