namespace CheapLearning.Generator.Algebra
{
    /// <summary>
    /// The two transforms over the subsets of n bits that link a function of bits to its multilinear polynomial (paper,
    /// Eq 12), in place on a table indexed by subset masks:
    /// <list type="bullet">
    /// <item>zeta, f(K) = Σ_{J⊆K} c_J: the values of the polynomial with coefficients c on every input;</item>
    /// <item>Möbius, its inverse, h_K = Σ_{J⊆K} (−1)^|K∖J| f(J): the coefficients from the values (the truth table).</item>
    /// </list>
    /// Both are n sweeps of 2ⁿ additions. One copy per element type (netstandard2.0 has no generic arithmetic), used by
    /// the comparison reduction (<see cref="MultilinearReduction"/>) and the truth-table reduction of the bit front end.
    /// </summary>
    internal static class SubsetTransform
    {
        /// <summary>Zeta (<paramref name="inverse"/> false) or Möbius (true) in checked long arithmetic; false when a value overflows.</summary>
        public static bool TryApply(long[] values, int n, bool inverse, CancellationToken ct)
        {
            try
            {
                for (int j = 0; j < n; j++)
                {
                    ct.ThrowIfCancellationRequested();
                    long bit = 1L << j;
                    for (long x = 0; x < values.Length; x++)
                        if ((x & bit) != 0) values[x] = inverse ? checked(values[x] - values[x ^ bit]) : checked(values[x] + values[x ^ bit]);
                }
                return true;
            }
            catch (OverflowException)
            {
                return false;
            }
        }

        /// <summary>Zeta (<paramref name="inverse"/> false) or Möbius (true) in exact rationals.</summary>
        public static void Apply(Rational[] values, int n, bool inverse, CancellationToken ct)
        {
            for (int j = 0; j < n; j++)
            {
                ct.ThrowIfCancellationRequested();
                long bit = 1L << j;
                for (long x = 0; x < values.Length; x++)
                    if ((x & bit) != 0) values[x] = inverse ? values[x] - values[x ^ bit] : values[x] + values[x ^ bit];
            }
        }
    }
}
