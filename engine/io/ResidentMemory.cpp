#include "ResidentMemory.h"

#include <fstream>
#include <unistd.h>

namespace suplab {

std::int64_t residentBytes() {
    std::ifstream statm("/proc/self/statm");
    long pages = 0, resident = 0;
    statm >> pages >> resident;
    return std::int64_t(resident) * sysconf(_SC_PAGESIZE);
}

} // namespace suplab
