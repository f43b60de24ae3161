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
# GCC 12 reports false -Wrestrict/-Wstringop-overflow hits inside libstdc++'s
# std::string at -O3 (GCC bug 105329); they are not ours, so do not fail on them.
if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    target_compile_options(suplab_warnings INTERFACE -Wno-restrict)
endif()
