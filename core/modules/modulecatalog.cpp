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

QString actionName(const QString &action)
{
    static const QHash<QString, const char *> names = {
        {QStringLiteral("capture_lead"), QT_TRANSLATE_NOOP("Modules", "Capture a lead")},
        {QStringLiteral("score_lead"), QT_TRANSLATE_NOOP("Modules", "Score a lead")},
        {QStringLiteral("archive_stale_leads"),
         QT_TRANSLATE_NOOP("Modules", "Archive stale leads")},
        {QStringLiteral("offer_slots"), QT_TRANSLATE_NOOP("Modules", "Offer free slots")},
        {QStringLiteral("book_first_available"),
         QT_TRANSLATE_NOOP("Modules", "Book the first free slot")},
        {QStringLiteral("offer_reschedule"), QT_TRANSLATE_NOOP("Modules", "Offer a new time")},
        {QStringLiteral("cancel_booking"), QT_TRANSLATE_NOOP("Modules", "Cancel a booking")},
        {QStringLiteral("list_appointments"), QT_TRANSLATE_NOOP("Modules", "List appointments")},
        {QStringLiteral("create_session"), QT_TRANSLATE_NOOP("Modules", "Create a video visit")},
        {QStringLiteral("cancel_session"), QT_TRANSLATE_NOOP("Modules", "Cancel a video visit")},
        {QStringLiteral("charge_deposit"), QT_TRANSLATE_NOOP("Modules", "Charge a deposit")},
        {QStringLiteral("retry_charge"), QT_TRANSLATE_NOOP("Modules", "Retry a payment")},
        {QStringLiteral("refund"), QT_TRANSLATE_NOOP("Modules", "Refund")},
        {QStringLiteral("approve_invoice"), QT_TRANSLATE_NOOP("Modules", "Approve an invoice")},
        {QStringLiteral("reject_invoice"), QT_TRANSLATE_NOOP("Modules", "Reject an invoice")},
        {QStringLiteral("start_campaign"), QT_TRANSLATE_NOOP("Modules", "Start a campaign")},
        {QStringLiteral("store_document"), QT_TRANSLATE_NOOP("Modules", "Store a document")},
        {QStringLiteral("reject_document"), QT_TRANSLATE_NOOP("Modules", "Reject a document")},
        {QStringLiteral("purge_temporary_documents"),
         QT_TRANSLATE_NOOP("Modules", "Delete temporary documents")},
        {QStringLiteral("kpi_snapshot"), QT_TRANSLATE_NOOP("Modules", "Take a KPI snapshot")},
        {QStringLiteral("generate_report"), QT_TRANSLATE_NOOP("Modules", "Generate the report")},
        {QStringLiteral("send_message"), QT_TRANSLATE_NOOP("Modules", "Send a message")},
        {QStringLiteral("send_reply"), QT_TRANSLATE_NOOP("Modules", "Send a reply")},
        {QStringLiteral("send_reminders"), QT_TRANSLATE_NOOP("Modules", "Send reminders")},
        {QStringLiteral("log_event"), QT_TRANSLATE_NOOP("Modules", "Record an audit event")},
        {QStringLiteral("rotate_log"), QT_TRANSLATE_NOOP("Modules", "Rotate the audit log")},
    };
    if (const char *name = names.value(action))
        return QCoreApplication::translate("Modules", name);
    // An action the catalogue does not know (typed by hand, or an import): as written, in words.
    QString words = action;
    words.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!words.isEmpty())
        words[0] = words.at(0).toUpper();
    return words;
}

} // namespace Switchboard::ModuleCatalog
