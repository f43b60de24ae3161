#pragma once
// The lesson's examples, in the lesson's order: as scenarios (Examples menu) and
// as the Elixir modules the lesson writes (Examples > The lesson in Elixir).

namespace suplab {

struct Example {
    const char* resource;
    const char* title;
};

inline constexpr Example kScenarioExamples[] = {
    {":/scenarios/01_counter_kvstore.json", "Counter and KVStore (one_for_one)"},
    {":/scenarios/02_database_cache_webserver.json", "Database, Cache, WebServer (rest_for_one)"},
    {":/scenarios/03_application_tree.json", "Application tree: three subsystems"},
    {":/scenarios/04_session_supervisor.json", "SessionSupervisor (DynamicSupervisor)"},
    {":/scenarios/05_chat_app.json", "ChatApp: Logger and RoomSupervisor"},
};

inline constexpr Example kElixirExamples[] = {
    {":/elixir/lesson_counter_kvstore.ex", "MyApp.Supervisor: Counter and KVStore"},
    {":/elixir/lesson_rest_for_one.ex", "MyApp.Supervisor: Database, Cache, WebServer"},
    {":/elixir/lesson_application.ex", "MyApp.Application: three subsystems"},
    {":/elixir/lesson_session_supervisor.ex", "MyApp.SessionSupervisor"},
    {":/elixir/lesson_chat_app.ex", "ChatApp.Supervisor"},
    {":/elixir/lesson_temporary_worker.ex", "MyTemporaryWorker"},
    {":/elixir/lesson_child_spec_map.exs", "A child spec map"},
};

} // namespace suplab
