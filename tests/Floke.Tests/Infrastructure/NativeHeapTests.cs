using System.Runtime.InteropServices;
using Floke.Web.Infrastructure;

namespace Floke.Tests.Infrastructure;

/// <summary>The C heap gives back what was freed between blocks still in use, when trimmed (glibc keeps it otherwise).</summary>
public sealed class NativeHeapTests
{
    [Fact]
    public void FreedPagesBetweenLiveBlocks_AreGivenBack_WhenTrimmed()
    {
        Assert.True(NativeHeap.IsGlibc, "Floke runs on Debian (glibc) here and in CI");
        // 64 MB in 1 KB blocks, all freed but one in 64: the free pages lie between live blocks, so glibc cannot give them
        // back from the top of its heap, and the process keeps them.
        var blocks = new nint[64 * 1024];
        for (var i = 0; i < blocks.Length; i++)
        {
            blocks[i] = Marshal.AllocHGlobal(1024);
            Marshal.WriteByte(blocks[i], 1); // touched, so resident
        }
        for (var i = 0; i < blocks.Length; i++)
        {
            if (i % 64 != 0)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }
        }
        try
        {
            var kept = PrivateKilobytes();
            Assert.True(NativeHeap.Trim());
            var trimmed = PrivateKilobytes();
            Assert.True(kept - trimmed > 32 * 1024, $"private memory {kept} KB before trimming, {trimmed} KB after");
        }
        finally
        {
            for (var i = 0; i < blocks.Length; i += 64)
            {
                Marshal.FreeHGlobal(blocks[i]);
            }
        }
    }

    /// <summary>The process's resident anonymous memory (what the bench reports as private memory).</summary>
    private static long PrivateKilobytes() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            System.Globalization.CultureInfo.InvariantCulture);
}
