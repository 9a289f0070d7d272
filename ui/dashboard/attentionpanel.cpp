#include "dashboard/attentionpanel.h"

#include "common/relativetime.h"
#include "common/statusstyle.h"
#include "common/tone.h"
#include "modules/modulecatalog.h"
#include "texts/message.h"

#include <QGridLayout>
#include <QJsonObject>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QStandardItemModel>

namespace Switchboard {

namespace {

constexpr int IdRole = Qt::UserRole + 1;

QDateTime timeOf(const QJsonObject &o, const char *key)
{
    return QDateTime::fromString(o.value(QLatin1String(key)).toString(), Qt::ISODate);
}

int rank(const QString &severity)
{
    return severity == QLatin1String("critical") ? 0 : severity == QLatin1String("warning") ? 1 : 2;
}

QLabel *link(const QString &text, QWidget *parent)
{
    auto *label =
        new QLabel(QStringLiteral("<a href=\"open\">%1</a>").arg(text.toHtmlEscaped()), parent);
    label->setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    return label;
}

} // namespace

AttentionPanel::AttentionPanel(const Clock &clock, QWidget *parent)
    : QFrame(parent)
    , m_clock(clock)
    , m_alerts(new QStandardItemModel(this))
    , m_alertList(new QListView(this))
    , m_alertsHeading(heading(tr("Open alerts")))
    , m_noAlerts(new QLabel(tr("✓ No open alerts."), this))
    , m_review(new QLabel(this))
    , m_reviewWait(new QLabel(this))
    , m_deadLetters(new QLabel(this))
{
    setObjectName(QStringLiteral("attention"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::Base);

    m_alertList->setObjectName(QStringLiteral("topAlerts"));
    m_alertList->setAccessibleName(tr("The open alerts that matter most"));
    m_alertList->setModel(m_alerts);
    m_alertList->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_alertList->setFrameShape(QFrame::NoFrame);
    m_alertList->setUniformItemSizes(true);
    m_alertList->setTextElideMode(Qt::ElideRight);
    m_alertList->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_alertList->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_alertList->setFixedHeight(m_alertList->fontMetrics().lineSpacing() * TopAlerts + 14);
    m_alertList->viewport()->setAutoFillBackground(false);
    m_alertList->setToolTip(tr("Click an alert to open it in the Alerts section"));
    const auto open = [this](const QModelIndex &index) {
        Q_EMIT alertOpened(index.data(IdRole).toLongLong());
    };
    connect(m_alertList, &QListView::clicked, this, open);
    connect(m_alertList, &QListView::activated, this, open);
    QLabel *allAlerts = link(tr("All alerts →"), this);
    connect(allAlerts, &QLabel::linkActivated, this, &AttentionPanel::alertsOpened);
    Tone::status(m_noAlerts, ModuleStatus::Healthy);

    m_review->setObjectName(QStringLiteral("reviewBacklog"));
    m_review->setWordWrap(true);
    m_reviewWait->setWordWrap(true);
    QLabel *openReview = link(tr("Open Review →"), this);
    connect(openReview, &QLabel::linkActivated, this, &AttentionPanel::reviewOpened);
    m_deadLetters->setObjectName(QStringLiteral("deadLetterCount"));
    m_deadLetters->setWordWrap(true);
    QLabel *openLetters = link(tr("Open dead letters →"), this);
    connect(openLetters, &QLabel::linkActivated, this, &AttentionPanel::deadLettersOpened);

    // Alerts take the room they need; the two counts share what is left.
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(14, 10, 14, 10);
    grid->setHorizontalSpacing(24);
    grid->setVerticalSpacing(4);
    grid->addWidget(m_alertsHeading, 0, 0);
    grid->addWidget(m_alertList, 1, 0, 3, 1);
    grid->addWidget(m_noAlerts, 1, 0, Qt::AlignTop);
    grid->addWidget(allAlerts, 4, 0);
    grid->addWidget(heading(tr("Review")), 0, 1);
    grid->addWidget(m_review, 1, 1);
    grid->addWidget(m_reviewWait, 2, 1);
    grid->addWidget(openReview, 4, 1);
    grid->addWidget(heading(tr("Dead letters")), 0, 2);
    grid->addWidget(m_deadLetters, 1, 2, 2, 1, Qt::AlignTop);
    grid->addWidget(openLetters, 4, 2);
    grid->setColumnStretch(0, 5);
    grid->setColumnStretch(1, 2);
    grid->setColumnStretch(2, 2);
    grid->setRowStretch(3, 1);
    setAlerts({});
    setReview({});
    setDeadLetters(0);
}

QLabel *AttentionPanel::heading(const QString &text)
{
    auto *label = new QLabel(text, this);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

void AttentionPanel::setAlerts(const QJsonArray &alerts)
{
    QList<QJsonObject> open;
    for (const QJsonValue v : alerts) {
        if (v[QLatin1String("state")].toString() != QLatin1String("resolved"))
            open << v.toObject();
    }
    std::sort(open.begin(), open.end(), [](const QJsonObject &a, const QJsonObject &b) {
        const int ra = rank(a.value(QLatin1String("severity")).toString());
        const int rb = rank(b.value(QLatin1String("severity")).toString());
        return ra != rb ? ra < rb : timeOf(a, "last_seen") > timeOf(b, "last_seen");
    });
    m_alertsHeading->setText(open.isEmpty() ? tr("Open alerts")
                                            : tr("Open alerts (%1)").arg(open.size()));
    m_alerts->clear();
    const QDateTime now = m_clock.now();
    for (const QJsonObject &a : open.mid(0, TopAlerts)) {
        const QString severity = a.value(QLatin1String("severity")).toString();
        const ModuleStatus look = severity == QLatin1String("critical") ? ModuleStatus::Down
            : severity == QLatin1String("warning")                      ? ModuleStatus::Degraded
                                                                        : ModuleStatus::Unknown;
        const QString module = a.value(QLatin1String("module")).toString();
        QString text = StatusStyle::mark(look) + QLatin1Char(' ')
            + Message::translatedField(a, QLatin1String("title"));
        if (!module.isEmpty() && !text.contains(ModuleCatalog::displayName(module)))
            text += QStringLiteral(" · ") + ModuleCatalog::displayName(module);
        text += QStringLiteral(" · ") + relativeTime(timeOf(a, "first_seen"), now);
        auto *item = new QStandardItem(text);
        item->setData(a.value(QLatin1String("id")).toInteger(), IdRole);
        item->setForeground(StatusStyle::text(look));
        item->setToolTip(Message::translatedField(a, QLatin1String("message")));
        m_alerts->appendRow(item);
    }
    m_alertList->setVisible(!open.isEmpty());
    m_noAlerts->setVisible(open.isEmpty());
}

void AttentionPanel::setReview(const QJsonArray &queues)
{
    int open = 0;
    int overdue = 0;
    QDateTime oldest;
    for (const QJsonValue q : queues) {
        open += q[QLatin1String("open")].toInt();
        overdue += q[QLatin1String("overdue")].toInt();
        const QDateTime created = timeOf(q.toObject(), "oldest_created_at");
        if (created.isValid() && (!oldest.isValid() || created < oldest))
            oldest = created;
    }
    if (open == 0) {
        m_review->setText(tr("✓ No tasks waiting."));
        m_reviewWait->clear();
        return;
    }
    m_review->setText(open == 1 ? tr("1 task waiting") : tr("%1 tasks waiting").arg(open));
    const qint64 waited = oldest.isValid() ? oldest.secsTo(m_clock.now()) : -1;
    QString wait = waited < 0 ? QString()
        : waited < 60         ? tr("The oldest came in just now.")
                              : tr("The oldest has waited %1.").arg(elapsedText(waited));
    if (overdue > 0)
        wait += QLatin1Char(' ')
            + (overdue == 1 ? tr("1 is overdue.") : tr("%1 are overdue.").arg(overdue));
    m_reviewWait->setText(wait.trimmed());
    if (overdue > 0)
        Tone::status(m_reviewWait, ModuleStatus::Down);
    else
        Tone::plain(m_reviewWait);
}

void AttentionPanel::setDeadLetters(int count)
{
    m_deadLetters->setText(
        count == 0 ? tr("✓ None: every module call went through.")
            : count == 1
            ? tr("1 module call failed after every retry.")
            : tr("%1 module calls failed after every retry.").arg(QLocale().toString(count)));
}

QString AttentionPanel::reviewText() const
{
    return m_review->text() + QLatin1Char(' ') + m_reviewWait->text();
}

QString AttentionPanel::deadLetterText() const
{
    return m_deadLetters->text();
}

} // namespace Switchboard
