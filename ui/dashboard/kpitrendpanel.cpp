#include "dashboard/kpitrendpanel.h"

#include "common/periodpicker.h"
#include "common/statusstyle.h"
#include "common/timeseriesmodel.h"
#include "common/trendchart.h"
#include "dashboard/kpifigures.h"
#include "kpis/kpidefinitions.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMap>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

// Rates are kept as fractions and shown as percentages.
double shown(const QString &key, double value)
{
    return key.endsWith(QLatin1String("_rate")) ? value * 100 : value;
}

// The value axis's title.
QString unitOf(const QString &key)
{
    const KpiDefinition *d = KpiDefinition::find(key);
    switch (d ? d->unit : KpiDefinition::Unit::Count) {
    case KpiDefinition::Unit::Money:
        return KpiTrendPanel::tr("US dollars in 24 hours");
    case KpiDefinition::Unit::Percent:
        return QStringLiteral("%");
    case KpiDefinition::Unit::Score:
        return KpiTrendPanel::tr("score, 0 to 10");
    case KpiDefinition::Unit::Count:
        break;
    }
    return KpiTrendPanel::tr("number in 24 hours");
}

} // namespace

KpiTrendPanel::KpiTrendPanel(QWidget *parent)
    : QWidget(parent)
    , m_figure(new QComboBox(this))
    , m_range(new PeriodPicker(QStringLiteral("range"), this))
    , m_model(new TimeSeriesModel({}, this))
    , m_chart(new TrendChart(m_model, this))
    , m_empty(new QLabel(this))
{
    m_figure->setObjectName(QStringLiteral("trendFigure"));
    m_figure->setAccessibleName(tr("Figure shown in the trend"));
    const QList<KpiFigures::Figure> figures = KpiFigures::all();
    m_figure->addItem(tr("Leads and bookings (24 h)"),
                      QStringList {figures.at(0).key, figures.at(1).key});
    for (const KpiFigures::Figure &f : figures.mid(2))
        m_figure->addItem(f.title, QStringList {f.key});

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_figure);
    row->addStretch(1);
    row->addWidget(m_range);

    m_empty->setObjectName(QStringLiteral("trendEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setMinimumHeight(80);
    m_empty->setText(tr("No readings for this period yet. The core keeps one reading of each "
                        "figure an hour, so the trend fills in as it runs."));
    m_empty->hide();
    m_chart->setObjectName(QStringLiteral("trendChart"));
    m_chart->setAccessibleName(tr("Trend of the selected key figure"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_empty);
    layout->addWidget(m_chart);

    connect(m_figure, &QComboBox::currentIndexChanged, this, [this] { refresh(); });
    connect(m_range, &PeriodPicker::daysChosen, this, &KpiTrendPanel::setDays);
}

QStringList KpiTrendPanel::figureKeys() const
{
    return m_figure->currentData().toStringList();
}

void KpiTrendPanel::showFigure(const QString &key)
{
    for (int i = 0; i < m_figure->count(); ++i) {
        if (m_figure->itemData(i).toStringList().contains(key)) {
            m_figure->setCurrentIndex(i);
            return;
        }
    }
}

void KpiTrendPanel::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(false);
}

void KpiTrendPanel::setDays(int days)
{
    m_range->setDays(days);
    if (days == m_days)
        return;
    m_days = days;
    m_chart->setPeriodDays(days);
    refresh();
}

void KpiTrendPanel::setThresholds(const QJsonObject &thresholds)
{
    if (thresholds == m_thresholds)
        return;
    m_thresholds = thresholds;
    updateReferences();
}

void KpiTrendPanel::refresh(bool force)
{
    if (!isVisible())
        return; // asked for when shown
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // Readings come once an hour: once a minute is plenty; every ten seconds while there were
    // none yet (the first answer may come before a fresh core has its history).
    if (!force && m_lastRequest.isValid()
        && m_lastRequest.secsTo(now) < (m_model->rowCount() > 0 ? 60 : 10))
        return;
    m_lastRequest = now;
    m_answers.clear();
    for (const QString &key : figureKeys())
        Q_EMIT historyRequested(key, m_days);
}

void KpiTrendPanel::setHistory(const QString &name, int days, const QJsonArray &samples)
{
    const QStringList keys = figureKeys();
    if (days != m_days || !keys.contains(name))
        return; // an answer to an earlier request
    m_answers.insert(name, samples);
    if (m_answers.size() == keys.size())
        rebuild();
}

void KpiTrendPanel::rebuild()
{
    const QStringList keys = figureKeys();
    QStringList names;
    const QList<KpiFigures::Figure> figures = KpiFigures::all();
    for (const QString &key : keys) {
        for (const KpiFigures::Figure &f : figures) {
            if (f.key == key)
                names << f.title;
        }
    }
    // The figures are kept together each hour: one row per hour with every figure's value.
    QMap<qint64, QList<double>> rows;
    for (int i = 0; i < keys.size(); ++i) {
        for (const auto &v : m_answers.value(keys.at(i))) {
            const QJsonObject o = v.toObject();
            const QDateTime at =
                QDateTime::fromString(o.value(QLatin1String("ts")).toString(), Qt::ISODate);
            if (!at.isValid())
                continue;
            QList<double> &values = rows[at.toMSecsSinceEpoch()];
            values.resize(keys.size(), -1);
            values[i] = shown(keys.at(i), o.value(QLatin1String("value")).toDouble());
        }
    }
    QList<TimeSeriesModel::Point> points;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it) {
        if (!it.value().contains(-1))
            points.append({QDateTime::fromMSecsSinceEpoch(it.key(), Qt::UTC), it.value()});
    }
    m_model->setSeriesNames(names);
    m_model->setPoints(points);
    const QString key = keys.value(0);
    m_chart->setLabelFormat(key == QLatin1String("nps_avg_30d") ? QStringLiteral("%.1f")
                                                                : QStringLiteral("%d"));
    m_chart->setUnit(unitOf(key));
    m_chart->setValueFormatter([key](double v) {
        return KpiFigures::format(key, key.endsWith(QLatin1String("_rate")) ? v / 100 : v);
    });
    updateReferences();
    m_empty->setVisible(points.isEmpty());
    m_chart->setVisible(!points.isEmpty());
}

void KpiTrendPanel::updateReferences()
{
    QList<TrendChart::Reference> references;
    for (const QString &key : figureKeys()) {
        for (const KpiFigures::Figure &f : KpiFigures::all()) {
            if (f.key != key)
                continue;
            const QJsonValue min = m_thresholds.value(QStringLiteral("min_") + f.threshold);
            const QJsonValue max = m_thresholds.value(QStringLiteral("max_") + f.threshold);
            if (min.isDouble())
                references.append({tr("%1: target at least %2")
                                       .arg(f.title, KpiFigures::format(key, min.toDouble())),
                                   shown(key, min.toDouble()),
                                   StatusStyle::color(ModuleStatus::Degraded)});
            if (max.isDouble())
                references.append(
                    {tr("%1: limit %2").arg(f.title, KpiFigures::format(key, max.toDouble())),
                     shown(key, max.toDouble()), StatusStyle::color(ModuleStatus::Down)});
        }
    }
    m_chart->setReferences(references);
}

} // namespace Switchboard
