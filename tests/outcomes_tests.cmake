# Prototypes, exhibition stand, dashboard, search, import/export/merge screens, and photo import.
add_executable(outcomes_tests
  app_headless.cpp
  test_outcomes_photo.cpp
  test_outcomes_views.cpp
)
target_include_directories(outcomes_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(outcomes_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(outcomes_tests PRIVATE atelier_ui PkgConfig::ATELIER_STB Catch2::Catch2)
if(TARGET atelier_test_support)
  target_link_libraries(outcomes_tests PRIVATE atelier_test_support)
else()
  target_sources(outcomes_tests PRIVATE main.cpp support.cpp)
endif()
catch_discover_tests(outcomes_tests TEST_PREFIX "outcomes: ")

# The real binary renders each outcome screen under a virtual display.
find_program(XVFB_RUN xvfb-run)
if(XVFB_RUN)
  add_test(NAME outcomes_screenshots
    COMMAND ${XVFB_RUN} -a bash ${CMAKE_CURRENT_SOURCE_DIR}/app/outcomes_screenshots.sh $<TARGET_FILE:atelier> $<TARGET_FILE:app_png_check>)
  set_tests_properties(outcomes_screenshots PROPERTIES TIMEOUT 180)
endif()
