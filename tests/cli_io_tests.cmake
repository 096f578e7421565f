# The atelier binary's import, export, template and search commands, end to end.
add_executable(cli_io_tests
  test_io_cli.cpp
  test_io_bundle_memory.cpp
)
target_compile_options(cli_io_tests PRIVATE ${ATELIER_WARNINGS})
target_compile_definitions(cli_io_tests PRIVATE ATELIER_BINARY="$<TARGET_FILE:atelier>"
                                                ATELIER_IO_FIXTURES="${CMAKE_CURRENT_SOURCE_DIR}/fixtures/io")
target_link_libraries(cli_io_tests PRIVATE atelier_test_support atelier_core Catch2::Catch2)
add_dependencies(cli_io_tests atelier)
catch_discover_tests(cli_io_tests)
