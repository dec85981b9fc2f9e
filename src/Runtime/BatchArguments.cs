using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace CheapLearning
{
    /// <summary>
    /// The argument checks of the generated batched overloads (<c>Deep(ReadOnlySpan&lt;double&gt; x, …, Span&lt;double&gt;
    /// destination)</c>), in one place: each generated overload used to spell out every message as a string concatenation,
    /// a third of the overload's text and an expression for the C# compiler to bind in every annotated method (issue 12).
    /// The messages and <see cref="ArgumentException.ParamName"/> are those the overloads threw before.
    /// </summary>
    public static class BatchArguments
    {
        /// <summary>Throws unless an input span has as many elements as the first one.</summary>
        /// <param name="length">The input's length.</param>
        /// <param name="firstLength">The first input's length (the batch's point count).</param>
        /// <param name="name">The input's parameter name (the exception's <c>ParamName</c>).</param>
        /// <param name="firstName">The first input's parameter name.</param>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void SameLength(int length, int firstLength, string name, string firstName)
        {
            if (length != firstLength)
                throw new ArgumentException(name + " has " + CountText.Of(length, "element") + " but " + firstName + " has " + firstLength + "; every input span needs one element per point.", name);
        }

        /// <summary>Throws unless the destination holds every point.</summary>
        /// <param name="destinationLength">The destination's length.</param>
        /// <param name="points">The number of points (the inputs' length).</param>
        /// <param name="name">The destination's parameter name.</param>
        /// <exception cref="ArgumentException">The destination is shorter.</exception>
        public static void LongEnough(int destinationLength, int points, string name)
        {
            if (destinationLength < points)
                throw new ArgumentException(name + " has " + CountText.Of(destinationLength, "element") + ", fewer than the " + CountText.Of(points, "point") + ".", name);
        }

        /// <summary>
        /// Throws when the destination overlaps a double input other than as the same span: written shifted, it would
        /// overwrite inputs not read yet (in place, each point and each tile is read before it is written).
        /// </summary>
        /// <param name="input">A double input.</param>
        /// <param name="destination">The destination.</param>
        /// <param name="inputName">The input's parameter name.</param>
        /// <param name="destinationName">The destination's parameter name (the exception's <c>ParamName</c>).</param>
        /// <exception cref="ArgumentException">The spans overlap at an offset other than 0.</exception>
        public static void NoShiftedOverlap(ReadOnlySpan<double> input, ReadOnlySpan<double> destination, string inputName, string destinationName)
        {
            if (input.Overlaps(destination, out int offset) && offset != 0)
                throw new ArgumentException(destinationName + " overlaps " + inputName + " shifted by " + CountText.Of(offset, "element") + "; pass the same span for in place, or separate memory.", destinationName);
        }

        /// <summary>
        /// destination[i] = bits[i] ? 1 : 0 for every i: a bit network's bool column as the engine's doubles. Without a branch
        /// (any nonzero byte is true, as in C#): with random bits the generated loop's <c>b ? 1.0 : 0.0</c> mispredicted
        /// about every other point and cost a third of the 10-bit parity's batched time (issue 12, ParityBatchBenchmarks).
        /// </summary>
        /// <param name="bits">The bools.</param>
        /// <param name="destination">Receives 0.0 or 1.0 per bool; at least as long as <paramref name="bits"/>.</param>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="destination"/> is shorter.</exception>
        public static void CopyBits(ReadOnlySpan<bool> bits, Span<double> destination)
        {
            destination = destination.Slice(0, bits.Length);
            ref byte source = ref Unsafe.As<bool, byte>(ref MemoryMarshal.GetReference(bits));
            ref double target = ref MemoryMarshal.GetReference(destination);
            int i = 0;
#if NET8_0_OR_GREATER
            if (Avx.IsSupported)
            {
                // Four bools at a time: zero-extended to ints (pmovzxbd), any nonzero made 1 (min with 1), converted to
                // doubles (vcvtdq2pd). The scalar loop converted one int per element and was 10 % of the parity's batch.
                var one = Vector128.Create(1);
                for (; i <= bits.Length - 4; i += 4)
                {
                    var four = Vector128.CreateScalarUnsafe(Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref source, i))).AsByte();
                    Avx.ConvertToVector256Double(Vector128.Min(Sse41.ConvertToVector128Int32(four), one)).StoreUnsafe(ref target, (nuint)i);
                }
            }
#endif
            for (; i < bits.Length; i++)
                Unsafe.Add(ref target, i) = (int)((uint)-Unsafe.Add(ref source, i) >> 31);
        }
    }
}
