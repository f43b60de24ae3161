#include "KnownLibraries.h"

#include <array>

namespace suplab::elixir {

namespace {

using enum IdRule;

// Elixir's own modules (Registry, Task, Agent, DynamicSupervisor, PartitionSupervisor,
// Task.Supervisor) are read by the importer itself, with their options.
constexpr std::array<KnownLibrary, 18> kLibraries{{
    {"Phoenix.PubSub", Fixed, "Phoenix.PubSub.Supervisor", true,
     "runtime (phoenix_pubsub 2.x: its child_spec is Phoenix.PubSub.Supervisor's)"},
    {"Cluster.Supervisor", Module, {}, true, "runtime (libcluster lib/supervisor.ex)"},
    {"DNSCluster", Module, {}, false, "runtime (dns_cluster)"},
    {"ConCache", Module, {}, true, "runtime (con_cache: the name: option is not the id)"},
    {"PropertyTable", NameOption, {}, true, "runtime (property_table)"},
    {"BEAMNotify", Module, {}, false, "runtime (beam_notify)"},
    {"Oban", NameElseModule, {}, true, "source: oban lib/oban.ex child_spec/1"},
    {"Finch", NameOption, {}, false, "source: finch lib/finch.ex child_spec/1"},
    {"Cachex", Module, {}, true, "source: cachex lib/cachex.ex (use Supervisor)"},
    {"Horde.Registry", NameOption, {}, true, "source: horde lib/horde/registry.ex"},
    {"Horde.DynamicSupervisor",
     NameOption,
     {},
     true,
     "source: horde lib/horde/dynamic_supervisor.ex"},
    {"Goth", Module, {}, false, "source: goth lib/goth.ex (use GenServer)"},
    {"Absinthe.Subscription", Module, {}, true, "source: absinthe lib/absinthe/subscription.ex"},
    {"DeltaCrdt", NameElseModule, {}, false, "source: delta_crdt lib/delta_crdt.ex"},
    {"Tortoise311.Connection",
     NameElseModule,
     {},
     false,
     "source: tortoise311 lib/tortoise311/connection.ex"},
    {"Bandit", MadeAtRunTime, {}, true, "source: bandit lib/bandit.ex ({Bandit, make_ref()})"},
    {"Phoenix.LiveReloader.Socket", Module, {}, false, "source: phoenix_live_reload"},
    {"Plug.Cowboy",
     MadeAtRunTime,
     {},
     true,
     "source: plug_cowboy lib/plug/cowboy.ex (a ranch listener named by the plug)"},
}};

} // namespace

const KnownLibrary* knownLibrary(std::string_view module) {
    for (const KnownLibrary& library : kLibraries)
        if (library.module == module) return &library;
    return nullptr;
}

} // namespace suplab::elixir
