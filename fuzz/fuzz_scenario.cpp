// libFuzzer entry point for the scenario loader and player (see FuzzScenario.h).
#include "FuzzScenario.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return suplab::fuzzScenarioInput(data, size);
}
