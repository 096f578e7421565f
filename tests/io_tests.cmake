# Tests of core/io (import, export, search), linking atelier_core alone.
add_executable(io_tests
  test_io_fold.cpp
  test_io_search.cpp
  test_io_csv.cpp
  test_io_import.cpp
  test_io_event.cpp
  test_io_bundle.cpp
  test_io_bundle_rules.cpp
  test_io_photo_guard.cpp
  test_io_report.cpp
  test_io_export.cpp
)
target_compile_options(io_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(io_tests PRIVATE atelier_test_support atelier_core Catch2::Catch2)
# Fixture files are read from the source tree.
target_compile_definitions(io_tests PRIVATE ATELIER_IO_FIXTURES="${CMAKE_CURRENT_SOURCE_DIR}/fixtures/io")
catch_discover_tests(io_tests)
