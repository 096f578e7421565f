# Core tests link atelier_core alone: that is what proves core/ has no UI dependency.
add_executable(core_tests
  test_engine.cpp
  test_merge.cpp
  test_merge_sites.cpp
  test_merge_property.cpp
  test_merge_cases.cpp
  test_actions.cpp
  test_votes.cpp
  test_cluster_layout.cpp
  test_timer.cpp
  test_duration.cpp
  test_phase_change.cpp
  test_action_json.cpp
  test_timezone.cpp
  test_typed_time.cpp
  test_ids.cpp
  test_store.cpp
  test_changeset.cpp
  test_assets.cpp
)
target_compile_options(core_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(core_tests PRIVATE atelier_test_support atelier_core Catch2::Catch2)
target_compile_definitions(core_tests PRIVATE ATELIER_ASSETS_DIR="${PROJECT_SOURCE_DIR}/assets")
catch_discover_tests(core_tests)
