#pragma once
// An EEx template of an Elixir file (a generator's `application.ex.eex`, as phx.new has)
// read as the Elixir it renders to, for the importer:
//  - an output tag in the code (`<%= @app_module %>.Repo`) stands for a module whose name
//    is given when the template is rendered: it becomes an alias placeholder, and the
//    tag's text comes back in ids and messages (`<%= @app_module %>.Repo`);
//  - `<%= if cond do %> ... <% else %> ... <% end %>` becomes `if cond do ... end` among
//    statements and `if(cond, do: child)` for each child within a list, so that children
//    the template writes only under a condition are imported as conditional;
//  - other tags (`<% code %>`, `<%# comment %>`, `for`, `case`) are left out, their body
//    kept. Lines stay where they are, so that messages point at the template's lines.

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace suplab::elixir {

struct EExRendering {
    std::string elixir; // the source as the importer reads it
    // (placeholder alias, the tag it stands for), e.g. ("EExTag0_", "<%= @app_module %>")
    std::vector<std::pair<std::string, std::string>> tags;
};

/// Whether `source` holds EEx tags (`<%`) outside what could be an Elixir string.
bool looksLikeEEx(std::string_view source);

/// `source` read as described above.
EExRendering renderEEx(std::string_view source);

/// `text` with every placeholder of `rendering` put back as the tag it stands for.
std::string withTags(std::string text, const EExRendering& rendering);

} // namespace suplab::elixir
