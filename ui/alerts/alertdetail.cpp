#include "alerts/alertdetail.h"

#include "alerts/alerttablemodel.h"
#include "common/executionlink.h"
#include "modules/modulecatalog.h"
#include "texts/message.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

QString text(const QJsonObject &o, const char *name)
{
    return o.value(QLatin1String(name)).toString();
}

// A text the core wrote for people, in the console's language.
QString said(const QJsonObject &o, const char *name)
{
    return Message::translatedField(o, QLatin1String(name));
}

QString when(const QString &iso)
{
    const QDateTime t = QDateTime::fromString(iso, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

QLabel *heading(const QString &caption, QWidget *parent)
{
    auto *label = new QLabel(caption, parent);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    return label;
}

} // namespace

AlertDetail::AlertDetail(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(this))
    , m_meta(new QLabel(this))
    , m_message(new QLabel(this))
    , m_action(new QLabel(this))
    , m_openModule(new QPushButton(this))
    , m_executions(new QLabel(this))
    , m_deliveries(new QTableWidget(0, 4, this))
    , m_history(new QListWidget(this))
    , m_noDeliveries(new QLabel(this))
{
    setObjectName(QStringLiteral("alertDetail"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    m_title->setFont(big);
    for (QLabel *l : {m_title, m_meta, m_message, m_action, m_executions}) {
        l->setWordWrap(true);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_executions->setObjectName(QStringLiteral("alertExecutions"));
    m_executions->setTextFormat(Qt::RichText);
    m_executions->setTextInteractionFlags(Qt::TextBrowserInteraction);
    connect(m_executions, &QLabel::linkActivated, this, [this](const QString &href) {
        if (const QString id = ExecutionLink::idFrom(href); !id.isEmpty())
            Q_EMIT executionRequested(id);
    });
    m_deliveries->setHorizontalHeaderLabels(
        {tr("Channel"), tr("Event"), tr("Status"), tr("Detail")});
    m_deliveries->horizontalHeader()->setStretchLastSection(true);
    m_deliveries->verticalHeader()->hide();
    m_deliveries->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_deliveries->setSelectionMode(QAbstractItemView::NoSelection);
    m_deliveries->setMaximumHeight(150);
    m_deliveries->setAccessibleName(tr("Notifications sent"));
    m_history->setAccessibleName(tr("History"));
    m_history->setSelectionMode(QAbstractItemView::NoSelection);

    auto *todo = heading(tr("What to do"), this);
    auto *sent = heading(tr("Notifications"), this);
    auto *since = heading(tr("History"), this);
    m_noDeliveries->setWordWrap(true);
    m_noDeliveries->setText(tr("No one was notified: no channel takes this alert, or it is "
                               "silenced. Set channels up under Settings › Notifications."));
    m_sections = {m_meta, m_message,    todo,           m_action, m_executions,
                  sent,   m_deliveries, m_noDeliveries, since,    m_history};
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_meta);
    layout->addWidget(m_message);
    layout->addWidget(todo);
    layout->addWidget(m_action);
    m_openModule->setObjectName(QStringLiteral("openModule"));
    layout->addWidget(m_openModule, 0, Qt::AlignLeft);
    layout->addWidget(m_executions);
    layout->addWidget(sent);
    layout->addWidget(m_deliveries);
    layout->addWidget(m_noDeliveries);
    layout->addWidget(since);
    layout->addWidget(m_history, 1);
    layout->addStretch();
    connect(m_openModule, &QPushButton::clicked, this,
            [this] { Q_EMIT moduleRequested(m_module); });
    clear(tr("Select an alert to see what happened and what to do."));
}

void AlertDetail::clear(const QString &hint)
{
    m_id = 0;
    m_title->setText(hint);
    for (QLabel *l : {m_meta, m_message, m_action, m_executions})
        l->clear();
    m_openModule->hide();
    m_deliveries->setRowCount(0);
    m_history->clear();
    for (QWidget *w : std::as_const(m_sections))
        w->hide();
}

void AlertDetail::showAlert(const QJsonObject &a)
{
    const qint64 id = a.value(QLatin1String("id")).toInteger();
    const bool same = id == m_id;
    m_id = id;
    for (QWidget *w : std::as_const(m_sections))
        w->show();
    m_title->setText(said(a, "title"));
    QStringList meta {AlertTableModel::severityText(text(a, "severity")),
                      AlertTableModel::stateText(a)};
    if (!text(a, "owner").isEmpty())
        meta << tr("owner: %1").arg(text(a, "owner"));
    meta << tr("checks that saw it: %1").arg(a.value(QLatin1String("count")).toInt())
         << tr("first: %1").arg(when(text(a, "first_seen")))
         << tr("last: %1").arg(when(text(a, "last_seen")));
    if (!text(a, "inhibited_by").isEmpty())
        meta << tr("not paged while its module is down");
    m_meta->setText(meta.join(QStringLiteral(" · ")));
    m_message->setText(said(a, "message"));
    m_action->setText(said(a, "action").isEmpty() ? tr("No action suggested.") : said(a, "action"));
    m_module = text(a, "module");
    const ModuleInfo *info = ModuleCatalog::find(m_module);
    m_openModule->setVisible(info != nullptr);
    if (info)
        // "&" in a button is a mnemonic: "Billing & Payments" would read "Billing _Payments".
        m_openModule->setText(
            tr("Open %1 in Modules")
                .arg(info->name().replace(QLatin1Char('&'), QLatin1String("&&"))));
    if (!same) {
        m_executions->clear();
        m_deliveries->setRowCount(0);
        m_history->clear();
    }
    m_deliveries->setVisible(m_deliveries->rowCount() > 0);
    m_noDeliveries->setVisible(m_deliveries->rowCount() == 0);
}

void AlertDetail::showDetails(const QJsonObject &details)
{
    if (details.value(QLatin1String("id")).toInteger() != m_id)
        return;
    showAlert(details);
    QStringList executions;
    for (const auto &e : details.value(QLatin1String("executions")).toArray())
        executions << ExecutionLink::link(e.toString());
    m_executions->setText(executions.isEmpty()
                              ? QString()
                              : tr("Executions with failed calls to this module: %1")
                                    .arg(executions.join(QStringLiteral(", "))));
    const QJsonArray deliveries = details.value(QLatin1String("deliveries")).toArray();
    m_deliveries->setRowCount(int(deliveries.size()));
    for (int i = 0; i < deliveries.size(); ++i) {
        const QJsonObject d = deliveries.at(i).toObject();
        const QString status = text(d, "status");
        const QString statusText = status == QLatin1String("sent") ? tr("✓ Sent")
            : status == QLatin1String("failed")                    ? tr("✕ Failed")
            : status == QLatin1String("retrying")                  ? tr("Retrying")
                                                                   : tr("Queued");
        const int attempts = d.value(QLatin1String("attempts")).toInt();
        const QString detail = text(d, "error").isEmpty()
            ? tr("attempts: %1 · %2").arg(attempts).arg(when(text(d, "at")))
            : tr("attempts: %1 · %2").arg(attempts).arg(text(d, "error"));
        const QStringList cells {text(d, "channel"), text(d, "event"), statusText, detail};
        for (int c = 0; c < cells.size(); ++c)
            m_deliveries->setItem(i, c, new QTableWidgetItem(cells.at(c)));
    }
    m_deliveries->resizeColumnsToContents();
    m_deliveries->setVisible(!deliveries.isEmpty());
    m_noDeliveries->setVisible(deliveries.isEmpty());
    m_history->clear();
    static const QHash<QString, const char *> kinds = {
        {QStringLiteral("raised"), QT_TR_NOOP("Raised")},
        {QStringLiteral("updated"), QT_TR_NOOP("Updated")},
        {QStringLiteral("acknowledged"), QT_TR_NOOP("Acknowledged")},
        {QStringLiteral("snoozed"), QT_TR_NOOP("Snoozed")},
        {QStringLiteral("snooze_ended"), QT_TR_NOOP("Snooze ended")},
        {QStringLiteral("silenced"), QT_TR_NOOP("Silenced")},
        {QStringLiteral("unsilenced"), QT_TR_NOOP("Silence ended")},
        {QStringLiteral("inhibited"), QT_TR_NOOP("Muted while its module is down")},
        {QStringLiteral("uninhibited"), QT_TR_NOOP("No longer muted")},
        {QStringLiteral("resolved"), QT_TR_NOOP("Resolved")},
        {QStringLiteral("cleared"), QT_TR_NOOP("Resolved by itself: the condition cleared")}};
    for (const auto &v : details.value(QLatin1String("history")).toArray()) {
        const QJsonObject h = v.toObject();
        const char *kind = kinds.value(text(h, "kind"));
        QString line =
            when(text(h, "at")) + QStringLiteral(" — ") + (kind ? tr(kind) : text(h, "kind"));
        if (!text(h, "actor").isEmpty())
            line += tr(" by %1").arg(text(h, "actor_name").isEmpty() ? text(h, "actor")
                                                                     : text(h, "actor_name"));
        if (!said(h, "note").isEmpty() && text(h, "kind") != QLatin1String("raised")
            && text(h, "kind") != QLatin1String("inhibited"))
            line += QStringLiteral(": ") + said(h, "note");
        m_history->addItem(line);
    }
}

QString AlertDetail::titleText() const
{
    return m_title->text();
}

int AlertDetail::deliveryRows() const
{
    return m_deliveries->rowCount();
}

QStringList AlertDetail::historyLines() const
{
    QStringList lines;
    for (int i = 0; i < m_history->count(); ++i)
        lines << m_history->item(i)->text();
    return lines;
}

} // namespace Switchboard
