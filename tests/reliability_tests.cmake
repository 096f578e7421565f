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
  add_executable(reliability_cli_tests
    test_reliability_crash.cpp
    test_reliability_files.cpp
  )
  target_compile_options(reliability_cli_tests PRIVATE ${ATELIER_WARNINGS})
  target_compile_definitions(reliability_cli_tests PRIVATE ATELIER_BINARY="$<TARGET_FILE:atelier>")
  target_link_libraries(reliability_cli_tests PRIVATE atelier_test_support atelier_core Catch2::Catch2)
  add_dependencies(reliability_cli_tests atelier)
  catch_discover_tests(reliability_cli_tests)
endif()

# The app's side (opening read-only, warnings, backups menu) through its Session.
if(ATELIER_BUILD_APP AND ATELIER_BUILD_GUI)
  add_executable(reliability_app_tests
    test_reliability_app.cpp
  )
  target_compile_options(reliability_app_tests PRIVATE ${ATELIER_WARNINGS})
  target_link_libraries(reliability_app_tests PRIVATE atelier_test_support atelier_ui atelier_core Catch2::Catch2)
  catch_discover_tests(reliability_app_tests)
endif()
