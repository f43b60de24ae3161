#include "LiveMemory.h"

#include "base/SlabPool.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace suplab {

namespace {
std::int64_t mallocBytesInUse() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    // uordblks: arena bytes in chunks not on a free list (summed over every
    // thread's arena); hblkhd: chunks too big for an arena, mmapped one by one.
    const struct mallinfo2 info = mallinfo2();
    return std::int64_t(info.uordblks + info.hblkhd);
#else
    return 0;
#endif
}
} // namespace

std::int64_t liveAllocatedBytes() {
    const std::int64_t pooled = slab::liveBytes();
    return (pooled > 0 ? pooled : 0) + mallocBytesInUse();
}

} // namespace suplab
