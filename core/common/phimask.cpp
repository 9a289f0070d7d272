#include "common/phimask.h"

#include <QJsonArray>
#include <algorithm>

namespace Switchboard {

PhiMask::PhiMask(const QStringList &extraFields)
{
    for (const QString &f : defaultFields() + extraFields) {
        if (!f.trimmed().isEmpty())
            m_fields.insert(normalized(f));
    }
}

QStringList PhiMask::defaultFields()
{
    // HIPAA's identifiers as clinic data names them, and free text that may carry them.
    return {QStringLiteral("name"),          QStringLiteral("first_name"),
            QStringLiteral("last_name"),     QStringLiteral("full_name"),
            QStringLiteral("patient_name"),  QStringLiteral("dob"),
            QStringLiteral("date_of_birth"), QStringLiteral("birth_date"),
            QStringLiteral("email"),         QStringLiteral("phone"),
            QStringLiteral("phone_number"),  QStringLiteral("mobile"),
            QStringLiteral("address"),       QStringLiteral("street"),
            QStringLiteral("postal_code"),   QStringLiteral("zip"),
            QStringLiteral("ssn"),           QStringLiteral("mrn"),
            QStringLiteral("insurance_id"),  QStringLiteral("policy_number"),
            QStringLiteral("diagnosis"),     QStringLiteral("symptoms"),
            QStringLiteral("notes"),         QStringLiteral("note"),
            QStringLiteral("text"),          QStringLiteral("transcript"),
            QStringLiteral("draft"),         QStringLiteral("body"),
            QStringLiteral("ip_address")};
}

QString PhiMask::normalized(const QString &name)
{
    QString n = name.trimmed().toLower();
    n.replace(QLatin1Char('-'), QLatin1Char('_'));
    n.replace(QLatin1Char(' '), QLatin1Char('_'));
    return n;
}

bool PhiMask::isPhi(const QString &member) const
{
    if (m_fields.contains(member))
        return true;
    // Most names are already lower-case with "_": only the others are normalized (a copy).
    for (const QChar c : member) {
        if (c.isUpper() || c == QLatin1Char('-') || c == QLatin1Char(' '))
            return m_fields.contains(normalized(member));
    }
    return false;
}

QJsonValue PhiMask::mask(const QJsonValue &value, int *masked) const
{
    // Written only where something is masked: a document without patient data (most of a
    // long history) is returned as it came, shared, not copied.
    int count = 0;
    if (value.isObject()) {
        const QJsonObject in = value.toObject();
        QJsonObject out = in;
        for (auto it = in.constBegin(); it != in.constEnd(); ++it) {
            const QJsonValue v = it.value();
            if (isPhi(it.key()) && !v.isNull() && !v.isUndefined()) {
                out.insert(it.key(), maskedText());
                ++count;
            } else if (v.isObject() || v.isArray()) {
                int inner = 0;
                const QJsonValue child = mask(v, &inner);
                if (inner > 0) {
                    out.insert(it.key(), child);
                    count += inner;
                }
            }
        }
        if (masked)
            *masked += count;
        return count > 0 ? QJsonValue(out) : value;
    }
    if (value.isArray()) {
        const QJsonArray in = value.toArray();
        QJsonArray out = in;
        for (qsizetype i = 0; i < in.size(); ++i) {
            const QJsonValue v = in.at(i);
            if (!v.isObject() && !v.isArray())
                continue;
            int inner = 0;
            const QJsonValue child = mask(v, &inner);
            if (inner > 0) {
                out.replace(i, child);
                count += inner;
            }
        }
        if (masked)
            *masked += count;
        return count > 0 ? QJsonValue(out) : value;
    }
    return value;
}

QJsonObject PhiMask::maskDocument(const QJsonObject &document) const
{
    int masked = 0;
    QJsonObject out = mask(document, &masked).toObject();
    if (masked > 0)
        out.insert(QStringLiteral("masked"), true);
    return out;
}

void PhiMask::collect(const QJsonValue &value, QSet<QString> &found) const
{
    if (value.isObject()) {
        const QJsonObject o = value.toObject();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it) {
            if (isPhi(it.key()) && !it.value().isNull())
                found.insert(it.key());
            else
                collect(it.value(), found);
        }
    } else if (value.isArray()) {
        for (const QJsonValue v : value.toArray())
            collect(v, found);
    }
}

QStringList PhiMask::fieldsIn(const QJsonValue &value) const
{
    QSet<QString> found;
    collect(value, found);
    QStringList out(found.cbegin(), found.cend());
    std::sort(out.begin(), out.end());
    return out;
}

} // namespace Switchboard
