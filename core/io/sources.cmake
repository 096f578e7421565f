# core/io sources: import (CSV, JSON bundle), export (report, CSV, bundle), and search.
target_sources(atelier_core PRIVATE
  ${CMAKE_CURRENT_LIST_DIR}/text_fold.cpp
  ${CMAKE_CURRENT_LIST_DIR}/../search.cpp
)
