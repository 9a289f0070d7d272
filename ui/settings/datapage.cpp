#include "settings/datapage.h"

#include "settings/settingsform.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

namespace Switchboard {

DataPage::DataPage(QWidget *parent)
    : QWidget(parent)
    , m_retention(new SettingsForm(
          {QStringLiteral("RETENTION_DAYS_EXECUTIONS"), QStringLiteral("RETENTION_DAYS_SAMPLES"),
           QStringLiteral("RETENTION_DAYS_ALERTS"), QStringLiteral("RETENTION_DAYS_DELIVERIES")},
          this))
    , m_folder(new QLabel(this))
    , m_backups(new QListWidget(this))
    , m_backupNow(new QPushButton(tr("Back up now"), this))
    , m_restore(new QPushButton(tr("Restore…"), this))
    , m_status(new QLabel(this))
{
    auto *keep = new QGroupBox(tr("How long things are kept"), this);
    auto *keepLayout = new QVBoxLayout(keep);
    keepLayout->addWidget(m_retention);

    auto *store = new QGroupBox(tr("Database and backups"), this);
    auto *storeLayout = new QVBoxLayout(store);
    m_folder->setObjectName(QStringLiteral("dataFolder"));
    m_folder->setWordWrap(true);
    m_folder->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_backups->setObjectName(QStringLiteral("backups"));
    m_backups->setAccessibleName(tr("Backups"));
    m_backups->setMinimumHeight(90);
    m_backupNow->setObjectName(QStringLiteral("backupNow"));
    m_restore->setObjectName(QStringLiteral("restoreBackup"));
    m_restore->setEnabled(false);
    m_status->setObjectName(QStringLiteral("dataStatus"));
    m_status->setWordWrap(true);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_backupNow);
    buttons->addWidget(m_restore);
    buttons->addStretch(1);
    storeLayout->addWidget(m_folder);
    auto *daily = new QLabel(
        tr("A backup is made every day; the newest three are kept, with those made here."), this);
    daily->setWordWrap(true);
    storeLayout->addWidget(daily);
    storeLayout->addWidget(m_backups);
    storeLayout->addLayout(buttons);
    storeLayout->addWidget(m_status);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(keep);
    layout->addWidget(store);
    layout->addStretch(1);

    connect(m_backups, &QListWidget::currentRowChanged, this,
            [this](int row) { m_restore->setEnabled(row >= 0); });
    connect(m_backupNow, &QPushButton::clicked, this, [this] {
        m_status->setText(tr("Backing up…"));
        Q_EMIT backupRequested();
    });
    connect(m_restore, &QPushButton::clicked, this, [this] {
        QListWidgetItem *item = m_backups->currentItem();
        if (!item)
            return;
        const auto answer = QMessageBox::question(
            this, tr("Restore this backup?"),
            tr("When Switchboard next starts, the database goes back to the backup of %1. What "
               "happened since is set aside in a backup of its own, not deleted.")
                .arg(item->text()),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer == QMessageBox::Yes)
            Q_EMIT restoreRequested(item->data(Qt::UserRole).toString());
    });
}

void DataPage::setData(const QJsonObject &data)
{
    const QString folder = data.value(QLatin1String("folder")).toString();
    m_folder->setText(
        folder.isEmpty()
            ? tr("This core keeps its data in memory: nothing is kept after it "
                 "stops, and there are no backups.")
            : tr("Database: %1")
                  .arg(QDir::toNativeSeparators(data.value(QLatin1String("database")).toString())));
    m_backupNow->setEnabled(!folder.isEmpty());
    for (QWidget *w : {static_cast<QWidget *>(m_backups), static_cast<QWidget *>(m_backupNow),
                       static_cast<QWidget *>(m_restore)})
        w->setVisible(!folder.isEmpty());
    const QString selected = m_backups->currentItem()
        ? m_backups->currentItem()->data(Qt::UserRole).toString()
        : QString();
    m_backups->clear();
    for (const QJsonValue v : data.value(QLatin1String("backups")).toArray()) {
        const QJsonObject b = v.toObject();
        const QString path = b.value(QLatin1String("path")).toString();
        const QDateTime at =
            QDateTime::fromString(b.value(QLatin1String("at")).toString(), Qt::ISODate)
                .toLocalTime();
        const QString kind = path.contains(QLatin1String("before-restore"))
            ? tr("set aside at a restore")
            : path.contains(QLatin1String("/manual/")) ? tr("made by hand")
                                                       : tr("daily");
        auto *item = new QListWidgetItem(
            tr("%1 · %2 · %3")
                .arg(QLocale().toString(at, QLocale::ShortFormat), kind,
                     QLocale().formattedDataSize(b.value(QLatin1String("bytes")).toInteger())),
            m_backups);
        item->setData(Qt::UserRole, path);
        item->setToolTip(QDir::toNativeSeparators(path));
        if (path == selected)
            m_backups->setCurrentItem(item);
    }
    if (const QString pending = data.value(QLatin1String("restore_at_next_start")).toString();
        !pending.isEmpty())
        m_status->setText(
            tr("%1 is put back when Switchboard next starts.").arg(QFileInfo(pending).fileName()));
}

void DataPage::showBackupMade(const QString &path)
{
    m_status->setText(tr("Backed up to %1.").arg(QDir::toNativeSeparators(path)));
}

void DataPage::showRestoreScheduled(const QString &path)
{
    m_status->setText(
        tr("%1 is put back when Switchboard next starts.").arg(QFileInfo(path).fileName()));
}

void DataPage::showRefusal(const QString &message)
{
    m_status->setText(tr("Not done: %1").arg(message));
}

QString DataPage::statusText() const
{
    return m_status->text();
}

} // namespace Switchboard
