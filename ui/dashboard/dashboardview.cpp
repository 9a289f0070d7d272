#include "dashboard/dashboardview.h"

#include "common/icons.h"
#include "common/tone.h"
#include "dashboard/attentionpanel.h"
#include "dashboard/healthbanner.h"
#include "dashboard/kpirow.h"
#include "dashboard/kpitrendpanel.h"
#include "dashboard/moduletablemodel.h"
#include "dashboard/moduletiledelegate.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QScrollArea>
#include <QStyle>
#include <QVBoxLayout>

namespace Switchboard {

namespace {
constexpr int MinTileWidth = 270;
constexpr int TileHeight = 112;
constexpr int Columns = 3;
} // namespace

DashboardView::DashboardView(ModuleTableModel *modules, QWidget *parent)
    : QWidget(parent)
    , m_banner(new HealthBanner(this))
    , m_attention(new AttentionPanel(modules->clock(), this))
    , m_tiles(new QListView(this))
    , m_delegate(new ModuleTileDelegate(this))
    , m_kpis(new KpiRow(this))
    , m_kpiSource(new QLabel(this))
{
    // The banner stays in view; the rest of the dashboard scrolls as one page.
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(16, 16, 16, 8);
    outer->setSpacing(12);
    outer->addWidget(m_banner);
    connect(m_attention, &AttentionPanel::alertOpened, this, &DashboardView::alertOpened);
    connect(m_attention, &AttentionPanel::alertsOpened, this, &DashboardView::alertsOpened);
    connect(m_attention, &AttentionPanel::reviewOpened, this, &DashboardView::reviewOpened);
    connect(m_attention, &AttentionPanel::deadLettersOpened, this,
            &DashboardView::deadLettersOpened);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboardScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto *page = new QWidget(scroll);
    page->setAutoFillBackground(false);
    scroll->setWidget(page);
    scroll->viewport()->setAutoFillBackground(false);
    outer->addWidget(scroll, 1);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 4, 0);
    layout->setSpacing(12);
    layout->addWidget(m_attention);

    auto *heading = new QLabel(tr("Modules"), this);
    QFont font = heading->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    heading->setFont(font);
    auto *headingRow = new QHBoxLayout;
    headingRow->addWidget(heading);
    headingRow->addStretch(1);
    auto *exportButton =
        new QPushButton(Icons::line(QStringLiteral("report")), tr("Export report…"), this);
    exportButton->setObjectName(QStringLiteral("exportReport"));
    exportButton->setToolTip(
        tr("Save this dashboard as a web page or a PDF to share or print (Ctrl+E)"));
    connect(exportButton, &QPushButton::clicked, this, &DashboardView::exportRequested);
    headingRow->addWidget(exportButton);
    layout->addLayout(headingRow);

    m_tiles->setObjectName(QStringLiteral("moduleTiles"));
    m_tiles->setAccessibleName(tr("Module tiles"));
    m_tiles->setModel(modules);
    m_tiles->setItemDelegate(m_delegate);
    m_tiles->setViewMode(QListView::IconMode);
    m_tiles->setFlow(QListView::LeftToRight);
    m_tiles->setWrapping(true);
    m_tiles->setResizeMode(QListView::Adjust);
    m_tiles->setMovement(QListView::Static);
    m_tiles->setUniformItemSizes(true);
    m_tiles->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tiles->setMouseTracking(true);
    m_tiles->setFrameShape(QFrame::NoFrame);
    m_tiles->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the page scrolls, not the grid
    m_tiles->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_tiles->viewport()->setAutoFillBackground(false);
    m_tiles->setToolTip(tr("Click a module, or select it and press Enter, to open its details."));
    layout->addWidget(m_tiles);

    auto *figures = new QLabel(tr("Key figures"), this);
    figures->setFont(font);
    auto *figuresRow = new QHBoxLayout;
    figuresRow->addWidget(figures);
    figuresRow->addSpacing(12);
    m_kpiSource->setObjectName(QStringLiteral("kpiSource"));
    Tone::muted(m_kpiSource);
    figuresRow->addWidget(m_kpiSource, 1);
    layout->addLayout(figuresRow);
    layout->addWidget(m_kpis);
    auto *trend = new QLabel(tr("Trends"), this);
    trend->setFont(font);
    layout->addWidget(trend);
    // Leads and bookings, revenue and conversion: as many side by side as the width allows.
    auto *trendRow = new QHBoxLayout;
    trendRow->setSpacing(16);
    for (const char *figure : {"leads_24h", "revenue_24h_usd", "lead_to_booking_rate"}) {
        auto *panel = new KpiTrendPanel(this);
        panel->setObjectName(QStringLiteral("trend-") + QLatin1String(figure));
        panel->showFigure(QLatin1String(figure));
        connect(panel, &KpiTrendPanel::historyRequested, this, &DashboardView::kpiHistoryRequested);
        trendRow->addWidget(panel, 1);
        panel->setVisible(m_trends.isEmpty()); // the others when the width is known
        m_trends.append(panel);
    }
    layout->addLayout(trendRow);
    layout->addStretch(1);
    page->installEventFilter(this);
    m_tiles->installEventFilter(this);

    const auto open = [this](const QModelIndex &index) {
        Q_EMIT moduleActivated(index.data(ModuleTableModel::ModuleIdRole).toString());
    };
    connect(m_tiles, &QListView::clicked, this, open);
    connect(m_tiles, &QListView::activated, this, open);
}

void DashboardView::setOverview(const SystemOverview &overview)
{
    m_banner->setOverview(overview);
    m_attention->setReview(overview.reviewQueues);
    m_attention->setDeadLetters(overview.deadLetters);
    m_kpis->setKpis(overview.kpis, overview.kpiThresholds, overview.kpiPreviousWeek);
    const QString source = overview.kpis.value(QLatin1String("source")).toString();
    if (overview.kpis.value(QLatin1String("unavailable")).toBool())
        m_kpiSource->setText(tr("KPI data unavailable: Analytics (module 07) is not answering"));
    else if (source == QLatin1String("07_analytics"))
        m_kpiSource->setText(tr("from Analytics (module 07)"));
    else if (source.isEmpty())
        m_kpiSource->clear();
    else
        m_kpiSource->setText(tr("counted by Switchboard from the modules' events (Analytics, "
                                "module 07, is not set up)"));
    for (KpiTrendPanel *panel : std::as_const(m_trends))
        panel->setThresholds(overview.kpiThresholds);
    // New readings are kept hourly; a check round is a good moment to look for them.
    if (overview.lastCheck != m_lastCheck) {
        m_lastCheck = overview.lastCheck;
        for (KpiTrendPanel *panel : std::as_const(m_trends))
            panel->refresh(false);
    }
}

void DashboardView::setKpiHistory(const QString &name, int days, const QJsonArray &samples)
{
    for (KpiTrendPanel *panel : std::as_const(m_trends))
        panel->setHistory(name, days, samples);
}

void DashboardView::setAlerts(const QJsonArray &alerts)
{
    m_attention->setAlerts(alerts);
}

QString DashboardView::kpiSourceText() const
{
    return m_kpiSource->text();
}

bool DashboardView::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_tiles && event->type() == QEvent::Resize)
        layoutTiles();
    else if (event->type() == QEvent::Resize)
        layoutTrends(static_cast<QWidget *>(watched)->width());
    return QWidget::eventFilter(watched, event);
}

void DashboardView::layoutTrends(int width)
{
    // A chart needs some 500 pixels to be read; the first one always shows.
    const int shown = qBound(1, width / 500, int(m_trends.size()));
    for (int i = 1; i < m_trends.size(); ++i)
        m_trends.at(i)->setVisible(i < shown);
}

void DashboardView::layoutTiles()
{
    // Three columns when there is room, fewer on narrow windows; tiles share the width.
    // The scrollbar's width is always set aside, so that its appearing cannot push a tile
    // to the next row.
    const int available = m_tiles->width() - 2 * m_tiles->frameWidth() - 4;
    if (available <= 0)
        return;
    const int columns = qBound(1, available / MinTileWidth, Columns);
    const QSize tile(available / columns, TileHeight);
    if (tile == m_tiles->gridSize())
        return;
    m_delegate->setTileSize(tile);
    m_tiles->setGridSize(tile);
    m_tiles->doItemsLayout();
    // All rows show: the grid is as tall as its tiles.
    const int rows = (m_tiles->model()->rowCount() + columns - 1) / columns;
    m_tiles->setFixedHeight(rows * TileHeight + 4);
}

} // namespace Switchboard
