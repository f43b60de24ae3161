#!/usr/bin/env python3
"""Checks the include rules of docs/architecture.md and says where each breach is.

1. An engine file includes only headers of its own layer or of the layers below it.
   The layers and their folders are read from engine/CMakeLists.txt (suplab_layer),
   the same lines that make the build refuse an upward include; this check names
   the file and line, which a compiler's "no such file" does not.
2. The GUI (ui/, app/gui/) reaches a run only through facade/Engine.h: of the
   engine it includes the facade and the value types and features listed in
   GUI_MAY_INCLUDE, never the runtime, the schedulers, the supervisors, EngineCore
   or the player.
3. No folder of ui/ has the name of a folder of engine/: both are include roots,
   and a GUI header must never hide an engine header.

Usage: scripts/check-layers.py [REPOSITORY]   (exit 1 and one line per breach)
"""
import pathlib
import re
import sys

# What the GUI may include from the engine, and why each is there.
GUI_MAY_INCLUDE = [
    "facade/",                 # the run itself: post, subscribe, clock, ask
    "run/Action.h",            # an action is a value the GUI builds
    "run/ClockKind.h",
    "scenario/",               # a scenario is a value: read, checked, written, pruned
    "supervision/NodeSpec.h",  # a tree node is a value (the start-child form builds one)
    "supervision/RestartIntensity.h",  # OTP's intensity rule, to draw the budget from events
    "events/Event.h", "events/EventSink.h", "events/EventFormat.h",
    "base/Pid.h", "base/Reason.h", "term/", "json/Json.h",
    "console/Transcript.h", "console/Reply.h",  # a lesson's session, the console's answer
    "io/", "compare/", "chaos/", "elixir/", "export/",  # features run apart from the run
    "analysis/",  # the resilience analysis: runs of its own, on a scenario value
]

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def layers(root):
    """[(layer, folders, below)] in the order engine/CMakeLists.txt declares them."""
    text = (root / "engine/CMakeLists.txt").read_text()
    found = []
    for m in re.finditer(r"^suplab_layer\((\w+) FOLDERS ([\w ]+?)(?: BELOW (\w+))?\)", text, re.M):
        found.append((m.group(1), m.group(2).split(), m.group(3)))
    if not found:
        sys.exit("engine/CMakeLists.txt declares no suplab_layer: nothing to check against")
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).parent.parent)
    declared = layers(root)
    visible, layer_of = {}, {}
    for name, folders, below in declared:
        visible[name] = set(folders) | (visible[below] if below else set())
        for f in folders:
            layer_of[f] = name
    engine_folders = {p.name for p in (root / "engine").iterdir() if p.is_dir()}
    breaches = []

    for folder in sorted(engine_folders):
        if folder not in layer_of:
            breaches.append(f"engine/{folder}/: in no layer of engine/CMakeLists.txt")
            continue
        for path in sorted((root / "engine" / folder).glob("*.[hc]*")):
            text = path.read_text(errors="replace")
            for m in INCLUDE.finditer(text):
                target = m.group(1)
                if "/" not in target:
                    continue  # a header of the same folder
                top = target.split("/")[0]
                if top not in visible[layer_of[folder]]:
                    line = text.count("\n", 0, m.start()) + 1
                    breaches.append(
                        f"engine/{folder}/{path.name}:{line}: includes {target}, but layer "
                        f"'{layer_of[folder]}' sees only {sorted(visible[layer_of[folder]])}")

    gui_files = [p for d in ("ui", "app/gui") for p in sorted((root / d).rglob("*.[hc]*"))]
    for path in gui_files:
        text = path.read_text(errors="replace")
        for m in INCLUDE.finditer(text):
            target = m.group(1)
            if target.split("/")[0] not in engine_folders:
                continue  # a GUI header
            if not any(target == a or (a.endswith("/") and target.startswith(a))
                       for a in GUI_MAY_INCLUDE):
                line = text.count("\n", 0, m.start()) + 1
                breaches.append(f"{path.relative_to(root)}:{line}: the GUI includes {target}, "
                                "below facade/Engine.h (scripts/check-layers.py lists what it may)")

    for p in sorted((root / "ui").iterdir()):
        if p.is_dir() and p.name in engine_folders:
            breaches.append(f"ui/{p.name}/: has the name of engine/{p.name}/, whose headers it can hide")

    for b in breaches:
        print(b)
    if breaches:
        return 1
    print(f"layers: {len(declared)} engine layers and the GUI's includes hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
