using System;
using System.Collections.Generic;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// ReLU's own no-flattening law, counted. A one-hidden-layer ReLU network of N neurons restricted to
    /// any line is piecewise linear with at most N + 1 pieces (each neuron bends once). On a piece of width
    /// h where |f''| ≥ κ, no line is within κh²/16 of f (for x², f'' = 2: the best line is off by h²/8), so
    /// staying within ε forces h ≤ √(16ε/κ): a flat ReLU x·y to 1e−10 on [−1, 1]² needs N + 1 ≥
    /// 2/√(8·10⁻¹⁰), N ≥ 70,710, where the deep network (Yarotsky squares) needs 104.
    /// </summary>
    internal static class ReluCounts
    {
        /// <summary>Most cells over which |f''| is bounded below along a line (1, 8, 64, 512 are tried; one is exact for a quadratic).</summary>
        private const int MaxCells = 512;

        /// <summary>Neurons of one Yarotsky square with m teeth (<see cref="ReluSquareBlock"/>): 3m + 1.</summary>
        public static long SquareNeurons(int m) => ReluSquareBlock.NeuronsFor(m);

        /// <summary>Teeth for a product uv on [−1, 1]² within ε·UV by polarization: 2^(−2m−1) ≤ ε.</summary>
        public static int ProductTeeth(double epsilon)
        {
            int m = 0;
            while (m < ReluAssembler.MaxTeeth && Math.Pow(2, -2 * m - 1) > epsilon) m++;
            return m;
        }

        /// <summary>
        /// The least N for which N + 1 linear pieces can be within <paramref name="epsilon"/> of the
        /// univariate polynomial q (coefficients in ascending order) on [lo, hi]. Each of K cells where
        /// |q''| ≥ κ_j meets at least ⌈w_j/√(16ε/κ_j)⌉ pieces (at least 1), and a piece meeting several
        /// cells is counted once per cell boundary it crosses, so pieces ≥ Σ_j ⌈…⌉ − (K − 1).
        /// κ_j is |q''| at the cell's midpoint less half the cell times a bound of |q'''| (rigorous).
        /// </summary>
        public static double FlatMinimum(double[] q, double lo, double hi, double epsilon)
        {
            double best = 0;
            for (int cells = 1; cells <= MaxCells; cells *= 8) best = Math.Max(best, FlatMinimum(q, lo, hi, epsilon, cells));
            return best;
        }

        private static double FlatMinimum(double[] q, double lo, double hi, double epsilon, int cells)
        {
            if (!(epsilon > 0) || !(hi > lo)) return 0;
            double reach = Math.Max(Math.Abs(lo), Math.Abs(hi)), third = 0;
            for (int k = 3; k < q.Length; k++) third += Math.Abs(q[k]) * k * (k - 1) * (k - 2) * Math.Pow(reach, k - 3);
            double width = (hi - lo) / cells, pieces = 0;
            for (int j = 0; j < cells; j++)
            {
                double mid = lo + (j + 0.5) * width;
                double kappa = (Math.Abs(SecondDerivative(q, mid)) - 0.5 * width * third) * (1 - 1e-9);
                pieces += kappa > 0 ? Math.Max(1, Math.Ceiling(width / Math.Sqrt(16 * epsilon / kappa) * (1 - 1e-9))) : 1;
            }
            return Math.Max(0, pieces - (cells - 1) - 1);
        }

        /// <summary>
        /// A proven minimum of one hidden ReLU layer for p on the box [−R, R]ⁿ to within ε: the largest
        /// <see cref="FlatMinimum(double[], double, double, double)"/> over the lines t·d, t ∈ [−R, R], for the
        /// diagonal d = (1, …, 1), the axes eᵢ and the pair directions eᵢ ± eⱼ (all inside the box).
        /// </summary>
        public static double FlatMinimum(Polynomial p, double inputBound, double epsilon)
        {
            int n = p.VariableCount;
            var directions = new List<int[]> { Fill(n, _ => 1) };
            for (int i = 0; i < n && directions.Count < 4096; i++)
            {
                directions.Add(Fill(n, k => k == i ? 1 : 0));
                for (int j = i + 1; j < n && directions.Count < 4096; j++)
                {
                    directions.Add(Fill(n, k => k == i || k == j ? 1 : 0));
                    directions.Add(Fill(n, k => k == i ? 1 : k == j ? -1 : 0));
                }
            }
            double best = 0;
            foreach (var d in directions)
            {
                var q = new double[p.Degree + 1];
                foreach (var t in p.Terms)
                {
                    double c = t.Value;
                    var e = t.Key.Exponents;
                    for (int i = 0; i < e.Length && c != 0; i++)
                        if (e[i] > 0) c *= d[i] == 0 ? 0 : (d[i] < 0 && e[i] % 2 == 1 ? -1 : 1);
                    q[t.Key.Degree] += c;
                }
                best = Math.Max(best, FlatMinimum(q, -inputBound, inputBound, epsilon));
            }
            return best;
        }

        private static double SecondDerivative(double[] q, double t)
        {
            double second = 0;
            for (int k = q.Length - 1; k >= 2; k--) second = second * t + q[k] * k * (k - 1);
            return second;
        }

        private static int[] Fill(int n, Func<int, int> f)
        {
            var d = new int[n];
            for (int i = 0; i < n; i++) d[i] = f(i);
            return d;
        }
    }
}
