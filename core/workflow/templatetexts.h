#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Switchboard {

// The built-in templates' words for people: the workflow's name and description, its steps'
// names, review tasks' titles and form labels, notification messages and end errors. They are
// written in English in resources/templates and installed in the language of the program that
// installs them (the console's; the core's own has none, so English), so that a clinic's
// review queue reads in its staff's language. Expressions inside {{ }} stay as they are.
class TemplateTexts
{
public:
    // The document with its words translated (context "Templates").
    static QJsonObject translated(const QJsonObject &document);
    // The words of a document that are translated, in order.
    static QStringList texts(const QJsonObject &document);
    // Every word of the built-in templates that lupdate has seen (templatestrings.cpp, made by
    // scripts/template-strings).
    static QStringList known();
};

} // namespace Switchboard
