# Tests of the board (app/board and the board and vote views): headless ImGui frames driving
# the real App with simulated mouse and keyboard, asserting on the saved model.
add_executable(board_tests
  test_board.cpp
)
target_include_directories(board_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(board_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(board_tests PRIVATE atelier_test_support atelier_ui Catch2::Catch2)
catch_discover_tests(board_tests TEST_PREFIX "board: ")
