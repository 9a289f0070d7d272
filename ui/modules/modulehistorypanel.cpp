#include "modules/modulehistorypanel.h"

#include "common/periodpicker.h"
#include "common/statusstyle.h"
#include "common/timeseriesmodel.h"
#include "common/trendchart.h"
#include "health/modulehistory.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLocale>
#include <QStandardItemModel>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchboard {

ModuleHistoryPanel::ModuleHistoryPanel(QWidget *parent)
    : QWidget(parent)
    , m_range(new PeriodPicker(QStringLiteral("moduleRange"), this))
    , m_model(new TimeSeriesModel({tr("Median"), tr("95 % within"), tr("99 % within")}, this))
    , m_chart(new TrendChart(m_model, this))
    , m_summary(new QLabel(this))
    , m_calls(new QStandardItemModel(0, 5, this))
    , m_callsView(new QTableView(this))
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addStretch(1);
    row->addWidget(m_range);
    connect(m_range, &PeriodPicker::daysChosen, this, &ModuleHistoryPanel::setDays);

    m_chart->setObjectName(QStringLiteral("moduleHistoryChart"));
    m_chart->setMinimumHeight(180);
    m_chart->setMinimumWidth(300);
    m_chart->setToolTip(tr("Response time of the health checks, per hour"));
    m_chart->setValueFormatter([](double v) { return tr("%1 ms").arg(qRound(v)); });
    m_summary->setObjectName(QStringLiteral("moduleHistorySummary"));
    m_summary->setWordWrap(true);

    m_calls->setHorizontalHeaderLabels(
        {tr("Time"), tr("Execution"), tr("Step"), tr("Outcome"), tr("Took")});
    m_callsView->setObjectName(QStringLiteral("recentCalls"));
    m_callsView->setModel(m_calls);
    m_callsView->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_callsView->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_callsView->verticalHeader()->hide();
    m_callsView->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_callsView->horizontalHeader()->setStretchLastSection(true);
    m_callsView->setAccessibleName(tr("Recent calls to the module"));
    connect(m_callsView, &QTableView::activated, this, [this](const QModelIndex &index) {
        const QString id = m_calls->index(index.row(), 1).data().toString();
        if (!id.isEmpty())
            Q_EMIT executionOpened(id);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_chart, 2);
    layout->addWidget(m_summary);
    layout->addWidget(new QLabel(tr("Recent calls from workflows, newest first"), this));
    layout->addWidget(m_callsView, 1);
}

void ModuleHistoryPanel::setModule(const QString &moduleId)
{
    if (moduleId == m_module)
        return;
    m_module = moduleId;
    m_model->setPoints({});
    m_calls->removeRows(0, m_calls->rowCount());
    m_summary->clear();
    refresh();
}

void ModuleHistoryPanel::setDays(int days)
{
    m_range->setDays(days);
    if (days == m_days)
        return;
    m_days = days;
    m_chart->setPeriodDays(days);
    refresh();
}

void ModuleHistoryPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // what was kept while it was out of sight
}

void ModuleHistoryPanel::refresh()
{
    if (!m_module.isEmpty())
        Q_EMIT historyRequested(m_module, m_days);
}

QString ModuleHistoryPanel::summaryText() const
{
    return m_summary->text();
}

void ModuleHistoryPanel::setHistory(const QString &moduleId, int days, const QJsonObject &history)
{
    if (moduleId != m_module || days != m_days)
        return; // an answer to an earlier request
    const QList<ModuleSample> samples =
        ModuleHistory::fromJson(history.value(QLatin1String("samples")).toArray());
    QList<TimeSeriesModel::Point> points;
    int down = 0;
    int degraded = 0;
    int checks = 0;
    int unanswered = 0;
    for (const ModuleSample &s : samples) {
        checks += s.checks;
        unanswered += s.unanswered;
        down += s.status == ModuleStatus::Down ? 1 : 0;
        degraded += s.status == ModuleStatus::Degraded ? 1 : 0;
        if (s.p50 >= 0) // hours in which nothing answered have no response time
            points.append({s.at, {double(s.p50), double(s.p95), double(s.p99)}});
    }
    m_model->setPoints(points);

    const QLocale locale;
    if (samples.isEmpty()) {
        m_summary->setText(tr("No checks kept for this period yet."));
    } else {
        const QString period =
            days == 1 ? tr("In the last 24 hours") : tr("In the last %1 days").arg(days);
        QString text =
            tr("%1: %2 checks, %3 unanswered (%4 %).")
                .arg(period, locale.toString(checks), locale.toString(unanswered),
                     locale.toString(checks > 0 ? 100.0 * unanswered / checks : 0.0, 'f', 1));
        if (down > 0 || degraded > 0)
            text += QLatin1Char(' ')
                + tr("Down in %1 of those hours, degraded in %2.")
                      .arg(locale.toString(down), locale.toString(degraded));
        else
            text += QLatin1Char(' ') + tr("Never down or degraded.");
        const QJsonObject calls = history.value(QLatin1String("calls")).toObject();
        const qint64 ok = calls.value(QLatin1String("succeeded")).toInteger();
        const qint64 failed = calls.value(QLatin1String("failed")).toInteger();
        const qint64 refused = calls.value(QLatin1String("rejected")).toInteger();
        if (ok + failed + refused > 0)
            text += QLatin1Char(' ')
                + tr("Calls since the core started: %1 answered, %2 failed, %3 not sent "
                     "(error rate %4 %).")
                      .arg(locale.toString(ok), locale.toString(failed), locale.toString(refused),
                           locale.toString(100.0 * double(failed + refused)
                                               / double(ok + failed + refused),
                                           'f', 1));
        m_summary->setText(text);
    }

    m_calls->removeRows(0, m_calls->rowCount());
    for (const auto &v : history.value(QLatin1String("recent_calls")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString outcome = c.value(QLatin1String("outcome")).toString();
        const int status = c.value(QLatin1String("http_status")).toInt();
        QString outcomeText = outcome == QLatin1String("ok") ? tr("✓ Answered")
            : outcome == QLatin1String("failed")             ? tr("✕ Failed")
                                                             : tr("– Not sent");
        if (status > 0)
            outcomeText += QStringLiteral(" (HTTP %1)").arg(status);
        const QDateTime at =
            QDateTime::fromString(c.value(QLatin1String("ts")).toString(), Qt::ISODateWithMs);
        QList<QStandardItem *> items {
            new QStandardItem(locale.toString(at.toLocalTime().time(), QLocale::LongFormat)),
            new QStandardItem(c.value(QLatin1String("execution")).toString()),
            new QStandardItem(c.value(QLatin1String("node")).toString()),
            new QStandardItem(outcomeText),
            new QStandardItem(tr("%1 ms").arg(c.value(QLatin1String("ms")).toInteger()))};
        items.at(1)->setToolTip(tr("Enter or double-click to open the execution"));
        items.at(3)->setForeground(
            StatusStyle::text(outcome == QLatin1String("ok")           ? ModuleStatus::Healthy
                                  : outcome == QLatin1String("failed") ? ModuleStatus::Down
                                                                       : ModuleStatus::Degraded));
        m_calls->appendRow(items);
    }
}

} // namespace Switchboard
