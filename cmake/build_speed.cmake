# Build speed, included once every target exists (the end of the top CMakeLists.txt), so the
# speed-ups stay in this one file. Figures (2 cores, measured under load): README's Development
# section.
#
# Precompiled headers: the heavy third-party headers (fmt, nlohmann/json, SQLiteCpp, CLI11, Dear
# ImGui, Catch2) and the standard library are parsed once per target instead of once per file.
option(ATELIER_PCH "Precompile the heavy headers (fmt, nlohmann/json, SQLiteCpp, CLI11, ImGui, Catch2)" ON)
# Unity build: several sources of one target compiled as one file.
option(ATELIER_UNITY "Compile each target's sources in batches (unity build)" OFF)

set(ATELIER_PCH_STD <algorithm> <array> <filesystem> <functional> <map> <memory> <optional> <set>
    <string> <string_view> <unordered_map> <vector>)

# The targets of one folder (and its sub-folders) that compile our own sources.
function(atelier_targets_in dir out)
  get_directory_property(targets DIRECTORY ${dir} BUILDSYSTEM_TARGETS)
  get_directory_property(subdirs DIRECTORY ${dir} SUBDIRECTORIES)
  foreach(sub IN LISTS subdirs)
    atelier_targets_in(${sub} more)
    list(APPEND targets ${more})
  endforeach()
  set(kept "")
  foreach(t IN LISTS targets)
    get_target_property(type ${t} TYPE)
    if(type STREQUAL "STATIC_LIBRARY" OR type STREQUAL "EXECUTABLE")
      list(APPEND kept ${t})
    endif()
  endforeach()
  set(${out} ${kept} PARENT_SCOPE)
endfunction()

function(atelier_links target library out)
  get_target_property(libs ${target} LINK_LIBRARIES)
  if(libs AND "${library}" IN_LIST libs)
    set(${out} TRUE PARENT_SCOPE)
  else()
    set(${out} FALSE PARENT_SCOPE)
  endif()
endfunction()

if(ATELIER_PCH)
  # ccache caches objects built with a precompiled header only with this sloppiness.
  atelier_targets_in(${PROJECT_SOURCE_DIR} all_targets)
  foreach(t IN LISTS all_targets)
    foreach(lang C CXX)
      get_target_property(launcher ${t} ${lang}_COMPILER_LAUNCHER)
      if(launcher MATCHES "ccache" AND NOT launcher MATCHES "SLOPPINESS")
        set_target_properties(${t} PROPERTIES ${lang}_COMPILER_LAUNCHER
          "${CMAKE_COMMAND};-E;env;CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime;${launcher}")
      endif()
    endforeach()
  endforeach()
  # Once the standard headers come precompiled, GCC 12 no longer treats code inlined from them
  # as a system header's, and reports -Wstringop-overflow and -Warray-bounds false positives
  # inside std::string's char_traits (the family of its -Wrestrict ones, GCC bug 105651).
  set(pch_warnings "")
  if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU" AND CMAKE_CXX_COMPILER_VERSION VERSION_LESS 13)
    set(pch_warnings -Wno-stringop-overflow -Wno-array-bounds)
  endif()
  set(core_headers ${ATELIER_PCH_STD} <fmt/format.h> <nlohmann/json.hpp> <sqlite3.h> <SQLiteCpp/SQLiteCpp.h>)
  if(TARGET atelier_core)
    target_precompile_headers(atelier_core PRIVATE ${core_headers})
    target_compile_options(atelier_core PRIVATE ${pch_warnings})
  endif()
  if(TARGET atelier_cli)
    target_precompile_headers(atelier_cli PRIVATE ${core_headers} <CLI/CLI.hpp>)
    target_compile_options(atelier_cli PRIVATE ${pch_warnings})
  endif()
  if(TARGET atelier_ui)
    target_precompile_headers(atelier_ui PRIVATE ${ATELIER_PCH_STD} <fmt/format.h> <imgui.h>)
    target_compile_options(atelier_ui PRIVATE ${pch_warnings})
  endif()
  if(TARGET atelier_gui AND TARGET atelier_ui)
    target_precompile_headers(atelier_gui PRIVATE ${ATELIER_PCH_STD} <fmt/format.h> <imgui.h> <CLI/CLI.hpp>)
    target_compile_options(atelier_gui PRIVATE ${pch_warnings})
  endif()
  # The tests share one: Catch2 and the core's headers, built with the test support library.
  if(TARGET atelier_test_support)
    target_precompile_headers(atelier_test_support PRIVATE ${core_headers} <catch2/catch.hpp>)
    target_compile_options(atelier_test_support PRIVATE ${pch_warnings})
    get_target_property(tests_dir atelier_test_support SOURCE_DIR)
    atelier_targets_in(${tests_dir} test_targets)
    foreach(t IN LISTS test_targets)
      atelier_links(${t} atelier_test_support uses_support)
      if(uses_support)
        target_precompile_headers(${t} REUSE_FROM atelier_test_support)
        target_compile_options(${t} PRIVATE ${pch_warnings})
      endif()
    endforeach()
  endif()
endif()

if(ATELIER_UNITY)
  atelier_targets_in(${PROJECT_SOURCE_DIR} unity_targets)
  set_target_properties(${unity_targets} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE 8)
endif()
