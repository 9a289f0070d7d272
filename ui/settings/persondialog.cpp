#include "settings/persondialog.h"

#include "common/tone.h"
#include "settings/accesspage.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace Switchboard {

namespace {

QStringList queuesOf(const QString &text)
{
    QStringList out;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        if (!part.trimmed().isEmpty())
            out << part.trimmed();
    }
    out.removeDuplicates();
    return out;
}

} // namespace

PersonDialog::PersonDialog(Mode mode, const QJsonObject &person, QWidget *parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_person(person)
    , m_name(new QLineEdit(person.value(QLatin1String("name")).toString(), this))
    , m_displayName(new QLineEdit(person.value(QLatin1String("display_name")).toString(), this))
    , m_role(new QComboBox(this))
    , m_queues(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_problem(new QLabel(this))
    , m_save(new QPushButton(mode == Mode::Add ? tr("Add") : tr("Save"), this))
{
    const QString who = person.value(QLatin1String("display_name")).toString();
    setWindowTitle(mode == Mode::Add          ? tr("Add a person")
                       : mode == Mode::Change ? tr("Change %1").arg(who)
                                              : tr("New password for %1").arg(who));
    m_name->setObjectName(QStringLiteral("personName"));
    m_name->setMaxLength(60);
    m_name->setPlaceholderText(tr("What they type to log in: \"ana.ruiz\""));
    m_name->setEnabled(mode == Mode::Add); // a log-in name stays what it is
    m_displayName->setObjectName(QStringLiteral("personDisplayName"));
    m_displayName->setMaxLength(80);
    m_displayName->setPlaceholderText(tr("As the console shows it: \"Ana Ruiz\""));
    m_role->setObjectName(QStringLiteral("personRole"));
    for (const char *role : {"viewer", "support", "manager", "admin"})
        m_role->addItem(AccessPage::roleText(QLatin1String(role)), QLatin1String(role));
    const int role = m_role->findData(person.value(QLatin1String("role")).toString());
    m_role->setCurrentIndex(role >= 0 ? role : 1);
    m_queues->setObjectName(QStringLiteral("personQueues"));
    QStringList queues;
    for (const QJsonValue q : person.value(QLatin1String("queues")).toArray())
        queues << q.toString();
    m_queues->setText(queues.join(QStringLiteral(", ")));
    m_queues->setPlaceholderText(tr("All review queues"));
    m_queues->setToolTip(tr("For support staff: the review queues they work, separated by "
                            "commas. Empty: all of them."));
    for (QLineEdit *edit : {m_password, m_repeat}) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(1024);
    }
    m_password->setObjectName(QStringLiteral("personPassword"));
    m_password->setPlaceholderText(tr("%n characters at least", nullptr, MinPasswordLength));
    m_repeat->setObjectName(QStringLiteral("personRepeat"));
    m_problem->setObjectName(QStringLiteral("personProblem"));
    m_problem->setWordWrap(true);
    m_save->setObjectName(QStringLiteral("personSave"));
    m_save->setDefault(true);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    if (mode != Mode::Password) {
        form->addRow(tr("Log-in name:"), m_name);
        form->addRow(tr("Display name:"), m_displayName);
        form->addRow(tr("Role:"), m_role);
        form->addRow(tr("Review queues:"), m_queues);
    }
    if (mode != Mode::Change) {
        form->addRow(tr("Password:"), m_password);
        form->addRow(tr("Repeat it:"), m_repeat);
    }
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_displayName),
                       static_cast<QWidget *>(m_role), static_cast<QWidget *>(m_queues)})
        w->setVisible(mode != Mode::Password);
    for (QLineEdit *w : {m_password, m_repeat})
        w->setVisible(mode != Mode::Change);

    auto *note = new QLabel(mode == Mode::Password
                                ? tr("They are logged out everywhere and log in again with the "
                                     "new password. Give it to them in person.")
                                : tr("Changing the role logs them out everywhere; the new "
                                     "role applies when they log in again."),
                            this);
    note->setWordWrap(true);
    note->setVisible(mode != Mode::Add);
    Tone::muted(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(m_save, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_problem);
    layout->addWidget(buttons);
    setMinimumWidth(440);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *edit : {m_name, m_displayName, m_queues, m_password, m_repeat})
        connect(edit, &QLineEdit::textChanged, this, [this] {
            Tone::muted(m_problem);
            updateButtons();
        });
    connect(m_role, &QComboBox::currentIndexChanged, this, &PersonDialog::updateButtons);
    connect(m_save, &QPushButton::clicked, this, [this] {
        m_waiting = true;
        updateButtons();
        Q_EMIT saveRequested(entered(), m_mode == Mode::Change ? QString() : m_password->text());
    });
    Tone::muted(m_problem);
    updateButtons();
}

qint64 PersonDialog::personId() const
{
    return m_person.value(QLatin1String("id")).toInteger();
}

QJsonObject PersonDialog::entered() const
{
    if (m_mode == Mode::Password)
        return {};
    QJsonObject out {
        {QStringLiteral("display_name"), m_displayName->text().trimmed()},
        {QStringLiteral("role"), m_role->currentData().toString()},
        {QStringLiteral("queues"), QJsonArray::fromStringList(queuesOf(m_queues->text()))}};
    if (m_mode == Mode::Add) {
        out.insert(QStringLiteral("name"), m_name->text().trimmed());
        return out;
    }
    // Only what changed.
    for (const QString &key : out.keys()) {
        if (out.value(key) == m_person.value(key))
            out.remove(key);
    }
    return out;
}

QString PersonDialog::problem() const
{
    static const QRegularExpression name(QStringLiteral("^[a-z0-9][a-z0-9._-]{0,59}$"));
    if (m_mode == Mode::Add && !name.match(m_name->text().trimmed()).hasMatch())
        return m_name->text().trimmed().isEmpty()
            ? tr("Give the name they log in with.")
            : tr("A log-in name is lower-case letters, digits, '.', '_' or '-', with no "
                 "spaces.");
    if (m_mode != Mode::Password && m_displayName->text().trimmed().isEmpty())
        return tr("Give the name the console shows for them.");
    if (m_mode == Mode::Change && entered().isEmpty())
        return tr("Nothing is changed yet.");
    if (m_mode == Mode::Change)
        return {};
    if (m_password->text().size() < MinPasswordLength)
        return tr("The password needs %n characters at least.", nullptr, MinPasswordLength);
    const QString login = m_mode == Mode::Add ? m_name->text().trimmed()
                                              : m_person.value(QLatin1String("name")).toString();
    if (m_password->text().compare(login, Qt::CaseInsensitive) == 0)
        return tr("The password may not be the log-in name.");
    if (m_repeat->text() != m_password->text())
        return tr("The two passwords differ.");
    return {};
}

void PersonDialog::updateButtons()
{
    const QString why = problem();
    if (!m_waiting)
        m_problem->setText(why);
    m_save->setEnabled(!m_waiting && why.isEmpty());
}

void PersonDialog::showSaved()
{
    m_waiting = false;
    accept();
}

void PersonDialog::showRefusal(const QString &message)
{
    m_waiting = false;
    updateButtons();
    m_problem->setText(tr("Not saved: %1").arg(message));
    Tone::status(m_problem, ModuleStatus::Down);
}

QString PersonDialog::problemText() const
{
    return m_problem->text();
}

} // namespace Switchboard
