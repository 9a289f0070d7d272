#include "executions/executionsview.h"

#include "executions/deadletterview.h"
#include "executions/executiondetails.h"
#include "executions/executiontablemodel.h"
#include "executions/journeyview.h"
#include "executions/rerundialog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace Switchboard {

ExecutionsView::ExecutionsView(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new ExecutionTableModel(clock, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_sections(new QTabWidget(this))
    , m_status(new QComboBox(this))
    , m_origin(new QComboBox(this))
    , m_workflow(new QComboBox(this))
    , m_period(new QComboBox(this))
    , m_more(new QPushButton(tr("Show more"), this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_page(new ExecutionDetails(this))
    , m_deadLetters(new DeadLetterView(clock, this))
    , m_journey(new JourneyView(clock, this))
{
    auto *title = new QLabel(tr("Executions"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);

    for (const auto &[label, wire] :
         {std::pair {tr("All"), QString()}, std::pair {tr("Running"), QStringLiteral("running")},
          std::pair {tr("Waiting"), QStringLiteral("waiting")},
          std::pair {tr("Completed"), QStringLiteral("completed")},
          std::pair {tr("Failed"), QStringLiteral("failed")},
          std::pair {tr("Cancelled"), QStringLiteral("cancelled")}})
        m_status->addItem(label, wire);
    m_origin->addItem(tr("Started by anything"), QString());
    for (const char *origin : {"webhook", "api", "event", "schedule", "retry", "rerun", "test-run"})
        m_origin->addItem(ExecutionTableModel::originText(QLatin1String(origin)),
                          QLatin1String(origin));
    m_origin->setObjectName(QStringLiteral("originFilter"));
    m_origin->setProperty("remember", true);
    m_origin->setAccessibleName(tr("Show executions started by"));
    m_workflow->setObjectName(QStringLiteral("workflowFilter"));
    m_workflow->setAccessibleName(tr("Show executions of the workflow"));
    m_workflow->addItem(tr("Every workflow"), QString());
    // Combos as wide as their longest choice where there is room; on a narrow window they may
    // shrink (the search box gives way first), so the section never forces the window wider.
    for (QComboBox *combo : {m_workflow, m_origin, m_period, m_status}) {
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
        combo->setMinimumWidth(80);
        combo->setMaximumWidth(180); // a long workflow name is read in the list that drops down
    }
    m_period->setObjectName(QStringLiteral("periodFilter"));
    m_period->setProperty("remember", true);
    m_period->setAccessibleName(tr("Show executions started in"));
    for (const auto &[label, hours] :
         {std::pair {tr("Any time"), 0}, std::pair {tr("Last hour"), 1},
          std::pair {tr("Last 24 hours"), 24}, std::pair {tr("Last 7 days"), 24 * 7},
          std::pair {tr("Last 30 days"), 24 * 30}})
        m_period->addItem(label, hours);
    m_more->setObjectName(QStringLiteral("showMore"));
    m_more->setToolTip(tr("List %1 more executions").arg(ListLimit));
    m_more->hide();
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setProperty("remember", true);
    m_status->setAccessibleName(tr("Show executions that are"));
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search: id, trace or patient"));
    m_search->setToolTip(tr("An execution id, a trace id, or a business key's value (P-1042, or "
                            "patient_id=P-1042) is looked up in every stored execution; other "
                            "text filters the listed ones by workflow."));
    m_search->setClearButtonEnabled(true);
    m_search->setMinimumWidth(100);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterRole(ExecutionTableModel::SearchRole);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortRole(ExecutionTableModel::SortRole);
    m_table->setObjectName(QStringLiteral("executions"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ExecutionTableModel::StartedColumn, Qt::DescendingOrder);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setWordWrap(false); // a cell is one line: wrapped text was cut at the row's height
    for (const int c : {ExecutionTableModel::WorkflowColumn, ExecutionTableModel::OriginColumn})
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_empty->setObjectName(QStringLiteral("emptyState"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);

    auto *filters = new QHBoxLayout;
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_status);
    filters->addWidget(m_workflow);
    filters->addWidget(m_period);
    filters->addWidget(m_origin);
    filters->addWidget(m_search, 1);

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addLayout(filters);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_empty, 1);
    listLayout->addWidget(m_more, 0, Qt::AlignHCenter);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("executionsSplit"));
    split->addWidget(listPane);
    split->addWidget(m_page);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({250, 350});
    split->setChildrenCollapsible(false);

    m_sections->setObjectName(QStringLiteral("executionSections"));
    m_sections->addTab(split, tr("Runs"));
    m_sections->addTab(m_deadLetters, tr("Dead letters"));
    m_sections->addTab(m_journey, tr("Journey"));
    m_sections->setDocumentMode(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_sections, 1);

    // Another filter starts again from the first page.
    for (QComboBox *filter : {m_status, m_origin, m_workflow, m_period})
        connect(filter, &QComboBox::currentIndexChanged, this, [this] {
            m_limit = ListLimit;
            requestList();
        });
    connect(m_more, &QPushButton::clicked, this, [this] {
        m_limit = std::min(m_limit + ListLimit, MaxListed);
        requestList();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(isStoreSearch(text) ? QString() : text);
        // An id, a trace id or a key is looked up in the store; other text filters the rows.
        if (isStoreSearch(text) || !m_storeSearch.isEmpty())
            requestList();
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this] { onSelection(); });
    // The list is replaced on every change; the selection follows the execution, not the row.
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        const bool empty = updateEmptyState();
        // The selected execution stays selected; with none, the newest is shown.
        if (m_model->rowOf(m_selected) >= 0)
            selectExecution(m_selected);
        else if (!empty && m_selected.isEmpty())
            m_table->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_page, &ExecutionDetails::cancelRequested, this, &ExecutionsView::cancelRequested);
    connect(m_page, &ExecutionDetails::retryRequested, this, &ExecutionsView::retryRequested);
    connect(m_page, &ExecutionDetails::rerunRequested, this, &ExecutionsView::openRerun);
    connect(m_page, &ExecutionDetails::revealRequested, this, [this](const QString &id) {
        m_revealed.insert(id);
        requestShown(id);
    });
    connect(m_page, &ExecutionDetails::journeyRequested, this, &ExecutionsView::openJourney);
    connect(m_page, &ExecutionDetails::workflowNeeded, this,
            [this](const QString &id, int version) {
                const QString key = QStringLiteral("%1@%2").arg(id).arg(version);
                if (m_workflows.contains(key))
                    m_page->showWorkflow(id, version, m_workflows.value(key));
                else
                    Q_EMIT workflowRequested(id, version);
            });
    connect(m_deadLetters, &DeadLetterView::executionOpened, this, &ExecutionsView::openExecution);
    connect(m_journey, &JourneyView::executionOpened, this, &ExecutionsView::openExecution);
    connect(m_sections, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_sections->widget(index) == m_deadLetters)
            m_deadLetters->refresh();
    });
    updateEmptyState();
}

void ExecutionsView::setMayReadPhi(bool may)
{
    m_page->setMayReadPhi(may);
    m_deadLetters->setMayReadPhi(may);
}

void ExecutionsView::setWorkflows(const QJsonArray &workflows)
{
    const QString chosen = m_workflow->currentData().toString();
    const QSignalBlocker quiet(m_workflow);
    while (m_workflow->count() > 1)
        m_workflow->removeItem(1);
    QHash<QString, QString> names;
    for (const QJsonValue w : workflows) {
        const QString id = w[QLatin1String("id")].toString();
        names.insert(id, w[QLatin1String("name")].toString(id));
        // Test runs are found through "Started by"; the list offers the clinic's workflows.
        if (id.startsWith(QLatin1String("test-run-")))
            continue;
        m_workflow->addItem(w[QLatin1String("name")].toString(id), id);
    }
    m_workflow->setCurrentIndex(std::max(0, m_workflow->findData(chosen)));
    m_model->setWorkflowNames(names);
    m_page->setWorkflowNames(names);
}

void ExecutionsView::setTraceUrlTemplate(const QString &urlTemplate)
{
    m_page->setTraceUrlTemplate(urlTemplate);
}

bool ExecutionsView::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_table->setVisible(!empty);
    m_empty->setVisible(empty);
    const bool filtered = !m_status->currentData().toString().isEmpty()
        || !m_origin->currentData().toString().isEmpty()
        || !m_workflow->currentData().toString().isEmpty() || m_period->currentData().toInt() > 0
        || !m_storeSearch.isEmpty();
    m_empty->setText(!filtered ? tr("No executions yet. They appear here as soon as a workflow "
                                    "starts, from an event, a schedule, a webhook or a test run.")
                               : tr("No executions match these filters."));
    return empty;
}

void ExecutionsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    requestList();
}

bool ExecutionsView::isStoreSearch(const QString &text)
{
    // An execution id, a trace id, key=value, or something shaped like a business key's value
    // (letters and digits with a dash or digits in it: P-1042, INV-9, 20231).
    static const QRegularExpression stored(QStringLiteral(
        R"(^(ex_[0-9a-f]{8,40}|[0-9a-f]{32}|[a-z][a-z0-9_]{0,39}\s*[=:]\s*\S.*|[A-Za-z]*[-_]?\d[\w-]*)$)"));
    return stored.match(text.trimmed()).hasMatch();
}

void ExecutionsView::requestList()
{
    ExecutionFilter filter;
    filter.status = m_status->currentData().toString();
    filter.origin = m_origin->currentData().toString();
    filter.workflowId = m_workflow->currentData().toString();
    if (const int hours = m_period->currentData().toInt(); hours > 0)
        filter.fromMs = m_clock.nowMs() - qint64(hours) * 3600 * 1000;
    const QString text = m_search->text().trimmed();
    m_storeSearch = isStoreSearch(text) || (!text.isEmpty() && text == m_opened) ? text : QString();
    filter.search = m_storeSearch;
    filter.limit = m_limit;
    Q_EMIT executionsRequested(filter);
}

void ExecutionsView::requestShown(const QString &executionId)
{
    if (m_revealed.contains(executionId))
        Q_EMIT revealRequested(executionId);
    else
        Q_EMIT executionRequested(executionId);
}

void ExecutionsView::setExecutions(const QJsonArray &executions, bool more)
{
    m_more->setVisible(more && m_limit < MaxListed);
    m_model->setExecutions(executions);
    // The execution on the page moved on: show its new steps.
    const int row = m_model->rowOf(m_selected);
    if (row >= 0
        && m_model->executionAt(row).value(QLatin1String("status"))
            != m_page->execution().value(QLatin1String("status")))
        requestShown(m_selected);
}

void ExecutionsView::selectExecution(const QString &executionId)
{
    const int row = m_model->rowOf(executionId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(row, 0));
    if (index.isValid() && m_table->currentIndex().row() != index.row())
        m_table->setCurrentIndex(index);
}

void ExecutionsView::openExecution(const QString &executionId)
{
    if (executionId.isEmpty())
        return;
    m_sections->setCurrentIndex(0);
    m_selected = executionId;
    m_opened = executionId;
    m_page->setMessage({});
    {
        const QSignalBlocker quiet(m_search);
        m_search->setText(executionId);
    }
    m_proxy->setFilterFixedString(QString());
    requestList();
    requestShown(executionId);
}

void ExecutionsView::openDeadLetters()
{
    m_sections->setCurrentWidget(m_deadLetters);
    m_deadLetters->refresh();
}

void ExecutionsView::openJourney(const QString &key, const QString &value)
{
    m_sections->setCurrentWidget(m_journey);
    m_journey->showJourney(key, value);
}

QString ExecutionsView::selectedExecution() const
{
    return m_selected;
}

void ExecutionsView::onSelection()
{
    const QModelIndex current = m_table->currentIndex();
    const QString id = current.data(ExecutionTableModel::ExecutionIdRole).toString();
    if (id.isEmpty() || id == m_selected)
        return;
    m_selected = id;
    requestShown(id);
}

void ExecutionsView::showExecution(const QString &executionId, const QJsonObject &e)
{
    if (executionId != m_selected)
        return;
    m_page->showExecution(executionId, e, m_clock.nowMs());
}

void ExecutionsView::showWorkflow(const QString &workflowId, int version,
                                  const QJsonObject &document)
{
    m_workflows.insert(QStringLiteral("%1@%2").arg(workflowId).arg(version), document);
    m_page->showWorkflow(workflowId, version, document);
}

void ExecutionsView::openRerun(const QString &executionId, const QString &fromStep)
{
    if (m_rerun)
        m_rerun->close();
    if (executionId != m_page->executionId())
        return;
    QHash<QString, QString> names;
    const QJsonObject e = m_page->execution();
    const QJsonObject doc =
        m_workflows.value(QStringLiteral("%1@%2")
                              .arg(e.value(QLatin1String("workflow_id")).toString())
                              .arg(e.value(QLatin1String("version")).toInt()));
    for (const QJsonValue n : doc.value(QLatin1String("nodes")).toArray())
        names.insert(n[QLatin1String("id")].toString(),
                     n[QLatin1String("name")].toString(n[QLatin1String("id")].toString()));
    m_rerun = new RerunDialog(e, names, fromStep, this);
    m_rerun->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_rerun, &RerunDialog::previewRequested, this, &ExecutionsView::rerunPreviewRequested);
    connect(
        m_rerun, &RerunDialog::rerunRequested, this,
        [this](const QString &id, const QString &step, const std::optional<QJsonObject> &input) {
            m_page->setMessage(tr("Starting the re-run…"));
            Q_EMIT rerunRequested(id, step, input);
        });
    m_rerun->open();
}

void ExecutionsView::showRerunPreview(const QString &executionId, const QJsonObject &preview)
{
    if (m_rerun && executionId == m_page->executionId())
        m_rerun->showPreview(preview);
}

void ExecutionsView::showActionDone(const QString &executionId, const QString &action,
                                    const QString &newExecutionId)
{
    if (action == QLatin1String("retry") || action == QLatin1String("rerun")) {
        m_page->setMessage(action == QLatin1String("retry")
                               ? tr("Retry started as execution %1.").arg(newExecutionId)
                               : tr("Re-run started as execution %1.").arg(newExecutionId));
        m_selected = newExecutionId;
        selectExecution(newExecutionId);
        requestShown(newExecutionId);
    } else {
        m_page->setMessage(tr("Execution %1 was cancelled.").arg(executionId));
        requestShown(executionId);
    }
    requestList();
}

void ExecutionsView::showActionFailed(const QString &executionId, const QString &action,
                                      const QString &message)
{
    if (action == QLatin1String("rerun") && m_rerun && m_rerun->isVisible()) {
        m_rerun->showFailure(message);
        return;
    }
    m_page->setMessage(action == QLatin1String("retry")
                           ? tr("%1 could not be retried: %2").arg(executionId, message)
                           : action == QLatin1String("rerun")
                           ? tr("%1 could not be re-run: %2").arg(executionId, message)
                           : tr("%1 could not be cancelled: %2").arg(executionId, message));
}

} // namespace Switchboard
