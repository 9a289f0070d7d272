#pragma once

#include "common/result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QStringList>

namespace Switchboard {

class WorkflowValidator;

// What the builder reads and writes as files: the built-in templates, an imported workflow or
// n8n export, and an exported workflow. No widgets: the builder shows what these return.
class BuilderFiles
{
    Q_DECLARE_TR_FUNCTIONS(BuilderFiles)

public:
    struct Template
    {
        QString id;
        QString name;
        QString description;
    };
    // The built-in templates (resources/templates), sorted by file name.
    static QList<Template> templates();
    // A template as a new draft: its "version" is dropped.
    static Result<QJsonObject> readTemplate(const QString &id);

    struct Imported
    {
        QJsonObject workflow;
        QList<QJsonObject> n8nWorkflows; // n8n only: one per trigger; workflow is the first
        bool fromN8n = false;
        QStringList mapped; // n8n only: what each mapped node became
        QStringList unmapped; // n8n only: what became a placeholder
    };
    // A workflow file, checked against the format before anything changes (the error names
    // the node and the field), or an n8n export, converted with a report of what did not map.
    static Result<Imported> import(const QString &path, const WorkflowValidator &validator);
    // Writes the workflow atomically: a failed write leaves the old file as it was.
    static Status exportTo(const QString &path, const QJsonObject &workflow);
};

} // namespace Switchboard
