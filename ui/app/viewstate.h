#pragma once

class QMainWindow;
class QSettings;

namespace Switchboard {

class MainWindow;

// What a person arranged in the console, kept for the next start: the window's size and
// place, the section last open, every named splitter's division, every named table's columns,
// and the filters marked to be remembered (combo boxes with the "remember" property). Unnamed
// widgets are left alone, so a rename never applies a state to the wrong widget.
namespace ViewState {

void save(MainWindow &window, QSettings &settings);
void restore(MainWindow &window, QSettings &settings);

} // namespace ViewState

} // namespace Switchboard
