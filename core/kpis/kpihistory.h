#pragma once

#include "common/result.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace Switchboard {

class Database;

struct KpiSample
{
    QDateTime at;
    double value = 0;
};

// The same figure over one period and the period before it, e.g. the last 7 days against the
// 7 days before. An average is absent while the period has no samples.
struct KpiComparison
{
    QList<KpiSample> samples; // the current period, oldest first
    std::optional<double> average;
    std::optional<double> previousAverage;
};

// The clinic's key figures over time, kept in the core's database: one sample per figure and
// hour (a later reading in the same hour replaces the earlier one), so that 30 days are 720
// rows a figure. Only the figures module 07 reports as numbers are kept; no patient data.
class KpiHistory
{
public:
    explicit KpiHistory(Database &db);

    Status record(const QDateTime &at, const QJsonObject &kpis);
    // Several readings in one transaction.
    Status record(const QList<std::pair<QDateTime, QJsonObject>> &readings);
    bool isEmpty();
    Result<KpiComparison> compare(const QString &name, const QDateTime &now, int days);

    // The keys of KpiDefinition::all().
    static QStringList names();
    // [{ts, value}], for the API and the console.
    static QJsonArray toJson(const QList<KpiSample> &samples);

private:
    Result<QList<KpiSample>> samples(const QString &name, const QDateTime &from,
                                     const QDateTime &to);

    Database &m_db;
};

} // namespace Switchboard
