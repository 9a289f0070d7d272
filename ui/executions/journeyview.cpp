#include "executions/journeyview.h"

#include "executions/executiontablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchboard {

JourneyView::JourneyView(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_model(new ExecutionTableModel(clock, this))
    , m_key(new QComboBox(this))
    , m_value(new QLineEdit(this))
    , m_find(new QPushButton(tr("Show journey"), this))
    , m_table(new QTableView(this))
    , m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("journey"));
    m_key->setObjectName(QStringLiteral("journeyKey"));
    m_key->setEditable(true);
    m_key->addItems({QStringLiteral("patient_id"), QStringLiteral("appointment_id"),
                     QStringLiteral("invoice_id")});
    m_key->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[a-z][a-z0-9_]{0,39}")), m_key));
    m_key->setAccessibleName(tr("Business key"));
    m_value->setObjectName(QStringLiteral("journeyValue"));
    m_value->setPlaceholderText(tr("e.g. P-1042"));
    m_value->setAccessibleName(tr("Value of the key"));
    m_value->setClearButtonEnabled(true);
    m_find->setObjectName(QStringLiteral("journeyFind"));
    m_find->setDefault(true);
    m_table->setObjectName(QStringLiteral("journeyTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (const int c : {ExecutionTableModel::WorkflowColumn, ExecutionTableModel::OriginColumn})
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_summary->setObjectName(QStringLiteral("journeySummary"));
    m_summary->setWordWrap(true);
    m_summary->setText(tr("Every run for one patient, appointment or invoice, across all "
                          "workflows. Workflows name the keys they carry in their settings."));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Key:"), this));
    top->addWidget(m_key);
    top->addWidget(m_value, 1);
    top->addWidget(m_find);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);

    connect(m_find, &QPushButton::clicked, this, &JourneyView::find);
    connect(m_value, &QLineEdit::returnPressed, this, &JourneyView::find);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT executionOpened(index.data(ExecutionTableModel::ExecutionIdRole).toString());
    });
}

void JourneyView::find()
{
    const QString key = m_key->currentText().trimmed();
    const QString value = m_value->text().trimmed();
    if (key.isEmpty() || value.isEmpty()) {
        m_summary->setText(tr("Enter a key and the value to follow."));
        return;
    }
    m_asked = key + QLatin1Char('=') + value;
    m_summary->setText(tr("Looking for %1 = %2…").arg(key, value));
    Q_EMIT journeyRequested(key, value);
}

void JourneyView::showJourney(const QString &key, const QString &value)
{
    m_key->setCurrentText(key);
    m_value->setText(value);
    find();
}

void JourneyView::setJourney(const QString &key, const QString &value, const QJsonArray &executions)
{
    if (key + QLatin1Char('=') + value != m_asked)
        return;
    m_model->setExecutions(executions);
    int failed = 0;
    int open = 0;
    for (const QJsonValue v : executions) {
        const QString status = v[QLatin1String("status")].toString();
        failed += status == QLatin1String("failed") ? 1 : 0;
        open += status == QLatin1String("running") || status == QLatin1String("waiting") ? 1 : 0;
    }
    m_summary->setText(
        executions.isEmpty()
            ? tr("No execution carries %1 = %2.").arg(key, value)
            : tr("%1 = %2: %3, %4 failed, %5 still going. Oldest first.")
                  .arg(key, value,
                       (executions.size() == 1 ? tr("1 execution")
                                               : tr("%1 executions").arg(executions.size())))
                  .arg(failed)
                  .arg(open));
}

} // namespace Switchboard
