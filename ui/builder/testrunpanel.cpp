#include "builder/testrunpanel.h"

#include "builder/edgeitem.h"
#include "builder/nodeitem.h"
#include "builder/workflowscene.h"
#include "common/jsontree.h"

#include <QJsonDocument>
#include <QLabel>
#include <QVBoxLayout>

namespace Switchboard {

TestRunPanel::TestRunPanel(WorkflowScene *scene, QWidget *parent)
    : QWidget(parent)
    , m_scene(scene)
    , m_heading(new QLabel(this))
    , m_tree(new JsonTree(this))
{
    setObjectName(QStringLiteral("runDetails"));
    m_heading->setWordWrap(true);
    m_heading->setObjectName(QStringLiteral("runHeading"));
    m_heading->setMinimumHeight(m_heading->fontMetrics().lineSpacing() * 3);
    m_heading->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_tree->setAccessibleName(tr("The selected step in the test run"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_heading);
    layout->addWidget(m_tree, 1);
    showStep({});
}

void TestRunPanel::start(const QStringList &nodeIds)
{
    m_run.clear();
    m_detail = {};
    m_reading = {};
    m_states.clear();
    for (const QString &id : nodeIds)
        setState(id, QStringLiteral("pending"));
    for (EdgeItem *edge : m_scene->edgeItems())
        edge->setTaken(std::nullopt);
    showStep({});
}

void TestRunPanel::setState(const QString &node, const QString &state)
{
    m_states.insert(node, state);
    paint(node);
}

void TestRunPanel::paint(const QString &node) const
{
    // A step the run never took is faded, as on an execution's "Path taken".
    const QString state = m_states.value(node);
    if (NodeItem *item = m_scene->nodeItem(node)) {
        item->setRunState(state);
        item->setOpacity(state == QLatin1String("skipped") ? 0.45 : 1.0);
    }
}

void TestRunPanel::applyEvent(const QJsonObject &event)
{
    const QString node = event.value(QLatin1String("node")).toString();
    const QString state = TestRunStates::ofEvent(event);
    if (!node.isEmpty() && !state.isEmpty())
        setState(node, state);
}

TestRunStates::Reading TestRunPanel::applyExecution(const QJsonObject &execution,
                                                    const QStringList &nodeIds)
{
    m_detail = execution;
    m_reading = TestRunStates::ofExecution(execution, nodeIds);
    m_states.insert(m_reading.states);
    reapply();
    return m_reading;
}

void TestRunPanel::reapply()
{
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it)
        paint(it.key());
    // The path shows once the run's details say which way it went.
    for (EdgeItem *edge : m_scene->edgeItems())
        edge->setTaken(m_detail.isEmpty() ? std::nullopt
                                          : std::optional<bool>(m_reading.took(edge->edge())));
}

void TestRunPanel::showStep(const QString &node)
{
    if (node.isEmpty() || m_detail.isEmpty()) {
        m_heading->setText(
            m_detail.isEmpty()
                ? tr("Test run (Ctrl+R): select a step to see what it was given and gave.")
                : tr("Select a step to see what it was given and gave in the test run."));
        m_tree->setValue(QJsonValue::Undefined);
        m_tree->setVisible(false);
        return;
    }
    const QJsonObject step = TestRunStates::step(m_detail, node);
    m_tree->setVisible(!step.isEmpty());
    if (step.isEmpty()) {
        m_heading->setText(tr("\"%1\" did not run in the test run.").arg(node));
        m_tree->setValue(QJsonValue::Undefined);
        return;
    }
    const int attempts = step.value(QLatin1String("attempts")).toInt();
    const QString state = NodeItem::runStateText(m_states.value(node));
    m_heading->setText(attempts == 1
                           ? tr("\"%1\": %2, one attempt.").arg(node, state)
                           : tr("\"%1\": %2, %3 attempts.").arg(node, state).arg(attempts));
    m_tree->setValue(step, 2);
}

QString TestRunPanel::text() const
{
    const QJsonValue value = m_tree->value();
    return m_heading->text()
        + (value.isObject() ? QStringLiteral("\n")
                   + QString::fromUtf8(
                                  QJsonDocument(value.toObject()).toJson(QJsonDocument::Indented))
                            : QString());
}

} // namespace Switchboard
