// The Elixir reader reads the whole language: each row is one construct seen in real
// projects' supervision code, read back as Elixir, with no error.
#include "elixir/ElixirTerm.h"

#include <QTest>

using namespace suplab::elixir;

class TstElixirParse : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aConstructReadsBackAsWritten_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("rendered");
        QTest::newRow("an Erlang call keeps its module") << "period: :timer.seconds(30)"
                                                         << "[period: :timer.seconds(30)]";
        QTest::newRow("an Erlang type in a spec")
            << "@spec child_spec(term) :: :supervisor.child_spec()"
            << "@spec(child_spec(term) :: :supervisor.child_spec())";
        QTest::newRow("a match on an Erlang call") << ":ok = :persistent_term.put(k, v)"
                                                   << ":ok = :persistent_term.put(k, v)";
        QTest::newRow("rebinding with ++") << "children = children ++ [C]"
                                           << "children = children ++ [C]";
        QTest::newRow("aliases in braces") << "alias My.Workers.{Cache, Db}"
                                           << "alias(My.Workers.{Cache, Db})";
        QTest::newRow("an alias under __MODULE__") << "name: __MODULE__.Supervisor"
                                                   << "[name: __MODULE__.Supervisor]";
        QTest::newRow("a pipe on the next line") << "[A, if(x, do: B)]\n|> Enum.reject(&is_nil/1)"
                                                 << "[A, if(x, do: B)] |> Enum.reject(&is_nil/1)";
        QTest::newRow("a capture with its arguments") << "Enum.map(xs, &(&1 + 1))"
                                                      << "Enum.map(xs, &(&1 + 1))";
        QTest::newRow("a capture of an operator") << "Enum.reduce(xs, &+/2)"
                                                  << "Enum.reduce(xs, &+/2)";
        QTest::newRow("a character literal") << "?a"
                                             << "97";
        QTest::newRow("an escaped character literal") << "?\\n"
                                                      << "10";
        QTest::newRow("a sigil with modifiers") << "~r/a\\/b/i"
                                                << "~r/a\\/b/i";
        QTest::newRow("a heredoc sigil") << "~S\"\"\"\nx \" y\n\"\"\""
                                         << "~S\"\"\"\nx \" y\n\"\"\"";
        QTest::newRow("a string nesting a string in #{}") << "\"a #{inspect(\"}\")} b\""
                                                          << "\"a #{inspect(\"}\")} b\"";
        QTest::newRow("a ? ending a name inside #{}") << "\"#{app}:#{ok?}\""
                                                      << "\"#{app}:#{ok?}\"";
        QTest::newRow("a map child spec with an Erlang module")
            << "%{id: :pg, start: {:pg, :start_link, []}}"
            << "%{id: :pg, start: {:pg, :start_link, []}}";
        QTest::newRow("a struct") << "%URI{host: h}"
                                  << "%URI{host: h}";
        QTest::newRow("a map update") << "%{state | count: 1}"
                                      << "%{state | [count: 1]}";
        QTest::newRow("a binary") << "<<a::8, rest::binary>>"
                                  << "<<a :: 8, rest :: binary>>";
        QTest::newRow("a remote call named by an operator") << "Kernel.+(1, 2)"
                                                            << "Kernel.+(1, 2)";
        QTest::newRow("operator names as keyword keys") << "[||: 2, +: 1]"
                                                        << "[||: 2, +: 1]";
        QTest::newRow("quoted keyword keys") << "[\"a b\": 1]"
                                             << "[\"a b\": 1]";
        QTest::newRow("child_spec piped") << "{M, a} |> Supervisor.child_spec(id: :x)"
                                          << "{M, a} |> Supervisor.child_spec(id: :x)";
        QTest::newRow("not in") << "x not in [1]"
                                << "x not in [1]";
        QTest::newRow("precedence: = is looser than ||") << "a = b || c"
                                                         << "a = b || c";
        QTest::newRow("precedence: parentheses kept where needed") << "(a || b) && c"
                                                                   << "(a || b) && c";
        QTest::newRow("a do-block") << "if x do\n  a\nelse\n  b\nend"
                                    << "if(x) do ... end";
        QTest::newRow("an access") << "opts[:name]"
                                   << "opts[:name]";
        QTest::newRow("a call without parentheses and keywords")
            << "use Supervisor, restart: :temporary"
            << "use(Supervisor, restart: :temporary)";
        QTest::newRow("a unary minus on a name") << "-x"
                                                 << "-x";
        QTest::newRow("an atom with @") << ":b@r"
                                        << ":b@r";
        QTest::newRow("a capture of a remote operator") << "&Kernel.==/2"
                                                        << "&Kernel.==/2";
        QTest::newRow("a capture of not") << "&not/1"
                                          << "&not/1";
        QTest::newRow("a capture as an argument without parentheses") << "parse & &1"
                                                                      << "parse(&&1)";
        QTest::newRow("a struct named by a pinned variable") << "%^mod{}"
                                                             << "%^mod{}";
        QTest::newRow("a struct named by unquote") << "%unquote(name){a: 1}"
                                                   << "%unquote(name){a: 1}";
        QTest::newRow("sigil modifiers with digits") << "~VEC\"1 2\"f16"
                                                     << "~VEC\"1 2\"f16";
    }
    void aConstructReadsBackAsWritten() {
        QFETCH(QString, source);
        QFETCH(QString, rendered);
        const ParseResult parsed = parse(source.toStdString());
        QVERIFY2(parsed.errors.empty(),
                 parsed.errors.empty() ? "" : parsed.errors.front().second.c_str());
        QCOMPARE(parsed.statements.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(parsed.statements[0].render()), rendered);
    }

    // Clauses: case, fn and cond bodies are read as clauses with their statements.
    void aCaseIsReadAsItsClauses() {
        const ParseResult parsed = parse("case f() do\n  {:ok, x} when x > 1 -> a\n  b\n"
                                         "  _ -> c\nend");
        QVERIFY(parsed.errors.empty());
        const Term& c = parsed.statements.at(0);
        QCOMPARE(c.body.size(), std::size_t(2));
        QCOMPARE(int(c.body[0].kind), int(Term::Kind::Clause));
        QCOMPARE(c.body[0].body.size(), std::size_t(2));
        QCOMPARE(QString::fromStdString(c.body[0].items.at(0).render()),
                 QStringLiteral("{:ok, x} when x > 1"));
    }

    void anElseBlockIsKept() {
        const ParseResult parsed = parse("with {:ok, a} <- f() do\n a\nelse\n _ -> b\nend");
        QVERIFY(parsed.errors.empty());
        QCOMPARE(parsed.statements.at(0).blocks.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(parsed.statements[0].blocks[0].text),
                 QStringLiteral("else"));
    }

    // What is not Elixir is said, with its line; the rest of the file is still read.
    void anErrorLosesOnlyItsExpression_data() {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("error");
        QTest::addColumn<int>("statements");
        QTest::newRow("two expressions side by side") << "a = 1\nf()g()\nb = 2"
                                                      << "2: syntax error before: 'g'" << 4;
        QTest::newRow("a string that never ends") << "a = 1\nb = \"x"
                                                  << "2: a string that never ends" << 2;
        QTest::newRow("a do without its end") << "if x do\n a"
                                              << "1: 'do' without its 'end'" << 1;
        QTest::newRow("an alias with a letter beyond ASCII, which Elixir refuses")
            << "a = 1\nname: MyApp\u00e9.Sup" << "2: syntax error before: '\u00e9'" << 3;
        QTest::newRow("an alias under a variable, which Elixir refuses")
            << "a = 1\nname: app.Supervisor"
            << "2: invalid alias: app.Supervisor (an alias must be known at compile time)" << 2;
    }
    void anErrorLosesOnlyItsExpression() {
        QFETCH(QString, source);
        QFETCH(QString, error);
        QFETCH(int, statements);
        const ParseResult parsed = parse(source.toStdString());
        QVERIFY(!parsed.errors.empty());
        QCOMPARE(QString::number(parsed.errors[0].first) + QStringLiteral(": ") +
                     QString::fromStdString(parsed.errors[0].second),
                 error);
        QCOMPARE(int(parsed.statements.size()), statements);
    }
};

QTEST_GUILESS_MAIN(TstElixirParse)
#include "tst_elixir_parse.moc"
