#pragma once

#include <QString>

namespace Switchboard::SettingTexts {

// How a setting reads in Settings: a label and a line of help, in the console's language.
// The variable's name stays visible as a tooltip, for whoever keeps the env file.
struct Text
{
    QString label;
    QString help;
};

Text of(const QString &env);

} // namespace Switchboard::SettingTexts
