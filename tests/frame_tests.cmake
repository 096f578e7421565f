# The whole frame through OpenGL (issue 17): fragment counts of the real app under Xvfb.
add_test(NAME "frame: a panning board shades at most 1.3 screens of fragments (Xvfb, llvmpipe)"
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/frame_fill_xvfb_test.sh $<TARGET_FILE:atelier>)
set_tests_properties("frame: a panning board shades at most 1.3 screens of fragments (Xvfb, llvmpipe)"
  PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 120)
