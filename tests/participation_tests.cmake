# Phones on the LAN, end to end: the real `atelier serve` on loopback (127.0.0.1, a free port).
# The core side (codes, devices, actions, snapshots) is in core_tests ([participation]).
# Debian's python3 (python3-selenium is installed for it), not a python3 earlier on the PATH.
find_program(ATELIER_SYSTEM_PYTHON python3 PATHS /usr/bin NO_DEFAULT_PATH)
if(NOT ATELIER_SYSTEM_PYTHON)
  find_package(Python3 REQUIRED COMPONENTS Interpreter)
  set(ATELIER_SYSTEM_PYTHON ${Python3_EXECUTABLE})
endif()
add_test(NAME serve_api_refuses_all_but_participants
  COMMAND ${ATELIER_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/participation/serve_api_test.py $<TARGET_FILE:atelier>)
set_tests_properties(serve_api_refuses_all_but_participants PROPERTIES TIMEOUT 120 ENVIRONMENT "TMPDIR=/dev/shm;PYTHONDONTWRITEBYTECODE=1")
# The page in headless Chromium (chromium, chromium-driver, python3-selenium): join, name,
# accents, a hostile note as text, votes, refresh, offline through a proxy it cuts, a stand.
add_test(NAME participant_page_in_chromium
  COMMAND ${ATELIER_SYSTEM_PYTHON} ${CMAKE_CURRENT_SOURCE_DIR}/participation/browser_test.py $<TARGET_FILE:atelier>)
set_tests_properties(participant_page_in_chromium PROPERTIES TIMEOUT 180 ENVIRONMENT "TMPDIR=/dev/shm;PYTHONDONTWRITEBYTECODE=1")
