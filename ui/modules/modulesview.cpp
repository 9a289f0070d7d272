#include "modules/modulesview.h"

#include "common/statusstyle.h"
#include "dashboard/moduletablemodel.h"
#include "health/responsestats.h"
#include "modules/modulecatalog.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSortFilterProxyModel>
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
{
    m_proxy->setSourceModel(modules);
    m_table->setObjectName(QStringLiteral("modulesTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 16, 16, 8);
    layout->addWidget(heading);
    layout->addWidget(m_table, 3);
    layout->addWidget(m_details, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_check);
    buttons->addWidget(m_reset);
    buttons->addStretch(1);
    layout->addLayout(buttons);
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
    connect(modules, &QAbstractItemModel::dataChanged, this, &ModulesView::showDetails);
    connect(m_check, &QPushButton::clicked, this, [this] {
        if (!selectedModule().isEmpty())
            Q_EMIT checkRequested(selectedModule());
    });
    m_details->setText(tr("Select a module to see its details."));
    // Open on the first module, so that the details are never an empty space.
    if (m_proxy->rowCount() > 0)
        m_table->setCurrentIndex(m_proxy->index(0, 0));
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
    const ModuleInfo *info = ModuleCatalog::find(s.id);
    const QLocale locale;
    const auto when = [&](const QDateTime &t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : tr("never");
    };
    m_details->setText(
        QStringLiteral("<b>%1 %2</b> — <span style='color:%3'>%4 %5</span><br>%6<br>")
            .arg(info ? info->numberText() : QString(),
                 ModuleCatalog::displayName(s.id).toHtmlEscaped(),
                 StatusStyle::color(s.status()).name(), StatusStyle::mark(s.status()),
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
        + circuitText(s.circuitHistory));
}

} // namespace Switchboard
