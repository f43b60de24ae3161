// libFuzzer entry point for the Elixir importer (see FuzzElixir.h).
#include "FuzzElixir.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return suplab::fuzzElixirInput(data, size);
}
