#pragma once

#include <QWidget>

class QComboBox;
class QLabel;

namespace Switchboard {

// The Settings section, for what belongs to this console: the language it speaks (kept for
// the next start) and where it works — the core it is connected to, its data folder and its
// version. The clinic's own settings (modules, thresholds, channels) live with the core.
class SettingsView final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsView(const QString &connection, QWidget *parent = nullptr);

    // The language chosen here ("" for the system's), as main() reads it at start.
    static QString savedLanguage();
    static constexpr const char *LanguageKey = "console/language";

private:
    QComboBox *m_language;
    QLabel *m_languageNote;
};

} // namespace Switchboard
