# The desktop application. atelier_ui holds everything drawable without a window (views, fonts,
# strings, the session): headless tests link it alone. atelier_gui adds GLFW windows and GL.
add_library(atelier_ui STATIC
  session.cpp
  strings.cpp
  fonts.cpp
  theme.cpp
  settings.cpp
  widgets.cpp
  child_process.cpp
  file_picker_model.cpp
  file_picker.cpp
  text_clip.cpp
  frame_background.cpp
  frame_layer.cpp
  font_mipmaps.cpp
  toolbar.cpp
  keys.cpp
  app.cpp
  presentation.cpp
  projection_memory.cpp
  views/view.cpp
  views/view_home.cpp
  views/event_fields.cpp
  views/event_form.cpp
  views/event_dialogs.cpp
  views/view_challenge.cpp
  views/view_teams.cpp
  views/view_programme.cpp
  views/view_phases.cpp
  views/view_timer.cpp
  views/view_projector.cpp
  views/view_board.cpp
  views/view_votes.cpp
  views/view_prototypes.cpp
  views/view_stand.cpp
  views/view_dashboard.cpp
  views/view_search.cpp
  views/view_import.cpp
  outcomes/outcomes.cpp
  outcomes/outcome_widgets.cpp
  outcomes/dashboard_model.cpp
  board/camera.cpp
  board/text_wrap.cpp
  board/board_layout.cpp
  board/hit_test.cpp
  board/selection.cpp
  board/note_editor.cpp
  board/board_draw.cpp
  board/board_layer.cpp
  board/board_canvas.cpp
  board/board_projection.cpp
  board/ranking.cpp
  audio/chime_schedule.cpp
  audio/wav.cpp
)
target_include_directories(atelier_ui PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(atelier_ui PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(atelier_ui PUBLIC atelier_core imgui_core atelier_fontconfig)
# The Participation screen: the participant server, and its QR codes drawn from libqrencode.
pkg_check_modules(QRENCODE REQUIRED IMPORTED_TARGET libqrencode)
target_sources(atelier_ui PRIVATE views/view_participation.cpp views/qr_code.cpp participation/stand_sheet.cpp
  participation/open_participation.cpp)
target_link_libraries(atelier_ui PUBLIC atelier_server PkgConfig::QRENCODE)

# The chime through OpenAL Soft (libopenal-dev), on its own thread; its tests run OpenAL's wave
# backend, so they need no sound card.
find_package(OpenAL REQUIRED)
add_library(atelier_audio STATIC audio/chime_player.cpp)
target_include_directories(atelier_audio PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(atelier_audio PRIVATE ${ATELIER_WARNINGS})
find_package(Threads REQUIRED)
target_link_libraries(atelier_audio PUBLIC atelier_ui OpenAL::OpenAL Threads::Threads)

add_library(atelier_gui STATIC
  gui.cpp
  window.cpp
  window_icon.cpp
  frame_bench.cpp
  frame_layer_gl.cpp
  frame_surround_gl.cpp
  outcomes/photo_textures_gl.cpp
)
target_include_directories(atelier_gui PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(atelier_gui PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(atelier_gui PUBLIC atelier_ui atelier_audio imgui_backends CLI11::CLI11)
