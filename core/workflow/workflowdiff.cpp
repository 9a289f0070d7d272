#include "workflow/workflowdiff.h"

#include <QJsonArray>
#include <QMap>

namespace Switchboard {

QString WorkflowChange::text() const
{
    const QString verb = kind == Kind::Added ? QStringLiteral("added")
        : kind == Kind::Removed              ? QStringLiteral("removed")
                                             : QStringLiteral("changed");
    QString out = QStringLiteral("%1 %2 %3").arg(what, subject, verb);
    out[0] = out.at(0).toUpper();
    if (!fields.isEmpty())
        out += QStringLiteral(": ") + fields.join(QStringLiteral(", "));
    return out;
}

namespace WorkflowDiff {

namespace {

QMap<QString, QJsonObject> nodesOf(const QJsonObject &doc)
{
    QMap<QString, QJsonObject> out;
    for (const auto &v : doc.value(QLatin1String("nodes")).toArray())
        out.insert(v.toObject().value(QLatin1String("id")).toString(), v.toObject());
    return out;
}

QStringList edgesOf(const QJsonObject &doc)
{
    QStringList out;
    for (const auto &v : doc.value(QLatin1String("edges")).toArray()) {
        const QJsonObject e = v.toObject();
        out << QStringLiteral("%1 → %2 (%3)")
                   .arg(e.value(QLatin1String("from")).toString(),
                        e.value(QLatin1String("to")).toString(),
                        e.value(QLatin1String("port")).toString(QStringLiteral("out")));
    }
    return out;
}

} // namespace

QList<WorkflowChange> between(const QJsonObject &older, const QJsonObject &newer)
{
    QList<WorkflowChange> out;
    // Workflow settings; the version number is bookkeeping, not a change.
    QStringList keys = older.keys() + newer.keys();
    keys.removeDuplicates();
    keys.sort();
    for (const QString &key : std::as_const(keys)) {
        if (key == QLatin1String("nodes") || key == QLatin1String("edges")
            || key == QLatin1String("version"))
            continue;
        const QJsonValue a = older.value(key);
        const QJsonValue b = newer.value(key);
        if (a == b)
            continue;
        out.append({a.isUndefined()       ? WorkflowChange::Kind::Added
                        : b.isUndefined() ? WorkflowChange::Kind::Removed
                                          : WorkflowChange::Kind::Changed,
                    QStringLiteral("setting"),
                    key,
                    {}});
    }
    const QMap<QString, QJsonObject> before = nodesOf(older);
    const QMap<QString, QJsonObject> after = nodesOf(newer);
    for (auto it = before.begin(); it != before.end(); ++it) {
        if (!after.contains(it.key())) {
            out.append({WorkflowChange::Kind::Removed, QStringLiteral("step"), it.key(), {}});
            continue;
        }
        const QJsonObject b = after.value(it.key());
        QStringList fields = it.value().keys() + b.keys();
        fields.removeDuplicates();
        fields.sort();
        QStringList changed;
        for (const QString &f : std::as_const(fields)) {
            if (f != QLatin1String("position") && it.value().value(f) != b.value(f))
                changed << f;
        }
        if (!changed.isEmpty())
            out.append({WorkflowChange::Kind::Changed, QStringLiteral("step"), it.key(), changed});
    }
    for (auto it = after.begin(); it != after.end(); ++it) {
        if (!before.contains(it.key()))
            out.append({WorkflowChange::Kind::Added, QStringLiteral("step"), it.key(), {}});
    }
    const QStringList edgesBefore = edgesOf(older);
    const QStringList edgesAfter = edgesOf(newer);
    for (const QString &e : edgesBefore) {
        if (!edgesAfter.contains(e))
            out.append({WorkflowChange::Kind::Removed, QStringLiteral("connection"), e, {}});
    }
    for (const QString &e : edgesAfter) {
        if (!edgesBefore.contains(e))
            out.append({WorkflowChange::Kind::Added, QStringLiteral("connection"), e, {}});
    }
    return out;
}

} // namespace WorkflowDiff
} // namespace Switchboard
