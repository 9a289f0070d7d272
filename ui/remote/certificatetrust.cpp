#include "remote/certificatetrust.h"

#include "remote/remotelink.h"

#include <QCoreApplication>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSettings>

namespace Switchboard::CertificateTrust {

namespace {

QString keyFor(const RemoteLink &link)
{
    return QStringLiteral("remote/trusted/%1:%2")
        .arg(link.base().host())
        .arg(link.base().port(443));
}

} // namespace

QString spaced(const QString &sha256)
{
    QStringList pairs;
    for (qsizetype i = 0; i + 1 < sha256.size(); i += 2)
        pairs << sha256.mid(i, 2).toUpper();
    return pairs.join(QLatin1Char(':'));
}

void watch(RemoteLink &link, QWidget *parent)
{
    for (const QString &sha256 : QSettings().value(keyFor(link)).toStringList())
        link.trustFingerprint(sha256);
    QObject::connect(
        &link, &RemoteLink::certificateToTrust, parent,
        [&link, parent = QPointer<QWidget>(parent)](const QString &sha256, const QString &subject) {
            // Both the log-in and the live feed may ask; ask the person once.
            static bool asking = false;
            if (asking || link.trustedFingerprints().contains(sha256))
                return;
            asking = true;
            QMessageBox box(
                QMessageBox::Warning,
                QCoreApplication::translate("CertificateTrust", "Check the core's certificate"),
                QCoreApplication::translate(
                    "CertificateTrust",
                    "The core at %1 proves who it is with a certificate this "
                    "computer does not know (\"%2\"). That is normal the "
                    "first time for a clinic's own core.\n\nCompare this "
                    "fingerprint with the one the core shows when it starts. "
                    "Trust it only if they are the same.\n\nSHA-256: %3")
                    .arg(link.base().host(), subject, spaced(sha256)),
                QMessageBox::NoButton, parent);
            QPushButton *trust =
                box.addButton(QCoreApplication::translate("CertificateTrust", "Trust this core"),
                              QMessageBox::AcceptRole);
            box.addButton(QMessageBox::Cancel);
            box.setDefaultButton(QMessageBox::Cancel);
            box.exec();
            asking = false;
            if (box.clickedButton() != trust)
                return;
            link.trustFingerprint(sha256);
            QSettings settings;
            settings.setValue(keyFor(link), link.trustedFingerprints());
        });
}

} // namespace Switchboard::CertificateTrust
