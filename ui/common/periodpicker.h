#pragma once

#include <QWidget>

class QButtonGroup;

namespace Switchboard {

// Three buttons to choose the period a chart shows: 24 hours, 7 days, 30 days. The buttons are
// named <prefix><days> ("range7") so that tests and screen readers can find them.
class PeriodPicker final : public QWidget
{
    Q_OBJECT

public:
    explicit PeriodPicker(const QString &prefix, QWidget *parent = nullptr);

    int days() const;
    // Checks the period's button without reporting it.
    void setDays(int days);

Q_SIGNALS:
    void daysChosen(int days);

private:
    QButtonGroup *m_group;
};

} // namespace Switchboard
