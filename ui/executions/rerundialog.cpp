#include "executions/rerundialog.h"

#include "common/phimask.h"
#include "common/statusstyle.h"
#include "modules/modulecatalog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace Switchboard {

RerunDialog::RerunDialog(const QJsonObject &execution, const QHash<QString, QString> &names,
                         const QString &fromStep, QWidget *parent)
    : QDialog(parent)
    , m_id(execution.value(QLatin1String("id")).toString())
    , m_step(new QComboBox(this))
    , m_edit(new QCheckBox(tr("Correct the input first"), this))
    , m_input(new QPlainTextEdit(this))
    , m_inputError(new QLabel(this))
    , m_calls(new QTreeWidget(this))
    , m_summary(new QLabel(this))
    , m_check(new QPushButton(tr("Check what will happen"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("rerunDialog"));
    setWindowTitle(tr("Re-run execution %1").arg(m_id));
    m_run = m_buttons->addButton(tr("Re-run"), QDialogButtonBox::AcceptRole);
    m_run->setObjectName(QStringLiteral("rerunConfirm"));
    m_run->setEnabled(false);
    m_check->setObjectName(QStringLiteral("rerunCheck"));

    // The steps it ran, in order: the re-run starts at the one chosen and keeps what came before.
    QList<QJsonObject> steps;
    for (const QJsonValue v : execution.value(QLatin1String("steps")).toArray())
        steps << v.toObject();
    std::stable_sort(steps.begin(), steps.end(), [](const QJsonObject &a, const QJsonObject &b) {
        return a.value(QLatin1String("started_at")).toString()
            < b.value(QLatin1String("started_at")).toString();
    });
    m_step->setObjectName(QStringLiteral("rerunStep"));
    for (const QJsonObject &s : std::as_const(steps)) {
        const QString node = s.value(QLatin1String("node")).toString();
        m_step->addItem(names.value(node, node), node);
    }
    if (const int at = m_step->findData(fromStep); at >= 0)
        m_step->setCurrentIndex(at);

    m_input->setObjectName(QStringLiteral("rerunInput"));
    m_input->setPlainText(QString::fromUtf8(
        QJsonDocument(execution.value(QLatin1String("input")).toObject()).toJson()));
    m_input->setEnabled(false);
    m_input->setAccessibleName(tr("The execution's input, as JSON"));
    m_inputError->setObjectName(QStringLiteral("rerunInputError"));
    m_inputError->setWordWrap(true);
    m_edit->setObjectName(QStringLiteral("rerunEdit"));
    // Masked values cannot be corrected: they would be sent as "•••".
    if (execution.value(QLatin1String("masked")).toBool()) {
        m_edit->setEnabled(false);
        m_edit->setToolTip(tr("Show the patient data first to correct the input"));
        m_inputError->setText(tr("To correct the input, close this and choose Show patient data."));
    }

    m_calls->setObjectName(QStringLiteral("rerunCalls"));
    m_calls->setHeaderLabels({tr("Step"), tr("Call"), tr("What will happen")});
    m_calls->setRootIsDecorated(false);
    m_calls->header()->setStretchLastSection(true);
    m_calls->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("rerunSummary"));
    m_summary->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Start from step:"), m_step);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("A new execution of the same version starts at the chosen step. "
                                "The steps before it keep what they gave the first time."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_edit);
    layout->addWidget(m_input, 2);
    layout->addWidget(m_inputError);
    layout->addWidget(m_check, 0, Qt::AlignLeft);
    layout->addWidget(m_calls, 3);
    layout->addWidget(m_summary);
    layout->addWidget(m_buttons);
    resize(720, 560);

    connect(m_step, &QComboBox::currentIndexChanged, this, &RerunDialog::askPreview);
    connect(m_edit, &QCheckBox::toggled, this, [this](bool on) {
        m_input->setEnabled(on);
        changed();
    });
    connect(m_input, &QPlainTextEdit::textChanged, this, &RerunDialog::changed);
    connect(m_check, &QPushButton::clicked, this, &RerunDialog::askPreview);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, [this] {
        if (!m_current)
            return;
        Q_EMIT rerunRequested(m_id, this->fromStep(), input());
        accept();
    });
    QMetaObject::invokeMethod(this, &RerunDialog::askPreview, Qt::QueuedConnection);
}

QString RerunDialog::fromStep() const
{
    return m_step->currentData().toString();
}

std::optional<QJsonObject> RerunDialog::input(QString *error) const
{
    if (!m_edit->isChecked())
        return std::nullopt;
    QJsonParseError parsed;
    const QByteArray text = m_input->toPlainText().toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(text, &parsed);
    if (parsed.error != QJsonParseError::NoError || !doc.isObject()) {
        if (error) {
            const int line = int(text.left(parsed.offset).count('\n')) + 1;
            *error = parsed.error != QJsonParseError::NoError
                ? tr("The input is not valid JSON (line %1): %2")
                      .arg(line)
                      .arg(parsed.errorString())
                : tr("The input must be a JSON object, in { }.");
        }
        return QJsonObject(); // not sent: askPreview refuses first
    }
    return doc.object();
}

void RerunDialog::changed()
{
    m_current = false;
    m_run->setEnabled(false);
    QString error;
    input(&error);
    m_inputError->setText(error);
    m_summary->setText(tr("Check what will happen before re-running."));
}

void RerunDialog::askPreview()
{
    QString error;
    const auto edited = input(&error);
    m_inputError->setText(error);
    if (!error.isEmpty() || fromStep().isEmpty())
        return;
    m_current = false;
    m_run->setEnabled(false);
    m_summary->setText(tr("Checking…"));
    Q_EMIT previewRequested(m_id, fromStep(), edited);
}

QString RerunDialog::outcomeText(const QString &outcome, const QString &effect)
{
    static const QHash<QString, const char *> effects {
        {QStringLiteral("messages"), QT_TR_NOOP("messages to patients")},
        {QStringLiteral("payments"), QT_TR_NOOP("payments")},
        {QStringLiteral("bookings"), QT_TR_NOOP("bookings")},
        {QStringLiteral("video_visits"), QT_TR_NOOP("video visits")},
    };
    const char *what = effects.value(effect);
    if (outcome == QLatin1String("suppressed"))
        return tr("Not done twice: the module answers from its idempotency key");
    if (outcome == QLatin1String("new"))
        return what ? tr("New call, not made the first time — changes %1").arg(tr(what))
                    : tr("New call, not made the first time");
    if (outcome == QLatin1String("unknown"))
        return tr("Cannot tell yet: it depends on steps before it");
    return what ? tr("Made again — changes %1 again").arg(tr(what)) : tr("Made again");
}

void RerunDialog::showPreview(const QJsonObject &preview)
{
    if (preview.value(QLatin1String("from_step")).toString() != fromStep())
        return; // an answer about a step no longer chosen
    m_calls->clear();
    for (const QJsonValue v : preview.value(QLatin1String("calls")).toArray()) {
        const QJsonObject c = v.toObject();
        const QString outcome = c.value(QLatin1String("outcome")).toString();
        const QString effect = c.value(QLatin1String("outside_world")).toString();
        auto *row =
            new QTreeWidgetItem(m_calls,
                                {c.value(QLatin1String("name")).toString(),
                                 tr("%1: %2").arg(ModuleCatalog::displayName(
                                                      c.value(QLatin1String("module")).toString()),
                                                  c.value(QLatin1String("action")).toString()),
                                 outcomeText(outcome, effect)});
        row->setData(0, Qt::UserRole, c.value(QLatin1String("node")).toString());
        row->setToolTip(2, row->text(2));
        if (outcome != QLatin1String("suppressed") && !effect.isEmpty()) {
            QFont bold = row->font(2);
            bold.setBold(true);
            row->setFont(2, bold);
            row->setForeground(2, StatusStyle::text(ModuleStatus::Down));
        }
    }
    m_calls->resizeColumnToContents(0);
    m_calls->resizeColumnToContents(1);
    const int again = preview.value(QLatin1String("sent_again")).toInt();
    const int outside = preview.value(QLatin1String("outside_world")).toInt();
    const int suppressed = preview.value(QLatin1String("suppressed")).toInt();
    m_summary->setText(
        m_calls->topLevelItemCount() == 0
            ? tr("No module is called from this step on.")
            : tr("%1 %2 %3")
                  .arg(tr("Calls made again: %1.").arg(again),
                       tr("Calls that change something outside (messages, payments, bookings): "
                          "%1.")
                           .arg(outside),
                       tr("Calls kept from acting twice by their idempotency key: %1.")
                           .arg(suppressed)));
    m_current = true;
    m_run->setEnabled(true);
}

void RerunDialog::showFailure(const QString &message)
{
    m_current = false;
    m_run->setEnabled(false);
    m_summary->setText(tr("Cannot re-run from this step: %1").arg(message));
}

} // namespace Switchboard
