# Further command groups: target_sources(atelier_cli PRIVATE ...)
target_sources(atelier_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_backup.cpp)
target_sources(atelier_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_generate.cpp)
# serve: the participant page for phones (app/server), on Debian's compiled cpp-httplib. Its
# pkg-config flags (CPPHTTPLIB_OPENSSL_SUPPORT …) must match how the library was built.
find_package(PkgConfig REQUIRED)
pkg_check_modules(CPP_HTTPLIB REQUIRED IMPORTED_TARGET cpp-httplib)
find_package(Threads REQUIRED)
target_sources(atelier_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_serve.cpp ${CMAKE_CURRENT_LIST_DIR}/../server/participant_server.cpp)
target_link_libraries(atelier_cli PUBLIC PkgConfig::CPP_HTTPLIB Threads::Threads)
