#pragma once

#include "deps/dependencygraph.h"
#include "modules/modulestatus.h"

#include <QHash>
#include <QRectF>
#include <QWidget>

namespace Switchboard {

class ModuleTableModel;

// The nine modules and the workflows that connect them, drawn from a DependencyGraph and the
// module table (for each module's status). The patient journey runs along the top row and is
// drawn heavier; the selected module's blast radius (what it feeds) is outlined. Clicking a
// module, or Left/Right with the keyboard, selects it.
class DependencyGraphView final : public QWidget
{
    Q_OBJECT

public:
    explicit DependencyGraphView(ModuleTableModel *modules, QWidget *parent = nullptr);

    void setGraph(const DependencyGraph &graph);
    const DependencyGraph &graph() const { return m_graph; }
    void setSelectedModule(const QString &moduleId);
    QString selectedModule() const { return m_selected; }
    // Where a module's box is drawn, in widget coordinates (for tests and tooltips).
    QRectF moduleRect(const QString &moduleId) const;
    // The first module name (or status line) that does not read in full in its box at the
    // present size; empty when every one does.
    QString cutName() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void moduleClicked(const QString &moduleId);

protected:
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    bool event(QEvent *event) override;

private:
    // The bold font a module's name fits in, on two lines at most, as large as it can be.
    QFont nameFont(const QString &title, qreal width) const;
    // The line under the name: the module's number and its status, smaller.
    QFont statusFont() const;
    static QString statusLine(const QString &moduleId, ModuleStatus status);
    QString moduleAt(const QPointF &pos) const;

    ModuleTableModel *m_modules;
    DependencyGraph m_graph;
    QString m_selected;
};

} // namespace Switchboard
