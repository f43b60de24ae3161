#pragma once
// An Elixir value: the part of Elixir's data a session of the lesson
// handles (atoms, integers, floats, strings, pids, tuples, lists, maps), printed
// exactly as iex prints it.

#include "base/Pid.h"

#include <cstdint>
#include <string>
#include <vector>

namespace suplab {

struct Value {
    enum class Kind : unsigned char { Atom, Integer, Float, String, Process, Tuple, List, Map };
    Kind kind = Kind::Atom;
    std::string text; // Atom: the name without the colon ("ok", "nil", "Elixir.Counter")
                      // String: the bytes
    std::int64_t integer = 0;
    double real = 0; // Float
    Pid pid = kNoPid;
    std::vector<Value> items; // Tuple, List; Map: key, value, key, value, ...

    static Value atom(std::string name);
    /// An alias as Elixir reads it: `Counter` is the atom `Elixir.Counter`.
    static Value module(const std::string& dotted);
    static Value nil() { return atom("nil"); }
    static Value ok() { return atom("ok"); }
    static Value boolean(bool b) { return atom(b ? "true" : "false"); }
    static Value integerOf(std::int64_t n);
    static Value floatOf(double d);
    static Value string(std::string s);
    static Value pidOf(Pid p);
    static Value tuple(std::vector<Value> items);
    static Value list(std::vector<Value> items);
    /// Keys and values in the order given; printing sorts them as Erlang's term order does.
    static Value map(std::vector<std::pair<Value, Value>> entries);

    bool isAtom(std::string_view name) const { return kind == Kind::Atom && text == name; }
    /// `Counter` for the atom Elixir.Counter; empty for any other value.
    std::string moduleName() const;

    friend bool operator==(const Value& a, const Value& b);
};

/// Erlang's term order (number < atom < reference < fun < port < pid < tuple < map <
/// list < bitstring), which is also the order iex prints a map's keys in.
bool termLess(const Value& a, const Value& b);

/// As iex prints it: `:ok`, `10`, `"user_1"`, `#PID<0.301.0>`, `{:ok, #PID<0.301.0>}`,
/// `%{active: 2, specs: 2}`, `[{KVStore, #PID<0.8.0>, :worker, [KVStore]}]`.
std::string inspect(const Value& value);
/// As iex shows a result: inspect() when it fits in `width` columns, else broken over
/// lines, each element of a too-wide list, tuple or map on its own, two spaces in.
std::string inspectPretty(const Value& value, std::size_t width = 80);

} // namespace suplab
