#pragma once
// The lesson's examples, in the lesson's order: as scenarios (Examples menu), as
// sessions to run line by line in the console (Examples > The lesson, step by step)
// and as the Elixir modules the lesson writes (Examples > The lesson in Elixir).

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

/// A lesson's iex session and the tree it runs on: an Elixir file (the tree is down
/// until the session's first line starts it) or a scenario (up, as `iex -S mix`
/// leaves an application).
struct LessonSession {
    const char* source;
    const char* transcript;
    const char* title;
    const char* moreModules = nullptr; // functions the session calls beyond the lesson's file
};

inline constexpr LessonSession kLessonSessions[] = {
    {":/elixir/lesson_counter_kvstore.ex", ":/lessons/01_counter_kvstore.iex",
     "Counter and KVStore: a restart wipes the state"},
    {":/elixir/lesson_rest_for_one.ex", ":/lessons/02_database_cache_webserver.iex",
     "Database, Cache, WebServer: rest_for_one"},
    {":/scenarios/03_application_tree.json", ":/lessons/03_application_tree.iex",
     "Application tree: a crash stays in its subsystem"},
    {":/elixir/lesson_session_supervisor.ex", ":/lessons/04_session_supervisor.iex",
     "SessionSupervisor: sessions started on demand"},
    {":/elixir/lesson_chat_app.ex", ":/lessons/05_chat_app.iex",
     "ChatApp: rooms under a DynamicSupervisor", ":/lessons/chat_app_rooms.ex"},
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
