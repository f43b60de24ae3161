#include "KnownLibraries.h"

#include <array>

namespace suplab::elixir {

namespace {

using enum IdRule;

constexpr NodeType W = NodeType::Worker;
constexpr NodeType S = NodeType::Supervisor;
constexpr NodeType D = NodeType::DynamicSupervisor;

constexpr std::array<KnownLibrary, 28> kLibraries{{
    // Elixir's own (checked with child_spec/1 on Elixir 1.14). A Registry supervises its
    // partitions, which a scenario cannot name: it comes in as a supervisor with none. A
    // PartitionSupervisor is shown as the one dynamic supervisor it stands for.
    {"DynamicSupervisor", NameElseModule, {}, D, "runtime"},
    {"Task.Supervisor", NameElseModule, {}, D, "runtime"},
    {"PartitionSupervisor", NameElseModule, {}, D, "runtime"},
    {"Registry", NameElseModule, {}, S, "runtime"},
    {"Agent", Module, {}, W, "runtime"},
    {"Task", Module, {}, W, "runtime (restart: :temporary)"},
    {"Phoenix.PubSub", Fixed, "Phoenix.PubSub.Supervisor", S,
     "runtime (phoenix_pubsub 2.x: its child_spec is Phoenix.PubSub.Supervisor's)"},
    {"Cluster.Supervisor", Module, {}, S, "runtime (libcluster lib/supervisor.ex)"},
    {"DNSCluster", Module, {}, W, "runtime (dns_cluster)"},
    {"ConCache", Module, {}, S, "runtime (con_cache: the name: option is not the id)"},
    {"PropertyTable", NameOption, {}, S, "runtime (property_table)"},
    {"BEAMNotify", Module, {}, W, "runtime (beam_notify)"},
    {"Oban", NameElseModule, {}, S, "source: oban lib/oban.ex child_spec/1"},
    {"Finch", NameOption, {}, S, "source: finch lib/finch.ex child_spec/1 (type: :supervisor)"},
    {"Cachex", Module, {}, S, "source: cachex lib/cachex.ex (use Supervisor)"},
    {"Horde.Registry", NameOption, {}, S, "source: horde lib/horde/registry.ex"},
    {"Horde.DynamicSupervisor", NameOption, {}, S, "source: horde lib/horde/dynamic_supervisor.ex"},
    {"Goth", Module, {}, W, "source: goth lib/goth.ex (use GenServer)"},
    {"Absinthe.Subscription", Module, {}, S, "source: absinthe lib/absinthe/subscription.ex"},
    {"DeltaCrdt", NameElseModule, {}, W, "source: delta_crdt lib/delta_crdt.ex"},
    {"Tortoise311.Connection",
     NameElseModule,
     {},
     W,
     "source: tortoise311 lib/tortoise311/connection.ex"},
    {"Bandit", MadeAtRunTime, {}, S, "source: bandit lib/bandit.ex ({Bandit, make_ref()})"},
    {"Phoenix.LiveReloader.Socket", Module, {}, W, "source: phoenix_live_reload"},
    {"Plug.Cowboy", PlugListener, "ranch_embedded_sup", S,
     "source: plug_cowboy 2.7 lib/plug/cowboy.ex child_spec/1 and build_ref/2, ranch 2.x "
     "src/ranch.erl child_spec/5 (ranch 1.x tags it :ranch_listener_sup)"},
    // Erlang libraries, named with their colon as Elixir writes them.
    {":telemetry_poller", NameElseModule, {}, W, "source: telemetry_poller child_spec/1"},
    {":poolboy", FirstArgument, {}, W, "source: poolboy child_spec/2,3 (the pool id)"},
    {":hackney_pool", FirstArgument, {}, W, "source: hackney_pool child_spec/2 (the pool name)"},
    {":ranch", TaggedFirst, "ranch_embedded_sup", S, "source: ranch child_spec/5 (the ref)"},
}};

constexpr std::array<UsedBehaviour, 8> kBehaviours{{
    {"GenServer", W, "runtime"},
    {"Agent", W, "runtime"},
    {"GenStage", W, "source: gen_stage lib/gen_stage.ex (a worker by default)"},
    {"Ecto.Repo", S, "source: ecto lib/ecto/repo.ex child_spec/1 (type: :supervisor)"},
    {"Phoenix.Endpoint", S, "source: phoenix lib/phoenix/endpoint.ex (type: :supervisor)"},
    {"Phoenix.Presence", S, "source: phoenix lib/phoenix/presence.ex (a Supervisor)"},
    {"Broadway", S, "source: broadway lib/broadway.ex (a supervisor of its stages)"},
    {"PromEx", S, "source: prom_ex lib/prom_ex.ex (use Supervisor)"},
}};

} // namespace

const UsedBehaviour* usedBehaviour(std::string_view module) {
    for (const UsedBehaviour& b : kBehaviours)
        if (b.module == module) return &b;
    return nullptr;
}

const KnownLibrary* knownLibrary(std::string_view module) {
    for (const KnownLibrary& library : kLibraries)
        if (library.module == module) return &library;
    return nullptr;
}

} // namespace suplab::elixir
