# The web build: hindsight.js + hindsight.wasm, assembled with web/ into dist/.
set(IMGUI_DIR "${HS_THIRD_PARTY}/imgui")
if(NOT EXISTS "${IMGUI_DIR}/imgui.cpp")
  message(FATAL_ERROR "Dear ImGui sources are missing in ${IMGUI_DIR}: run python3 scripts/deps.py web")
endif()

# Dear ImGui with the app's patches (cmake/imgui.cmake); it draws with src/platform/web/renderer.cpp.
hs_imgui_library(imgui APP)

# Fonts: subset from Debian's packages at build time, embedded as byte arrays.
set(HS_FONTS_CPP "${CMAKE_BINARY_DIR}/generated/fonts.cpp")
add_custom_command(OUTPUT "${HS_FONTS_CPP}"
  COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/fonts.py "${HS_FONTS_CPP}"
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/fonts.py ${CMAKE_SOURCE_DIR}/scripts/cff_to_glyf.py ${CMAKE_SOURCE_DIR}/src/ui/icons.h
  COMMENT "Subsetting fonts")

# Arabic contextual forms for the canvas's right-to-left text (src/ui/bidi.cpp), from Debian's unicode-data.
set(HS_ARABIC_CPP "${CMAKE_BINARY_DIR}/generated/arabic_forms.cpp")
add_custom_command(OUTPUT "${HS_ARABIC_CPP}"
  COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/gen_arabic_forms.py "${HS_ARABIC_CPP}"
  DEPENDS ${CMAKE_SOURCE_DIR}/scripts/gen_arabic_forms.py
  COMMENT "Arabic contextual forms")

file(GLOB HS_UI_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/ui/*.cpp")
# Opening files on the editor's own thread is for the native app: the page opens them in its worker.
list(FILTER HS_UI_SOURCES EXCLUDE REGEX "/open_local\\.cpp$")
file(GLOB HS_WEB_SOURCES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/src/platform/web/*.cpp")
# Assets: the editor's (templates, lint data) and the worker's (templates for imports, the link dictionaries).
set(HS_EMBED_EDITOR "${HS_ASSET_FILES}")
list(FILTER HS_EMBED_EDITOR EXCLUDE REGEX "^link/")
set(HS_EMBED_WORKER "${HS_ASSET_FILES}")
list(FILTER HS_EMBED_WORKER INCLUDE REGEX "^(templates|link)/")
hs_embed("${CMAKE_BINARY_DIR}/generated/embedded_editor.cpp" ${HS_EMBED_EDITOR})
hs_embed("${CMAKE_BINARY_DIR}/generated/embedded_worker.cpp" ${HS_EMBED_WORKER})
add_executable(hindsight_web ${HS_UI_SOURCES} ${HS_WEB_SOURCES} "${HS_FONTS_CPP}" "${HS_ARABIC_CPP}"
               "${CMAKE_BINARY_DIR}/generated/embedded_editor.cpp")
set_target_properties(hindsight_web PROPERTIES OUTPUT_NAME hindsight SUFFIX ".js")
target_link_libraries(hindsight_web PRIVATE hscore imgui)
# Size: dist/ has a 450 KB gzip budget and the wasm is most of it. The app and the core are built for size
# (-Oz; measured on app.cpp it is within 0.1% of -Os); Dear ImGui, which runs every frame, keeps -Os. Exceptions are
# never caught in this build (Emscripten's default), so nlohmann::json aborts directly instead of throwing.
target_compile_options(hindsight_web PRIVATE -Oz)
target_compile_options(hscore PRIVATE -Oz)
target_compile_options(imgui PRIVATE -Os)
target_compile_definitions(hscore PUBLIC JSON_NOEXCEPTION)
set(HS_JS_LIB "${CMAKE_SOURCE_DIR}/src/platform/web/library_hindsight.js")
target_link_options(hindsight_web PRIVATE
  -Oz -sENVIRONMENT=web -sMODULARIZE=1 -sEXPORT_NAME=createHindsight -sMALLOC=emmalloc
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sTOTAL_STACK=1048576 -sFILESYSTEM=1 -lidbfs.js -sEXIT_RUNTIME=0 -sTEXTDECODER=2
  -sGL_TRACK_ERRORS=0 -sGL_SUPPORT_AUTOMATIC_ENABLE_EXTENSIONS=0 -sGL_EXTENSIONS_IN_PREFIXED_FORMAT=0 -sSUPPORT_LONGJMP=0
  -sDYNAMIC_EXECUTION=0
  # The Module properties the runtime itself reads at start-up (web/app.js sets them); the page's own hooks
  # (Module['link'], ['storagePush']...) are read by library_hindsight.js and need no entry. Fewer names, less glue.
  -sINCOMING_MODULE_JS_API=preRun,canvas,print,printErr,onAbort
  # Binaryen inlines every function that has one caller, whatever its size: App::frame grew to 70 KB with every dialog
  # and panel in it, and V8 compiles a function whole on its first call, so the first frame compiled all of them
  # (bench/startup). Only small single-caller functions are inlined now; HS_NOINLINE (src/ui/app.h) keeps panel bodies
  # apart from LLVM's inliner too.
  -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=100
  -sEXPORTED_FUNCTIONS=_main,_malloc,_free -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString,stringToUTF8,lengthBytesUTF8
  --js-library ${HS_JS_LIB})
set_property(TARGET hindsight_web APPEND PROPERTY LINK_DEPENDS ${HS_JS_LIB})
# The JS glue goes through the Closure Compiler (npm, pinned in package-lock.json): about a third of its size. Links
# run with NODE_PATH set to Debian's Node modules, where emcc's JS optimizer finds acorn, so no shell needs it set.
set(HS_CLOSURE "${CMAKE_SOURCE_DIR}/node_modules/.bin/google-closure-compiler")
if(NOT EXISTS "${HS_CLOSURE}")
  message(FATAL_ERROR "The Closure Compiler is missing: run python3 scripts/deps.py web")
endif()
set(HS_CLOSURE_EXTERNS "${CMAKE_SOURCE_DIR}/src/platform/web/closure_externs.js")
target_link_options(hindsight_web PRIVATE --closure 1 "--closure-args=--externs=${HS_CLOSURE_EXTERNS}")
set_property(TARGET hindsight_web APPEND PROPERTY LINK_DEPENDS ${HS_CLOSURE_EXTERNS})
set_property(TARGET hindsight_web PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env EM_CLOSURE_COMPILER=${HS_CLOSURE} NODE_PATH=/usr/share/nodejs")

# dist/: the deployable static folder.
set(HS_DIST "${CMAKE_SOURCE_DIR}/dist")
file(GLOB HS_WEB_FILES CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/web/*")
add_custom_target(dist ALL
  COMMAND python3 ${CMAKE_SOURCE_DIR}/scripts/assemble_dist.py
          --build "${CMAKE_BINARY_DIR}" --out "${HS_DIST}" --version "${HS_VERSION}"
  DEPENDS hindsight_web ${HS_WEB_FILES} ${CMAKE_SOURCE_DIR}/scripts/assemble_dist.py
  COMMENT "Assembling dist/")

# bench/startup's baseline: a bare ImGui page with the same toolchain and flags (LTO, emmalloc, the Closure Compiler
# on the glue) and ImGui's default font.
hs_imgui_library(imgui_bare OPENGL3 EXCLUDE_FROM_ALL)
target_compile_options(imgui_bare PRIVATE -Os)
add_executable(bare_imgui EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/startup/bare.cpp)
set_target_properties(bare_imgui PROPERTIES OUTPUT_NAME bare SUFFIX ".js")
target_link_libraries(bare_imgui PRIVATE imgui_bare)
target_compile_options(bare_imgui PRIVATE -Os)
target_link_options(bare_imgui PRIVATE
  -Os -sENVIRONMENT=web -sMODULARIZE=1 -sEXPORT_NAME=createBare -sMALLOC=emmalloc
  -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2 -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=33554432
  -sTOTAL_STACK=1048576 -sFILESYSTEM=1 -lidbfs.js -sEXIT_RUNTIME=0 -sTEXTDECODER=2 -flto --closure 1
  -sBINARYEN_EXTRA_PASSES=--one-caller-inline-max-function-size=100)
set_property(TARGET bare_imgui PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env EM_CLOSURE_COMPILER=${HS_CLOSURE} NODE_PATH=/usr/share/nodejs")
foreach(t imgui_bare bare_imgui)
  target_compile_options(${t} PRIVATE -flto)
endforeach()


# Link-time optimisation across the app, the core and the third-party C code: a few KB off the wasm, which is most
# of dist/'s gzip budget. (It makes every link slower; compiles are unchanged.)
foreach(t hs_zlib hs_sodium hs_qrencode hscore imgui hindsight_web)
  target_compile_options(${t} PRIVATE -flto)
endforeach()
target_link_options(hindsight_web PRIVATE -flto)

# The page's worker (web/worker.js): the core alone, for opening files and decoding long or encrypted links away from
# the editor's thread. Fetched when first used, never at startup; the service worker keeps it for offline use.
add_executable(hindsight_worker ${CMAKE_SOURCE_DIR}/src/platform/web/worker/worker.cpp
               "${CMAKE_BINARY_DIR}/generated/embedded_worker.cpp")
set_target_properties(hindsight_worker PROPERTIES OUTPUT_NAME hindsight-worker SUFFIX ".js")
target_link_libraries(hindsight_worker PRIVATE hscore)
target_compile_options(hindsight_worker PRIVATE -Oz -flto)
target_link_options(hindsight_worker PRIVATE
  -Oz -flto -sENVIRONMENT=worker -sMODULARIZE=1 -sEXPORT_NAME=createHindsightWorker -sMALLOC=emmalloc
  -sALLOW_MEMORY_GROWTH=1 -sINITIAL_MEMORY=16777216 -sMAXIMUM_MEMORY=2147483648 -sTOTAL_STACK=1048576
  -sFILESYSTEM=0 -sTEXTDECODER=2 -sSUPPORT_LONGJMP=0 -sDYNAMIC_EXECUTION=0
  -sEXPORTED_FUNCTIONS=_malloc,_free -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString)
set_property(TARGET hindsight_worker PROPERTY RULE_LAUNCH_LINK "${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs")
add_dependencies(dist hindsight_worker)
