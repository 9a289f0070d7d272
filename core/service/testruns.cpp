#include "service/testruns.h"

#include "engine/workflowengine.h"
#include "service/coreservice.h"
#include "store/workflowstore.h"

namespace Switchboard::TestRuns {

QString workflowId(const QString &id)
{
    return QStringLiteral("test-run-") + id;
}

Result<QString> start(CoreService &core, const QJsonObject &document, const QJsonObject &input,
                      const QString &actor)
{
    const QString id = workflowId(document.value(QLatin1String("id")).toString());
    QJsonObject copy = document;
    copy.insert(QStringLiteral("id"), id);
    copy.insert(QStringLiteral("name"),
                QStringLiteral("Test run: ") + document.value(QLatin1String("name")).toString());
    auto saved = core.workflows()->saveDraft(copy);
    if (!saved)
        return saved.error();
    if (!saved->isEmpty())
        return makeError(saved->first().toString(), saved->first().field);
    if (Status st = core.workflows()->setEnabled(id, false, actor); !st)
        return st.error();
    if (auto published = core.workflows()->publish(id, QStringLiteral("test run"), actor);
        !published)
        return published.error();
    auto started = core.engine()->start(id, input, QStringLiteral("test-run"));
    if (!started)
        return started.error();
    return started->value(QLatin1String("execution_id")).toString();
}

} // namespace Switchboard::TestRuns
