#include "settings/peoplepage.h"

#include "common/listtable.h"
#include "common/relativetime.h"
#include "common/tone.h"
#include "settings/accesspage.h"
#include "settings/persondialog.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

enum Column { NameColumn, RoleColumn, QueuesColumn, LoginColumn, StateColumn, ColumnCount };

} // namespace

PeoplePage::PeoplePage(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_add(new QPushButton(tr("Add a person…"), this))
    , m_change(new QPushButton(tr("Change…"), this))
    , m_disable(new QPushButton(tr("Disable…"), this))
    , m_password(new QPushButton(tr("New password…"), this))
    , m_status(new QLabel(this))
    , m_empty(new QLabel(tr("Nobody logs in to this core yet. Add the clinic's staff who work "
                            "from other desks, each with the role their work needs."),
                         this))
{
    auto *intro = new QLabel(tr("The people who log in to this clinic's core from another desk "
                                "or through the API, each with a role. Their name is shown on "
                                "what they claim, decide and acknowledge."),
                             this);
    intro->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("peopleEmpty"));
    m_empty->setWordWrap(true);
    m_empty->hide(); // until the list has come
    Tone::muted(m_empty);

    m_table->setObjectName(QStringLiteral("people"));
    m_table->setAccessibleName(tr("People"));
    prepareListTable(m_table,
                     {tr("Name"), tr("Role"), tr("Review queues"), tr("Last log-in"), tr("State")},
                     160);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &PeoplePage::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this,
            [this] { openDialog(int(PersonDialog::Mode::Change)); });

    m_add->setObjectName(QStringLiteral("addPerson"));
    m_change->setObjectName(QStringLiteral("changePerson"));
    m_disable->setObjectName(QStringLiteral("disablePerson"));
    m_password->setObjectName(QStringLiteral("resetPassword"));
    m_password->setToolTip(tr("Set a new password; they are logged out everywhere"));
    connect(m_add, &QPushButton::clicked, this,
            [this] { openDialog(int(PersonDialog::Mode::Add)); });
    connect(m_change, &QPushButton::clicked, this,
            [this] { openDialog(int(PersonDialog::Mode::Change)); });
    connect(m_password, &QPushButton::clicked, this,
            [this] { openDialog(int(PersonDialog::Mode::Password)); });
    connect(m_disable, &QPushButton::clicked, this, &PeoplePage::toggleDisabled);

    m_status->setObjectName(QStringLiteral("peopleStatus"));
    m_status->setWordWrap(true);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_change);
    buttons->addWidget(m_password);
    buttons->addWidget(m_disable);
    buttons->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_empty);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    updateButtons();
}

void PeoplePage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    Q_EMIT usersWanted();
}

void PeoplePage::setUsers(const QJsonArray &users)
{
    const qint64 keep = selected().value(QLatin1String("id")).toInteger(-1);
    m_users = users;
    m_empty->setVisible(users.isEmpty());
    m_table->setRowCount(int(users.size()));
    for (int row = 0; row < users.size(); ++row) {
        const QJsonObject u = users.at(row).toObject();
        const bool disabled = u.value(QLatin1String("disabled")).toBool();
        const QString role = u.value(QLatin1String("role")).toString();
        QStringList queues;
        for (const QJsonValue q : u.value(QLatin1String("queues")).toArray())
            queues << q.toString();
        const QString login = u.value(QLatin1String("last_login_at")).isNull()
            ? tr("never")
            : localTimeText(u.value(QLatin1String("last_login_at")));
        const int sessions = u.value(QLatin1String("sessions")).toInt();
        const QString state = disabled ? tr("Disabled")
            : sessions > 0             ? tr("Logged in")
                                       : tr("May log in");
        const QStringList cells {
            tr("%1 (%2)").arg(u.value(QLatin1String("display_name")).toString(),
                              u.value(QLatin1String("name")).toString()),
            AccessPage::roleText(role).section(QLatin1Char(':'), 0, 0),
            queues.isEmpty() || role != QLatin1String("support")
                ? tr("All")
                : queues.join(QStringLiteral(", ")),
            login, state};
        for (int c = 0; c < ColumnCount; ++c) {
            auto *item = new QTableWidgetItem(cells.at(c));
            if (c == RoleColumn)
                item->setToolTip(AccessPage::roleText(role));
            if (c == StateColumn && sessions > 0)
                item->setToolTip(tr("Sessions open now: %1").arg(sessions));
            if (disabled)
                item->setForeground(palette().color(QPalette::PlaceholderText));
            m_table->setItem(row, c, item);
        }
        if (u.value(QLatin1String("id")).toInteger() == keep)
            m_table->selectRow(row);
    }
    updateButtons();
}

QJsonObject PeoplePage::selected() const
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_users.size() || m_table->selectedItems().isEmpty())
        return {};
    return m_users.at(row).toObject();
}

void PeoplePage::openDialog(int mode)
{
    const auto which = PersonDialog::Mode(mode);
    const QJsonObject person = which == PersonDialog::Mode::Add ? QJsonObject() : selected();
    if (which != PersonDialog::Mode::Add && person.isEmpty())
        return;
    if (m_dialog)
        m_dialog->close();
    m_status->clear();
    m_dialog = new PersonDialog(which, person, this);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &PersonDialog::saveRequested, this,
            [this, which, id = person.value(QLatin1String("id")).toInteger()](
                const QJsonObject &entered, const QString &password) {
                if (which == PersonDialog::Mode::Add)
                    Q_EMIT addRequested(entered, password);
                else if (which == PersonDialog::Mode::Change)
                    Q_EMIT changeRequested(id, entered);
                else
                    Q_EMIT passwordResetRequested(id, password);
            });
    m_dialog->open();
}

void PeoplePage::toggleDisabled()
{
    const QJsonObject person = selected();
    if (person.isEmpty())
        return;
    const bool disabling = !person.value(QLatin1String("disabled")).toBool();
    const QString name = person.value(QLatin1String("display_name")).toString();
    if (disabling && m_confirm
        && QMessageBox::question(this, tr("Disable %1?").arg(name),
                                 tr("%1 is logged out everywhere and cannot log in until "
                                    "enabled again. What they claimed stays claimed.")
                                     .arg(name),
                                 QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            != QMessageBox::Yes)
        return;
    m_status->clear();
    Q_EMIT changeRequested(person.value(QLatin1String("id")).toInteger(),
                           {{QStringLiteral("disabled"), disabling}});
}

void PeoplePage::showSaved(const QJsonObject &user)
{
    if (m_dialog)
        m_dialog->showSaved();
    Tone::plain(m_status);
    m_status->setText(tr("Saved: %1.").arg(user.value(QLatin1String("display_name")).toString()));
}

void PeoplePage::showRefusal(const QString &message)
{
    if (m_dialog && m_dialog->isVisible())
        return m_dialog->showRefusal(message);
    Tone::status(m_status, ModuleStatus::Down);
    m_status->setText(tr("Not done: %1").arg(message));
}

PersonDialog *PeoplePage::dialog() const
{
    return m_dialog;
}

QString PeoplePage::statusText() const
{
    return m_status->text();
}

void PeoplePage::updateButtons()
{
    const QJsonObject person = selected();
    m_change->setEnabled(!person.isEmpty());
    m_password->setEnabled(!person.isEmpty());
    m_disable->setEnabled(!person.isEmpty());
    m_disable->setText(person.value(QLatin1String("disabled")).toBool() ? tr("Enable")
                                                                        : tr("Disable…"));
}

} // namespace Switchboard
