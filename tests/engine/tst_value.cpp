// Values print exactly as iex does (each row checked on Elixir 1.14).
#include "term/Value.h"

#include <QTest>

using namespace suplab;

Q_DECLARE_METATYPE(suplab::Value)

namespace {
Value kv(std::vector<std::pair<Value, Value>> entries) {
    return Value::map(std::move(entries));
}
Value a(const char* name) {
    return Value::atom(name);
}
Value i(std::int64_t n) {
    return Value::integerOf(n);
}
Value ints(std::int64_t from, std::int64_t to) {
    std::vector<Value> items;
    for (std::int64_t n = from; n <= to; ++n)
        items.push_back(i(n));
    return Value::list(std::move(items));
}
} // namespace

class TstValue : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aValuePrintsAsIexPrintsIt_data() {
        QTest::addColumn<Value>("value");
        QTest::addColumn<QString>("printed");
        QTest::newRow("an atom") << a("ok") << ":ok";
        QTest::newRow("nil, true and false are bare") << a("nil") << "nil";
        QTest::newRow("a module is its alias")
            << Value::module("MyApp.Supervisor") << "MyApp.Supervisor";
        QTest::newRow("an atom that needs quotes") << a("foo bar") << ":\"foo bar\"";
        QTest::newRow("a question-mark atom") << a("foo?") << ":foo?";
        QTest::newRow("an integer") << i(10) << "10";
        QTest::newRow("a negative integer") << i(-3) << "-3";
        QTest::newRow("a float") << Value::floatOf(1.5) << "1.5";
        QTest::newRow("a whole float keeps .0") << Value::floatOf(100000.0) << "100000.0";
        QTest::newRow("a big float takes an exponent") << Value::floatOf(1e16) << "1.0e16";
        QTest::newRow("the biggest plain float") << Value::floatOf(1e15) << "1000000000000000.0";
        QTest::newRow("a small float takes an exponent") << Value::floatOf(1e-5) << "1.0e-5";
        QTest::newRow("the smallest plain float") << Value::floatOf(0.0001) << "0.0001";
        QTest::newRow("shortest digits that read back")
            << Value::floatOf(12345678901234567.0) << "1.2345678901234568e16";
        QTest::newRow("a string, escaped") << Value::string("a\"b\n") << "\"a\\\"b\\n\"";
        QTest::newRow("a pid") << Value::pidOf(301) << "#PID<0.301.0>";
        QTest::newRow("an ok tuple")
            << Value::tuple({a("ok"), Value::pidOf(301)}) << "{:ok, #PID<0.301.0>}";
        QTest::newRow("count_children's map, keys in term order")
            << kv({{a("specs"), i(2)},
                   {a("active"), i(2)},
                   {a("supervisors"), i(0)},
                   {a("workers"), i(2)}})
            << "%{active: 2, specs: 2, supervisors: 0, workers: 2}";
        QTest::newRow("a map with keys of several kinds")
            << kv({{Value::string("b"), i(2)}, {a("a"), i(1)}}) << "%{:a => 1, \"b\" => 2}";
        QTest::newRow("a map keyed by a module")
            << kv({{Value::module("Counter"), i(1)}}) << "%{Counter => 1}";
        QTest::newRow("a quoted key in a map") << kv({{a("foo bar"), i(1)}}) << "%{\"foo bar\": 1}";
        QTest::newRow("which_children's list")
            << Value::list({Value::tuple({Value::module("KVStore"), Value::pidOf(8), a("worker"),
                                          Value::list({Value::module("KVStore")})})})
            << "[{KVStore, #PID<0.8.0>, :worker, [KVStore]}]";
        QTest::newRow("a keyword list")
            << Value::list({Value::tuple({a("a"), i(1)}), Value::tuple({a("b c"), i(2)})})
            << "[a: 1, \"b c\": 2]";
        QTest::newRow("module-keyed pairs are no keyword list")
            << Value::list({Value::tuple({Value::module("Counter"), i(1)})}) << "[{Counter, 1}]";
        QTest::newRow("printable integers are a charlist")
            << Value::list({i(104), i(105)}) << "'hi'";
        QTest::newRow("a nested list") << Value::list({i(1), Value::list({i(2)})}) << "[1, [2]]";
        QTest::newRow("an empty list") << Value::list({}) << "[]";
        QTest::newRow("an empty map") << kv({}) << "%{}";
    }
    void aValuePrintsAsIexPrintsIt() {
        QFETCH(Value, value);
        QFETCH(QString, printed);
        QCOMPARE(QString::fromStdString(inspect(value)), printed);
    }

    // What iex shows for a result wider than 80 columns (each row from Elixir 1.14).
    void aWideResultIsBrokenOverLinesAsIexBreaksIt_data() {
        QTest::addColumn<Value>("value");
        QTest::addColumn<QString>("shown");
        auto child = [](const char* id, Pid pid) {
            return Value::tuple({Value::module(id), Value::pidOf(pid), a("worker"),
                                 Value::list({Value::module(id)})});
        };
        QTest::newRow("which_children of two children")
            << Value::list({child("KVStore", 96), child("Counter", 96)})
            << "[\n  {KVStore, #PID<0.96.0>, :worker, [KVStore]},\n"
               "  {Counter, #PID<0.96.0>, :worker, [Counter]}\n]";
        QTest::newRow("a map with long values")
            << kv({{a("alpha_long_key_name"), Value::string("aaaaaaaaaaaaaaaaaaaa")},
                   {a("beta_long_key_name"), Value::string("bbbbbbbbbbbbbbbbbbbbbbbb")},
                   {a("c"), i(1)}})
            << "%{\n  alpha_long_key_name: \"aaaaaaaaaaaaaaaaaaaa\",\n"
               "  beta_long_key_name: \"bbbbbbbbbbbbbbbbbbbbbbbb\",\n  c: 1\n}";
        QTest::newRow("a long keyword list")
            << Value::list({Value::tuple({a("a"), Value::string(std::string(40, 'x'))}),
                            Value::tuple({a("b"), Value::string(std::string(40, 'y'))})})
            << "[\n  a: \"" + QString(40, QLatin1Char('x')) + "\",\n  b: \"" +
                   QString(40, QLatin1Char('y')) + "\"\n]";
        QTest::newRow("a tuple fills its lines, a list inside it too")
            << Value::tuple({a("ok"), ints(1, 35)})
            << "{:ok,\n [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, "
               "21, "
               "22,\n  23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35]}";
        QTest::newRow("a map of short values still gives each key its own line")
            << kv({{a("k1"), ints(1, 22)}, {a("k2"), i(2)}})
            << "%{\n  k1: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,\n"
               "   21, 22],\n  k2: 2\n}";
        QTest::newRow("a text too long for any line stays whole")
            << Value::list({Value::string(std::string(90, 'a'))})
            << "[\"" + QString(90, QLatin1Char('a')) + "\"]";
        QTest::newRow("a list shows its first 50 elements")
            << ints(1, 60)
            << "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22,\n"
               " 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42,\n"
               " 43, 44, 45, 46, 47, 48, 49, 50, ...]";
        QTest::newRow("a nested list shows what is left of the 50")
            << Value::list({Value::list({i(1), i(2)}), ints(3, 60)})
            << "[\n  [1, 2],\n  [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, "
               "21, 22, "
               "23,\n   24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, "
               "42,\n"
               "   43, 44, 45, 46, 47, 48, 49, 50, ...]\n]";
        QTest::newRow("what fits stays on one line")
            << Value::tuple({a("error"), Value::tuple({a("already_started"), Value::pidOf(96)})})
            << "{:error, {:already_started, #PID<0.96.0>}}";
    }
    void aWideResultIsBrokenOverLinesAsIexBreaksIt() {
        QFETCH(Value, value);
        QFETCH(QString, shown);
        QCOMPARE(QString::fromStdString(inspectPretty(value)), shown);
    }

    void equalMapsDoNotDependOnKeyOrder() {
        QVERIFY(kv({{a("a"), i(1)}, {a("b"), i(2)}}) == kv({{a("b"), i(2)}, {a("a"), i(1)}}));
        QVERIFY(!(kv({{a("a"), i(1)}}) == kv({{a("a"), i(2)}})));
    }

    void aLaterKeyReplacesAnEarlierOne() {
        QCOMPARE(QString::fromStdString(inspect(kv({{a("a"), i(1)}, {a("a"), i(2)}}))),
                 QStringLiteral("%{a: 2}"));
    }
};

QTEST_GUILESS_MAIN(TstValue)
#include "tst_value.moc"
