#pragma once

#include <QCoreApplication>

class QToolBar;

namespace Switchboard {

class BuilderView;

// What the builder offers to do, and how: its tool bar (workflow picker, template gallery,
// save, publish, undo, zoom, test run, history, import, export, promote; the most used first,
// so a narrow window hides the last behind "»") and its keyboard shortcuts. The actions call
// the builder; none holds state of its own.
class BuilderActions
{
    Q_DECLARE_TR_FUNCTIONS(BuilderActions)

public:
    static void addShortcuts(BuilderView &view);
    static void fillToolbar(BuilderView &view, QToolBar *bar);
};

} // namespace Switchboard
