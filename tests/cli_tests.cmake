# The atelier binary's commands, end to end: the test runs the real binary.
add_executable(cli_tests
  test_cli_event.cpp
  test_cli_apply.cpp
  test_cli_merge.cpp
)
target_compile_options(cli_tests PRIVATE ${ATELIER_WARNINGS})
target_compile_definitions(cli_tests PRIVATE ATELIER_BINARY="$<TARGET_FILE:atelier>")
target_link_libraries(cli_tests PRIVATE atelier_test_support atelier_core Catch2::Catch2)
add_dependencies(cli_tests atelier)
catch_discover_tests(cli_tests)

add_test(NAME readme_lists_every_action
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/readme_actions_test.sh $<TARGET_FILE:atelier> ${PROJECT_SOURCE_DIR}/README.md)

# README.md exactly right: every command run, the apply example's output compared.
add_test(NAME readme_commands
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/readme_commands_test.sh $<TARGET_FILE:atelier> ${PROJECT_SOURCE_DIR}/README.md
          ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
set_tests_properties(readme_commands PROPERTIES TIMEOUT 300)
# ... and that test fails when an example of the README is changed.
add_test(NAME readme_commands_catch_a_changed_example
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/readme_mutation_test.sh $<TARGET_FILE:atelier> ${PROJECT_SOURCE_DIR}/README.md
          ${PROJECT_SOURCE_DIR} ${PROJECT_BINARY_DIR})
set_tests_properties(readme_commands_catch_a_changed_example PROPERTIES TIMEOUT 600)

# atelier --help: the app, its options, every export format; --lang before any command.
add_test(NAME cli_help_tells_the_whole_story
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/cli_help_test.sh $<TARGET_FILE:atelier> ${PROJECT_VERSION})
