# core/io sources: import (CSV, JSON bundle), export (report, CSV, bundle), and search.
target_sources(atelier_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/text_fold.cpp
  ${CMAKE_CURRENT_LIST_DIR}/text_encoding.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_reader.cpp
  ${CMAKE_CURRENT_LIST_DIR}/csv_columns.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_plan.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_challenges.cpp
  ${CMAKE_CURRENT_LIST_DIR}/import_teams.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bundle.cpp
  ${CMAKE_CURRENT_LIST_DIR}/fresh_identity.cpp
  ${CMAKE_CURRENT_LIST_DIR}/bundle_import.cpp
  ${CMAKE_CURRENT_LIST_DIR}/labels.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_model.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_markdown.cpp
  ${CMAKE_CURRENT_LIST_DIR}/report_html.cpp
  ${CMAKE_CURRENT_LIST_DIR}/export_csv.cpp
  ${CMAKE_CURRENT_LIST_DIR}/export.cpp
  ${CMAKE_CURRENT_LIST_DIR}/search.cpp
  ${CMAKE_CURRENT_LIST_DIR}/photo_import.cpp
)
# Photos are decoded, scaled and re-encoded with Debian's libstb (implementations prebuilt).
find_package(PkgConfig REQUIRED)
pkg_check_modules(ATELIER_STB REQUIRED IMPORTED_TARGET GLOBAL stb)
target_link_libraries(atelier_core PRIVATE PkgConfig::ATELIER_STB)
