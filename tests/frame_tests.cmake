# The whole frame through OpenGL (issue 17): fragment counts of the real app under Xvfb.
add_test(NAME "frame: a panning board shades at most 1.3 screens of fragments (Xvfb, llvmpipe)"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/frame_fill_xvfb_test.sh $<TARGET_FILE:atelier>)
set_tests_properties("frame: a panning board shades at most 1.3 screens of fragments (Xvfb, llvmpipe)"
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# Text minified without aliasing: a board at 43 % compared with its 1:1 render scaled down.
add_executable(frame_ssim_check frame_ssim_check.cpp)
target_link_libraries(frame_ssim_check PRIVATE imgui_core)
add_test(NAME "frame: a board at 43 % looks like its 1:1 render scaled down (SSIM >= 0.9 on the notes)"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/frame_ssim_test.sh $<TARGET_FILE:atelier> $<TARGET_FILE:frame_ssim_check>)
set_tests_properties("frame: a board at 43 % looks like its 1:1 render scaled down (SSIM >= 0.9 on the notes)"
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# The board's layer shows what drawing every note every frame showed (with and without it).
add_executable(frame_same_check frame_same_check.cpp)
target_link_libraries(frame_same_check PRIVATE imgui_core)
add_test(NAME "frame: the board drawn through its layer is the picture drawn directly (43 %)"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/frame_layer_xvfb_test.sh $<TARGET_FILE:atelier> $<TARGET_FILE:frame_same_check>)
set_tests_properties("frame: the board drawn through its layer is the picture drawn directly (43 %)"
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)

# Start-up (issue 17): the atlas baked once, only the shown board laid out, before the join.
add_test(NAME "frame: start-up bakes the atlas once and lays out only the board shown (Xvfb, llvmpipe)"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/frame_startup_xvfb_test.sh $<TARGET_FILE:atelier>)
set_tests_properties("frame: start-up bakes the atlas once and lays out only the board shown (Xvfb, llvmpipe)"
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 60)
