# Phones on the LAN, end to end: the real `atelier serve` on loopback (127.0.0.1, a free port).
# The core side (codes, devices, actions, snapshots) is in core_tests ([participation]).
find_package(Python3 REQUIRED COMPONENTS Interpreter)
add_test(NAME serve_api_refuses_all_but_participants
  COMMAND ${Python3_EXECUTABLE} ${CMAKE_CURRENT_SOURCE_DIR}/participation/serve_api_test.py $<TARGET_FILE:atelier>)
set_tests_properties(serve_api_refuses_all_but_participants PROPERTIES TIMEOUT 120 ENVIRONMENT "TMPDIR=/dev/shm")
