using System;
using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace CheapLearning.Numerics.Tests.Batch;

/// <summary>
/// BatchArguments.CopyBits, the branch-free bool → 0/1 copy of the generated bit overloads: every bool, also one whose
/// byte is not 0 or 1 (C# reads any nonzero byte as true), and a destination longer than the bools keeps its tail.
/// </summary>
public class CopyBitsTests
{
    [Fact]
    public void Every_byte_value_is_0_for_false_and_1_for_true_and_the_rest_is_untouched()
    {
        var bytes = Enumerable.Range(0, 256).Select(b => (byte)b).Concat(new byte[] { 1, 0, 0, 1, 255, 0, 2 }).ToArray();
        var bits = bytes.Select(b => Unsafe.As<byte, bool>(ref b)).ToArray();
        var destination = Enumerable.Repeat(-3.0, bits.Length + 2).ToArray();
        BatchArguments.CopyBits(bits, destination);
        for (int i = 0; i < bits.Length; i++)
            Assert.True(destination[i] == (bytes[i] != 0 ? 1.0 : 0.0), $"byte {bytes[i]}: {destination[i]}");
        Assert.Equal(new[] { -3.0, -3.0 }, destination.Skip(bits.Length));
        BatchArguments.CopyBits(ReadOnlySpan<bool>.Empty, Span<double>.Empty);
    }

    [Fact]
    public void A_shorter_destination_throws_before_writing()
    {
        var destination = new[] { 5.0, 5.0 };
        Assert.Throws<ArgumentOutOfRangeException>(() => BatchArguments.CopyBits(new[] { true, true, true }, destination));
        Assert.Equal(new[] { 5.0, 5.0 }, destination);
    }
}
