#include "common/periodpicker.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QHBoxLayout>
#include <QToolButton>

namespace Switchboard {

PeriodPicker::PeriodPicker(const QString &prefix, QWidget *parent)
    : QWidget(parent)
    , m_group(new QButtonGroup(this))
{
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    const QList<std::pair<int, QString>> periods = {
        {1, tr("24 hours")}, {7, tr("7 days")}, {30, tr("30 days")}};
    for (const auto &[days, text] : periods) {
        auto *button = new QToolButton(this);
        button->setText(text);
        button->setCheckable(true);
        button->setObjectName(prefix + QString::number(days));
        button->setToolTip(tr("Show the last %1").arg(text));
        m_group->addButton(button, days);
        row->addWidget(button);
    }
    m_group->button(1)->setChecked(true);
    connect(m_group, &QButtonGroup::idClicked, this, &PeriodPicker::daysChosen);
}

int PeriodPicker::days() const
{
    return m_group->checkedId();
}

void PeriodPicker::setDays(int days)
{
    if (QAbstractButton *button = m_group->button(days))
        button->setChecked(true);
}

} // namespace Switchboard
