// Short labels that still tell ids apart (chart legends, timeline rows).
#include "help/DistinctNames.h"

#include <QTest>

using namespace suplab;

class TstDistinctNames : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void labelsTellIdsApart_data() {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<int>("maxChars");
        QTest::addColumn<QStringList>("labels");
        QTest::newRow("three supervisors of one app drop the MyApp they share")
            << QStringList{"MyApp.Web.Supervisor", "MyApp.Cache.Supervisor",
                           "MyApp.Database.Supervisor"}
            << 40 << QStringList{"Web.Supervisor", "Cache.Supervisor", "Database.Supervisor"};
        QTest::newRow("children on paths are named by their own module")
            << QStringList{"MyApp.Supervisor/MyApp.WebSupervisor",
                           "MyApp.Supervisor/MyApp.CacheSupervisor"}
            << 40 << QStringList{"WebSupervisor", "CacheSupervisor"};
        QTest::newRow("the root and its children each keep what tells them apart")
            << QStringList{"MyApp.Supervisor", "MyApp.Supervisor/Counter",
                           "MyApp.Supervisor/KVStore"}
            << 40 << QStringList{"Supervisor", "Counter", "KVStore"};
        QTest::newRow("workers with one id under two parents are told apart by the parent")
            << QStringList{"App/EuropeSup/Worker", "App/AsiaSup/Worker"} << 40
            << QStringList{"EuropeSup/Worker", "AsiaSup/Worker"};
        QTest::newRow("an id that another ends with keeps the whole of itself")
            << QStringList{"Web.Supervisor", "MyApp.Web.Supervisor"} << 40
            << QStringList{"Web.Supervisor", "MyApp.Web.Supervisor"};
        QTest::newRow("a dot and a slash are different separators")
            << QStringList{"Sup/Web", "Sup.Web"} << 40 << QStringList{"Sup/Web", "Sup.Web"};
        QTest::newRow("a lone id has nothing to be told apart from and stays whole")
            << QStringList{"MyApp.Supervisor"} << 40 << QStringList{"MyApp.Supervisor"};
        QTest::newRow("a lone long id keeps the whole segments at its end that fit")
            << QStringList{"MyApp.Supervisor/MyApp.Web.Supervisor"} << 16
            << QStringList{"Web.Supervisor"};
        QTest::newRow("short ids stay as they are")
            << QStringList{"Counter", "KVStore"} << 40 << QStringList{"Counter", "KVStore"};
        QTest::newRow("equal ids get equal labels")
            << QStringList{"MyApp.Cache", "MyApp.Cache", "MyApp.Web"} << 40
            << QStringList{"Cache", "Cache", "Web"};
        QTest::newRow("a long label is cut in the part it shares, never in its own segment")
            << QStringList{"MyApp.Database.Supervisor", "MyApp.Cache.Supervisor"} << 12
            << QStringList{"Database.Su\u2026", "Cache.Super\u2026"};
        QTest::newRow("a cut never ends on a dangling separator")
            << QStringList{"MyApp.Database.Supervisor", "MyApp.Cache.Supervisor"} << 10
            << QStringList{"Database\u2026", "Cache.Sup\u2026"};
        QTest::newRow("a segment too long to fit keeps its start when the start differs")
            << QStringList{"App.WebSupervisorForEverything", "App.CacheSupervisorForEverything"}
            << 10 << QStringList{"WebSuperv\u2026", "CacheSupe\u2026"};
        QTest::newRow("a segment too long to fit loses the words it shares at its start")
            << QStringList{"MyApp.PrimaryDatabase", "MyApp.PrimaryCache"} << 9
            << QStringList{"\u2026Database", "\u2026Cache"};
        QTest::newRow("the shared words go even when the rest must be cut too")
            << QStringList{"MyApp.PrimaryDatabaseWriter", "MyApp.PrimaryCache"} << 9
            << QStringList{"\u2026Databas\u2026", "\u2026Cache"};
        QTest::newRow("labels that would be cut alike stay whole instead")
            << QStringList{"X.ServerOne", "X.ServerTwo"} << 2
            << QStringList{"ServerOne", "ServerTwo"};
        QTest::newRow("no ids, no labels") << QStringList{} << 10 << QStringList{};
    }
    void labelsTellIdsApart() {
        QFETCH(QStringList, ids);
        QFETCH(int, maxChars);
        QFETCH(QStringList, labels);
        const QStringList got = distinctNames(ids, maxChars);
        QCOMPARE(got, labels);
        // Whatever the row: different ids never share a label.
        for (qsizetype i = 0; i < ids.size(); ++i)
            for (qsizetype j = 0; j < ids.size(); ++j)
                if (ids[i] != ids[j]) QVERIFY2(got[i] != got[j], qPrintable(got[i]));
    }
};

QTEST_GUILESS_MAIN(TstDistinctNames)
#include "tst_distinct_names.moc"
