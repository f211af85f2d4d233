# hs_imgui_library(NAME [APP] [OPENGL3] [EXCLUDE_FROM_ALL]): a static Dear ImGui library from ${IMGUI_DIR}.
#   APP        the app's flavour: imgui_draw.cpp patched at build time (no default font, glyphs on demand, see
#              scripts/imgui_patch.py), the std::string helpers, no debug tools, and 32-bit characters
#              (IMGUI_USE_WCHAR32: characters outside the Basic Multilingual Plane, emoji, are kept and drawn), and the
#              item hooks the accessibility mirror reads (IMGUI_ENABLE_TEST_ENGINE).
#              Without it: ImGui as shipped, default font included (bench/startup's bare page).
#   OPENGL3    with the OpenGL 3 / WebGL 2 backend (the browser builds).
function(hs_imgui_library name)
  cmake_parse_arguments(arg "APP;OPENGL3;EXCLUDE_FROM_ALL" "" "" ${ARGN})
  set(defines IMGUI_DISABLE_OBSOLETE_FUNCTIONS IMGUI_DISABLE_DEMO_WINDOWS)
  if(arg_APP)
    set(draw "${CMAKE_BINARY_DIR}/generated/imgui_draw.cpp")
    if(NOT TARGET hs_imgui_draw_patched)  # one generated file, shared by every APP library of this build
      add_custom_command(OUTPUT "${draw}"
        COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/imgui_patch.py ${IMGUI_DIR}/imgui_draw.cpp "${draw}"
        DEPENDS ${IMGUI_DIR}/imgui_draw.cpp ${CMAKE_SOURCE_DIR}/scripts/imgui_patch.py
        COMMENT "imgui_draw.cpp: no default font, glyphs on demand")
      add_custom_target(hs_imgui_draw_patched DEPENDS "${draw}")
    endif()
    set(sources ${IMGUI_DIR}/imgui.cpp "${draw}" ${IMGUI_DIR}/imgui_tables.cpp ${IMGUI_DIR}/imgui_widgets.cpp
                ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
    # IMGUI_ENABLE_TEST_ENGINE: ImGui reports each item's label and state to src/ui/a11y.cpp (the accessibility
    # mirror); the hooks run only while the mirror is on, and return at once otherwise.
    list(APPEND defines IMGUI_DISABLE_DEBUG_TOOLS IMGUI_USE_WCHAR32 IMGUI_ENABLE_TEST_ENGINE)
  else()
    set(sources ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
                ${IMGUI_DIR}/imgui_widgets.cpp)
  endif()
  set(includes ${IMGUI_DIR})
  if(arg_OPENGL3)
    list(APPEND sources ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp)
    list(APPEND includes ${IMGUI_DIR}/backends)
  endif()
  if(arg_EXCLUDE_FROM_ALL)
    add_library(${name} STATIC EXCLUDE_FROM_ALL ${sources})
  else()
    add_library(${name} STATIC ${sources})
  endif()
  if(arg_APP)
    add_dependencies(${name} hs_imgui_draw_patched)
  endif()
  target_include_directories(${name} SYSTEM PUBLIC ${includes})
  target_compile_definitions(${name} PUBLIC ${defines})
endfunction()
