// The start-child form: OK starts only a child that keeps a scenario's rules; one that
// breaks a rule keeps the dialog open with what was typed and says which rule.

#include "window/StartChildDialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QTest>

using namespace suplab;

/// The dialog's widget with this accessible name (as a screen reader finds it).
template <class Widget> static Widget* named(QWidget& dialog, const char* name) {
    for (auto* w : dialog.findChildren<Widget*>())
        if (w->accessibleName() == QLatin1String(name)) return w;
    return nullptr;
}

class TstStartChildDialog : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void okStartsOnlyAChildThatKeepsTheRules_data() {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("shutdown");
        QTest::addColumn<bool>("accepted");
        QTest::addColumn<QString>("problem");
        QTest::newRow("a plain id and a timeout") << "worker_1"
                                                  << "5000" << true << "";
        QTest::newRow("brutal_kill") << "worker_1"
                                     << "brutal_kill" << true << "";
        QTest::newRow("an id with a slash stays open")
            << "a/b"
            << "5000" << false << "expected an id without '/'";
        QTest::newRow("an id of blanks stays open")
            << "   "
            << "5000" << false << "expected a non-empty string";
        QTest::newRow("a shutdown that is no shutdown stays open")
            << "worker_1"
            << "soon" << false << "expected brutal_kill, infinity or an integer >= 0";
        QTest::newRow("a negative shutdown stays open")
            << "worker_1"
            << "-5" << false << "expected brutal_kill, infinity or an integer >= 0";
    }
    void okStartsOnlyAChildThatKeepsTheRules() {
        QFETCH(QString, id);
        QFETCH(QString, shutdown);
        QFETCH(bool, accepted);
        QFETCH(QString, problem);
        StartChildDialog dialog(QStringLiteral("Root"), QStringLiteral("child_1"));
        dialog.show();
        auto* idEdit = named<QLineEdit>(dialog, "Child id");
        auto* shutdownBox = named<QComboBox>(dialog, "Shutdown");
        auto* problems = named<QLabel>(dialog, "Problems");
        QVERIFY(idEdit && shutdownBox && problems);
        idEdit->setText(id);
        shutdownBox->setEditText(shutdown);
        dialog.accept();
        QCOMPARE(dialog.result() == QDialog::Accepted, accepted);
        QCOMPARE(dialog.isVisible(), !accepted);
        QCOMPARE(problems->isVisible(), !accepted);
        QVERIFY2(problems->text().contains(problem), qPrintable(problems->text()));
        QCOMPARE(idEdit->text(), id); // what was typed is still there
        QCOMPARE(dialog.node(nullptr) != nullptr, accepted);
    }
};

QTEST_MAIN(TstStartChildDialog)
#include "tst_start_child_dialog.moc"
