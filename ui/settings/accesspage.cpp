#include "settings/accesspage.h"

#include "common/listtable.h"
#include "common/relativetime.h"
#include "common/tone.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

enum Column { NameColumn, RoleColumn, IssuedColumn, UsedColumn, StateColumn, ColumnCount };

} // namespace

QString AccessPage::roleText(const QString &role)
{
    if (role == QLatin1String("viewer"))
        return tr("Viewer: reads everything but patient data");
    if (role == QLatin1String("support"))
        return tr("Support: works the review queues");
    if (role == QLatin1String("manager"))
        return tr("Manager: also alerts, workflows and reports");
    if (role == QLatin1String("admin"))
        return tr("Admin: everything, settings and access included");
    return role;
}

AccessPage::AccessPage(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_name(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_issue(new QPushButton(tr("Issue token"), this))
    , m_revoke(new QPushButton(tr("Revoke…"), this))
    , m_issuedBox(new QWidget(this))
    , m_token(new QLineEdit(this))
    , m_status(new QLabel(this))
{
    auto *intro = new QLabel(
        tr("Services that use the core's API (a script, a wall screen, another system), each "
           "with a token and a role; people log in with their own name (Settings › People). "
           "Tokens set in the configuration (SWITCHBOARD_TOKENS and the admin token) are not "
           "listed here."),
        this);
    intro->setWordWrap(true);

    m_table->setObjectName(QStringLiteral("accessTokens"));
    m_table->setAccessibleName(tr("Tokens"));
    prepareListTable(m_table, {tr("Name"), tr("Role"), tr("Issued"), tr("Last used"), tr("State")},
                     140);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &AccessPage::updateButtons);

    m_revoke->setObjectName(QStringLiteral("revokeToken"));
    m_revoke->setToolTip(tr("The token is refused from its next request on"));
    connect(m_revoke, &QPushButton::clicked, this, &AccessPage::revokeSelected);

    auto *issue = new QGroupBox(tr("A new token"), this);
    auto *form = new QFormLayout(issue);
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_name->setObjectName(QStringLiteral("tokenName"));
    m_name->setPlaceholderText(tr("Who or what holds it: \"Reception desk\""));
    m_name->setMaxLength(60);
    m_role->setObjectName(QStringLiteral("tokenRole"));
    for (const char *role : {"viewer", "support", "manager", "admin"})
        m_role->addItem(roleText(QLatin1String(role)), QLatin1String(role));
    m_role->setCurrentIndex(1);
    m_issue->setObjectName(QStringLiteral("issueToken"));
    connect(m_name, &QLineEdit::textChanged, this, &AccessPage::updateButtons);
    connect(m_name, &QLineEdit::returnPressed, m_issue, &QPushButton::click);
    connect(m_issue, &QPushButton::clicked, this, [this] {
        m_status->clear();
        Q_EMIT issueRequested(m_name->text().trimmed(), m_role->currentData().toString());
    });
    form->addRow(tr("Name:"), m_name);
    form->addRow(tr("Role:"), m_role);
    form->addRow(QString(), m_issue);

    m_token->setObjectName(QStringLiteral("issuedToken"));
    m_token->setReadOnly(true);
    auto *copy = new QPushButton(tr("Copy"), m_issuedBox);
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_token->text());
        m_status->setText(tr("Copied."));
    });
    auto *once = new QLabel(tr("Copy the token now and give it to its holder: it is not shown "
                               "again. Lost, it is revoked and a new one issued."),
                            m_issuedBox);
    once->setWordWrap(true);
    Tone::status(once, ModuleStatus::Degraded);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_token, 1);
    tokenRow->addWidget(copy);
    auto *issuedLayout = new QVBoxLayout(m_issuedBox);
    issuedLayout->setContentsMargins(0, 0, 0, 0);
    issuedLayout->addLayout(tokenRow);
    issuedLayout->addWidget(once);
    m_issuedBox->hide();
    form->addRow(m_issuedBox);

    m_status->setObjectName(QStringLiteral("accessStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_revoke);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(issue);
    layout->addWidget(m_status);
    updateButtons();
}

void AccessPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    Q_EMIT tokensWanted();
}

void AccessPage::setTokens(const QJsonArray &tokens)
{
    const qint64 selected = m_table->currentRow() >= 0 && m_table->currentRow() < m_tokens.size()
        ? m_tokens.at(m_table->currentRow())[QLatin1String("id")].toInteger()
        : -1;
    m_tokens = tokens;
    m_table->setRowCount(int(tokens.size()));
    for (int row = 0; row < tokens.size(); ++row) {
        const QJsonObject t = tokens.at(row).toObject();
        const bool revoked = !t.value(QLatin1String("revoked_at")).isNull();
        const QString role = t.value(QLatin1String("role")).toString();
        const QString issued = tr("%1 by %2")
                                   .arg(localTimeText(t.value(QLatin1String("created_at"))),
                                        t.value(QLatin1String("created_by")).toString());
        const QString used = t.value(QLatin1String("last_used_at")).isNull()
            ? tr("never")
            : localTimeText(t.value(QLatin1String("last_used_at")));
        const QString state = revoked
            ? tr("Revoked %1 by %2")
                  .arg(localTimeText(t.value(QLatin1String("revoked_at"))),
                       t.value(QLatin1String("revoked_by")).toString())
            : tr("In use");
        const QStringList cells {t.value(QLatin1String("name")).toString(),
                                 roleText(role).section(QLatin1Char(':'), 0, 0), issued, used,
                                 state};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == RoleColumn)
                item->setToolTip(roleText(role));
            if (revoked)
                item->setForeground(palette().color(QPalette::PlaceholderText));
            m_table->setItem(row, c, item);
        }
        if (t.value(QLatin1String("id")).toInteger() == selected)
            m_table->selectRow(row);
    }
    updateButtons();
}

void AccessPage::showIssued(const QJsonObject &token)
{
    m_token->setText(token.value(QLatin1String("token")).toString());
    m_token->setCursorPosition(0);
    m_issuedBox->show();
    m_name->clear();
    Tone::plain(m_status);
    m_status->setText(tr("Token issued for \"%1\" (%2).")
                          .arg(token.value(QLatin1String("name")).toString(),
                               roleText(token.value(QLatin1String("role")).toString())));
}

void AccessPage::showRefusal(const QString &message)
{
    Tone::status(m_status, ModuleStatus::Down);
    m_status->setText(tr("Not done: %1").arg(message));
}

QString AccessPage::statusText() const
{
    return m_status->text();
}

void AccessPage::revokeSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_tokens.size())
        return;
    const QJsonObject t = m_tokens.at(row).toObject();
    const QString name = t.value(QLatin1String("name")).toString();
    if (m_confirm
        && QMessageBox::question(
               this, tr("Revoke the token?"),
               tr("\"%1\" can no longer use the API from its next request on. This cannot be "
                  "undone: a new token would have to be issued.")
                   .arg(name),
               QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Yes)
        return;
    m_status->clear();
    Q_EMIT revokeRequested(t.value(QLatin1String("id")).toInteger());
}

void AccessPage::updateButtons()
{
    const int row = m_table->currentRow();
    const bool inUse = row >= 0 && row < m_tokens.size()
        && m_tokens.at(row)[QLatin1String("revoked_at")].isNull()
        && !m_table->selectedItems().isEmpty();
    m_revoke->setEnabled(inUse);
    m_issue->setEnabled(!m_name->text().trimmed().isEmpty());
}

} // namespace Switchboard
