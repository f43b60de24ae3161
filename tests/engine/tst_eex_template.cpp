// An EEx template of an Elixir file (a generator's application.ex.eex) reads as the
// Elixir it renders to: output tags become placeholders that come back in ids, a child
// within `<%= if %>` becomes conditional, lines stay where they are.

#include "elixir/EExTemplate.h"
#include "elixir/ElixirImporter.h"
#include "scenario/ScenarioWriter.h"

#include <QTest>

using namespace suplab;

class TstEExTemplate : public QObject {
    Q_OBJECT
  private Q_SLOTS:
    void aTemplateRendersToElixir_data() {
        QTest::addColumn<QString>("eex");
        QTest::addColumn<QString>("elixir");
        QTest::newRow("an output tag is a placeholder alias, the same tag the same one")
            << "<%= @app %>.Repo, <%= @app %>.Cache, <%= @web %>"
            << "EExTag0_.Repo, EExTag0_.Cache, EExTag1_";
        QTest::newRow("each child inside an if in a list is conditional")
            << "[A,<%= if @ecto do %>\n  B, {C, 1},<% end %>\n  D]"
            << "[A,\n  if(@ecto, do: B), if(@ecto, do: {C, 1}),\n  D]";
        QTest::newRow("an else in a list gives the other children the opposite condition")
            << "[<%= if @a do %>B<% else %>C<% end %>]"
            << "[if(@a, do: B)unless(@a, do: C)]";
        QTest::newRow("an if among statements stays an if, after what ends its line")
            << "  end<%= if @lite do %>\n  defp x, do: 1<% end %>\nend"
            << "  end; if @lite do \n  defp x, do: 1 end \nend";
        QTest::newRow("a comment in a conditional child does not swallow its parenthesis")
            << "[<%= if @a do %>\n  # the repo\n  Repo,<% end %>\n]"
            << "[\n            \n  if(@a, do: Repo),\n]";
        QTest::newRow("code and comment tags are left out, their lines kept")
            << "<% x = 1\n %><%# note %>A"
            << "\nA";
        QTest::newRow("an unterminated tag is text") << "A <%= oops"
                                                     << "A <%= oops";
        QTest::newRow("a stray end is left out") << "A<% end %>B"
                                                 << "AB";
        QTest::newRow("two tags that read alike on one line are one placeholder")
            << "<%= @a %>.X, <%= @a\n%>.Y"
            << "EExTag0_.X, EExTag0_\n.Y";
    }
    void aTemplateRendersToElixir() {
        QFETCH(QString, eex);
        QFETCH(QString, elixir);
        QCOMPARE(QString::fromStdString(elixir::renderEEx(eex.toStdString()).elixir), elixir);
    }

    void aTemplateImportsWithItsTagsInTheIds() {
        const char* source = R"x(defmodule <%= @app_module %>.Application do
  use Application

  def start(_type, _args) do
    children = [<%= if @ecto do %>
      <%= @app_module %>.Repo,<% end %>
      {Phoenix.PubSub, name: <%= @app_module %>.PubSub},
      <%= @endpoint_module %>
    ]
    Supervisor.start_link(children, strategy: :one_for_one, name: <%= @app_module %>.Supervisor)
  end
end
)x";
        const ImportResult r = importElixir(source, "application.ex.eex");
        QVERIFY(r.scenario);
        QCOMPARE(
            QString::fromStdString(writeNode(*r.scenario->root)),
            QStringLiteral(
                R"x({"id": "<%= @app_module %>.Supervisor", "type": "supervisor", "children": [{"id": "<%= @app_module %>.Repo", "note": "conditional: starts only if @ecto (line 6)"}, {"id": "Phoenix.PubSub.Supervisor", "type": "supervisor"}, {"id": "<%= @endpoint_module %>"}]})x"));
        QVERIFY(r.complete());
        QVERIFY(r.notes.front().message.starts_with("an EEx template"));
    }

    void aTagShowsAsOneLineOfPrintableText() {
        const auto r = elixir::renderEEx("<%= @a\xa6 / 2 %>.X");
        QCOMPARE(r.tags.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(elixir::withTags(r.elixir, r)),
                 QStringLiteral("<%= @a? \u2215 2 %>.X"));
    }

    void aFileWithoutTagsIsReadAsItIs() {
        QVERIFY(!elixir::looksLikeEEx("defmodule A do\n  x = \"<%\"\nend"));
        QVERIFY(elixir::looksLikeEEx("defmodule <%= @m %> do end"));
        QVERIFY(!elixir::looksLikeEEx("def render(a), do: ~H\"\"\"\n<%= @x %>\n\"\"\"\n"));
        QVERIFY(!elixir::looksLikeEEx("# <%= not a tag %>\nA"));
        QVERIFY(elixir::looksLikeEEx("x = \"a\\\"b\"\n<%= @y %>"));
    }
};

QTEST_GUILESS_MAIN(TstEExTemplate)
#include "tst_eex_template.moc"
