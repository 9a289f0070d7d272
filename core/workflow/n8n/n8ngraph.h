#pragma once

#include "workflow/n8n/n8nnode.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace Switchboard {

// The nodes of an n8n export and their "main" connections, with the Switchboard id each node
// gets (lower-case, unique, at most 63 characters).
class N8nGraph
{
public:
    struct Link
    {
        QString node; // the other end's name
        int output = 0; // the source's output index
        int input = 0; // the target's input index
    };

    static N8nGraph fromJson(const QJsonObject &n8n);

    const QList<N8nNode> &nodes() const { return m_nodes; }
    const N8nNode *node(const QString &name) const;
    QString idOf(const QString &name) const { return m_ids.value(name); }
    // Connections leaving a node, by output index.
    QList<QList<Link>> outputs(const QString &name) const { return m_out.value(name); }
    QList<Link> inputs(const QString &name) const { return m_in.value(name); }
    bool hasSuccessors(const QString &name) const;
    // Every node a node leads to, itself included.
    QSet<QString> reachableFrom(const QString &name) const;
    // A new id, unique in this graph, made from text.
    QString freshId(const QString &text);

    // A lower-case id for text ("Hot lead?" → "hot_lead"), at most 63 characters.
    static QString slug(const QString &text, QChar separator);

private:
    QList<N8nNode> m_nodes;
    QHash<QString, int> m_index;
    QHash<QString, QString> m_ids;
    QSet<QString> m_taken;
    QHash<QString, QList<QList<Link>>> m_out;
    QHash<QString, QList<Link>> m_in;
};

} // namespace Switchboard
