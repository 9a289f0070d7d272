#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QSet>
#include <QStringList>

namespace Switchboard {

// Patient data in the documents a core keeps (execution inputs and outputs, step data, history,
// dead-letter payloads): a member whose name says it holds patient data (patient_name, dob,
// phone, notes, …, and the clinic's own PHI_FIELDS) has its value replaced, at any depth, for
// those who may not read it. Names are compared case-insensitively, with "-" and " " as "_".
class PhiMask
{
public:
    // The default names plus extra ones.
    explicit PhiMask(const QStringList &extraFields = {});

    static QStringList defaultFields();
    static QString maskedText() { return QStringLiteral("•••"); }

    bool isPhi(const QString &member) const;
    // The value with every patient-data member's value replaced by maskedText(); masked (when
    // given) grows by the number replaced.
    QJsonValue mask(const QJsonValue &value, int *masked = nullptr) const;
    // An execution or dead letter masked, with "masked": true when anything was.
    QJsonObject maskDocument(const QJsonObject &document) const;
    // The names of the members mask() would replace, sorted and once each (for the audit entry
    // of a reveal: names, never values).
    QStringList fieldsIn(const QJsonValue &value) const;

private:
    static QString normalized(const QString &name);
    void collect(const QJsonValue &value, QSet<QString> &found) const;

    QSet<QString> m_fields;
};

} // namespace Switchboard
