/*
 * A stand-in for bcryptprimitives.dll, for running Windows builds of
 * bgmanifest under Wine in CI only; it is never shipped.
 *
 * Go's Windows runtime (1.24 and later) draws its random numbers from
 * ProcessPrng in bcryptprimitives.dll, which Debian's Wine 8 does not
 * export, so a Go program stops at start-up. This DLL exports ProcessPrng
 * and fills the buffer with RtlGenRandom (advapi32's SystemFunction036),
 * which Wine has. Build with:
 *   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T length)
{
    while (length > 0) {
        ULONG chunk = length > 0x10000000 ? 0x10000000 : (ULONG)length;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        length -= chunk;
    }
    return TRUE;
}
