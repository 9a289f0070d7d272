#include "executions/deadletterview.h"

#include "common/jsontree.h"
#include "executions/deadlettermodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace Switchboard {

DeadLetterView::DeadLetterView(const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_model(new DeadLetterModel(clock, this))
    , m_status(new QComboBox(this))
    , m_reveal(new QCheckBox(tr("Show patient data"), this))
    , m_table(new QTableView(this))
    , m_empty(new QLabel(this))
    , m_payload(new JsonTree(this))
    , m_message(new QLabel(this))
    , m_replay(new QPushButton(tr("Send again"), this))
    , m_edit(new QPushButton(tr("Correct and send…"), this))
    , m_discard(new QPushButton(tr("Set aside…"), this))
    , m_replayAll(new QPushButton(tr("Send all waiting…"), this))
    , m_open(new QPushButton(tr("Open execution"), this))
{
    setObjectName(QStringLiteral("deadLetters"));
    for (const auto &[label, wire] : {std::pair {tr("Waiting"), QStringLiteral("pending")},
                                      std::pair {tr("Sent again"), QStringLiteral("replayed")},
                                      std::pair {tr("Set aside"), QStringLiteral("discarded")},
                                      std::pair {tr("All"), QString()}})
        m_status->addItem(label, wire);
    m_status->setObjectName(QStringLiteral("deadLetterStatus"));
    m_status->setProperty("remember", true);
    m_status->setAccessibleName(tr("Show dead letters that are"));
    m_reveal->setObjectName(QStringLiteral("deadLetterReveal"));
    m_reveal->setToolTip(tr("Who looked is recorded in the audit log"));

    m_table->setObjectName(QStringLiteral("deadLetterTable"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    for (int c : {DeadLetterModel::ModuleColumn, DeadLetterModel::ActionColumn,
                  DeadLetterModel::AttemptsColumn, DeadLetterModel::AgeColumn,
                  DeadLetterModel::StatusColumn})
        m_table->horizontalHeader()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(DeadLetterModel::ErrorColumn,
                                                      QHeaderView::Stretch);
    m_empty->setObjectName(QStringLiteral("deadLetterEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_payload->setObjectName(QStringLiteral("deadLetterPayload"));
    m_message->setObjectName(QStringLiteral("deadLetterMessage"));
    m_message->setWordWrap(true);
    m_replay->setObjectName(QStringLiteral("replayLetters"));
    m_edit->setObjectName(QStringLiteral("editLetter"));
    m_discard->setObjectName(QStringLiteral("discardLetter"));
    m_replayAll->setObjectName(QStringLiteral("replayAll"));
    m_open->setObjectName(QStringLiteral("openLetterExecution"));
    m_replay->setToolTip(tr("Send the selected calls again as they were (each only once)"));
    m_replayAll->setToolTip(tr("After an outage: send every waiting call again"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_status);
    top->addWidget(m_reveal);
    top->addStretch(1);
    top->addWidget(m_replayAll);
    auto *buttons = new QHBoxLayout;
    for (QPushButton *b : {m_replay, m_edit, m_discard, m_open})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto *listPane = new QWidget(this);
    auto *listLayout = new QVBoxLayout(listPane);
    listLayout->setContentsMargins(0, 0, 0, 0);
    listLayout->addWidget(m_table, 1);
    listLayout->addWidget(m_empty, 1);
    auto *detailPane = new QWidget(this);
    auto *detailLayout = new QVBoxLayout(detailPane);
    detailLayout->setContentsMargins(0, 0, 0, 0);
    detailLayout->addLayout(buttons);
    detailLayout->addWidget(m_message);
    detailLayout->addWidget(m_payload, 1);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setObjectName(QStringLiteral("deadLetterSplit"));
    split->addWidget(listPane);
    split->addWidget(detailPane);
    split->setChildrenCollapsible(false);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({360, 240});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(split, 1);

    connect(m_status, &QComboBox::currentIndexChanged, this, &DeadLetterView::refresh);
    connect(m_reveal, &QCheckBox::toggled, this, &DeadLetterView::refresh);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &DeadLetterView::onSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &DeadLetterView::onSelection);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT executionOpened(index.data(DeadLetterModel::ExecutionIdRole).toString());
    });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QModelIndex current = m_table->currentIndex();
        if (current.isValid())
            Q_EMIT executionOpened(current.data(DeadLetterModel::ExecutionIdRole).toString());
    });
    connect(m_replay, &QPushButton::clicked, this, &DeadLetterView::replaySelected);
    connect(m_replayAll, &QPushButton::clicked, this, &DeadLetterView::replayAll);
    connect(m_edit, &QPushButton::clicked, this, &DeadLetterView::editAndReplay);
    connect(m_discard, &QPushButton::clicked, this, &DeadLetterView::discard);
    setLetters(QStringLiteral("pending"), {});
}

void DeadLetterView::setMayReadPhi(bool may)
{
    m_reveal->setVisible(may);
    if (!may)
        m_reveal->setChecked(false);
}

void DeadLetterView::refresh()
{
    Q_EMIT lettersRequested(m_status->currentData().toString(), m_reveal->isChecked());
}

void DeadLetterView::setLetters(const QString &status, const QJsonArray &letters)
{
    if (status != m_status->currentData().toString())
        return; // an answer for a filter no longer chosen
    const QStringList keep = selectedIds();
    m_model->setLetters(letters);
    // The selection follows the letters, not the rows.
    for (const QString &id : keep) {
        const int row = m_model->rowOf(id);
        if (row >= 0)
            m_table->selectionModel()->select(
                m_model->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
    }
    const bool empty = letters.isEmpty();
    m_table->setVisible(!empty);
    m_empty->setVisible(empty);
    m_empty->setText(status == QLatin1String("pending")
                         ? tr("No module call is waiting here: every call that failed after its "
                              "retries has been sent again or set aside.")
                         : tr("No dead letters match this filter."));
    m_replayAll->setEnabled(!m_model->pendingIds().isEmpty());
}

QStringList DeadLetterView::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
        ids << row.data(DeadLetterModel::LetterIdRole).toString();
    return ids;
}

void DeadLetterView::onSelection()
{
    const QStringList ids = selectedIds();
    bool allPending = !ids.isEmpty();
    for (const QString &id : ids) {
        const int row = m_model->rowOf(id);
        allPending = allPending && row >= 0
            && m_model->letterAt(row).value(QLatin1String("status")).toString()
                == QLatin1String("pending")
            && !m_busy.contains(id);
    }
    m_replay->setEnabled(allPending);
    m_edit->setEnabled(allPending && ids.size() == 1);
    m_discard->setEnabled(allPending && ids.size() == 1);
    m_open->setEnabled(ids.size() == 1);
    const int row = ids.size() == 1 ? m_model->rowOf(ids.first()) : -1;
    const QJsonObject letter = row >= 0 ? m_model->letterAt(row) : QJsonObject();
    QJsonObject shown;
    if (!letter.isEmpty()) {
        shown.insert(tr("payload"), letter.value(QLatin1String("payload")));
        if (!letter.value(QLatin1String("result")).toObject().isEmpty())
            shown.insert(tr("answer"), letter.value(QLatin1String("result")));
        if (!letter.value(QLatin1String("reason")).toString().isEmpty())
            shown.insert(tr("why it was set aside"), letter.value(QLatin1String("reason")));
        shown.insert(tr("idempotency key"), letter.value(QLatin1String("idempotency_key")));
    }
    m_payload->setValue(letter.isEmpty() ? QJsonValue(QJsonValue::Undefined) : QJsonValue(shown));
}

void DeadLetterView::replaySelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    m_busy << ids;
    onSelection(); // a second click finds the buttons off
    m_message->setText((ids.size() == 1 ? tr("Sending 1 call again…")
                                        : tr("Sending %1 calls again…").arg(ids.size())));
    Q_EMIT replayRequested(ids);
}

void DeadLetterView::replayAll()
{
    const QStringList ids = m_model->pendingIds();
    if (ids.isEmpty())
        return;
    const auto answer = QMessageBox::question(
        this, tr("Send all waiting calls"),
        tr("Send all %1 waiting calls again now? Do this once the modules they go to are "
           "working again.")
            .arg(ids.size()),
        QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
    if (answer != QMessageBox::Yes)
        return;
    m_busy << ids;
    onSelection();
    m_message->setText((ids.size() == 1 ? tr("Sending 1 call again…")
                                        : tr("Sending %1 calls again…").arg(ids.size())));
    Q_EMIT replayRequested(ids);
}

void DeadLetterView::editAndReplay()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    const QJsonObject letter = m_model->letterAt(m_model->rowOf(ids.first()));
    if (letter.value(QLatin1String("masked")).toBool()) {
        m_message->setText(tr("Show patient data first: a hidden value cannot be corrected."));
        return;
    }
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("editLetterDialog"));
    dialog.setWindowTitle(tr("Correct and send"));
    auto *text = new QPlainTextEdit(&dialog);
    text->setObjectName(QStringLiteral("letterPayload"));
    text->setPlainText(QString::fromUtf8(
        QJsonDocument(letter.value(QLatin1String("payload")).toObject()).toJson()));
    auto *error = new QLabel(&dialog);
    error->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *send = buttons->addButton(tr("Send"), QDialogButtonBox::AcceptRole);
    auto *intro = new QLabel(tr("The corrected call goes out under a key of its own: the module "
                                "treats it as a new request."),
                             &dialog);
    intro->setWordWrap(true);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(intro);
    layout->addWidget(text, 1);
    layout->addWidget(error);
    layout->addWidget(buttons);
    dialog.resize(560, 420);
    QJsonObject payload;
    const auto check = [&] {
        QJsonParseError parsed;
        const QJsonDocument doc = QJsonDocument::fromJson(text->toPlainText().toUtf8(), &parsed);
        const bool ok = parsed.error == QJsonParseError::NoError && doc.isObject();
        error->setText(ok ? QString() : tr("Not a JSON object yet: %1").arg(parsed.errorString()));
        send->setEnabled(ok);
        payload = doc.object();
    };
    connect(text, &QPlainTextEdit::textChanged, &dialog, check);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    connect(send, &QPushButton::clicked, &dialog, &QDialog::accept);
    check();
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_busy << ids.first();
    onSelection();
    m_message->setText(tr("Sending the corrected call…"));
    Q_EMIT editedReplayRequested(ids.first(), payload);
}

void DeadLetterView::discard()
{
    const QStringList ids = selectedIds();
    if (ids.size() != 1)
        return;
    bool ok = false;
    const QString reason = QInputDialog::getText(
        this, tr("Set aside"),
        tr("Why is this call set aside for good? (For example: \"charged at the front desk\".)"),
        QLineEdit::Normal, QString(), &ok);
    if (!ok)
        return;
    if (reason.trimmed().isEmpty()) {
        m_message->setText(tr("A call is set aside only with a reason."));
        return;
    }
    m_busy << ids.first();
    onSelection();
    Q_EMIT discardRequested(ids.first(), reason.trimmed());
}

void DeadLetterView::showResults(const QString &action, const QJsonArray &results)
{
    int ok = 0;
    QStringList failures;
    for (const QJsonValue v : results) {
        const QJsonObject r = v.toObject();
        m_busy.removeAll(r.value(QLatin1String("id")).toString());
        if (r.value(QLatin1String("status")).toString() == QLatin1String("failed"))
            failures << r.value(QLatin1String("error")).toString();
        else
            ++ok;
    }
    QString text = action == QLatin1String("discard")
        ? (ok == 1 ? tr("1 call set aside.") : tr("%1 calls set aside.").arg(ok))
        : (ok == 1 ? tr("1 call sent again.") : tr("%1 calls sent again.").arg(ok));
    if (!failures.isEmpty())
        text += QLatin1Char(' ')
            + tr("%1 could not be handled: %2").arg(failures.size()).arg(failures.first());
    m_message->setText(text);
    onSelection();
}

} // namespace Switchboard
