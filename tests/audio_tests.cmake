# The chime through OpenAL Soft (app/audio), on OpenAL's wave backend: what the room would hear
# is written to a file and its samples checked. No sound card needed (CI has none).
add_executable(audio_tests test_audio_chime.cpp)
target_include_directories(audio_tests PRIVATE ${CMAKE_CURRENT_SOURCE_DIR})
target_compile_options(audio_tests PRIVATE ${ATELIER_WARNINGS})
target_link_libraries(audio_tests PRIVATE atelier_test_support atelier_audio Catch2::Catch2)
catch_discover_tests(audio_tests TEST_PREFIX "audio: ")
