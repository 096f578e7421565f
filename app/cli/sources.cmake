# Further command groups: target_sources(atelier_cli PRIVATE ...)
target_sources(atelier_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_backup.cpp)
target_sources(atelier_cli PRIVATE ${CMAKE_CURRENT_LIST_DIR}/cmd_generate.cpp)
