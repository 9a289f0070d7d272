#pragma once

#include "texts/message.h"

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace Switchboard {

enum class AlertSeverity { Critical, Warning, Info };
QString toWire(AlertSeverity severity); // "critical", "warning", "info"

// One alert as the status document shows it. The fingerprint (rule + subject) identifies the
// same problem across evaluations, whatever numbers its message carries.
struct StatusAlert
{
    AlertSeverity severity = AlertSeverity::Warning;
    QString category; // health | configuration | dependency | kpi | resilience | review | …
    QString rule; // module_down, module_degraded, missing_setting, critical_path, …
    QString module; // empty when not about one module
    // In words, as message ids with their arguments: text() is English, translated() the
    // console's language.
    Message title;
    Message message;
    Message action;
    QString subject; // what the rule is about when it is not a module: a setting, a KPI, a queue
    // Modules whose outage explains this alert: while one of them is down it does not page.
    QStringList derivedFrom;

    QString fingerprint() const;
    // The title, message and action as messages, {"title": …, "message": …, "action": …}, for
    // readers who show them in their own language; setTexts() reads them back.
    QJsonObject texts() const;
    void setTexts(const QJsonObject &texts);
    bool operator==(const StatusAlert &) const = default;
};

} // namespace Switchboard

Q_DECLARE_METATYPE(Switchboard::StatusAlert)
