#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QWidget>

class QLineEdit;

namespace Switchboard {

class SaveBar;

// Settings › Targets: for each key figure, the least and the most it should be, as the
// dashboard's cards and charts show them and "KPI Threshold Breached" checks them. Saved as
// KPI_THRESHOLDS_JSON; rates are typed as percentages.
class KpiTargets final : public QWidget
{
    Q_OBJECT

public:
    explicit KpiTargets(QWidget *parent = nullptr);

    void setSettings(const QJsonArray &settings);
    void showRefusal(const QString &message);
    void showChanged();
    QLineEdit *field(const QString &key) const; // "min_leads_24h"

    static constexpr const char *Setting = "KPI_THRESHOLDS_JSON";

Q_SIGNALS:
    void changeRequested(const QJsonObject &values);

private:
    struct Field
    {
        QString key; // min_lead_to_booking_rate
        bool percent;
        QLineEdit *edit;
    };
    // The thresholds as typed, or an empty optional with the field at fault.
    std::optional<QJsonObject> typed(QString *problem) const;
    void updateButtons();

    QList<Field> m_fields;
    QJsonObject m_value; // as the core has it
    SaveBar *m_bar;
};

} // namespace Switchboard
