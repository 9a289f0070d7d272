#include "common/statusstyle.h"
#include "common/theme.h"
#include "common/tone.h"
#include "dashboard/kpirow.h"

#include <QApplication>
#include <QFrame>
#include <QLabel>
#include <QTest>

using namespace Switchboard;

// Status colours keep WCAG AA contrast (4.5:1 for text) in the light and the dark theme: as
// text on the console's background, as a fill under white text, and as a tint under the
// palette's text.
class TstTheme : public QObject
{
    Q_OBJECT

    static QString failures(const QPalette &pal)
    {
        QStringList bad;
        const auto check = [&](const QString &what, const QColor &a, const QColor &b) {
            const double ratio = StatusStyle::contrast(a, b);
            if (ratio < 4.5)
                bad << QStringLiteral("%1: %2 on %3 is %4:1")
                           .arg(what, a.name(), b.name())
                           .arg(ratio, 0, 'f', 2);
        };
        for (ModuleStatus s : {ModuleStatus::Healthy, ModuleStatus::Degraded, ModuleStatus::Down,
                               ModuleStatus::Disabled, ModuleStatus::Unknown}) {
            const QString name = StatusStyle::word(s);
            check(name + QStringLiteral(" text on window"), StatusStyle::text(s, pal),
                  pal.color(QPalette::Window));
            check(name + QStringLiteral(" text on base"), StatusStyle::text(s, pal),
                  pal.color(QPalette::Base));
            check(name + QStringLiteral(" fill"), Qt::white, StatusStyle::color(s));
            check(name + QStringLiteral(" tint"), pal.color(QPalette::Text), StatusStyle::tint(s));
        }
        check(QStringLiteral("muted text"), pal.color(QPalette::PlaceholderText),
              pal.color(QPalette::Base));
        return bad.join(QLatin1Char('\n'));
    }

private Q_SLOTS:
    void theContrastMeasureIsWcags()
    {
        QCOMPARE(qRound(StatusStyle::contrast(Qt::black, Qt::white) * 10), 210);
        QCOMPARE(StatusStyle::contrast(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
        // #767676 on white is the well-known 4.54:1.
        QCOMPARE(qRound(StatusStyle::contrast(QColor(0x76, 0x76, 0x76), Qt::white) * 100), 454);
    }

    void statusColoursReadInEveryTheme_data()
    {
        QTest::addColumn<QString>("theme");
        QTest::newRow("light") << QStringLiteral("light");
        QTest::newRow("dark") << QStringLiteral("dark");
    }

    void statusColoursReadInEveryTheme()
    {
        QFETCH(QString, theme);
        Theme::apply(theme);
        const QPalette pal = QApplication::palette();
        QCOMPARE(StatusStyle::isDark(pal), theme == QLatin1String("dark"));
        const QString bad = failures(pal);
        QVERIFY2(bad.isEmpty(), qPrintable(bad));
    }

    void systemGoesBackToTheDesktopsPalette()
    {
        Theme::apply(QStringLiteral("system"));
        const QColor before = QApplication::palette().color(QPalette::Window);
        Theme::apply(QStringLiteral("dark"));
        QVERIFY(QApplication::palette().color(QPalette::Window) != before);
        Theme::apply(QStringLiteral("system"));
        QCOMPARE(QApplication::palette().color(QPalette::Window), before);
    }

    // Muted and status texts take the new theme's shades at once, while the console runs; and
    // so do the dashboard's key figure cards (their state line and their background).
    void tonesFollowAThemeChangedWhileRunning()
    {
        Theme::apply(QStringLiteral("light"));
        QWidget window;
        auto *muted = new QLabel(QStringLiteral("secondary"), &window);
        auto *bad = new QLabel(QStringLiteral("refused"), &window);
        auto *card = new QFrame(&window);
        Tone::muted(muted);
        Tone::status(bad, ModuleStatus::Down);
        Tone::card(card);
        auto *row = new KpiRow(&window);
        window.show();
        const QColor lightMuted = muted->palette().color(QPalette::WindowText);
        const QColor lightBad = bad->palette().color(QPalette::WindowText);

        Theme::apply(QStringLiteral("dark"));
        QCoreApplication::processEvents();
        const QPalette dark = QApplication::palette();
        QCOMPARE(muted->palette().color(QPalette::WindowText),
                 dark.color(QPalette::PlaceholderText));
        QVERIFY(muted->palette().color(QPalette::WindowText) != lightMuted);
        QCOMPARE(bad->palette().color(QPalette::WindowText),
                 StatusStyle::text(ModuleStatus::Down, dark));
        QVERIFY(bad->palette().color(QPalette::WindowText) != lightBad);
        QCOMPARE(card->palette().color(QPalette::Window), dark.color(QPalette::Base));
        // Every label of the figures row reads on its card in the dark theme.
        for (const QLabel *label : row->findChildren<QLabel *>()) {
            const QPalette pal = label->palette();
            QVERIFY2(StatusStyle::contrast(pal.color(QPalette::WindowText),
                                           label->parentWidget()->palette().color(QPalette::Window))
                         >= 4.5,
                     qPrintable(label->text()));
        }
        Theme::apply(QStringLiteral("system"));
    }
};

QTEST_MAIN(TstTheme)
#include "tst_theme.moc"
