# Tests of the desktop app: headless views and screenshots under Xvfb.
# Headless: the real views in an ImGui context without window or GL.
add_executable(app_tests
  app_headless.cpp
  app_views.cpp
  app_timer.cpp
  app_fonts.cpp
  app_text_clip.cpp
  app_organisers.cpp
  app_popups_keys.cpp
  app_board_fit.cpp
  app_laptop_screens.cpp
  drawn_text.cpp
  app_file_picker.cpp
  app_reopen.cpp
  app_projector_text.cpp
  app_chime.cpp
  app_participation.cpp
  app_frame_layer_chunks.cpp
  app_startup.cpp
)
target_include_directories(app_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(app_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(app_tests PRIVATE atelier_test_support atelier_ui PkgConfig::ATELIER_STB Catch2::Catch2)
# The glyph test reads the sources' string literals (every text the interface may draw).
target_compile_definitions(app_tests PRIVATE ATELIER_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
catch_discover_tests(app_tests TEST_PREFIX "app: ")

# Checks a PNG's size and that it is not blank, for the screenshot tests.
add_executable(app_png_check app_png_check.cpp)
target_link_libraries(app_png_check PRIVATE imgui_core)

# The real binary under a virtual display (CI has none).
find_program(XVFB_RUN xvfb-run)
if(XVFB_RUN)
  add_test(NAME app_screenshots
    COMMAND ${XVFB_RUN} -a bash ${CMAKE_CURRENT_SOURCE_DIR}/app/screenshots.sh $<TARGET_FILE:atelier> $<TARGET_FILE:app_png_check>)
  add_test(NAME app_two_windows
    COMMAND ${XVFB_RUN} -a bash ${CMAKE_CURRENT_SOURCE_DIR}/app/two_windows.sh $<TARGET_FILE:atelier> $<TARGET_FILE:app_png_check>)
  add_test(NAME app_png_export
    COMMAND ${XVFB_RUN} -a bash ${CMAKE_CURRENT_SOURCE_DIR}/app/png_export.sh $<TARGET_FILE:atelier> $<TARGET_FILE:app_png_check>)
  set_tests_properties(app_png_export PROPERTIES TIMEOUT 120)
  add_test(NAME app_azerty_shortcuts
    COMMAND ${XVFB_RUN} -a bash ${CMAKE_CURRENT_SOURCE_DIR}/app/azerty.sh $<TARGET_FILE:atelier>)
  set_tests_properties(app_screenshots app_two_windows app_azerty_shortcuts PROPERTIES TIMEOUT 120)
endif()
