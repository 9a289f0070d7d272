#include "builder/builderfiles.h"

#include "workflow/n8nimport.h"
#include "workflow/templatetexts.h"
#include "workflow/workflowvalidator.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonDocument>
#include <QSaveFile>

namespace Switchboard {

QList<BuilderFiles::Template> BuilderFiles::templates()
{
    QDirIterator it(QStringLiteral(":/templates"), {QStringLiteral("*.json")});
    QStringList paths;
    while (it.hasNext())
        paths << it.next();
    paths.sort();
    QList<Template> out;
    for (const QString &path : std::as_const(paths)) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QJsonObject doc =
            TemplateTexts::translated(QJsonDocument::fromJson(file.readAll()).object());
        const QString id = doc.value(QLatin1String("id")).toString();
        out.append({id, doc.value(QLatin1String("name")).toString(id),
                    doc.value(QLatin1String("description")).toString()});
    }
    return out;
}

Result<QJsonObject> BuilderFiles::readTemplate(const QString &id)
{
    QFile file(QStringLiteral(":/templates/%1.json").arg(id));
    if (!file.open(QIODevice::ReadOnly))
        return notFound(tr("There is no template \"%1\".").arg(id));
    QJsonObject doc = TemplateTexts::translated(QJsonDocument::fromJson(file.readAll()).object());
    doc.remove(QStringLiteral("version"));
    return doc;
}

Result<BuilderFiles::Imported> BuilderFiles::import(const QString &path,
                                                    const WorkflowValidator &validator)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return makeError(tr("Cannot read %1: %2").arg(path, file.errorString()));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return makeError(tr("%1 is not a workflow: %2 at character %3")
                             .arg(path, error.errorString())
                             .arg(error.offset));
    if (N8nImport::looksLikeN8n(doc.object())) {
        auto converted = N8nImport::convert(doc.object());
        if (!converted)
            return makeError(tr("Not imported: %1").arg(converted.error().message));
        return Imported {converted->workflows.value(0), converted->workflows, true,
                         converted->mapped, converted->unmapped};
    }
    const QList<WorkflowIssue> issues = validator.validate(doc.object());
    if (!issues.isEmpty())
        return makeError(tr("Not imported, %1 has %2 problem(s); the first: %3")
                             .arg(path)
                             .arg(issues.size())
                             .arg(issues.first().translated()));
    return Imported {doc.object(), {}, false, {}, {}};
}

Status BuilderFiles::exportTo(const QString &path, const QJsonObject &workflow)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(QJsonDocument(workflow).toJson(QJsonDocument::Indented)) < 0
        || !file.commit())
        return makeError(tr("Cannot write %1: %2").arg(path, file.errorString()));
    return Ok {};
}

} // namespace Switchboard
