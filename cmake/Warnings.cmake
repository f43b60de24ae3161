# One INTERFACE target carries the project's warnings and Qt hygiene flags;
# every target links it, so no target can quietly build with fewer checks.
add_library(suplab_warnings INTERFACE)
target_compile_options(suplab_warnings INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wnull-dereference -Wimplicit-fallthrough)
target_compile_definitions(suplab_warnings INTERFACE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_NO_FOREACH QT_NO_KEYWORDS
    QT_NO_URL_CAST_FROM_STRING QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
if(SUPLAB_WERROR)
    target_compile_options(suplab_warnings INTERFACE -Werror)
endif()
