# SUPLAB_SANITIZE=address (ASan+UBSan) or thread (TSan), applied to every target.
set(SUPLAB_SANITIZE "" CACHE STRING "address or thread")
if(SUPLAB_SANITIZE STREQUAL "address")
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
elseif(SUPLAB_SANITIZE STREQUAL "thread")
    add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
    add_link_options(-fsanitize=thread)
elseif(NOT SUPLAB_SANITIZE STREQUAL "")
    message(FATAL_ERROR "SUPLAB_SANITIZE must be empty, address or thread")
endif()

# Under either sanitizer the engine's slab pool stays on by default, so that its
# cross-thread code is checked too (ASan sees its blocks through poisoning). Turn
# it off to send every pooled object to operator new instead: ASan then gives
# each object redzones of its own and catches an overflow from one live block
# into its neighbour, and reports which allocation a bad access hit.
if(SUPLAB_SANITIZE STREQUAL "")
    set(_suplab_slab_default OFF)
else()
    set(_suplab_slab_default ON)
endif()
option(SUPLAB_SLAB_UNDER_SANITIZERS "Keep the slab pool on under ASan/TSan"
       ${_suplab_slab_default})
