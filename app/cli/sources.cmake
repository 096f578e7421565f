# Further command groups: target_sources(atelier_cli PRIVATE ...)
target_sources(atelier_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_backup.cpp)
target_sources(atelier_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_generate.cpp)
# serve: the participant page for phones (app/server), on Debian's compiled cpp-httplib. Its
# pkg-config flags (CPPHTTPLIB_OPENSSL_SUPPORT …) must match how the library was built.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(Threads REQUIRED)
# The server is shared by `atelier serve` and the app's Participation screen.
add_library(atelier_server STATIC ${CMAKE_CURRENT_LIST_DIR}/../server/participant_server.cpp)
target_include_directories(atelier_server PUBLIC ${CMAKE_CURRENT_LIST_DIR}/..)
target_compile_options(atelier_server PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(atelier_server PUBLIC atelier_core PkgConfig::CPP_HTTPLIB Threads::Threads)
target_sources(atelier_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_serve.cpp)
target_link_libraries(atelier_cli PUBLIC atelier_server)
