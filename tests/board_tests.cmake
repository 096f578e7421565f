# Tests of the board (app/board and the board and vote views): headless ImGui frames driving
# the real App with simulated mouse and keyboard, asserting on the saved model.
add_executable(board_tests
  test_board.cpp
)
target_include_directories(board_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(board_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(board_tests PRIVATE atelier_test_support atelier_ui Catch2::Catch2)
catch_discover_tests(board_tests TEST_PREFIX "board: ")

# The real app under its own Xvfb with a French layout, typed into by xdotool (skips without them).
add_test(NAME "board: typing under Xvfb never loses a character (fr layout, xdotool)"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/board_typing_xvfb_test.sh $<TARGET_FILE:atelier>)
set_tests_properties("board: typing under Xvfb never loses a character (fr layout, xdotool)" PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 90)
