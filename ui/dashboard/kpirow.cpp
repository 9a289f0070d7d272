#include "dashboard/kpirow.h"

#include "common/statusstyle.h"
#include "common/tone.h"
#include "dashboard/kpifigures.h"

#include <QFrame>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

// "▲ 12 % on the week before"; empty while there is no week before to compare with.
QString changeAgainst(double now, const QJsonValue &before)
{
    if (!before.isDouble() || before.toDouble() == 0)
        return {};
    const double percent = (now - before.toDouble()) / before.toDouble() * 100;
    const QString amount = QLocale().toString(qAbs(percent), 'f', 0);
    if (amount == QLatin1String("0"))
        return KpiRow::tr("Same as the week before");
    return percent > 0 ? KpiRow::tr("▲ %1 % on the week before").arg(amount)
                       : KpiRow::tr("▼ %1 % on the week before").arg(amount);
}

} // namespace

KpiRow::KpiRow(QWidget *parent)
    : QWidget(parent)
{
    auto *layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(12);
    layout->setSizeConstraint(QLayout::SetNoConstraint);
    for (const KpiFigures::Figure &k : KpiFigures::all()) {
        auto *card = new QFrame(this);
        card->setFrameShape(QFrame::StyledPanel);
        card->setAutoFillBackground(true);
        Tone::card(card);
        auto *v = new QVBoxLayout(card);
        v->setContentsMargins(12, 8, 12, 8);
        v->setSpacing(2);
        auto *title = new QLabel(k.title, card);
        Tone::muted(title);
        auto *value = new QLabel(QStringLiteral("—"), card);
        QFont big = value->font();
        big.setPointSizeF(big.pointSizeF() * 1.5);
        big.setBold(true);
        value->setFont(big);
        value->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *state = new QLabel(card);
        state->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *change = new QLabel(card);
        change->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
        Tone::muted(change);
        change->setWordWrap(true);
        // The labels do not set the row's minimum width; the row's width sets the arrangement.
        for (QLabel *label : {title, value, state, change}) {
            label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            v->addWidget(label);
        }
        card->setMinimumWidth(110);
        card->setToolTip(k.meaning);
        m_frames.append(card);
        m_cards.append({k.key, k.threshold, value, state, change});
    }
    arrange(6);
}

void KpiRow::arrange(int columns)
{
    if (columns == m_columns)
        return;
    m_columns = columns;
    auto *grid = static_cast<QGridLayout *>(layout());
    for (QWidget *frame : std::as_const(m_frames))
        grid->removeWidget(frame);
    for (int i = 0; i < m_frames.size(); ++i)
        grid->addWidget(m_frames.at(i), i / columns, i % columns);
    for (int c = 0; c < 6; ++c)
        grid->setColumnStretch(c, c < columns ? 1 : 0);
}

QSize KpiRow::minimumSizeHint() const
{
    const int rows = m_columns == 6 ? 1 : 2;
    const int cardHeight = m_frames.isEmpty() ? 0 : m_frames.first()->sizeHint().height();
    return {3 * 110 + 2 * 12, rows * cardHeight + (rows - 1) * 12};
}

void KpiRow::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // One row of six where there is room, two rows of three on narrow windows.
    arrange(width() >= 6 * 150 ? 6 : 3);
    updateGeometry();
}

void KpiRow::setKpis(const QJsonObject &kpis, const QJsonObject &thresholds,
                     const QJsonObject &previousWeek)
{
    for (int i = 0; i < m_cards.size(); ++i) {
        const Card &card = m_cards.at(i);
        if (!kpis.value(card.kpi).isDouble()) {
            card.value->setText(QStringLiteral("—"));
            card.state->setText(kpis.value(QLatin1String("unavailable")).toBool()
                                    ? tr("Unavailable")
                                    : tr("Not reported yet"));
            card.change->clear();
            continue;
        }
        const double v = kpis.value(card.kpi).toDouble();
        card.value->setText(KpiFigures::format(card.kpi, v));
        card.change->setText(changeAgainst(v, previousWeek.value(card.kpi)));
        const QString minKey = QStringLiteral("min_") + card.threshold;
        const QString maxKey = QStringLiteral("max_") + card.threshold;
        QString state;
        ModuleStatus look = ModuleStatus::Unknown;
        if (thresholds.contains(minKey) && v < thresholds.value(minKey).toDouble()) {
            state = tr("Below target (%1)")
                        .arg(KpiFigures::format(card.kpi, thresholds.value(minKey).toDouble()));
            look = ModuleStatus::Degraded;
        } else if (thresholds.contains(maxKey) && v > thresholds.value(maxKey).toDouble()) {
            state = tr("Above limit (%1)")
                        .arg(KpiFigures::format(card.kpi, thresholds.value(maxKey).toDouble()));
            look = ModuleStatus::Degraded;
        } else if (thresholds.contains(minKey) || thresholds.contains(maxKey)) {
            state = tr("On target");
            look = ModuleStatus::Healthy;
        } else {
            state = tr("No target set");
        }
        card.state->setText(look == ModuleStatus::Unknown
                                ? state
                                : StatusStyle::mark(look) + QLatin1Char(' ') + state);
        if (look == ModuleStatus::Unknown)
            Tone::muted(card.state);
        else
            Tone::status(card.state, look);
        card.state->setToolTip(
            look == ModuleStatus::Unknown
                ? tr("Set a target with KPI_THRESHOLDS_JSON, e.g. {\"%1\": …}").arg(minKey)
                : QString());
    }
}

QString KpiRow::valueText(const QString &kpi) const
{
    for (const Card &c : m_cards) {
        if (c.kpi == kpi)
            return c.value->text();
    }
    return {};
}

QString KpiRow::changeText(const QString &kpi) const
{
    for (const Card &c : m_cards) {
        if (c.kpi == kpi)
            return c.change->text();
    }
    return {};
}

QString KpiRow::stateText(const QString &kpi) const
{
    for (const Card &c : m_cards) {
        if (c.kpi == kpi)
            return c.state->text();
    }
    return {};
}

} // namespace Switchboard
