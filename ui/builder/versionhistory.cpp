#include "builder/versionhistory.h"

#include "workflow/workflowdiff.h"

#include <QComboBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

namespace Switchboard {

VersionHistory::VersionHistory(QWidget *parent)
    : QDialog(parent)
    , m_older(new QComboBox(this))
    , m_newer(new QComboBox(this))
    , m_list(new QListWidget(this))
    , m_restore(new QPushButton(tr("Open the older one as the draft"), this))
{
    setWindowTitle(tr("Version history"));
    resize(640, 420);
    m_older->setObjectName(QStringLiteral("olderVersion"));
    m_newer->setObjectName(QStringLiteral("newerVersion"));
    m_list->setObjectName(QStringLiteral("versionChanges"));
    m_restore->setObjectName(QStringLiteral("restoreVersion"));
    m_restore->setToolTip(
        tr("Replaces the canvas with that version; Undo brings the canvas back."));
    auto *row = new QHBoxLayout;
    row->addWidget(new QLabel(tr("From"), this));
    row->addWidget(m_older, 1);
    row->addWidget(new QLabel(tr("to"), this));
    row->addWidget(m_newer, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_list, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    for (QComboBox *box : {m_older, m_newer}) {
        connect(box, &QComboBox::currentIndexChanged, this, [this, box] {
            fetch(box->currentData().toInt());
            refresh();
        });
    }
    connect(m_restore, &QPushButton::clicked, this, [this] {
        const int v = m_older->currentData().toInt();
        if (m_documents.contains(v))
            Q_EMIT restoreRequested(m_documents.value(v), v);
    });
}

void VersionHistory::setWorkflow(const QString &id, const QJsonArray &versions,
                                 const QJsonObject &canvas)
{
    setWindowTitle(tr("Version history of %1").arg(id));
    m_documents = {{0, canvas}};
    m_asked.clear();
    for (QComboBox *box : {m_older, m_newer}) {
        const QSignalBlocker block(box);
        box->clear();
        box->addItem(tr("The draft on the canvas"), 0);
        for (const auto &v : versions) {
            const QJsonObject o = v.toObject();
            const QDateTime at = QDateTime::fromString(
                o.value(QLatin1String("published_at")).toString(), Qt::ISODate);
            box->addItem(tr("Version %1 — %2 (%3)")
                             .arg(o.value(QLatin1String("version")).toInt())
                             .arg(o.value(QLatin1String("note")).toString(),
                                  QLocale().toString(at.toLocalTime(), QLocale::ShortFormat)),
                         o.value(QLatin1String("version")).toInt());
        }
    }
    // By default: the newest version against the canvas.
    if (m_older->count() > 1)
        compare(m_older->itemData(1).toInt(), 0);
    else
        refresh();
}

void VersionHistory::setVersion(int version, const QJsonObject &document)
{
    m_documents.insert(version, document);
    refresh();
}

void VersionHistory::compare(int older, int newer)
{
    m_older->setCurrentIndex(std::max(0, m_older->findData(older)));
    m_newer->setCurrentIndex(std::max(0, m_newer->findData(newer)));
    for (int v : {older, newer})
        fetch(v);
    refresh();
}

void VersionHistory::fetch(int version)
{
    if (version <= 0 || m_documents.contains(version) || m_asked.contains(version))
        return;
    m_asked.insert(version);
    Q_EMIT versionRequested(version);
}

QStringList VersionHistory::changes() const
{
    QStringList out;
    for (int i = 0; i < m_list->count(); ++i)
        out << m_list->item(i)->text();
    return out;
}

void VersionHistory::refresh()
{
    m_list->clear();
    const int older = m_older->currentData().toInt();
    const int newer = m_newer->currentData().toInt();
    m_restore->setEnabled(older > 0 && m_documents.contains(older));
    if (!m_documents.contains(older) || !m_documents.contains(newer)) {
        m_list->addItem(tr("Loading…"));
        return;
    }
    const QList<WorkflowChange> changes =
        WorkflowDiff::between(m_documents.value(older), m_documents.value(newer));
    if (changes.isEmpty())
        m_list->addItem(tr("No differences."));
    for (const WorkflowChange &c : changes) {
        const QString mark = c.kind == WorkflowChange::Kind::Added ? QStringLiteral("+ ")
            : c.kind == WorkflowChange::Kind::Removed              ? QStringLiteral("− ")
                                                                   : QStringLiteral("~ ");
        m_list->addItem(mark + c.text());
    }
}

} // namespace Switchboard
