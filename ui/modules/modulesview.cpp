#include "modules/modulesview.h"

#include "common/statusstyle.h"
#include "dashboard/moduletablemodel.h"
#include "health/responsestats.h"
#include "modules/dependencygraphview.h"
#include "modules/modulecatalog.h"
#include "modules/modulehistorypanel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

// The percentiles of a module's recent response times, in words for clinic staff.
QString responseText(const QList<int> &history)
{
    const ResponseStats stats = ResponseStats::of(history);
    if (stats.answered == 0)
        return history.isEmpty()
            ? ModulesView::tr("No response times yet.")
            : ModulesView::tr("Recent checks: %n, none answered.", nullptr, stats.unanswered);
    QString text = ModulesView::tr("Recent checks: %n · response time: median %1 ms · 95% within "
                                   "%2 ms · 99% within %3 ms",
                                   nullptr, stats.answered + stats.unanswered)
                       .arg(stats.p50)
                       .arg(stats.p95)
                       .arg(stats.p99);
    if (stats.unanswered > 0)
        text += ModulesView::tr(" · unanswered: %n", nullptr, stats.unanswered);
    return text;
}

// The breaker's recent changes, newest first.
QString circuitText(const QList<CircuitTransition> &history)
{
    if (history.isEmpty())
        return ModulesView::tr("Circuit breaker: closed, no changes since the core started.");
    const QLocale locale;
    QStringList changes;
    for (auto it = history.crbegin(); it != history.crend(); ++it) {
        const QString time = locale.toString(it->at.toLocalTime(), QLocale::ShortFormat);
        switch (it->state) {
        case CircuitState::Open:
            changes << ModulesView::tr("opened %1").arg(time);
            break;
        case CircuitState::HalfOpen:
            changes << ModulesView::tr("testing again %1").arg(time);
            break;
        case CircuitState::Closed:
            changes << ModulesView::tr("closed %1").arg(time);
            break;
        }
    }
    return ModulesView::tr("Circuit breaker, newest first: %1")
        .arg(changes.join(QStringLiteral(" · ")));
}

} // namespace

ModulesView::ModulesView(ModuleTableModel *modules, QWidget *parent)
    : QWidget(parent)
    , m_modules(modules)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_details(new QLabel(this))
    , m_check(new QPushButton(tr("Check now"), this))
    , m_reset(new QPushButton(tr("Reset circuit breaker"), this))
    , m_enable(new QPushButton(tr("Disable module"), this))
    , m_tabs(new QTabWidget(this))
    , m_graph(new DependencyGraphView(modules, this))
    , m_blast(new QLabel(this))
    , m_history(new ModuleHistoryPanel(this))
{
    m_proxy->setSourceModel(modules);
    m_table->setObjectName(QStringLiteral("modulesTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    // A long reason wraps, and its row grows to show it.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAlternatingRowColors(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ModuleTableModel::ReasonColumn,
                                                      QHeaderView::Stretch);

    m_details->setObjectName(QStringLiteral("moduleDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setMinimumHeight(120);
    m_check->setEnabled(false);
    m_check->setToolTip(tr("Run a health check of the selected module now (F5 checks all)."));

    auto *heading = new QLabel(tr("Modules"), this);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    heading->setFont(font);

    m_blast->setObjectName(QStringLiteral("blastRadius"));
    m_blast->setWordWrap(true);
    m_blast->setTextFormat(Qt::RichText);
    auto *dependencies = new QWidget(this);
    auto *dependencyLayout = new QVBoxLayout(dependencies);
    dependencyLayout->addWidget(m_graph, 1);
    dependencyLayout->addWidget(m_blast);
    m_tabs->setObjectName(QStringLiteral("moduleTabs"));
    m_tabs->addTab(dependencies, tr("Dependencies"));
    m_tabs->addTab(m_history, tr("History and calls"));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addWidget(m_reset);
    buttons->addWidget(m_enable);
    buttons->addStretch(1);
    m_details->setMinimumWidth(140);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("modulesSplit"));
    split->setChildrenCollapsible(false);
    split->addWidget(m_details);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 3);
    split->setSizes({300, 900});

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 8);
    layout->addWidget(heading);
    layout->addWidget(m_table, 2);
    layout->addLayout(buttons);
    layout->addWidget(split, 3);
    m_reset->setObjectName(QStringLiteral("resetBreaker"));
    m_check->setObjectName(QStringLiteral("checkNow"));
    m_reset->setEnabled(false);
    m_reset->setToolTip(
        tr("Close the selected module's circuit breaker so calls go to it again at once."));
    connect(m_reset, &QPushButton::clicked, this, [this] {
        if (!selectedModule().isEmpty())
            Q_EMIT resetRequested(selectedModule());
    });

    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ModulesView::showDetails);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        m_graph->setSelectedModule(selectedModule());
        m_history->setModule(selectedModule());
        showBlastRadius();
    });
    connect(m_graph, &DependencyGraphView::moduleClicked, this, &ModulesView::selectModule);
    m_enable->setObjectName(QStringLiteral("enableModule"));
    m_enable->setEnabled(false);
    connect(m_enable, &QPushButton::clicked, this, &ModulesView::toggleEnabled);
    connect(modules, &QAbstractItemModel::dataChanged, this, [this] {
        showDetails();
        showBlastRadius();
    });
    connect(m_check, &QPushButton::clicked, this, [this] {
        if (!selectedModule().isEmpty())
            Q_EMIT checkRequested(selectedModule());
    });
    m_details->setText(tr("Select a module to see its details."));
    // Open on the first module, so that the details are never an empty space.
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
}

void ModulesView::setCanControl(bool canControl)
{
    m_canControl = canControl;
    for (QPushButton *b : {m_check, m_reset, m_enable})
        b->setVisible(canControl);
}

void ModulesView::setDependencies(const DependencyGraph &graph)
{
    m_graph->setGraph(graph);
    showBlastRadius();
}

void ModulesView::setAlerts(const QList<StatusAlert> &alerts)
{
    if (alerts == m_alerts)
        return;
    m_alerts = alerts;
    showBlastRadius();
}

QString ModulesView::blastRadiusText() const
{
    return m_blast->text();
}

void ModulesView::showBlastRadius()
{
    const QString id = selectedModule();
    if (id.isEmpty()) {
        m_blast->clear();
        return;
    }
    const int row = m_modules->rowOf(id);
    const bool down = row >= 0 && m_modules->snapshotAt(row).status() == ModuleStatus::Down;
    const BlastRadius radius = m_graph->graph().blastRadius(id);
    const QString name = ModuleCatalog::displayName(id).toHtmlEscaped();
    QStringList downstream;
    for (const QString &m : radius.downstream)
        downstream << ModuleCatalog::displayName(m).toHtmlEscaped();
    QStringList parts;
    if (!radius.workflows.isEmpty())
        parts << tr("workflows that stop: %1")
                     .arg(radius.workflows.join(QStringLiteral(", ")).toHtmlEscaped());
    if (!downstream.isEmpty())
        parts << tr("modules that get no work from it: %1")
                     .arg(downstream.join(QStringLiteral(", ")));
    if (radius.journeyBlocked)
        parts << tr("<b>the patient journey is blocked</b>");
    QString text;
    if (parts.isEmpty())
        text = down ? tr("%1 is down, but no published workflow depends on it.").arg(name)
                    : tr("If %1 stops, no published workflow is affected.").arg(name);
    else if (down)
        text = QStringLiteral("<span style='color:%1'>%2</span> ")
                   .arg(StatusStyle::text(ModuleStatus::Down).name(),
                        tr("<b>%1 is down.</b> Impact now:").arg(name))
            + parts.join(QStringLiteral("; ")) + QLatin1Char('.');
    else
        text = tr("If %1 stops:").arg(name) + QLatin1Char(' ') + parts.join(QStringLiteral("; "))
            + QLatin1Char('.');
    // The specification's dependency alert, as raised, above the impact.
    for (const StatusAlert &alert : std::as_const(m_alerts)) {
        if (alert.category == QLatin1String("dependency") && alert.module == id)
            text = QStringLiteral("<span style='color:%1'><b>⚠ %2</b> — %3</span><br>")
                       .arg(StatusStyle::text(ModuleStatus::Down).name(),
                            alert.title.translated().toHtmlEscaped(),
                            alert.message.translated().toHtmlEscaped())
                + text;
    }
    m_blast->setText(text);
}

void ModulesView::toggleEnabled()
{
    const QString id = selectedModule();
    const int row = m_modules->rowOf(id);
    if (row < 0)
        return;
    const bool enabled = m_modules->snapshotAt(row).enabled;
    if (!enabled) {
        Q_EMIT enableRequested(id, true);
        return;
    }
    // Switching a module off stops its checks and its alerts: ask first.
    auto *ask = new QMessageBox(QMessageBox::Question, tr("Disable module"),
                                tr("Disable %1? Its health checks and alerts stop until you "
                                   "enable it again. Workflows that call it are not changed.")
                                    .arg(ModuleCatalog::displayName(id)),
                                QMessageBox::Cancel, this);
    ask->setObjectName(QStringLiteral("confirmDisable"));
    QPushButton *yes = ask->addButton(tr("Disable"), QMessageBox::AcceptRole);
    ask->setDefaultButton(QMessageBox::Cancel);
    ask->setAttribute(Qt::WA_DeleteOnClose);
    connect(ask, &QMessageBox::finished, this, [this, ask, yes, id] {
        if (ask->clickedButton() == yes)
            Q_EMIT enableRequested(id, false);
    });
    ask->open();
}

void ModulesView::selectModule(const QString &moduleId)
{
    const int row = m_modules->rowOf(moduleId);
    if (row < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_modules->index(row, 0));
    m_table->setCurrentIndex(index);
    m_table->scrollTo(index);
    m_table->setFocus();
}

QString ModulesView::selectedModule() const
{
    return m_table->currentIndex().data(ModuleTableModel::ModuleIdRole).toString();
}

void ModulesView::showDetails()
{
    const QModelIndex current = m_table->currentIndex();
    m_check->setEnabled(current.isValid());
    if (!current.isValid()) {
        m_reset->setEnabled(false);
        return;
    }
    const ModuleSnapshot &s = m_modules->snapshotAt(m_proxy->mapToSource(current).row());
    m_reset->setEnabled(s.circuit != CircuitState::Closed);
    m_check->setEnabled(s.enabled);
    m_enable->setEnabled(true);
    m_enable->setText(s.enabled ? tr("Disable module") : tr("Enable module"));
    m_enable->setToolTip(s.enabled ? tr("Stop checking this module and raising its alerts.")
                                   : tr("Check this module and raise its alerts again."));
    const ModuleInfo *info = ModuleCatalog::find(s.id);
    const QLocale locale;
    const auto when = [&](const QDateTime &t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : tr("never");
    };
    m_details->setText(
        QStringLiteral("<b>%1 %2</b> — <span style='color:%3'>%4 %5</span><br>%6<br>")
            .arg(info ? info->numberText() : QString(),
                 ModuleCatalog::displayName(s.id).toHtmlEscaped(),
                 StatusStyle::text(s.status()).name(), StatusStyle::mark(s.status()),
                 StatusStyle::word(s.status()),
                 HealthRules::reasonText(s.assessment, true).toHtmlEscaped())
        + tr("Last check: %1 · Status since: %2 · Last run: %3")
              .arg(when(s.lastCheck), when(s.statusSince), when(s.lastRun))
        + QStringLiteral("<br>")
        + tr("Version: %1 · Up for: %2 h · Events seen: %3 · On the patient journey: %4")
              .arg(s.version.isEmpty() ? tr("unknown") : s.version.toHtmlEscaped())
              .arg(s.uptimeSeconds / 3600)
              .arg(locale.toString(s.eventsSeen))
              .arg(info && info->criticalPath ? tr("yes") : tr("no"))
        + QStringLiteral("<br>") + responseText(s.responseHistory) + QStringLiteral("<br>")
        + circuitText(s.circuitHistory) + QStringLiteral("<br>")
        + tr("Configuration: %1 · endpoint %2 · calls time out after %3 s")
              .arg(s.enabled ? tr("enabled") : tr("disabled"),
                   s.endpoint.isEmpty() ? tr("not set") : s.endpoint.toHtmlEscaped())
              .arg(s.timeoutMs / 1000));
}

} // namespace Switchboard
