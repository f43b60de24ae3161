// runInOwnProcess hands back what the forked child produced, leaves this process
// as it was, and says so when the child failed.
#include "io/OwnProcess.h"

#include <QTest>

#include <cstdlib>
#include <stdexcept>
#include <unistd.h>

using namespace suplab;

class TstOwnProcess : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void theChildsTextComesBack() {
        const pid_t parent = ::getpid();
        const auto text = runInOwnProcess([] { return std::to_string(::getpid()); });
        QVERIFY(text.has_value());
        QVERIFY(!text->empty());
        QVERIFY(std::stoll(*text) != parent);
    }

    void whatTheChildChangesStaysThere() {
        int touched = 0;
        const auto text = runInOwnProcess([&touched] {
            touched = 1;
            return std::string(100'000, 'x'); // more than a pipe holds at once
        });
        QVERIFY(text.has_value());
        QCOMPARE(text->size(), std::size_t(100'000));
        QCOMPARE(touched, 0);
    }

    void aChildThatFailsGivesNothing() {
        QVERIFY(!runInOwnProcess([]() -> std::string { throw std::runtime_error("no"); }));
        QVERIFY(!runInOwnProcess([]() -> std::string { std::_Exit(3); }));
    }
};

QTEST_GUILESS_MAIN(TstOwnProcess)
#include "tst_own_process.moc"
