# Where `cmake --install` puts SupLab on a Debian-like desktop, and the .deb that
# CPack builds from it (`cpack --config BUILD/CPackConfig.cmake`).
include(GNUInstallDirs)

install(FILES ${CMAKE_SOURCE_DIR}/resources/desktop/org.suplab.SupLab.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)
install(FILES ${CMAKE_SOURCE_DIR}/resources/icons/suplab.svg
        DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
install(FILES ${CMAKE_SOURCE_DIR}/resources/desktop/org.suplab.SupLab.metainfo.xml
        DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
# The lesson's scenarios and its Elixir modules, where Debian keeps examples.
install(DIRECTORY ${CMAKE_SOURCE_DIR}/resources/scenarios ${CMAKE_SOURCE_DIR}/resources/elixir
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/suplab/examples)
install(FILES ${CMAKE_SOURCE_DIR}/docs/man/suplab.1 ${CMAKE_SOURCE_DIR}/docs/man/suplab-cli.1
        DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME suplab)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_VENDOR "SupLab")
set(CPACK_PACKAGE_CONTACT "SupLab developers <suplab@example.org>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "lab for Erlang/Elixir-style supervision trees")
string(CONCAT CPACK_PACKAGE_DESCRIPTION
    "SupLab builds OTP supervision trees, lets you break them on purpose (kill, crash, "
    "exit signals, chaos) and shows what the supervisors do: restarts, intensity, "
    "shutdown, significant children. It imports Elixir supervisor modules and exports "
    "trees as SVG, PNG, Mermaid and DOT. Includes the headless runner suplab-cli.")
set(CPACK_PACKAGE_INSTALL_DIRECTORY suplab)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Libraries from dpkg-shlibdeps; the platform plugins are loaded at run time, so name them.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "elixir, graphviz")
include(CPack)
