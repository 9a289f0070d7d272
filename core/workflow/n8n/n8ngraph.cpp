#include "workflow/n8n/n8ngraph.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace Switchboard {

QString N8nGraph::slug(const QString &text, QChar separator)
{
    QString id = text.toLower();
    id.replace(QRegularExpression(QStringLiteral("[^a-z0-9]+")), QString(separator));
    id = id.left(63);
    while (id.startsWith(separator))
        id.remove(0, 1);
    while (id.endsWith(separator))
        id.chop(1);
    return id;
}

QString N8nGraph::freshId(const QString &text)
{
    QString base = slug(text, QLatin1Char('_'));
    if (base.isEmpty() || !base.at(0).isLetter())
        base.prepend(QStringLiteral("step_"));
    base = base.left(58);
    QString id = base;
    for (int n = 2; m_taken.contains(id); ++n)
        id = QStringLiteral("%1_%2").arg(base).arg(n);
    m_taken.insert(id);
    return id;
}

N8nGraph N8nGraph::fromJson(const QJsonObject &n8n)
{
    N8nGraph g;
    // The trigger step is "start" and the shared end "end"; no node takes those.
    g.m_taken = {QStringLiteral("start"), QStringLiteral("end"), QStringLiteral("end_failed")};
    for (const auto &v : n8n.value(QLatin1String("nodes")).toArray()) {
        N8nNode node = N8nNode::fromJson(v.toObject());
        if (node.kind() == QLatin1String("stickyNote") || g.m_index.contains(node.name))
            continue;
        g.m_index.insert(node.name, int(g.m_nodes.size()));
        g.m_ids.insert(node.name, g.freshId(node.name));
        g.m_nodes.append(node);
    }
    const QJsonObject connections = n8n.value(QLatin1String("connections")).toObject();
    for (auto it = connections.begin(); it != connections.end(); ++it) {
        if (!g.m_index.contains(it.key()))
            continue;
        const QJsonArray main = it.value().toObject().value(QLatin1String("main")).toArray();
        QList<QList<Link>> outs;
        for (int output = 0; output < main.size(); ++output) {
            QList<Link> targets;
            for (const auto &t : main.at(output).toArray()) {
                const QJsonObject o = t.toObject();
                const QString to = o.value(QLatin1String("node")).toString();
                if (!g.m_index.contains(to))
                    continue;
                const int input = o.value(QLatin1String("index")).toInt(0);
                targets.append({to, output, input});
                g.m_in[to].append({it.key(), output, input});
            }
            outs.append(targets);
        }
        g.m_out.insert(it.key(), outs);
    }
    return g;
}

const N8nNode *N8nGraph::node(const QString &name) const
{
    const auto it = m_index.constFind(name);
    return it == m_index.cend() ? nullptr : &m_nodes.at(*it);
}

bool N8nGraph::hasSuccessors(const QString &name) const
{
    for (const auto &targets : m_out.value(name)) {
        if (!targets.isEmpty())
            return true;
    }
    return false;
}

QSet<QString> N8nGraph::reachableFrom(const QString &name) const
{
    QSet<QString> seen {name};
    QList<QString> queue {name};
    while (!queue.isEmpty()) {
        const QString at = queue.takeFirst();
        for (const auto &targets : m_out.value(at)) {
            for (const Link &l : targets) {
                if (!seen.contains(l.node)) {
                    seen.insert(l.node);
                    queue.append(l.node);
                }
            }
        }
    }
    return seen;
}

} // namespace Switchboard
