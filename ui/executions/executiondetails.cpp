#include "executions/executiondetails.h"

#include "common/jsontree.h"
#include "common/relativetime.h"
#include "executions/executiontablemodel.h"
#include "executions/historymodel.h"
#include "executions/pathview.h"
#include "executions/timelinechart.h"
#include "modules/modulecatalog.h"

#include <QDateTime>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeView>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace Switchboard {

namespace {

// The time of day only, for steps: the header gives the date.
QString clockText(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime().time(), QStringLiteral("HH:mm:ss"))
                       : QString();
}

qint64 msOf(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

bool isFinished(const QString &status)
{
    return status == QLatin1String("completed") || status == QLatin1String("failed")
        || status == QLatin1String("cancelled");
}

constexpr int NodeRole = Qt::UserRole + 1;

} // namespace

ExecutionDetails::ExecutionDetails(QWidget *parent)
    : QWidget(parent)
    , m_header(new QLabel(this))
    , m_message(new QLabel(this))
    , m_masked(new QLabel(this))
    , m_reveal(new QPushButton(tr("Show patient data"), this))
    , m_cancel(new QPushButton(tr("Cancel execution…"), this))
    , m_retry(new QPushButton(tr("Retry…"), this))
    , m_rerun(new QPushButton(tr("Re-run from a step…"), this))
    , m_tabs(new QTabWidget(this))
    , m_steps(new QTreeWidget(this))
    , m_stepSummary(new QLabel(this))
    , m_stepData(new JsonTree(this))
    , m_timeline(new TimelineChart(this))
    , m_path(new PathView(this))
    , m_pathMissing(new QLabel(tr("Loading the workflow…"), this))
    , m_historyNote(new QLabel(this))
    , m_history(new QTreeView(this))
    , m_historyModel(new HistoryModel(this))
{
    m_header->setObjectName(QStringLiteral("executionHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::LinksAccessibleByMouse
                                      | Qt::LinksAccessibleByKeyboard);
    m_message->setObjectName(QStringLiteral("actionMessage"));
    m_message->setWordWrap(true);
    m_masked->setObjectName(QStringLiteral("maskedNotice"));
    m_masked->setWordWrap(true);
    m_reveal->setObjectName(QStringLiteral("revealPhi"));
    m_reveal->setToolTip(tr("Show the names, dates of birth and other patient data in this "
                            "execution. Who looked is recorded in the audit log."));
    m_cancel->setObjectName(QStringLiteral("cancelExecution"));
    m_retry->setObjectName(QStringLiteral("retryExecution"));
    m_rerun->setObjectName(QStringLiteral("rerunExecution"));
    m_cancel->setToolTip(tr("Stop this execution; completed steps are not undone"));
    m_retry->setToolTip(tr("Start a new execution of the same version with the same input"));
    m_rerun->setToolTip(tr("Run it again from one of its steps, with its input as it was or "
                           "corrected; you see first which calls would be made again"));

    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setHeaderLabels(
        {tr("Step"), tr("Status"), tr("Attempts"), tr("Started"), tr("Duration")});
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setStretchLastSection(true);
    m_stepSummary->setObjectName(QStringLiteral("stepSummary"));
    m_stepSummary->setWordWrap(true);
    m_stepSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stepData->setObjectName(QStringLiteral("stepData"));
    auto *stepPane = new QWidget(this);
    auto *stepLayout = new QVBoxLayout(stepPane);
    stepLayout->setContentsMargins(0, 0, 0, 0);
    stepLayout->addWidget(m_stepSummary);
    stepLayout->addWidget(m_stepData, 1);
    auto *stepSplit = new QSplitter(Qt::Horizontal, this);
    stepSplit->setObjectName(QStringLiteral("stepSplit"));
    stepSplit->addWidget(m_steps);
    stepSplit->addWidget(stepPane);
    stepSplit->setStretchFactor(0, 1);
    stepSplit->setStretchFactor(1, 1);
    stepSplit->setChildrenCollapsible(false);

    auto *timelineScroll = new QScrollArea(this);
    timelineScroll->setWidget(m_timeline);
    timelineScroll->setWidgetResizable(true);
    timelineScroll->setFrameShape(QFrame::NoFrame);

    m_pathMissing->setAlignment(Qt::AlignCenter);
    m_pathMissing->setWordWrap(true);
    auto *pathStack = new QStackedWidget(this);
    pathStack->setObjectName(QStringLiteral("pathStack"));
    pathStack->addWidget(m_pathMissing);
    pathStack->addWidget(m_path);

    m_history->setObjectName(QStringLiteral("history"));
    m_history->setModel(m_historyModel);
    m_history->setRootIsDecorated(false);
    m_history->setUniformRowHeights(true); // 10,000 events scroll without measuring each
    m_history->header()->setStretchLastSection(true);
    m_history->header()->resizeSection(HistoryModel::TimeColumn, 110);
    m_history->header()->resizeSection(HistoryModel::WhatColumn, 260);
    m_history->header()->resizeSection(HistoryModel::StepColumn, 160);

    m_tabs->setObjectName(QStringLiteral("executionTabs"));
    m_tabs->addTab(stepSplit, tr("Steps"));
    m_tabs->addTab(timelineScroll, tr("Timeline"));
    m_tabs->addTab(pathStack, tr("Path taken"));
    m_historyNote->setObjectName(QStringLiteral("historyNote"));
    m_historyNote->setWordWrap(true);
    auto *historyPane = new QWidget(this);
    auto *historyLayout = new QVBoxLayout(historyPane);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(m_historyNote);
    historyLayout->addWidget(m_history, 1);
    m_tabs->addTab(historyPane, tr("History"));

    // The actions in one row under what the execution is, with the patient-data notice.
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_masked, 1);
    for (QPushButton *b : {m_reveal, m_rerun, m_retry, m_cancel})
        actions->addWidget(b);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addLayout(actions);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    connect(m_header, &QLabel::linkActivated, this, &ExecutionDetails::onLink);
    connect(m_steps, &QTreeWidget::currentItemChanged, this, [this] { showStep(); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { confirm(QStringLiteral("cancel")); });
    connect(m_retry, &QPushButton::clicked, this, [this] { confirm(QStringLiteral("retry")); });
    connect(m_rerun, &QPushButton::clicked, this,
            [this] { Q_EMIT rerunRequested(m_id, selectedStep()); });
    connect(m_reveal, &QPushButton::clicked, this, [this] { Q_EMIT revealRequested(m_id); });
    clear();
}

void ExecutionDetails::clear()
{
    m_id.clear();
    m_execution = {};
    m_header->setText(tr("Select an execution to see its steps, timeline and history."));
    m_masked->hide();
    m_reveal->hide();
    for (QPushButton *b : {m_cancel, m_retry, m_rerun})
        b->setEnabled(false);
    m_steps->clear();
    m_stepSummary->clear();
    m_stepData->setValue(QJsonValue::Undefined);
    m_timeline->setBars({}, 0);
    m_historyModel->setHistory({});
    m_historyNote->hide();
    setMessage({});
}

void ExecutionDetails::setMessage(const QString &text)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString ExecutionDetails::selectedStep() const
{
    const QTreeWidgetItem *item = m_steps->currentItem();
    return item ? item->data(0, NodeRole).toString() : QString();
}

void ExecutionDetails::showExecution(const QString &executionId, const QJsonObject &e, qint64 nowMs)
{
    const bool other = executionId != m_id;
    const QString keep = other ? QString() : selectedStep();
    if (other)
        setMessage({});
    m_id = executionId;
    m_execution = e;
    const QString status = e.value(QLatin1String("status")).toString();
    const bool finished = isFinished(status);
    const QString workflow = e.value(QLatin1String("workflow_id")).toString();
    const int version = e.value(QLatin1String("version")).toInt();
    QString header = tr("<b>%1</b> (version %2) — <span style=\"color:%3\"><b>%4</b></span>")
                         .arg(m_workflowNames.value(workflow, workflow).toHtmlEscaped())
                         .arg(version)
                         .arg(ExecutionTableModel::statusColor(status).name(),
                              ExecutionTableModel::statusText(status).toHtmlEscaped());
    header += QStringLiteral("<br>")
        + (finished ? tr("Started %1, finished %2")
                          .arg(localTimeText(e.value(QLatin1String("created_at"))),
                               localTimeText(e.value(QLatin1String("finished_at"))))
                    : tr("Started %1").arg(localTimeText(e.value(QLatin1String("created_at")))));
    if (const QString error = e.value(QLatin1String("error")).toString(); !error.isEmpty())
        header += QStringLiteral("<br>") + tr("Why it failed: %1").arg(error.toHtmlEscaped());
    // Its business keys, each opening the journey of that patient, appointment or invoice.
    const QJsonObject keys = e.value(QLatin1String("keys")).toObject();
    QStringList keyLinks;
    for (auto it = keys.begin(); it != keys.end(); ++it) {
        const QString href =
            QStringLiteral("journey:%1/%2")
                .arg(it.key(), QString::fromLatin1(QUrl::toPercentEncoding(it.value().toString())));
        keyLinks << QStringLiteral("%1 <a href=\"%2\">%3</a>")
                        .arg(it.key().toHtmlEscaped(), href.toHtmlEscaped(),
                             it.value().toString().toHtmlEscaped());
    }
    if (!keyLinks.isEmpty())
        header +=
            QStringLiteral("<br>") + tr("Journey: %1").arg(keyLinks.join(QStringLiteral(" · ")));
    const QString trace = e.value(QLatin1String("trace_id")).toString();
    const QString traceText = m_traceTemplate.isEmpty()
        ? trace.toHtmlEscaped()
        : QStringLiteral("<a href=\"%1\">%2</a>")
              .arg(QString(m_traceTemplate)
                       .replace(QLatin1String("{trace_id}"), trace)
                       .toHtmlEscaped(),
                   trace.toHtmlEscaped());
    header += QStringLiteral("<br>")
        + tr("Execution %1 · trace %2").arg(executionId.toHtmlEscaped(), traceText);
    m_header->setText(header);

    const bool masked = e.value(QLatin1String("masked")).toBool();
    m_masked->setVisible(masked);
    m_masked->setText(m_mayReadPhi ? tr("Patient data is hidden (•••).")
                                   : tr("Patient data is hidden (•••): your role may not see it."));
    m_reveal->setVisible(masked && m_mayReadPhi);
    m_cancel->setEnabled(!finished);
    m_retry->setEnabled(status == QLatin1String("failed") || status == QLatin1String("cancelled"));
    m_rerun->setEnabled(finished);

    showSteps();
    if (!keep.isEmpty()) {
        for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
            if (m_steps->topLevelItem(i)->data(0, NodeRole).toString() == keep)
                m_steps->setCurrentItem(m_steps->topLevelItem(i));
        }
    }
    m_timeline->setBars(e.value(QLatin1String("timeline")).toArray(), nowMs);
    showHistory();
    m_path->setRun(e);
    const QString drawn = QStringLiteral("%1@%2").arg(workflow).arg(version);
    if (drawn != m_drawn)
        Q_EMIT workflowNeeded(workflow, version);
}

void ExecutionDetails::showWorkflow(const QString &workflowId, int version,
                                    const QJsonObject &document)
{
    if (m_execution.value(QLatin1String("workflow_id")).toString() != workflowId
        || m_execution.value(QLatin1String("version")).toInt() != version)
        return;
    auto *stack = static_cast<QStackedWidget *>(m_path->parentWidget());
    if (document.isEmpty() || !m_path->setWorkflow(document)) {
        m_pathMissing->setText(tr("This version of the workflow cannot be drawn."));
        stack->setCurrentWidget(m_pathMissing);
        return;
    }
    m_drawn = QStringLiteral("%1@%2").arg(workflowId).arg(version);
    m_nodes.clear();
    QHash<QString, QString> names;
    for (const QJsonValue n : document.value(QLatin1String("nodes")).toArray()) {
        m_nodes.insert(n[QLatin1String("id")].toString(), n.toObject());
        if (n[QLatin1String("name")].isString())
            names.insert(n[QLatin1String("id")].toString(), n[QLatin1String("name")].toString());
    }
    // The timeline and the history say which step by its name too.
    m_timeline->setStepNames(names);
    m_historyModel->setStepNames(names);
    m_path->setRun(m_execution);
    stack->setCurrentWidget(m_path);
    const QString keep = selectedStep();
    showSteps(); // with the steps' own names
    for (int i = 0; i < m_steps->topLevelItemCount(); ++i) {
        if (m_steps->topLevelItem(i)->data(0, NodeRole).toString() == keep)
            m_steps->setCurrentItem(m_steps->topLevelItem(i));
    }
}

void ExecutionDetails::showSteps()
{
    const QSignalBlocker quiet(m_steps);
    m_steps->clear();
    // In the order they ran (by start, then by their first mention in the history, which
    // orders steps begun in the same millisecond); steps that have not started go last.
    QHash<QString, int> firstSeen;
    for (const auto &v : m_execution.value(QLatin1String("history")).toArray()) {
        const QString node = v[QLatin1String("node")].toString();
        if (!node.isEmpty() && !firstSeen.contains(node))
            firstSeen.insert(node, int(firstSeen.size()));
    }
    QList<QJsonObject> steps;
    for (const auto &v : m_execution.value(QLatin1String("steps")).toArray())
        steps.append(v.toObject());
    std::stable_sort(steps.begin(), steps.end(), [&](const QJsonObject &a, const QJsonObject &b) {
        const qint64 x = msOf(a.value(QLatin1String("started_at")));
        const qint64 y = msOf(b.value(QLatin1String("started_at")));
        if (x != y)
            return (x == 0 ? LLONG_MAX : x) < (y == 0 ? LLONG_MAX : y);
        return firstSeen.value(a.value(QLatin1String("node")).toString(), INT_MAX)
            < firstSeen.value(b.value(QLatin1String("node")).toString(), INT_MAX);
    });
    for (const QJsonObject &s : std::as_const(steps)) {
        const QString node = s.value(QLatin1String("node")).toString();
        const qint64 started = msOf(s.value(QLatin1String("started_at")));
        const qint64 ended = msOf(s.value(QLatin1String("finished_at")));
        const QString stepStatus = s.value(QLatin1String("status")).toString();
        const QString name = m_nodes.value(node).value(QLatin1String("name")).toString(node);
        auto *item = new QTreeWidgetItem(
            m_steps,
            {name,
             stepStatus == QLatin1String("retrying") ? tr("↻ Retrying")
                                                     : ExecutionTableModel::statusText(stepStatus),
             s.contains(QLatin1String("attempts"))
                 ? QString::number(s.value(QLatin1String("attempts")).toInt())
                 : QString(),
             clockText(s.value(QLatin1String("started_at"))),
             started > 0 && ended >= started ? ExecutionTableModel::durationText(ended - started)
                                             : QString()});
        item->setData(0, NodeRole, node);
        item->setToolTip(0, node);
        item->setForeground(1, ExecutionTableModel::statusColor(stepStatus));
    }
    for (int c = 0; c < m_steps->columnCount() - 1; ++c)
        m_steps->resizeColumnToContents(c);
    showStep();
}

void ExecutionDetails::showStep()
{
    const QString node = selectedStep();
    QJsonObject step;
    for (const auto &v : m_execution.value(QLatin1String("steps")).toArray()) {
        if (v[QLatin1String("node")].toString() == node)
            step = v.toObject();
    }
    if (step.isEmpty()) {
        m_stepSummary->setText(m_steps->topLevelItemCount() > 0
                                   ? tr("Select a step to see what it was given and what it gave.")
                                   : QString());
        m_stepData->setValue(m_execution.isEmpty() ? QJsonValue(QJsonValue::Undefined)
                                                   : QJsonValue(m_execution.value("input")));
        return;
    }
    const QJsonObject def = m_nodes.value(node);
    const QString name = def.value(QLatin1String("name")).toString(node);
    QStringList lines;
    const QString module = def.value(QLatin1String("module")).toString();
    if (!module.isEmpty())
        lines << tr("<b>%1</b> — calls %2 (%3)")
                     .arg(name.toHtmlEscaped(), ModuleCatalog::displayName(module).toHtmlEscaped(),
                          def.value(QLatin1String("action")).toString().toHtmlEscaped());
    else
        lines << QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped());
    if (const int attempts = step.value(QLatin1String("attempts")).toInt(); attempts > 1)
        lines << tr("Tried %1 times.").arg(attempts);
    if (const QString error = step.value(QLatin1String("error")).toString(); !error.isEmpty())
        lines << tr("Why it failed: %1").arg(error.toHtmlEscaped());
    if (step.value(QLatin1String("uncertain")).toBool())
        lines << tr("The module gave no clear answer; the step counts as done.");
    if (const QString key = step.value(QLatin1String("idempotency_key")).toString(); !key.isEmpty())
        lines << tr("Idempotency key: %1").arg(key.toHtmlEscaped());
    m_stepSummary->setText(lines.join(QStringLiteral("<br>")));
    // What it was given (for a call: the body sent) and what it gave.
    QJsonObject data;
    if (step.contains(QLatin1String("request")))
        data.insert(tr("sent"), step.value(QLatin1String("request")));
    if (step.contains(QLatin1String("output")))
        data.insert(tr("result"), step.value(QLatin1String("output")));
    if (step.contains(QLatin1String("compensation_request")))
        data.insert(tr("undo sent"), step.value(QLatin1String("compensation_request")));
    m_stepData->setValue(data);
}

void ExecutionDetails::showHistory()
{
    const QJsonArray history = m_execution.value(QLatin1String("history")).toArray();
    m_historyModel->setHistory(history);
    // A long run's page carries its latest events; the rest stay in the store (and the API).
    const int total = m_execution.value(QLatin1String("history_total")).toInt(int(history.size()));
    m_historyNote->setVisible(total > history.size());
    m_historyNote->setText(tr("Showing the latest %1 of %2 events. The timeline shows them all.")
                               .arg(QLocale().toString(history.size()), QLocale().toString(total)));
}

void ExecutionDetails::onLink(const QString &href)
{
    if (href.startsWith(QLatin1String("journey:"))) {
        const QString rest = href.mid(8);
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        Q_EMIT journeyRequested(rest.left(slash),
                                QUrl::fromPercentEncoding(rest.mid(slash + 1).toUtf8()));
        return;
    }
    QDesktopServices::openUrl(QUrl(href));
}

void ExecutionDetails::confirm(const QString &action)
{
    const QString id = m_id;
    if (id.isEmpty())
        return;
    const bool cancel = action == QLatin1String("cancel");
    auto *ask = new QMessageBox(
        QMessageBox::Question, cancel ? tr("Cancel execution") : tr("Retry execution"),
        cancel ? tr("Cancel execution %1? It stops where it is: steps already done are not "
                    "undone, and its open review tasks are withdrawn.")
                     .arg(id)
               : tr("Start a new execution of the same workflow version with the same input as "
                    "%1? Module calls are made again, under new idempotency keys.")
                     .arg(id),
        QMessageBox::Cancel, this);
    ask->setObjectName(cancel ? QStringLiteral("confirmCancel") : QStringLiteral("confirmRetry"));
    QPushButton *yes =
        ask->addButton(cancel ? tr("Cancel execution") : tr("Retry"), QMessageBox::AcceptRole);
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, ask, yes, id, cancel] {
        if (ask->clickedButton() != yes)
            return;
        setMessage(cancel ? tr("Cancelling…") : tr("Starting a retry…"));
        if (cancel)
            Q_EMIT cancelRequested(id);
        else
            Q_EMIT retryRequested(id);
    });
    ask->open();
}

} // namespace Switchboard
