#pragma once

#include "status/systemoverview.h"

#include <QFrame>

class QLabel;

namespace Switchboard {

// The system-health banner: HEALTHY / DEGRADED / CRITICAL with the one line that explains it.
class HealthBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit HealthBanner(QWidget *parent = nullptr);

    void setOverview(const Switchboard::SystemOverview &overview);
    QString headline() const;
    QString explanation() const;

    // The one line for an overview, in the user's language.
    static QString explain(const SystemOverview &overview);

private:
    QLabel *m_mark;
    QLabel *m_headline;
    QLabel *m_explanation;
};

} // namespace Switchboard
