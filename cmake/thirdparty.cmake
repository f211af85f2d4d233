# Third-party C libraries compiled from Debian source packages unpacked by scripts/deps.py into ${HS_THIRD_PARTY}:
# zlib (link compression) with its minizip reader (a Slack export's .zip), libsodium (link encryption:
# XChaCha20-Poly1305, Argon2id, BLAKE2b) and qrencode (QR).
# The same file serves the native build and the Emscripten build (EMSCRIPTEN set). Third-party code is compiled
# with warnings off; it is linked PRIVATE into hscore so that nothing outside the core includes its headers.

set(HS_ZLIB_DIR "${HS_THIRD_PARTY}/zlib")
set(HS_SODIUM_DIR "${HS_THIRD_PARTY}/libsodium")
set(HS_QRENCODE_DIR "${HS_THIRD_PARTY}/qrencode")
foreach(probe IN ITEMS "${HS_ZLIB_DIR}/deflate.c" "${HS_SODIUM_DIR}/src/libsodium/include/sodium/version.h.in"
                       "${HS_QRENCODE_DIR}/qrencode.c")
  if(NOT EXISTS "${probe}")
    message(FATAL_ERROR "Third-party sources are missing (${probe} not found).\n"
                        "Run: python3 scripts/deps.py native   (it fetches and verifies Debian's source packages)")
  endif()
endforeach()

# ---- zlib: the core of the library, no gz* file functions --------------------------------------------------------
add_library(hs_zlib STATIC
  ${HS_ZLIB_DIR}/adler32.c ${HS_ZLIB_DIR}/crc32.c ${HS_ZLIB_DIR}/deflate.c ${HS_ZLIB_DIR}/inflate.c
  ${HS_ZLIB_DIR}/inffast.c ${HS_ZLIB_DIR}/inftrees.c ${HS_ZLIB_DIR}/trees.c ${HS_ZLIB_DIR}/zutil.c
  ${HS_ZLIB_DIR}/compress.c ${HS_ZLIB_DIR}/uncompr.c)
target_include_directories(hs_zlib SYSTEM PUBLIC ${HS_ZLIB_DIR})
target_compile_options(hs_zlib PRIVATE -w)
if(NOT HS_WEB)
  # unistd.h for lseek etc. is only needed by gz*; keep zconf.h from guessing.
  target_compile_definitions(hs_zlib PRIVATE HAVE_UNISTD_H)
endif()
if(NOT HS_WEB AND NOT HS_SANITIZE AND NOT HS_FUZZ)
  # zlib's own option for CPUs that read unaligned 16-bit words (x86-64 does): longest_match compares two bytes at
  # a time. The output is the same byte for byte (test_link.cpp checks the frozen v1 fixtures); level 9 with the
  # link dictionary runs ~20% faster (bench/link). Not in the sanitizer and fuzz builds: those unaligned reads are
  # what UBSan's alignment check reports.
  target_compile_definitions(hs_zlib PRIVATE UNALIGNED_OK)
endif()

# ---- minizip (zlib's contrib/minizip): reading .zip archives (a Slack export) from memory ----------------------
# Only the reader: unzip.c with ioapi.c, whose stdio functions stay unused (the core passes its own memory
# functions). NOUNCRYPT: encrypted entries are refused, never decrypted. IOAPI_NO_64: plain fopen/fseeko, which
# every target has (fopen64 is a glibc name).
set(HS_MINIZIP_DIR "${HS_ZLIB_DIR}/contrib/minizip")
add_library(hs_minizip STATIC ${HS_MINIZIP_DIR}/unzip.c ${HS_MINIZIP_DIR}/ioapi.c)
target_include_directories(hs_minizip SYSTEM PUBLIC ${HS_MINIZIP_DIR})
target_compile_definitions(hs_minizip PRIVATE NOUNCRYPT IOAPI_NO_64)
target_compile_options(hs_minizip PRIVATE -w)
target_link_libraries(hs_minizip PUBLIC hs_zlib)

# ---- libsodium: only what links need ------------------------------------------------------------------------------
set(HS_SODIUM_SRC "${HS_SODIUM_DIR}/src/libsodium")
set(HS_SODIUM_GEN "${CMAKE_BINARY_DIR}/generated/sodium")
# version.h from version.h.in, as libsodium's configure would write it (1.0.18: library version 10.3).
file(READ "${HS_SODIUM_SRC}/include/sodium/version.h.in" _hs_sodium_version_in)
string(REPLACE "@VERSION@" "1.0.18" _hs_sodium_version_in "${_hs_sodium_version_in}")
string(REPLACE "@SODIUM_LIBRARY_VERSION_MAJOR@" "10" _hs_sodium_version_in "${_hs_sodium_version_in}")
string(REPLACE "@SODIUM_LIBRARY_VERSION_MINOR@" "3" _hs_sodium_version_in "${_hs_sodium_version_in}")
string(REPLACE "@SODIUM_LIBRARY_MINIMAL_DEF@" "" _hs_sodium_version_in "${_hs_sodium_version_in}")
# It lives outside the source tree, so its sibling include must name the folder.
string(REPLACE "#include \"export.h\"" "#include \"sodium/export.h\"" _hs_sodium_version_in
       "${_hs_sodium_version_in}")
file(MAKE_DIRECTORY "${HS_SODIUM_GEN}")
file(CONFIGURE OUTPUT "${HS_SODIUM_GEN}/sodium/version.h" CONTENT "${_hs_sodium_version_in}" @ONLY)

add_library(hs_sodium STATIC
  # AEAD: XChaCha20-Poly1305-IETF (built on the ChaCha20-Poly1305 IETF construction)
  ${HS_SODIUM_SRC}/crypto_aead/xchacha20poly1305/sodium/aead_xchacha20poly1305.c
  ${HS_SODIUM_SRC}/crypto_aead/chacha20poly1305/sodium/aead_chacha20poly1305.c
  ${HS_SODIUM_SRC}/crypto_core/hchacha20/core_hchacha20.c
  ${HS_SODIUM_SRC}/crypto_stream/chacha20/stream_chacha20.c
  ${HS_SODIUM_SRC}/crypto_stream/chacha20/ref/chacha20_ref.c
  ${HS_SODIUM_SRC}/crypto_onetimeauth/crypto_onetimeauth.c
  ${HS_SODIUM_SRC}/crypto_onetimeauth/poly1305/onetimeauth_poly1305.c
  ${HS_SODIUM_SRC}/crypto_onetimeauth/poly1305/donna/poly1305_donna.c
  ${HS_SODIUM_SRC}/crypto_verify/sodium/verify.c
  # Argon2id (crypto_pwhash)
  ${HS_SODIUM_SRC}/crypto_pwhash/crypto_pwhash.c
  ${HS_SODIUM_SRC}/crypto_pwhash/argon2/argon2.c
  ${HS_SODIUM_SRC}/crypto_pwhash/argon2/argon2-core.c
  ${HS_SODIUM_SRC}/crypto_pwhash/argon2/argon2-encoding.c
  ${HS_SODIUM_SRC}/crypto_pwhash/argon2/argon2-fill-block-ref.c
  ${HS_SODIUM_SRC}/crypto_pwhash/argon2/blake2b-long.c
  ${HS_SODIUM_SRC}/crypto_pwhash/argon2/pwhash_argon2i.c
  ${HS_SODIUM_SRC}/crypto_pwhash/argon2/pwhash_argon2id.c
  # BLAKE2b (crypto_generichash)
  ${HS_SODIUM_SRC}/crypto_generichash/crypto_generichash.c
  ${HS_SODIUM_SRC}/crypto_generichash/blake2b/generichash_blake2.c
  ${HS_SODIUM_SRC}/crypto_generichash/blake2b/ref/generichash_blake2b.c
  ${HS_SODIUM_SRC}/crypto_generichash/blake2b/ref/blake2b-ref.c
  ${HS_SODIUM_SRC}/crypto_generichash/blake2b/ref/blake2b-compress-ref.c
  # randombytes, init, utils
  ${HS_SODIUM_SRC}/randombytes/randombytes.c
  ${HS_SODIUM_SRC}/randombytes/sysrandom/randombytes_sysrandom.c
  ${HS_SODIUM_SRC}/sodium/codecs.c
  ${HS_SODIUM_SRC}/sodium/core.c
  ${HS_SODIUM_SRC}/sodium/runtime.c
  ${HS_SODIUM_SRC}/sodium/utils.c
  ${HS_SODIUM_SRC}/sodium/version.c
  # sodium_init() selects implementations of these too; the reference versions only, so that it links.
  ${HS_SODIUM_SRC}/crypto_scalarmult/curve25519/scalarmult_curve25519.c
  ${HS_SODIUM_SRC}/crypto_scalarmult/curve25519/ref10/x25519_ref10.c
  ${HS_SODIUM_SRC}/crypto_core/ed25519/ref10/ed25519_ref10.c
  ${HS_SODIUM_SRC}/crypto_stream/salsa20/stream_salsa20.c
  ${HS_SODIUM_SRC}/crypto_stream/salsa20/ref/salsa20_ref.c
  ${HS_SODIUM_SRC}/crypto_core/salsa/ref/core_salsa_ref.c)
target_include_directories(hs_sodium SYSTEM PUBLIC "${HS_SODIUM_SRC}/include" "${HS_SODIUM_GEN}")
target_include_directories(hs_sodium SYSTEM PRIVATE "${HS_SODIUM_SRC}/include/sodium" "${HS_SODIUM_GEN}/sodium")
target_compile_definitions(hs_sodium PUBLIC SODIUM_STATIC=1)
target_compile_definitions(hs_sodium PRIVATE CONFIGURED=1 HAVE_WEAK_SYMBOLS=1)
target_compile_options(hs_sodium PRIVATE -w)
if(CMAKE_C_BYTE_ORDER STREQUAL "LITTLE_ENDIAN" OR HS_WEB)
  target_compile_definitions(hs_sodium PRIVATE NATIVE_LITTLE_ENDIAN=1)
elseif(CMAKE_C_BYTE_ORDER STREQUAL "BIG_ENDIAN")
  target_compile_definitions(hs_sodium PRIVATE NATIVE_BIG_ENDIAN=1)
endif()
if(NOT HS_WEB)
  # Native randomness: getrandom(2) where the C library has it, else sysrandom falls back to /dev/urandom.
  # (Under Emscripten, randombytes.c has its own path: crypto.getRandomValues through EM_ASM, set up by
  # randombytes_stir() in sodium_init(); sysrandom is not used there.)
  include(CheckIncludeFile)
  include(CheckSymbolExists)
  check_include_file(sys/random.h HS_HAVE_SYS_RANDOM_H)
  if(HS_HAVE_SYS_RANDOM_H)
    check_symbol_exists(getrandom "sys/random.h" HS_HAVE_GETRANDOM)
  endif()
  check_symbol_exists(explicit_bzero "string.h" HS_HAVE_EXPLICIT_BZERO)
  foreach(d IN ITEMS SYS_RANDOM_H GETRANDOM EXPLICIT_BZERO)
    if(HS_HAVE_${d})
      target_compile_definitions(hs_sodium PRIVATE HAVE_${d}=1)
    endif()
  endforeach()
endif()

# ---- qrencode: the library only (no PNG, no qrencode tool) --------------------------------------------------------
add_library(hs_qrencode STATIC
  ${HS_QRENCODE_DIR}/bitstream.c ${HS_QRENCODE_DIR}/mask.c ${HS_QRENCODE_DIR}/mmask.c
  ${HS_QRENCODE_DIR}/mqrspec.c ${HS_QRENCODE_DIR}/qrencode.c ${HS_QRENCODE_DIR}/qrinput.c
  ${HS_QRENCODE_DIR}/qrspec.c ${HS_QRENCODE_DIR}/rsecc.c ${HS_QRENCODE_DIR}/split.c)
target_include_directories(hs_qrencode SYSTEM PUBLIC ${HS_QRENCODE_DIR})
target_compile_definitions(hs_qrencode PRIVATE STATIC_IN_RELEASE=static MAJOR_VERSION=4 MINOR_VERSION=1
                                               MICRO_VERSION=1 VERSION="4.1.1")
target_compile_options(hs_qrencode PRIVATE -w)

if(HS_WEB)
  target_compile_options(hs_zlib PRIVATE -Os)
  target_compile_options(hs_minizip PRIVATE -Os)
  target_compile_options(hs_sodium PRIVATE -Os)
  target_compile_options(hs_qrencode PRIVATE -Os)
endif()

target_link_libraries(hscore PRIVATE hs_zlib hs_minizip hs_sodium hs_qrencode)
