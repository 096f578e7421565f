# Publishing (issue 16): the demo event loaded from its bundle, and the restitution report
# printed by a real browser. Links atelier_core alone. The printing test prints « SKIPPED: … »
# and is reported as skipped where Chromium is absent (outside CI, where it fails instead).
add_executable(publish_tests
  test_demo.cpp
  test_report_pdf.cpp
  test_io_event.cpp
)
target_compile_options(publish_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(publish_tests PRIVATE atelier_test_support atelier_core Catch2::Catch2)
catch_discover_tests(publish_tests TEST_PREFIX "publish: " PROPERTIES SKIP_REGULAR_EXPRESSION "SKIPPED: " TIMEOUT 180)
