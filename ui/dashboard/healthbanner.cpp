#include "dashboard/healthbanner.h"

#include "common/statusstyle.h"
#include "modules/modulecatalog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace Switchboard {

HealthBanner::HealthBanner(QWidget *parent)
    : QFrame(parent)
    , m_mark(new QLabel(this))
    , m_headline(new QLabel(this))
    , m_explanation(new QLabel(this))
{
    setObjectName(QStringLiteral("healthBanner"));
    setFrameShape(QFrame::NoFrame);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(18, 12, 18, 12);
    layout->setSpacing(14);
    QFont markFont = m_mark->font();
    markFont.setPointSizeF(markFont.pointSizeF() * 2.2);
    markFont.setBold(true);
    m_mark->setFont(markFont);
    m_mark->setAlignment(Qt::AlignCenter);
    m_mark->setFixedWidth(40);
    QFont headlineFont = m_headline->font();
    headlineFont.setPointSizeF(headlineFont.pointSizeF() * 1.35);
    headlineFont.setBold(true);
    m_headline->setFont(headlineFont);
    m_explanation->setWordWrap(true);
    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_headline);
    text->addWidget(m_explanation);
    layout->addWidget(m_mark);
    layout->addLayout(text, 1);
    m_headline->setText(tr("Checking the clinic's modules…"));
    m_explanation->setText(tr("The first health check is running."));
}

QString HealthBanner::explain(const SystemOverview &overview)
{
    if (overview.alerts.isEmpty())
        return tr("All modules are responding normally.");
    const StatusAlert &first = overview.alerts.first();
    QString line;
    if (first.rule == QLatin1String("missing_setting"))
        line = tr("A required setting is missing: %1.").arg(first.subject);
    else if (first.rule == QLatin1String("module_down")
             || first.rule == QLatin1String("critical_path"))
        line = tr("%1 is down.").arg(ModuleCatalog::displayName(first.module));
    else if (first.rule == QLatin1String("module_degraded"))
        line = tr("%1 is degraded.").arg(ModuleCatalog::displayName(first.module));
    else
        line = first.title.translated();
    bool blocked = false;
    for (const StatusAlert &a : overview.alerts)
        blocked = blocked || a.rule == QLatin1String("critical_path");
    if (blocked)
        line += QLatin1Char(' ') + tr("The patient journey is blocked.");
    if (overview.alerts.size() > 1)
        line += QLatin1Char(' ') + tr("Open alerts: %1.").arg(overview.alerts.size());
    return line;
}

void HealthBanner::setOverview(const SystemOverview &overview)
{
    const QColor color = StatusStyle::color(overview.health);
    QPalette pal = palette();
    pal.setColor(QPalette::Window, color);
    pal.setColor(QPalette::WindowText, Qt::white);
    setPalette(pal);
    for (QLabel *label : {m_mark, m_headline, m_explanation})
        label->setPalette(pal);
    m_mark->setText(StatusStyle::mark(overview.health));
    m_headline->setText(tr("System health: %1").arg(StatusStyle::word(overview.health)));
    m_explanation->setText(explain(overview));
}

QString HealthBanner::headline() const
{
    return m_headline->text();
}

QString HealthBanner::explanation() const
{
    return m_explanation->text();
}

} // namespace Switchboard
