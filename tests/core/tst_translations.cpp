#include "texts/message.h"
#include "texts/messagecatalog.h"
#include "workflow/expressionengine.h"
#include "workflow/workflowvalidator.h"

#include <QDirIterator>
#include <QHash>
#include <QJsonArray>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace Switchboard;

// The Spanish translation is complete: every string the sources mark for translation is in
// translations/switchboard_es.ts with a finished translation that keeps the placeholders, and
// so is every message the core writes for people (MessageCatalog).
class TstTranslations : public QObject
{
    Q_OBJECT

    struct Translation
    {
        QString text;
        bool finished = false;
    };
    using Key = QPair<QString, QString>; // context, source

    // The messages of a .ts file, by context and source text.
    static QHash<Key, Translation> read(const QString &path, QString *error)
    {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            *error = file.errorString();
            return {};
        }
        QHash<Key, Translation> out;
        QXmlStreamReader xml(&file);
        QString context;
        QString source;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("name")) {
                context = xml.readElementText();
            } else if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                const QString type = xml.attributes().value(QLatin1String("type")).toString();
                // Plural forms are <numerusform> children, read together; lupdate marks a
                // message with a form missing as unfinished.
                const QString text =
                    xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                out.insert({context, source}, {text, type.isEmpty() && !text.isEmpty()});
            }
        }
        if (xml.hasError())
            *error = xml.errorString() + QStringLiteral(" at line %1").arg(xml.lineNumber());
        return out;
    }

    static QString committed()
    {
        return QStringLiteral(QT_TESTCASE_SOURCEDIR "/../translations/switchboard_es.ts");
    }

    // %1…%99 and %n, sorted: a translation must use the same ones as its source.
    static QStringList placeholders(const QString &text)
    {
        static const QRegularExpression marker(QStringLiteral("%(\\d{1,2}|n)"));
        QStringList out;
        for (auto it = marker.globalMatch(text); it.hasNext();)
            out << it.next().captured(0);
        out.sort();
        out.removeDuplicates();
        return out;
    }

private Q_SLOTS:
    void everyStringInTheSourcesIsTranslated()
    {
        // lupdate over the same sources as the update_translations target, into a new file.
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QStringList sources;
        for (const char *folder : {"core", "ui", "app"}) {
            QDirIterator it(QStringLiteral(QT_TESTCASE_SOURCEDIR "/../") + QLatin1String(folder),
                            {QStringLiteral("*.cpp")}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                sources << it.next();
        }
        QVERIFY(sources.size() > 100);
        QFile list(dir.filePath(QStringLiteral("sources.lst")));
        QVERIFY(list.open(QIODevice::WriteOnly));
        list.write(sources.join(QLatin1Char('\n')).toUtf8());
        list.close();
        const QString fresh = dir.filePath(QStringLiteral("fresh_es.ts"));
        QProcess lupdate;
        lupdate.setProcessChannelMode(QProcess::MergedChannels);
        // The headers give the contexts (Switchboard::MainWindow…), as the target's include
        // paths do.
        const QString root = QStringLiteral(QT_TESTCASE_SOURCEDIR "/..");
        lupdate.start(QStringLiteral(SWITCHBOARD_LUPDATE),
                      {QStringLiteral("-silent"), QStringLiteral("-locations"),
                       QStringLiteral("none"), QStringLiteral("-I"), root + QStringLiteral("/core"),
                       QStringLiteral("-I"), root + QStringLiteral("/ui"),
                       QLatin1Char('@') + list.fileName(), QStringLiteral("-ts"), fresh});
        QVERIFY2(lupdate.waitForFinished(120000), qPrintable(lupdate.errorString()));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAll().constData());

        QString error;
        const QHash<Key, Translation> wanted = read(fresh, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(wanted.size() > 1000);
        const QHash<Key, Translation> spanish = read(committed(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));

        QStringList missing;
        QStringList unfinished;
        QStringList mismatched;
        for (auto it = wanted.begin(); it != wanted.end(); ++it) {
            const QString where =
                it.key().first + QStringLiteral(": \"") + it.key().second + QLatin1Char('"');
            const auto found = spanish.constFind(it.key());
            if (found == spanish.constEnd())
                missing << where;
            else if (!found->finished)
                unfinished << where;
            else if (!it.key().second.contains(QLatin1String("%n"))
                     && placeholders(found->text) != placeholders(it.key().second))
                mismatched << where + QStringLiteral(" → \"") + found->text + QLatin1Char('"');
        }
        // Run the update_translations target, then translate what it added.
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("not in switchboard_es.ts:\n")
                            + missing.join(QLatin1Char('\n'))));
        QVERIFY2(
            unfinished.isEmpty(),
            qPrintable(QStringLiteral("not translated:\n") + unfinished.join(QLatin1Char('\n'))));
        QVERIFY2(mismatched.isEmpty(),
                 qPrintable(QStringLiteral("placeholders differ:\n")
                            + mismatched.join(QLatin1Char('\n'))));
    }

    void everyCoreMessageIsTranslated()
    {
        QString error;
        const QHash<Key, Translation> spanish = read(committed(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QStringList missing;
        const QStringList ids = MessageCatalog::ids();
        for (const QString &id : ids) {
            const std::optional<MessageCatalog::Source> source = MessageCatalog::find(id);
            QVERIFY2(source, qPrintable(id));
            const Key key {QString::fromLatin1(source->context), QString::fromUtf8(source->text)};
            if (!spanish.value(key).finished)
                missing << id + QStringLiteral(" (") + key.second + QLatin1Char(')');
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(QLatin1Char('\n'))));
        // An id the catalog does not know reads as itself, never as nothing.
        QVERIFY(!MessageCatalog::find(QStringLiteral("alert.no_such_message")));
        QVERIFY(ids.contains(QStringLiteral("module.04_billing")));
    }

    // A message reads in English by text() and in the program's language by translated(), its
    // arguments too; it survives JSON, and an argument's own "%2" is left alone.
    void messagesReadInEitherLanguage()
    {
        const Message title(QStringLiteral("alert.module_down.title"),
                            {Message::module(QStringLiteral("04_billing"))});
        const Message slow(QStringLiteral("health.slow"),
                           {Message::number(4100), Message::number(3000)});
        QCOMPARE(title.text(), QStringLiteral("Module Down: Billing & Payments"));
        QCOMPARE(slow.text(), QStringLiteral("Slow response: 4100 ms (limit: 3000 ms)"));
        QCOMPARE(Message::fromJson(title.toJson()), title);
        QCOMPARE(Message::fromJson(slow.toJson()).text(), slow.text());
        const Message odd(QStringLiteral("alert.notification_failing.message"),
                          {Message::plain(QStringLiteral("HTTP %2 from %1"))});
        QCOMPARE(odd.text(),
                 QStringLiteral("The last alert could not be delivered: HTTP %2 from %1"));
        // Stored by a newer core: the id, not nothing.
        QCOMPARE(Message(QStringLiteral("alert.from_the_future")).text(),
                 QStringLiteral("alert.from_the_future"));
        QCOMPARE(Message::fromJson(QJsonValue(QStringLiteral("plain words"))).text(),
                 QStringLiteral("plain words"));

        QTranslator spanish;
        QVERIFY(spanish.load(QStringLiteral(QT_TESTCASE_BUILDDIR "/../switchboard_es.qm")));
        QCoreApplication::installTranslator(&spanish);
        const QLocale before;
        QLocale::setDefault(QLocale(QLocale::Spanish, QLocale::Spain));
        const QString titleEs = title.translated();
        const QString degradedEs = Message(QStringLiteral("alert.kpi_threshold.below"),
                                           {Message(QStringLiteral("kpi.nps_avg_30d")),
                                            Message::number(8.5), Message::number(9)})
                                       .translated();
        const QJsonObject wire {
            {QStringLiteral("title"), title.text()},
            {QStringLiteral("texts"), QJsonObject {{QStringLiteral("title"), title.toJson()}}}};
        const QString fromWire = Message::translatedField(wire, QLatin1String("title"));
        const QString englishStill = title.text();
        const auto problemEs = [](const QList<WorkflowIssue> &found) {
            return found.isEmpty() ? QString() : found.first().translated();
        };
        // The builder's problems, as the validator finds them.
        ExpressionEngine expressions;
        const QJsonObject broken {
            {"id", "hello"},
            {"name", "Hello"},
            {"trigger", QJsonObject {{"kind", "manual"}}},
            {"nodes",
             QJsonArray {QJsonObject {{"id", "start"}, {"type", "trigger"}},
                         QJsonObject {{"id", "done"}, {"type", "end"}},
                         QJsonObject {{"id", "lonely"}, {"type", "end"}}}},
            {"edges", QJsonArray {QJsonObject {{"from", "start"}, {"to", "done"}}}}};
        const QList<WorkflowIssue> issues = WorkflowValidator(expressions).validate(broken);
        const QString lonelyEs = problemEs(issues);
        QCoreApplication::removeTranslator(&spanish);
        QLocale::setDefault(before);
        QCOMPARE(titleEs, QStringLiteral("Módulo caído: Facturación y pagos"));
        QCOMPARE(degradedEs, QStringLiteral("NPS (8,5) por debajo del umbral (9)"));
        QCOMPARE(fromWire, titleEs);
        QCOMPARE(englishStill, QStringLiteral("Module Down: Billing & Payments"));
        QCOMPARE(issues.size(), 1);
        QCOMPARE(lonelyEs,
                 QStringLiteral("paso «lonely»: ningún camino desde el inicio llega a este paso"));
        QCOMPARE(issues.first().toString(),
                 QStringLiteral("node \"lonely\": no path from the trigger reaches this node"));
    }

    // The check itself finds what it is for: an untranslated entry and a lost placeholder.
    void theCheckFindsWhatItLooksFor()
    {
        QTemporaryDir dir;
        QFile ts(dir.filePath(QStringLiteral("x.ts")));
        QVERIFY(ts.open(QIODevice::WriteOnly));
        ts.write(R"(<?xml version="1.0" encoding="utf-8"?>
<TS version="2.1" language="es_ES"><context><name>C</name>
<message><source>Open</source><translation type="unfinished"></translation></message>
<message><source>%1 of %2</source><translation>%1 de</translation></message>
</context></TS>)");
        ts.close();
        QString error;
        const auto read = TstTranslations::read(ts.fileName(), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QCOMPARE(read.size(), 2);
        QVERIFY(!read.value({QStringLiteral("C"), QStringLiteral("Open")}).finished);
        const Translation of = read.value({QStringLiteral("C"), QStringLiteral("%1 of %2")});
        QVERIFY(of.finished);
        QVERIFY(placeholders(of.text) != placeholders(QStringLiteral("%1 of %2")));
    }
};

QTEST_GUILESS_MAIN(TstTranslations)
#include "tst_translations.moc"
