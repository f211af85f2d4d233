# The real UI code built natively, for headless frame runs (bench/timeline, later bench/ui): Dear ImGui from
# third_party/imgui without a GPU backend, the fonts subset as in the web build, src/ui and the headless platform.
set(IMGUI_DIR "${HS_THIRD_PARTY}/imgui")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(STATUS "Dear ImGui sources missing in ${IMGUI_DIR}: headless UI benchmarks are not built "
                 "(run python3 scripts/deps.py web)")
  return()
endif()

# Dear ImGui as in the web build, without a GPU backend (cmake/imgui.cmake).
hs_imgui_library(imgui_native APP)
target_compile_options(imgui_native PRIVATE -w)

set(HS_NATIVE_FONTS_CPP "${CMAKE_BINARY_DIR}/generated/fonts.cpp")
add_custom_command(OUTPUT "${HS_NATIVE_FONTS_CPP}"
  COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/fonts.py "${HS_NATIVE_FONTS_CPP}"
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/fonts.py ${CMAKE_SOURCE_DIR}/scripts/cff_to_glyf.py ${CMAKE_SOURCE_DIR}/src/ui/icons.h
  COMMENT "Subsetting fonts")

set(HS_NATIVE_ARABIC_CPP "${CMAKE_BINARY_DIR}/generated/arabic_forms.cpp")
add_custom_command(OUTPUT "${HS_NATIVE_ARABIC_CPP}"
  COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/gen_arabic_forms.py "${HS_NATIVE_ARABIC_CPP}"
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/gen_arabic_forms.py
  COMMENT "Arabic contextual forms")

file(GLOB HS_UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/ui/*.cpp")
add_library(hs_ui_native STATIC ${HS_UI_SOURCES} "${HS_NATIVE_FONTS_CPP}" "${HS_NATIVE_ARABIC_CPP}"
            ${CMAKE_SOURCE_DIR}/src/platform/native/headless.cpp ${CMAKE_SOURCE_DIR}/src/platform/native/glyphs_native.cpp)
target_include_directories(hs_ui_native PUBLIC "${CMAKE_SOURCE_DIR}/src/ui" "${CMAKE_SOURCE_DIR}/src/platform/native")
target_link_libraries(hs_ui_native PUBLIC hscore imgui_native)

add_executable(bench_timeline ${CMAKE_SOURCE_DIR}/bench/timeline/main.cpp)
target_link_libraries(bench_timeline PRIVATE hs_ui_native)

add_executable(bench_ui ${CMAKE_SOURCE_DIR}/bench/ui/main.cpp)
target_link_libraries(bench_ui PRIVATE hs_ui_native)
target_compile_definitions(bench_ui PRIVATE HS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")

# Native UI tests: the real App, headless, for behaviour that only shows in frames (e.g. the action items table
# not building rows off screen).
if(COMMAND catch_discover_tests)
  file(GLOB HS_UI_TEST_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/tests/ui/*.cpp")
  add_executable(hs_ui_tests ${HS_UI_TEST_SOURCES})
  target_link_libraries(hs_ui_tests PRIVATE hs_ui_native Catch2::Catch2)
  target_compile_definitions(hs_ui_tests PRIVATE HS_SOURCE_DIR="${CMAKE_SOURCE_DIR}")  # fixtures under tests/data
  catch_discover_tests(hs_ui_tests TEST_PREFIX "ui: " PROPERTIES TIMEOUT 300)
endif()
