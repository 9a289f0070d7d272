#pragma once

#include <QString>

class QWidget;

namespace Switchboard {

class RemoteLink;

// Trust on first use for a core whose certificate the system does not know (a clinic's own,
// self-signed): the fingerprints trusted for its host are given to the link, and a new one is
// shown to the person to compare with the core's (switchboard-core logs it when it starts)
// and remembered once trusted.
namespace CertificateTrust {

void watch(RemoteLink &link, QWidget *parent);

// "AB:CD:…", as openssl and the core print it.
QString spaced(const QString &sha256);

} // namespace CertificateTrust

} // namespace Switchboard
