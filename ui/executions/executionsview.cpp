#include "executions/executionsview.h"

#include "executions/executiontablemodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace Switchboard {

namespace {

QString timeText(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

qint64 msOf(const QJsonValue &iso)
{
    const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODateWithMs);
    return t.isValid() ? t.toMSecsSinceEpoch() : 0;
}

} // namespace

ExecutionsView::ExecutionsView(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_model(new ExecutionTableModel(clock, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_status(new QComboBox(this))
    , m_origin(new QComboBox(this))
    , m_more(new QPushButton(tr("Show more"), this))
    , m_search(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_header(new QLabel(this))
    , m_message(new QLabel(this))
    , m_cancel(new QPushButton(tr("Cancel execution…"), this))
    , m_retry(new QPushButton(tr("Retry…"), this))
    , m_tabs(new QTabWidget(this))
    , m_steps(new QTreeWidget(this))
    , m_history(new QTreeWidget(this))
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
    for (const char *origin : {"webhook", "api", "event", "schedule", "retry", "test-run"})
        m_origin->addItem(ExecutionTableModel::originText(QLatin1String(origin)),
                          QLatin1String(origin));
    m_origin->setObjectName(QStringLiteral("originFilter"));
    m_origin->setAccessibleName(tr("Show executions started by"));
    m_more->setObjectName(QStringLiteral("showMore"));
    m_more->setToolTip(tr("List %1 more executions").arg(ListLimit));
    m_more->hide();
    m_status->setObjectName(QStringLiteral("statusFilter"));
    m_status->setAccessibleName(tr("Show executions that are"));
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search by execution id, workflow or trace id"));
    m_search->setToolTip(m_search->placeholderText()); // readable where the box is narrow
    m_search->setClearButtonEnabled(true);

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

    m_header->setObjectName(QStringLiteral("executionHeader"));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setObjectName(QStringLiteral("actionMessage"));
    m_message->setWordWrap(true);
    m_cancel->setObjectName(QStringLiteral("cancelExecution"));
    m_retry->setObjectName(QStringLiteral("retryExecution"));
    m_cancel->setToolTip(tr("Stop this execution; completed steps are not undone"));
    m_retry->setToolTip(tr("Start a new execution of the same version with the same input"));

    m_steps->setObjectName(QStringLiteral("steps"));
    m_steps->setHeaderLabels(
        {tr("Step"), tr("Status"), tr("Attempts"), tr("Started"), tr("Duration"), tr("Error")});
    m_steps->setRootIsDecorated(false);
    m_steps->header()->setStretchLastSection(true);
    m_history->setObjectName(QStringLiteral("history"));
    m_history->setHeaderLabels({tr("Time"), tr("What happened"), tr("Step"), tr("Details")});
    m_history->setRootIsDecorated(false);
    m_history->header()->setStretchLastSection(true);
    m_tabs->addTab(m_steps, tr("Steps"));
    m_tabs->addTab(m_history, tr("History"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(title);
    filters->addStretch(1);
    filters->addWidget(new QLabel(tr("Show:"), this));
    filters->addWidget(m_status);
    filters->addWidget(m_origin);
    filters->addWidget(m_search, 1);

    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_empty, 1);
    listLayout->addWidget(m_more, 0, Qt::AlignHCenter);

    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_header, 1);
    actions->addWidget(m_cancel, 0, Qt::AlignTop);
    actions->addWidget(m_retry, 0, Qt::AlignTop);
    detailLayout->addLayout(actions);
    detailLayout->addWidget(m_message);
    detailLayout->addWidget(m_tabs, 1);

    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(listPane);
    split->addWidget(detailPane);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({300, 200});
    split->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    // Another filter starts again from the first page.
    for (QComboBox *filter : {m_status, m_origin})
        connect(filter, &QComboBox::currentIndexChanged, this, [this] {
            m_limit = ListLimit;
            requestList();
        });
    connect(m_more, &QPushButton::clicked, this, [this] {
        m_limit = std::min(m_limit + ListLimit, MaxListed);
        requestList();
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_proxy->setFilterFixedString(text);
        // An execution or trace id is looked up in the store; other text filters the rows.
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
        else if (!empty)
            m_table->setCurrentIndex(m_proxy->index(0, 0));
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] { confirm(QStringLiteral("cancel")); });
    connect(m_retry, &QPushButton::clicked, this, [this] { confirm(QStringLiteral("retry")); });
    clearDetails();
    updateEmptyState();
}

bool ExecutionsView::updateEmptyState()
{
    const bool empty = m_model->rowCount() == 0;
    m_table->setVisible(!empty);
    m_empty->setVisible(empty);
    const bool filtered = !m_status->currentData().toString().isEmpty()
        || !m_origin->currentData().toString().isEmpty() || !m_storeSearch.isEmpty();
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
    static const QRegularExpression id(QStringLiteral("^(ex_[0-9a-f]{8,40}|[0-9a-f]{32})$"));
    return id.match(text.trimmed()).hasMatch();
}

void ExecutionsView::requestList()
{
    ExecutionFilter filter;
    filter.status = m_status->currentData().toString();
    filter.origin = m_origin->currentData().toString();
    const QString text = m_search->text().trimmed();
    m_storeSearch = isStoreSearch(text) || (!text.isEmpty() && text == m_opened) ? text : QString();
    filter.search = m_storeSearch;
    filter.limit = m_limit;
    Q_EMIT executionsRequested(filter);
}

void ExecutionsView::setExecutions(const QJsonArray &executions, bool more)
{
    m_more->setVisible(more && m_limit < MaxListed);
    const QString shownStatus = m_shown.value(QLatin1String("status")).toString();
    m_model->setExecutions(executions);
    // The execution in the details moved on: show its new steps.
    const int row = m_model->rowOf(m_selected);
    if (row >= 0
        && m_model->executionAt(row).value(QLatin1String("status")).toString() != shownStatus)
        Q_EMIT executionRequested(m_selected);
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
    m_selected = executionId;
    m_opened = executionId;
    m_message->clear();
    {
        const QSignalBlocker quiet(m_search);
        m_search->setText(executionId);
    }
    m_proxy->setFilterFixedString(executionId);
    requestList();
    Q_EMIT executionRequested(executionId);
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
    m_message->clear();
    Q_EMIT executionRequested(id);
}

void ExecutionsView::clearDetails()
{
    m_shown = {};
    m_header->setText(tr("Select an execution to see its steps and history."));
    m_cancel->setEnabled(false);
    m_retry->setEnabled(false);
    m_steps->clear();
    m_history->clear();
}

void ExecutionsView::showExecution(const QString &executionId, const QJsonObject &e)
{
    if (executionId != m_selected)
        return;
    m_shown = e;
    const QString status = e.value(QLatin1String("status")).toString();
    const bool finished = status == QLatin1String("completed") || status == QLatin1String("failed")
        || status == QLatin1String("cancelled");
    QString header =
        tr("<b>%1</b> (version %2) — <span style=\"color:%3\"><b>%4</b></span><br>"
           "Started %5%6<br>Execution %7 · trace %8")
            .arg(e.value(QLatin1String("workflow_id")).toString().toHtmlEscaped())
            .arg(e.value(QLatin1String("version")).toInt())
            .arg(ExecutionTableModel::statusColor(status).name(),
                 ExecutionTableModel::statusText(status).toHtmlEscaped(),
                 timeText(e.value(QLatin1String("created_at"))),
                 finished ? tr(", finished %1").arg(timeText(e.value(QLatin1String("finished_at"))))
                          : QString(),
                 executionId.toHtmlEscaped(),
                 e.value(QLatin1String("trace_id")).toString().toHtmlEscaped());
    if (const QString error = e.value(QLatin1String("error")).toString(); !error.isEmpty())
        header += tr("<br>Why it failed: %1").arg(error.toHtmlEscaped());
    m_header->setText(header);
    m_cancel->setEnabled(!finished);
    m_retry->setEnabled(status == QLatin1String("failed") || status == QLatin1String("cancelled"));

    m_steps->clear();
    // In the order they ran; steps that have not started go last.
    QList<QJsonObject> steps;
    for (const auto &v : e.value(QLatin1String("steps")).toArray())
        steps.append(v.toObject());
    std::stable_sort(steps.begin(), steps.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const qint64 x = msOf(a.value(QLatin1String("started_at")));
        const qint64 y = msOf(b.value(QLatin1String("started_at")));
        return (x == 0 ? LLONG_MAX : x) < (y == 0 ? LLONG_MAX : y);
    });
    for (const QJsonObject &s : std::as_const(steps)) {
        const qint64 started = msOf(s.value(QLatin1String("started_at")));
        const qint64 ended = msOf(s.value(QLatin1String("finished_at")));
        const QString stepStatus = s.value(QLatin1String("status")).toString();
        auto *item = new QTreeWidgetItem(
            m_steps,
            {s.value(QLatin1String("node")).toString(),
             stepStatus == QLatin1String("retrying") ? tr("↻ Retrying")
                                                     : ExecutionTableModel::statusText(stepStatus),
             s.contains(QLatin1String("attempts"))
                 ? QString::number(s.value(QLatin1String("attempts")).toInt())
                 : QString(),
             timeText(s.value(QLatin1String("started_at"))),
             started > 0 && ended >= started ? ExecutionTableModel::durationText(ended - started)
                                             : QString(),
             s.value(QLatin1String("error")).toString()});
        item->setForeground(1, ExecutionTableModel::statusColor(stepStatus));
        item->setToolTip(5, s.value(QLatin1String("error")).toString());
    }
    for (int c = 0; c < m_steps->columnCount() - 1; ++c)
        m_steps->resizeColumnToContents(c);

    m_history->clear();
    for (const auto &v : e.value(QLatin1String("history")).toArray()) {
        const QJsonObject h = v.toObject();
        const QJsonObject data = h.value(QLatin1String("data")).toObject();
        QString details;
        if (data.contains(QLatin1String("error")))
            details = data.value(QLatin1String("error")).toString();
        else if (!data.isEmpty())
            details = QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
        auto *item = new QTreeWidgetItem(m_history,
                                         {timeText(h.value(QLatin1String("ts"))),
                                          eventText(h.value(QLatin1String("type")).toString()),
                                          h.value(QLatin1String("node")).toString(), details});
        item->setToolTip(3, details);
    }
    for (int c = 0; c < m_history->columnCount() - 1; ++c)
        m_history->resizeColumnToContents(c);
}

void ExecutionsView::confirm(const QString &action)
{
    const QString id = m_selected;
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
        m_message->setText(cancel ? tr("Cancelling…") : tr("Starting a retry…"));
        if (cancel)
            Q_EMIT cancelRequested(id);
        else
            Q_EMIT retryRequested(id);
    });
    ask->open();
}

void ExecutionsView::showActionDone(const QString &executionId, const QString &action,
                                    const QString &newExecutionId)
{
    if (action == QLatin1String("retry")) {
        m_message->setText(tr("Retry started as execution %1.").arg(newExecutionId));
        m_selected = newExecutionId;
        selectExecution(newExecutionId);
        Q_EMIT executionRequested(newExecutionId);
    } else {
        m_message->setText(tr("Execution %1 was cancelled.").arg(executionId));
        Q_EMIT executionRequested(executionId);
    }
    requestList();
}

void ExecutionsView::showActionFailed(const QString &executionId, const QString &action,
                                      const QString &message)
{
    m_message->setText(action == QLatin1String("retry")
                           ? tr("%1 could not be retried: %2").arg(executionId, message)
                           : tr("%1 could not be cancelled: %2").arg(executionId, message));
}

QString ExecutionsView::eventText(const QString &type)
{
    static const QHash<QString, const char *> texts = {
        {QStringLiteral("execution_started"), QT_TR_NOOP("Started")},
        {QStringLiteral("execution_resumed"), QT_TR_NOOP("Picked up again")},
        {QStringLiteral("execution_completed"), QT_TR_NOOP("Completed")},
        {QStringLiteral("execution_failed"), QT_TR_NOOP("Failed")},
        {QStringLiteral("execution_cancelled"), QT_TR_NOOP("Cancelled")},
        {QStringLiteral("step_started"), QT_TR_NOOP("Module call sent")},
        {QStringLiteral("step_completed"), QT_TR_NOOP("Step done")},
        {QStringLiteral("step_failed"), QT_TR_NOOP("Step failed")},
        {QStringLiteral("retry_scheduled"), QT_TR_NOOP("Retry scheduled")},
        {QStringLiteral("step_outcome_unknown"),
         QT_TR_NOOP("No clear answer: the module may have done it, so it counts as done")},
        {QStringLiteral("dead_lettered"), QT_TR_NOOP("Sent to the dead-letter queue")},
        {QStringLiteral("timer_set"), QT_TR_NOOP("Waiting for a timer")},
        {QStringLiteral("timer_fired"), QT_TR_NOOP("Timer fired")},
        {QStringLiteral("waiting_for_event"), QT_TR_NOOP("Waiting for an event")},
        {QStringLiteral("event_received"), QT_TR_NOOP("Event received")},
        {QStringLiteral("wait_timed_out"), QT_TR_NOOP("Wait timed out")},
        {QStringLiteral("task_created"), QT_TR_NOOP("Review task created")},
        {QStringLiteral("task_decided"), QT_TR_NOOP("Review decided")},
        {QStringLiteral("step_resumed"), QT_TR_NOOP("Continued after the review")},
        {QStringLiteral("join_arrival"), QT_TR_NOOP("Branch arrived")},
        {QStringLiteral("compensation_started"), QT_TR_NOOP("Undoing completed steps")},
        {QStringLiteral("compensation_step_started"), QT_TR_NOOP("Undo call sent")},
        {QStringLiteral("compensation_completed"), QT_TR_NOOP("Step undone")},
        {QStringLiteral("compensation_failed"), QT_TR_NOOP("Undo failed")},
    };
    if (const char *text = texts.value(type))
        return tr(text);
    return type;
}

} // namespace Switchboard
