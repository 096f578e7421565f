add_executable(core_tests
  main.cpp
  support.cpp
  test_engine.cpp
)
target_compile_options(core_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(core_tests PRIVATE atelier_core Catch2::Catch2)
catch_discover_tests(core_tests)
