#include "alerts/alertsview.h"

#include "alerts/alertdetail.h"
#include "alerts/alertfiltermodel.h"
#include "alerts/alerttablemodel.h"
#include "alerts/channelspanel.h"
#include "alerts/silencedialog.h"
#include "common/tone.h"
#include "common/wrappingdelegate.h"
#include "modules/modulecatalog.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QResizeEvent>
#include <QShortcut>
#include <QShowEvent>
#include <QSplitter>
#include <QStyle>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolButton>
#include <QTreeView>

namespace Switchboard {

AlertsView::AlertsView(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_model(new AlertTableModel(clock, this))
    , m_filter(new AlertFilterModel(this))
    , m_tabs(new QTabWidget(this))
    , m_state(new QComboBox(this))
    , m_severity(new QComboBox(this))
    , m_group(new QComboBox(this))
    , m_search(new QLineEdit(this))
    , m_table(new QTreeView(this))
    , m_detail(new AlertDetail(this))
    , m_note(new QLineEdit(this))
    , m_ack(new QPushButton(tr("Acknowledge"), this))
    , m_resolve(new QPushButton(tr("Resolve"), this))
    , m_snooze(new QToolButton(this))
    , m_silence(new QPushButton(tr("Silence…"), this))
    , m_summary(new QLabel(this))
    , m_empty(new QLabel(this))
    , m_error(new QLabel(this))
    , m_silences(new QTableWidget(0, 5, this))
    , m_channels(new ChannelsPanel(this))
    , m_splitter(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("alertsView"));
    m_filter->setSourceModel(m_model);

    m_state->setObjectName(QStringLiteral("alertStateFilter"));
    m_severity->setObjectName(QStringLiteral("alertSeverityFilter"));
    m_group->setObjectName(QStringLiteral("alertGrouping"));
    m_splitter->setObjectName(QStringLiteral("alertsSplit"));
    for (QComboBox *combo : {m_state, m_severity, m_group})
        combo->setProperty("remember", true); // kept for the next start
    m_state->addItem(tr("Open"), QStringLiteral("open"));
    m_state->addItem(tr("Firing"), QStringLiteral("firing"));
    m_state->addItem(tr("Acknowledged"), QStringLiteral("acknowledged"));
    m_state->addItem(tr("Snoozed"), QStringLiteral("snoozed"));
    m_state->addItem(tr("Silenced"), QStringLiteral("silenced"));
    m_state->addItem(tr("Resolved"), QStringLiteral("resolved"));
    m_state->addItem(tr("All"), QStringLiteral("all"));
    m_severity->addItem(tr("Any severity"), QString());
    m_severity->addItem(tr("Critical"), QStringLiteral("critical"));
    m_severity->addItem(tr("Warning"), QStringLiteral("warning"));
    m_severity->addItem(tr("Info"), QStringLiteral("info"));
    m_group->addItem(tr("No grouping"), int(AlertTableModel::NoGrouping));
    m_group->addItem(tr("By module"), int(AlertTableModel::ByModule));
    m_group->addItem(tr("By category"), int(AlertTableModel::ByCategory));
    m_search->setPlaceholderText(tr("Search alerts (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    m_state->setAccessibleName(tr("State"));
    m_severity->setAccessibleName(tr("Severity"));
    m_group->setAccessibleName(tr("Group"));

    m_table->setModel(m_filter);
    m_table->setObjectName(QStringLiteral("alertTable"));
    m_table->setAccessibleName(tr("Alerts"));
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Titles and what they are about read in full, over as many lines as they need.
    WrappingDelegate::install(m_table);
    m_table->setAllColumnsShowFocus(true);
    m_table->setRootIsDecorated(false);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionResizeMode(AlertTableModel::Title, QHeaderView::Stretch);
    m_table->header()->setMinimumSectionSize(40);
    for (int c : {AlertTableModel::FirstSeen, AlertTableModel::Owner})
        m_table->setColumnHidden(c, true); // in the detail pane; room for the rest
    for (const auto &[column, width] :
         {std::pair {AlertTableModel::Severity, 85}, std::pair {AlertTableModel::Module, 110},
          std::pair {AlertTableModel::LastSeen, 80}, std::pair {AlertTableModel::Count, 50},
          std::pair {AlertTableModel::State, 100}})
        m_table->header()->resizeSection(column, width);
    m_table->setMinimumWidth(200);
    for (QComboBox *box : {m_state, m_severity, m_group}) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(14);
    }

    m_note->setPlaceholderText(tr("Note (optional): what you did or why"));
    m_snooze->setText(tr("Snooze"));
    m_snooze->setToolTip(tr("Quiet it for a while; it pages again if still there (Alt+N)"));
    m_snooze->setPopupMode(QToolButton::InstantPopup);
    // Room for the menu's arrow beside the word, which it would otherwise cover.
    m_snooze->setMinimumWidth(
        m_snooze->sizeHint().width()
        + style()->pixelMetric(QStyle::PM_MenuButtonIndicator, nullptr, m_snooze));
    auto *snoozeMenu = new QMenu(m_snooze);
    for (const auto &[minutes, label] :
         {std::pair {15, tr("15 minutes")}, std::pair {60, tr("1 hour")},
          std::pair {240, tr("4 hours")}, std::pair {24 * 60, tr("1 day")}}) {
        const int m = minutes;
        snoozeMenu->addAction(label, this, [this, m] { act(QStringLiteral("snooze"), m); });
    }
    m_snooze->setMenu(snoozeMenu);
    m_ack->setToolTip(tr("You are on it: the channels that page hear so (Alt+A)"));
    m_resolve->setObjectName(QStringLiteral("resolveAlerts"));
    m_resolve->setToolTip(tr("Mark the selected alerts as dealt with (Alt+R)"));
    m_silence->setToolTip(tr("A maintenance window for this module or rule (Alt+S)"));
    m_error->setWordWrap(true);
    Tone::status(m_error, ModuleStatus::Down);
    m_error->hide();
    m_summary->setObjectName(QStringLiteral("alertSummary"));

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_state);
    filters->addWidget(m_severity);
    filters->addWidget(m_group);
    filters->addWidget(m_search, 1);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_ack);
    actions->addWidget(m_resolve);
    actions->addWidget(m_snooze);
    actions->addWidget(m_silence);
    actions->addStretch();
    auto *listSide = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listSide);
    listLayout->setContentsMargins(0, 0, 0, 0);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("alertsEmpty"));
    m_empty->setStyleSheet(QStringLiteral("font-size: 12pt; padding: 24px"));
    Tone::muted(m_empty);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_empty, 1);
    listLayout->addWidget(m_note);
    listLayout->addLayout(actions);
    listLayout->addWidget(m_error);
    auto *splitter = m_splitter;
    splitter->addWidget(listSide);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setChildrenCollapsible(false);
    splitter->setSizes({720, 360});
    m_detail->setMinimumWidth(180);

    auto *inbox = new QWidget(this);
    auto *inboxLayout = new QVBoxLayout(inbox);
    inboxLayout->addLayout(filters);
    inboxLayout->addWidget(m_summary);
    inboxLayout->addWidget(splitter, 1);

    auto *silencePage = new QWidget(this);
    m_silences->setHorizontalHeaderLabels(
        {tr("Module"), tr("Rule"), tr("When"), tr("Comment"), tr("By")});
    m_silences->horizontalHeader()->setStretchLastSection(true);
    m_silences->verticalHeader()->hide();
    m_silences->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_silences->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_silences->setAccessibleName(tr("Silences"));
    auto *newSilence = new QPushButton(tr("New silence…"), silencePage);
    auto *endSilence = new QPushButton(tr("End the selected silence"), silencePage);
    auto *silenceButtons = new QHBoxLayout;
    silenceButtons->addWidget(newSilence);
    silenceButtons->addWidget(endSilence);
    silenceButtons->addStretch();
    auto *silenceLayout = new QVBoxLayout(silencePage);
    silenceLayout->addWidget(new QLabel(tr("While a silence is active, matching alerts are still "
                                           "recorded here but notify no one."),
                                        silencePage));
    silenceLayout->addWidget(m_silences, 1);
    silenceLayout->addLayout(silenceButtons);

    m_tabs->addTab(inbox, tr("Inbox"));
    m_tabs->addTab(silencePage, tr("Silences"));
    m_tabs->addTab(m_channels, tr("Channels"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->addWidget(m_tabs);

    connect(m_state, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setStateFilter(m_state->currentData().toString()); });
    connect(m_severity, &QComboBox::currentIndexChanged, this,
            [this] { m_filter->setSeverityFilter(m_severity->currentData().toString()); });
    connect(m_group, &QComboBox::currentIndexChanged, this, [this] {
        const QList<qint64> selected = selectedIds();
        m_model->setGrouping(AlertTableModel::Grouping(m_group->currentData().toInt()));
        m_table->setRootIsDecorated(m_model->grouping() != AlertTableModel::NoGrouping);
        m_table->expandAll();
        if (!selected.isEmpty())
            selectAlert(selected.first());
    });
    connect(m_search, &QLineEdit::textChanged, m_filter, &AlertFilterModel::setSearch);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AlertsView::onSelection);
    connect(m_model, &AlertTableModel::unreadChanged, this, &AlertsView::unreadChanged);
    connect(m_ack, &QPushButton::clicked, this, [this] { act(QStringLiteral("ack")); });
    connect(m_resolve, &QPushButton::clicked, this, [this] { act(QStringLiteral("resolve")); });
    connect(m_silence, &QPushButton::clicked, this, &AlertsView::openSilenceDialog);
    connect(newSilence, &QPushButton::clicked, this, &AlertsView::openSilenceDialog);
    connect(endSilence, &QPushButton::clicked, this, [this] {
        const int row = m_silences->currentRow();
        if (row >= 0)
            Q_EMIT silenceRemoveRequested(
                m_silences->item(row, 0)->data(Qt::UserRole).toLongLong());
    });
    connect(m_detail, &AlertDetail::moduleRequested, this, &AlertsView::moduleRequested);
    connect(m_detail, &AlertDetail::executionRequested, this, &AlertsView::executionOpened);
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_filter, signal, this, &AlertsView::updateEmpty);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &AlertsView::updateEmpty);
    connect(m_filter, &QAbstractItemModel::layoutChanged, this, &AlertsView::updateEmpty);
    // The inbox's keys (listed in F1), while the Alerts section has the focus.
    const auto key = [this](QKeyCombination keys, auto slot) {
        auto *shortcut = new QShortcut(QKeySequence(keys), this, nullptr, nullptr,
                                       Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    key(Qt::ALT | Qt::Key_A, [this] { act(QStringLiteral("ack")); });
    key(Qt::ALT | Qt::Key_R, [this] { act(QStringLiteral("resolve")); });
    key(Qt::ALT | Qt::Key_N, [this] { m_snooze->showMenu(); });
    key(Qt::ALT | Qt::Key_S, [this] { openSilenceDialog(); });
    auto *find =
        new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_search->setFocus();
        m_search->selectAll();
    });
    updateActions();
    updateEmpty();
}

void AlertsView::updateEmpty()
{
    const bool empty = m_filter->rowCount() == 0;
    m_table->setVisible(!empty);
    m_empty->setVisible(empty);
    if (!empty)
        return;
    const bool any = m_model->rowCount() > 0;
    m_empty->setText(!any ? tr("No alerts yet. When a module fails, a key figure drops below "
                               "its threshold or review tasks wait too long, the alert shows up "
                               "here within a second.")
                         : m_state->currentData() == QLatin1String("open")
                         ? tr("✓ No open alerts: the clinic is running normally. Choose "
                              "\"Resolved\" or \"All\" above to look back.")
                         : tr("No alert matches these filters."));
}

ChannelsPanel *AlertsView::takeChannels()
{
    m_tabs->removeTab(m_tabs->indexOf(m_channels));
    return m_channels;
}

void AlertsView::setState(const QJsonObject &state)
{
    const QList<qint64> selected = selectedIds();
    const qint64 current = m_table->currentIndex().data(AlertTableModel::IdRole).toLongLong();
    m_model->setAlerts(state.value(QLatin1String("alerts")).toArray());
    m_table->expandAll();
    // Keep the selection across refreshes, so a list that updates every few seconds can be
    // worked through.
    QItemSelection keep;
    for (qint64 id : selected) {
        const QModelIndex i = m_filter->mapFromSource(m_model->indexOfAlert(id));
        if (i.isValid())
            keep.select(i, i.siblingAtColumn(AlertTableModel::ColumnCount - 1));
    }
    m_table->selectionModel()->select(keep, QItemSelectionModel::ClearAndSelect);
    const QModelIndex currentIndex = m_filter->mapFromSource(m_model->indexOfAlert(current));
    if (currentIndex.isValid())
        m_table->selectionModel()->setCurrentIndex(currentIndex, QItemSelectionModel::NoUpdate);
    if (m_detail->alertId()) {
        const QJsonObject shown = m_model->alert(m_detail->alertId());
        if (!shown.isEmpty()) {
            m_detail->showAlert(shown);
            Q_EMIT alertRequested(m_detail->alertId()); // deliveries and history may have grown
        }
    }
    const QJsonObject paging = state.value(QLatin1String("paging")).toObject();
    const int critical = paging.value(QLatin1String("critical")).toInt();
    const int warnings = paging.value(QLatin1String("warning")).toInt();
    m_summary->setText(
        critical + warnings == 0
            ? tr("Nothing is paging right now.")
            : tr("Paging now: %1 critical, %2 warning.").arg(critical).arg(warnings));
    selectFirstIfNone();
    setSilences(state.value(QLatin1String("silences")).toArray());
    m_channels->setChannels(state.value(QLatin1String("channels")).toArray());
    updateActions();
}

void AlertsView::setSilences(const QJsonArray &silences)
{
    m_silences->setRowCount(0);
    for (const auto &v : silences) {
        const QJsonObject s = v.toObject();
        if (s.value(QLatin1String("expired")).toBool())
            continue;
        const int row = m_silences->rowCount();
        m_silences->insertRow(row);
        const QString module = s.value(QLatin1String("module")).toString();
        const QString recurrence = s.value(QLatin1String("recurrence")).toString();
        const auto when = [](const QJsonValue &iso) {
            const QDateTime t = QDateTime::fromString(iso.toString(), Qt::ISODate);
            return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat)
                               : tr("no end");
        };
        QString window = recurrence.isEmpty()
            ? tr("%1 – %2").arg(when(s.value(QLatin1String("starts_at"))),
                                when(s.value(QLatin1String("ends_at"))))
            : tr("%1 from %2 for %3 min")
                  .arg(recurrence == QLatin1String("daily") ? tr("Every day") : tr("Weekly"),
                       s.value(QLatin1String("from")).toString())
                  .arg(s.value(QLatin1String("minutes")).toInt());
        if (s.value(QLatin1String("active")).toBool())
            window = tr("Active · %1").arg(window);
        const QStringList cells {
            module.isEmpty() ? tr("Any") : ModuleCatalog::displayName(module),
            s.value(QLatin1String("rule")).toString().isEmpty()
                ? tr("Any")
                : SilenceDialog::ruleLabel(s.value(QLatin1String("rule")).toString()),
            window, s.value(QLatin1String("comment")).toString(),
            s.value(QLatin1String("created_by")).toString()};
        for (int c = 0; c < cells.size(); ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            item->setData(Qt::UserRole, s.value(QLatin1String("id")).toInteger());
            m_silences->setItem(row, c, item);
        }
    }
    m_silences->resizeColumnsToContents();
}

void AlertsView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // Side by side where there is room; the details under the list on a narrow window.
    m_splitter->setOrientation(width() < 900 ? Qt::Vertical : Qt::Horizontal);
}

void AlertsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    selectFirstIfNone();
    m_table->setFocus();
}

void AlertsView::selectFirstIfNone()
{
    // The inbox on screen shows the most pressing alert at once.
    if (!isVisible() || !selectedIds().isEmpty() || m_filter->rowCount() == 0)
        return;
    QModelIndex first = m_filter->index(0, 0);
    if (m_filter->hasChildren(first))
        first = m_filter->index(0, 0, first);
    selectAlert(first.data(AlertTableModel::IdRole).toLongLong());
}

QList<qint64> AlertsView::selectedIds() const
{
    QList<qint64> ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows()) {
        const qint64 id = row.data(AlertTableModel::IdRole).toLongLong();
        if (id)
            ids << id;
    }
    return ids;
}

void AlertsView::selectAlert(qint64 id)
{
    const QModelIndex i = m_filter->mapFromSource(m_model->indexOfAlert(id));
    if (!i.isValid())
        return;
    m_table->selectionModel()->setCurrentIndex(
        i, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    m_table->scrollTo(i);
}

void AlertsView::onSelection()
{
    const QList<qint64> ids = selectedIds();
    m_error->hide();
    updateActions();
    if (ids.size() != 1) {
        m_detail->clear(ids.isEmpty() ? tr("Select an alert to see what happened and what to do.")
                                      : tr("%1 alerts selected: the buttons below act on all of "
                                           "them.")
                                            .arg(ids.size()));
        return;
    }
    m_model->markRead(ids.first());
    m_detail->showAlert(m_model->alert(ids.first()));
    Q_EMIT alertRequested(ids.first());
}

void AlertsView::updateActions()
{
    const QList<qint64> ids = selectedIds();
    const bool open = std::any_of(ids.begin(), ids.end(), [this](qint64 id) {
        return m_model->alert(id).value(QLatin1String("state")) != QLatin1String("resolved");
    });
    // An alert whose problem is still there resolves by itself when it goes; resolving it by
    // hand would only bring it back at the next check.
    const bool resolvable = std::any_of(ids.begin(), ids.end(), [this](qint64 id) {
        const QJsonObject a = m_model->alert(id);
        return a.value(QLatin1String("state")) != QLatin1String("resolved")
            && !a.value(QLatin1String("condition_active")).toBool();
    });
    m_ack->setEnabled(open);
    m_resolve->setEnabled(resolvable);
    m_resolve->setToolTip(open && !resolvable
                              ? tr("The problem is still there: the alert resolves by itself when "
                                   "it goes. Acknowledge or snooze it meanwhile.")
                              : tr("Mark the selected alerts as dealt with (Alt+R)"));
    m_snooze->setEnabled(open);
}

void AlertsView::act(const QString &action, int minutes)
{
    QList<qint64> ids = selectedIds();
    if (action == QLatin1String("resolve")) {
        ids.removeIf([this](qint64 id) {
            return m_model->alert(id).value(QLatin1String("condition_active")).toBool();
        });
    }
    if (ids.isEmpty())
        return;
    Q_EMIT actionRequested(ids, action, m_note->text().trimmed(), minutes);
    m_note->clear();
}

void AlertsView::openSilenceDialog()
{
    if (!m_silenceDialog) {
        m_silenceDialog = new SilenceDialog(m_clock.now(), this);
        m_silenceDialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(m_silenceDialog, &SilenceDialog::silenceRequested, this,
                &AlertsView::silenceRequested);
    }
    const QList<qint64> ids = selectedIds();
    if (ids.size() == 1) {
        const QJsonObject a = m_model->alert(ids.first());
        m_silenceDialog->prefill(a.value(QLatin1String("module")).toString(),
                                 a.value(QLatin1String("rule")).toString());
    }
    m_silenceDialog->open();
}

void AlertsView::showDetails(qint64 id, const QJsonObject &details)
{
    if (id == m_detail->alertId())
        m_detail->showDetails(details);
}

QString AlertsView::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void AlertsView::showActionFailed(const QString &message)
{
    m_error->setText(message);
    m_error->show();
}

} // namespace Switchboard
