#include "review/reviewview.h"

#include "common/executionlink.h"
#include "common/flowlayout.h"
#include "common/statusstyle.h"
#include "common/tone.h"
#include "review/queuelistmodel.h"
#include "review/taskform.h"
#include "review/tasktablemodel.h"

#include <QAction>
#include <QApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

QString outcomeTitle(const QString &outcome)
{
    static const QHash<QString, const char *> titles = {
        {QStringLiteral("approve"), QT_TRANSLATE_NOOP("Switchboard::ReviewView", "Approve")},
        {QStringLiteral("reject"), QT_TRANSLATE_NOOP("Switchboard::ReviewView", "Reject")},
        {QStringLiteral("escalate"), QT_TRANSLATE_NOOP("Switchboard::ReviewView", "Escalate")},
        {QStringLiteral("booked"), QT_TRANSLATE_NOOP("Switchboard::ReviewView", "Booked")},
        {QStringLiteral("contacted"), QT_TRANSLATE_NOOP("Switchboard::ReviewView", "Contacted")},
    };
    if (const char *title = titles.value(outcome))
        return ReviewView::tr(title);
    QString text = outcome;
    text.replace(QLatin1Char('_'), QLatin1Char(' '));
    if (!text.isEmpty())
        text[0] = text.at(0).toUpper();
    return text;
}

QLabel *heading(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    QFont font = label->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    label->setFont(font);
    return label;
}

} // namespace

ReviewView::ReviewView(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_tasks(new TaskTableModel(clock, this))
    , m_queues(new QueueListModel(clock, this))
    , m_byQueue(new QSortFilterProxyModel(this))
    , m_byText(new QSortFilterProxyModel(this))
    , m_queueList(new QListView(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTableView(this))
    , m_bulk(new QPushButton(this))
    , m_detail(new QStackedWidget(this))
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_form(new TaskForm(this))
    , m_comment(new QPlainTextEdit(this))
    , m_outcomeRow(new FlowLayout)
    , m_claim(new QPushButton(this))
    , m_status(new QLabel(this))
{
    m_byQueue->setSourceModel(m_tasks);
    m_byQueue->setFilterRole(TaskTableModel::QueueRole);
    m_byText->setSourceModel(m_byQueue);
    m_byText->setFilterKeyColumn(-1);
    m_byText->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_byText->setSortRole(TaskTableModel::SortRole);

    // Queues.
    m_queueList->setObjectName(QStringLiteral("reviewQueues"));
    m_queueList->setAccessibleName(tr("Review queues"));
    m_queueList->setModel(m_queues);
    m_queueList->setSpacing(2);
    m_queueList->setWordWrap(true);
    m_queueList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_queueList->setCurrentIndex(m_queues->index(0));
    connect(m_queueList->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) {
                const QString queue = current.data(QueueListModel::QueueRole).toString();
                m_byQueue->setFilterRegularExpression(
                    queue.isEmpty()
                        ? QString()
                        : QStringLiteral("^%1$").arg(QRegularExpression::escape(queue)));
                // Within one queue its name says nothing: the task's title gets the room.
                m_tasks->setQueueShown(queue.isEmpty());
                if (!m_refreshing && m_byText->rowCount() > 0 && !m_table->currentIndex().isValid())
                    m_table->setCurrentIndex(m_byText->index(0, 0));
                updateBulk();
            });
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(heading(tr("Queues"), left));
    leftLayout->addWidget(m_queueList, 1);

    // Tasks.
    m_filter->setObjectName(QStringLiteral("taskFilter"));
    m_filter->setPlaceholderText(tr("Filter tasks (Ctrl+F)"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_byText,
            &QSortFilterProxyModel::setFilterFixedString);
    m_table->setObjectName(QStringLiteral("reviewTasks"));
    m_table->setAccessibleName(tr("Tasks"));
    m_table->setModel(m_byText);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(TaskTableModel::DueColumn, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // Two columns: the task (its title, and its queue, wait and owner under it), wrapped to the
    // pane's width, and its SLA.
    m_table->setWordWrap(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TaskTableModel::TitleColumn,
                                                      QHeaderView::Stretch);
    for (int column :
         {TaskTableModel::QueueColumn, TaskTableModel::WaitingColumn, TaskTableModel::OwnerColumn})
        m_table->setColumnHidden(column, true);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ReviewView::showTask);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ReviewView::updateBulk);
    m_bulk->setObjectName(QStringLiteral("bulkApprove"));
    m_bulk->setToolTip(tr("Approve every selected task whose form needs nothing more "
                          "(select with Shift or Ctrl and the arrow keys or the mouse)."));
    connect(m_bulk, &QPushButton::clicked, this, &ReviewView::bulkApprove);
    auto *middle = new QWidget(this);
    auto *middleLayout = new QVBoxLayout(middle);
    middleLayout->setContentsMargins(0, 0, 0, 0);
    middleLayout->addWidget(heading(tr("Tasks"), middle));
    middleLayout->addWidget(m_filter);
    middleLayout->addWidget(m_table, 1);
    middleLayout->addWidget(m_bulk, 0, Qt::AlignLeft);

    // The task.
    m_title->setObjectName(QStringLiteral("taskTitle"));
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.1);
    m_title->setFont(titleFont);
    m_meta->setObjectName(QStringLiteral("taskMeta"));
    m_meta->setWordWrap(true);
    m_meta->setTextFormat(Qt::RichText);
    m_meta->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_meta, &QLabel::linkActivated, this, [this](const QString &href) {
        if (const QString id = ExecutionLink::idFrom(href); !id.isEmpty())
            Q_EMIT executionOpened(id);
    });
    m_comment->setObjectName(QStringLiteral("taskComment"));
    m_comment->setPlaceholderText(tr("Comment or reason (shown in the audit trail as given)"));
    m_comment->setTabChangesFocus(true);
    m_comment->setFixedHeight(m_comment->fontMetrics().lineSpacing() * 4);
    m_claim->setObjectName(QStringLiteral("claimTask"));
    connect(m_claim, &QPushButton::clicked, this, &ReviewView::toggleClaim);
    m_status->setObjectName(QStringLiteral("reviewStatus"));
    m_status->setWordWrap(true);
    auto *task = new QWidget(this);
    auto *taskLayout = new QVBoxLayout(task);
    taskLayout->setContentsMargins(0, 0, 0, 0);
    taskLayout->addWidget(m_title);
    taskLayout->addWidget(m_meta);
    taskLayout->addWidget(m_claim, 0, Qt::AlignLeft);
    taskLayout->addSpacing(8);
    taskLayout->addWidget(m_form);
    taskLayout->addWidget(new QLabel(tr("Comment"), task));
    taskLayout->addWidget(m_comment);
    // The decisions wrap onto a second line in a narrow pane rather than being cut off.
    taskLayout->addLayout(m_outcomeRow);
    auto *keys = new QLabel(tr("Keys: Ctrl+Enter first decision · Alt+1…9 decisions in order · "
                               "Ctrl+J / Ctrl+K next / previous task · Ctrl+L claim · F2 first "
                               "field · F1 all shortcuts"),
                            task);
    keys->setWordWrap(true);
    Tone::muted(keys);
    taskLayout->addWidget(keys);
    taskLayout->addWidget(m_status);
    taskLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    scroll->setWidget(task);
    auto *empty = new QLabel(tr("No task selected. New tasks appear here as soon as a workflow "
                                "asks for a person's check."),
                             this);
    empty->setObjectName(QStringLiteral("reviewEmpty"));
    empty->setWordWrap(true);
    empty->setAlignment(Qt::AlignCenter);
    m_detail->addWidget(empty);
    m_detail->addWidget(scroll);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("reviewSplit"));
    split->setChildrenCollapsible(false);
    split->addWidget(left);
    split->addWidget(middle);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setStretchFactor(2, 1);
    split->setSizes({150, 560, 470});
    left->setMinimumWidth(120);
    middle->setMinimumWidth(180);
    m_detail->setMinimumWidth(240);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 8);
    layout->addWidget(split);

    const auto shortcut = [this](const QList<QKeySequence> &keys, auto slot) {
        auto *action = new QAction(this);
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        connect(action, &QAction::triggered, this, slot);
        addAction(action);
    };
    shortcut({QKeySequence(Qt::CTRL | Qt::Key_J), QKeySequence(Qt::ALT | Qt::Key_Down)},
             [this] { step(1); });
    shortcut({QKeySequence(Qt::CTRL | Qt::Key_K), QKeySequence(Qt::ALT | Qt::Key_Up)},
             [this] { step(-1); });
    shortcut({QKeySequence(Qt::CTRL | Qt::Key_L)}, [this] { toggleClaim(); });
    shortcut({QKeySequence(Qt::Key_F2)}, [this] { m_form->focusFirstField(); });
    shortcut({QKeySequence::Find}, [this] {
        m_filter->setFocus();
        m_filter->selectAll();
    });
    shortcut({QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
             [this] { decide(0); });
    for (int i = 0; i < 9; ++i)
        shortcut({QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i))}, [this, i] { decide(i); });
    updateBulk();
    showTask();
}

void ReviewView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Opening the section puts the keyboard on the task list, ready for Ctrl+J and friends.
    if (!isAncestorOf(QApplication::focusWidget()))
        m_table->setFocus();
}

void ReviewView::setTasks(const QJsonArray &tasks)
{
    const QString current = currentTaskId();
    const QString queue = m_queueList->currentIndex().data(QueueListModel::QueueRole).toString();
    // Tasks decided here stay out of the list until the core has answered.
    QJsonArray shown;
    for (const auto &t : tasks) {
        if (!m_pending.contains(t.toObject().value(QLatin1String("id")).toString()))
            shown.append(t);
    }
    m_refreshing = true;
    m_queues->setTasks(shown);
    m_tasks->setTasks(shown);
    const int queueRow = m_queues->rowOf(queue);
    m_queueList->setCurrentIndex(m_queues->index(queueRow < 0 ? 0 : queueRow));
    m_refreshing = false;
    // The models changed row by row: the current task and the selection are where they were.
    // Only a current task that went away is replaced (by the first).
    if (currentTaskId() != current || current.isEmpty()) {
        if (!selectTask(current) && m_byText->rowCount() > 0)
            m_table->setCurrentIndex(m_byText->index(0, 0));
    }
    showTask();
    updateBulk();
}

QString ReviewView::currentTaskId() const
{
    return m_table->currentIndex().data(TaskTableModel::TaskIdRole).toString();
}

bool ReviewView::selectTask(const QString &taskId)
{
    if (taskId.isEmpty())
        return false;
    const int row = m_tasks->rowOf(taskId);
    if (row < 0)
        return false;
    QModelIndex index = m_byText->mapFromSource(m_byQueue->mapFromSource(m_tasks->index(row, 0)));
    if (!index.isValid()) {
        // In another queue, or filtered out: show all queues, unfiltered.
        m_filter->clear();
        m_queueList->setCurrentIndex(m_queues->index(0));
        index = m_byText->mapFromSource(m_byQueue->mapFromSource(m_tasks->index(row, 0)));
    }
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    return true;
}

void ReviewView::selectQueue(const QString &queue)
{
    const int row = m_queues->rowOf(queue);
    m_queueList->setCurrentIndex(m_queues->index(row < 0 ? 0 : row));
}

int ReviewView::visibleTaskCount() const
{
    return m_byText->rowCount();
}

void ReviewView::step(int delta)
{
    const int rows = m_byText->rowCount();
    if (rows == 0)
        return;
    const int row = m_table->currentIndex().isValid() ? m_table->currentIndex().row() + delta : 0;
    m_table->setCurrentIndex(m_byText->index(std::clamp(row, 0, rows - 1), 0));
}

QString ReviewView::statusText() const
{
    return m_status->text();
}

void ReviewView::showTask()
{
    const QJsonObject task = m_table->currentIndex().data(TaskTableModel::TaskRole).toJsonObject();
    const QString id = task.value(QLatin1String("id")).toString();
    m_detail->setCurrentIndex(id.isEmpty() ? 0 : 1);
    if (id.isEmpty()) {
        m_shownTask.clear();
        return;
    }
    const QString owner = task.value(QLatin1String("claimed_by")).toString();
    const bool mine = !owner.isEmpty() && owner == m_user;
    const TaskTableModel::SlaState sla = m_tasks->slaState(task);
    const QString slaColour = sla == TaskTableModel::SlaState::Overdue
        ? StatusStyle::text(ModuleStatus::Down).name()
        : sla == TaskTableModel::SlaState::Soon ? StatusStyle::text(ModuleStatus::Degraded).name()
                                                : palette().color(QPalette::WindowText).name();
    m_meta->setText(
        tr("%1 · SLA: <span style='color:%2'>%3</span> · %4")
            .arg(TaskTableModel::queueTitle(task.value(QLatin1String("queue")).toString())
                     .toHtmlEscaped(),
                 slaColour, m_tasks->dueText(task).toHtmlEscaped(),
                 owner.isEmpty() ? tr("nobody is on it yet")
                     : mine
                     ? tr("you are on it")
                     : tr("%1 is on it").arg(TaskTableModel::ownerName(task).toHtmlEscaped()))
        + QStringLiteral("<br><span style='color:gray'>")
        + tr("Execution %1")
              .arg(ExecutionLink::link(task.value(QLatin1String("execution_id")).toString()))
        + QStringLiteral("</span>"));
    m_claim->setText(mine ? tr("Release") : tr("Claim"));
    m_claim->setToolTip(mine ? tr("Give the task back to its queue (Ctrl+L)")
                             : tr("Take the task, so nobody else works on it (Ctrl+L)"));
    m_claim->setEnabled(owner.isEmpty() || mine);
    if (id == m_shownTask)
        return; // a refresh of the same task keeps what was typed
    m_shownTask = id;
    m_title->setText(task.value(QLatin1String("title")).toString());
    const QJsonObject form = task.value(QLatin1String("form")).toObject();
    m_form->setFields(form.value(QLatin1String("fields")).toArray());
    m_comment->clear();
    // A message about another task does not belong here.
    if (m_statusTask != id)
        m_status->clear();
    qDeleteAll(m_outcomes);
    m_outcomes.clear();
    const QJsonArray outcomes = form.value(QLatin1String("outcomes")).toArray();
    for (int i = 0; i < outcomes.size(); ++i) {
        const QString outcome = outcomes.at(i).toString();
        auto *button = new QPushButton(outcomeTitle(outcome), this);
        button->setObjectName(QStringLiteral("outcome_") + outcome);
        button->setToolTip(
            i == 0 ? tr("Decide \"%1\" (Ctrl+Enter or Alt+1)").arg(outcomeTitle(outcome))
                   : tr("Decide \"%1\" (Alt+%2)").arg(outcomeTitle(outcome)).arg(i + 1));
        connect(button, &QPushButton::clicked, this, [this, i] { decide(i); });
        m_outcomeRow->insertWidget(i, button);
        m_outcomes.append(button);
    }
}

void ReviewView::decide(int outcome)
{
    const QString id = currentTaskId();
    if (id.isEmpty() || outcome < 0 || outcome >= m_outcomes.size())
        return;
    const QString decision = m_outcomes.at(outcome)->objectName().mid(int(qstrlen("outcome_")));
    const bool rejecting = decision.contains(QLatin1String("reject"));
    if (!m_form->validate(rejecting).isEmpty())
        return;
    if (rejecting && m_comment->toPlainText().trimmed().isEmpty()) {
        m_status->setText(tr("Say why in the comment before rejecting."));
        m_comment->setFocus();
        return;
    }
    const QJsonObject fields = m_form->values();
    const QString comment = m_comment->toPlainText().trimmed();
    // The decision applies at once here; the next task opens while the core records it.
    m_pending.insert(id, m_table->currentIndex().data(TaskTableModel::TaskRole).toJsonObject());
    const int row = m_table->currentIndex().row();
    Q_EMIT decisionRequested(id, decision, fields, comment);
    const int source = m_tasks->rowOf(id);
    QJsonArray rest;
    for (int r = 0; r < m_tasks->rowCount(); ++r) {
        if (r != source)
            rest.append(m_tasks->taskAt(r));
    }
    m_queues->setTasks(rest);
    m_tasks->setTasks(rest);
    if (m_byText->rowCount() > 0)
        m_table->setCurrentIndex(m_byText->index(std::min(row, m_byText->rowCount() - 1), 0));
    showTask();
    m_statusTask = currentTaskId();
    m_status->setText(tr("Decided: %1.").arg(outcomeTitle(decision)));
    m_table->setFocus();
}

void ReviewView::toggleClaim()
{
    const QJsonObject task = m_table->currentIndex().data(TaskTableModel::TaskRole).toJsonObject();
    const QString id = task.value(QLatin1String("id")).toString();
    if (id.isEmpty())
        return;
    const QString owner = task.value(QLatin1String("claimed_by")).toString();
    if (owner.isEmpty())
        Q_EMIT claimRequested(id);
    else if (owner == m_user)
        Q_EMIT releaseRequested(id);
    else
        m_status->setText(tr("%1 is working on this task.").arg(TaskTableModel::ownerName(task)));
}

void ReviewView::actionDone(const QString &taskId, const QString &action)
{
    if (action != QLatin1String("decide"))
        return;
    m_pending.remove(taskId);
    if (m_bulkWaiting.remove(taskId)) {
        ++m_bulkApproved;
        bulkProgress();
    }
}

void ReviewView::bulkProgress()
{
    if (!m_bulkWaiting.isEmpty())
        return;
    const QString approved =
        m_bulkApproved == 1 ? tr("Approved 1 task.") : tr("Approved %1 tasks.").arg(m_bulkApproved);
    m_statusTask = currentTaskId();
    m_status->setText(
        m_bulkRefused.isEmpty() ? approved
                                : approved + QLatin1Char(' ')
                + tr("Not approved: %1").arg(m_bulkRefused.join(QStringLiteral("; "))));
    m_bulkRefused.clear();
    m_bulkApproved = 0;
}

void ReviewView::actionFailed(const QString &taskId, const QString &action, const QString &message)
{
    const QJsonObject returned = m_pending.take(taskId);
    const bool inBulk = m_bulkWaiting.contains(taskId);
    if (inBulk)
        m_bulkRefused << tr("\"%1\" (%2)")
                             .arg(returned.value(QLatin1String("title")).toString(taskId), message);
    if (action != QLatin1String("decide")) {
        m_status->setText(message);
        return;
    }
    // The decision did not stand: the task comes back, with the reason.
    if (!returned.isEmpty() && m_tasks->rowOf(taskId) < 0) {
        QJsonArray tasks;
        for (int r = 0; r < m_tasks->rowCount(); ++r)
            tasks.append(m_tasks->taskAt(r));
        tasks.append(returned);
        m_queues->setTasks(tasks);
        m_tasks->setTasks(tasks);
    }
    if (inBulk) {
        m_bulkWaiting.remove(taskId);
        bulkProgress();
        return;
    }
    m_statusTask = taskId;
    m_status->setText(tr("Your decision was not recorded: %1").arg(message));
    selectTask(taskId);
}

QStringList ReviewView::readyForBulk() const
{
    // Selected tasks that can be approved as they stand: approve is a decision, and every
    // required value is there.
    QStringList ready;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const QJsonObject task = index.data(TaskTableModel::TaskRole).toJsonObject();
        const QJsonObject form = task.value(QLatin1String("form")).toObject();
        bool complete = true;
        for (const QJsonValue v : form.value(QLatin1String("fields")).toArray()) {
            const QJsonValue value = v[QLatin1String("value")];
            if (v[QLatin1String("required")].toBool()
                && (value.isNull() || value.isUndefined() || value.toString().trimmed().isEmpty()))
                complete = false;
        }
        if (complete
            && form.value(QLatin1String("outcomes")).toArray().contains(QStringLiteral("approve")))
            ready << task.value(QLatin1String("id")).toString();
    }
    return ready;
}

void ReviewView::updateBulk()
{
    const qsizetype ready = readyForBulk().size();
    m_bulk->setText(tr("Approve selected (%1)").arg(ready));
    m_bulk->setEnabled(ready > 1);
}

void ReviewView::bulkApprove()
{
    const QStringList ids = readyForBulk();
    if (ids.isEmpty())
        return;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows()) {
        const QString id = index.data(TaskTableModel::TaskIdRole).toString();
        if (ids.contains(id))
            m_pending.insert(id, index.data(TaskTableModel::TaskRole).toJsonObject());
    }
    m_bulkWaiting = QSet<QString>(ids.begin(), ids.end());
    m_bulkApproved = 0;
    m_bulkRefused.clear();
    // Like a single decision: the tasks leave the list at once; a refused one comes back.
    QJsonArray rest;
    for (int r = 0; r < m_tasks->rowCount(); ++r) {
        if (!m_bulkWaiting.contains(m_tasks->taskAt(r).value(QLatin1String("id")).toString()))
            rest.append(m_tasks->taskAt(r));
    }
    m_queues->setTasks(rest);
    m_tasks->setTasks(rest);
    if (currentTaskId().isEmpty() && m_byText->rowCount() > 0)
        m_table->setCurrentIndex(m_byText->index(0, 0));
    Q_EMIT bulkDecisionRequested(ids, QStringLiteral("approve"));
    // The message stays while the task now shown is.
    m_statusTask = currentTaskId();
    m_status->setText(tr("Approving %1 tasks…").arg(ids.size()));
}

} // namespace Switchboard
