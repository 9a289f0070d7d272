#include "builder/deployments.h"

#include <QJsonObject>
#include <QMenu>

namespace Switchboard {

namespace {

const QStringList &environments()
{
    static const QStringList order {QStringLiteral("dev"), QStringLiteral("staging"),
                                    QStringLiteral("production")};
    return order;
}

} // namespace

Deployments::Deployments(QWidget *parent)
    : QLabel(parent)
    , m_menu(new QMenu(this))
{
    setObjectName(QStringLiteral("deployments"));
    connect(m_menu, &QMenu::aboutToShow, this, &Deployments::fillMenu);
    setVersions({});
}

int Deployments::deployed(const QString &environment) const
{
    for (const QJsonValue v : m_versions) {
        if (v[QLatin1String("environments")].toArray().contains(environment))
            return v[QLatin1String("version")].toInt();
    }
    return 0;
}

void Deployments::setVersions(const QJsonArray &versions)
{
    m_versions = versions;
    const QStringList names {tr("dev"), tr("staging"), tr("production")};
    QStringList parts;
    for (int i = 0; i < environments().size(); ++i) {
        const int v = deployed(environments().at(i));
        parts << (v > 0 ? tr("%1: version %2").arg(names.at(i)).arg(v)
                        : tr("%1: —").arg(names.at(i)));
    }
    setText(m_versions.isEmpty() ? tr("Not published yet.")
                                 : tr("Runs in %1").arg(parts.join(QStringLiteral(" · "))));
}

void Deployments::fillMenu()
{
    const QStringList names {tr("dev"), tr("staging"), tr("production")};
    m_menu->clear();
    for (int i = 1; i < environments().size(); ++i) {
        const int from = deployed(environments().at(i - 1));
        QAction *a = m_menu->addAction(
            from > 0 ? tr("Version %1 from %2 to %3").arg(from).arg(names.at(i - 1), names.at(i))
                     : tr("To %1 (nothing runs in %2)").arg(names.at(i), names.at(i - 1)));
        a->setEnabled(from > 0 && deployed(environments().at(i)) != from);
        const QString target = environments().at(i);
        connect(a, &QAction::triggered, this, [this, target] { promote(target); });
    }
}

bool Deployments::promote(const QString &environment)
{
    const qsizetype i = environments().indexOf(environment);
    const int version = i > 0 ? deployed(environments().at(i - 1)) : 0;
    if (version == 0) {
        Q_EMIT message(tr("Nothing to promote to %1: no version runs in the environment before it.")
                           .arg(environment));
        return false;
    }
    Q_EMIT message(tr("Promoting version %1 to %2…").arg(version).arg(environment));
    Q_EMIT promoteRequested(version, environment);
    return true;
}

} // namespace Switchboard
