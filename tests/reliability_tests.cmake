# Reliability: disk full, backups (core alone), and, with the binary, crashes, refused files,
# a second instance.
add_executable(reliability_core_tests
  test_reliability_storage.cpp
  test_reliability_backup.cpp
  test_reliability_disk_full.cpp
  failing_vfs.cpp
)
target_compile_options(reliability_core_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(reliability_core_tests PRIVATE atelier_test_support atelier_core Catch2::Catch2)
catch_discover_tests(reliability_core_tests)

if(ATELIER_BUILD_APP)
  # The failing VFS as a shared library, LD_PRELOADed into the real binary by the disk tests.
  add_library(atelier_failing_vfs MODULE failing_vfs.cpp failing_vfs_preload.cpp)
  target_compile_options(atelier_failing_vfs PRIVATE ${ATELIER_WARNINGS})
  target_link_libraries(atelier_failing_vfs PRIVATE SQLite::SQLite3)

  add_executable(reliability_cli_tests
    test_reliability_crash.cpp
    test_reliability_files.cpp
    test_reliability_disk_cli.cpp
  )
  target_compile_options(reliability_cli_tests PRIVATE ${ATELIER_WARNINGS})
  target_compile_definitions(reliability_cli_tests PRIVATE ATELIER_BINARY="$<TARGET_FILE:atelier>"
                                                           ATELIER_FAILING_VFS="$<TARGET_FILE:atelier_failing_vfs>")
  target_link_libraries(reliability_cli_tests PRIVATE atelier_test_support atelier_core Catch2::Catch2)
  add_dependencies(reliability_cli_tests atelier atelier_failing_vfs)
  catch_discover_tests(reliability_cli_tests)
endif()

# The app's side (opening read-only, warnings, backups menu) through its Session.
if(ATELIER_BUILD_APP AND ATELIER_BUILD_GUI)
  add_executable(reliability_app_tests
    test_reliability_app.cpp
    app_headless.cpp
  )
  target_include_directories(reliability_app_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
  target_compile_options(reliability_app_tests PRIVATE ${ATELIER_WARNINGS})
  target_link_libraries(reliability_app_tests PRIVATE atelier_test_support atelier_ui atelier_core Catch2::Catch2)
  catch_discover_tests(reliability_app_tests)
endif()
