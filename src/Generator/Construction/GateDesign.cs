using System;

namespace CheapLearning.Generator.Construction
{
    /// <summary>The gates of the paper out of which every deep network is built.</summary>
    internal enum GateKind
    {
        /// <summary>uv from 4 neurons (Eq 11): [g(λ(u+v)) − g(λ(u−v))] / (4σ''(b)λ²), g(t) = σ(b+t) + σ(b−t).</summary>
        Multiply,
        /// <summary>u² from 2 neurons: [σ(b+λu) + σ(b−λu) − 2σ(b)] / (σ''(b)λ²).</summary>
        Square,
        /// <summary>u carried across a layer (footnote 3): [σ(b+λu) − σ(b−λu)] / (2λσ'(b)).</summary>
        Copy,
    }

    /// <summary>
    /// A concrete gate: bias b, scale λ, its neurons (directions over the gate inputs u, v and output
    /// weights) and its proven error terms for inputs bounded by U, V.
    /// </summary>
    internal sealed class GateDesign
    {
        /// <summary>Unit roundoff of double precision, 2⁻⁵³.</summary>
        public const double Unit = 1.1102230246251565e-16;

        /// <summary>
        /// Error of one activation evaluation in units of Unit·|σ(z)| (the implementations in
        /// ActivationFunctions are within a few ulps), plus argument rounding of the neuron's
        /// pre-activation (bias + λ·inputs: a product and two additions). The input weight λ/Û of a
        /// normalised gate is itself rounded: one more ulp of λ|u/Û| ≤ t, counted separately.
        /// </summary>
        private const double ActivationUlps = 4, ArgumentUlps = 3;

        private GateDesign(GateKind kind, double bias, double lambda, double[] directionsU, double[] directionsV,
                           double[] outputWeights, double outputConstant, double truncation, double rounding, double magnitude)
        {
            Kind = kind; Bias = bias; Lambda = lambda; DirectionsU = directionsU; DirectionsV = directionsV;
            OutputWeights = outputWeights; OutputConstant = outputConstant;
            Truncation = truncation; Rounding = rounding; Magnitude = magnitude;
        }

        public GateKind Kind { get; }
        public double Bias { get; }
        public double Lambda { get; }

        /// <summary>Neuron n computes σ(b + λ·(DirectionsU[n]·u + DirectionsV[n]·v)).</summary>
        public double[] DirectionsU { get; }
        public double[] DirectionsV { get; }

        /// <summary>The gate's value is Σₙ OutputWeights[n]·hₙ + OutputConstant.</summary>
        public double[] OutputWeights { get; }
        public double OutputConstant { get; }

        public int NeuronCount => OutputWeights.Length;

        /// <summary>Bound on |gate(u,v) − uv| (resp. u², u) in exact arithmetic (Taylor remainder).</summary>
        public double Truncation { get; }

        /// <summary>Bound on the effect of rounding in the gate's own neurons.</summary>
        public double Rounding { get; }

        /// <summary>Σₙ |OutputWeights[n]|·max|hₙ| + |OutputConstant|: how large the summed terms are.</summary>
        public double Magnitude { get; }

        /// <summary>Largest |hₙ| over the input box, per neuron (all equal for these symmetric gates).</summary>
        public double NeuronMagnitude => (Magnitude - Math.Abs(OutputConstant)) / Math.Max(1e-300, SumAbsWeights());

        private double SumAbsWeights()
        {
            double s = 0;
            foreach (double w in OutputWeights) s += Math.Abs(w);
            return s;
        }

        /// <summary>
        /// Chooses the bias among the activation's candidates and λ by a log-scale search so that
        /// truncation + rounding (+ the rounding its output causes downstream) is smallest for
        /// inputs bounded by <paramref name="u"/>, <paramref name="v"/>. Smaller λ shrinks the
        /// Taylor error but rounding grows like ε/λ² (DESIGN.md): there is an optimum per gate.
        /// <paramref name="minimumReach"/> keeps λ·reach at or above it (at most 8, the search's top): a larger λ means
        /// smaller output weights (1/(4σ''λ²) for Eq 11), which <see cref="NetworkAssembler"/> asks for when the
        /// optimum's weights, times a huge S, overflow double.
        /// </summary>
        public static GateDesign Choose(GateKind kind, ActivationCalculus sigma, double u, double v, double minimumReach = 0)
        {
            u = Math.Max(u, 1e-300);
            v = Math.Max(v, 1e-300);
            GateDesign? best = null;
            double bestScore = double.PositiveInfinity;
            var biases = kind == GateKind.Copy ? sigma.CopyBiases : sigma.ProductBiases;
            double reach = kind == GateKind.Multiply ? u + v : u;
            foreach (double b in biases)
            {
                // Search λ·reach over [1e-9, 8] on a log grid, then refine around the best point.
                // Scores are computed without building designs (about 145 per bias).
                double lo = Math.Log(Math.Min(Math.Max(1e-9, minimumReach), 8)), hi = Math.Log(8);
                const int grid = 64;
                double bestT = lo, bestS = double.PositiveInfinity;
                for (int i = 0; i <= grid; i++)
                {
                    double t = lo + (hi - lo) * i / grid, s = ScoreAt(kind, sigma, b, Math.Exp(t) / reach, u, v);
                    if (s < bestS) { bestS = s; bestT = t; }
                }
                // With a minimum reach the refinement stays above it; without one it is as it always was (same designs).
                double a = bestT - (hi - lo) / grid, c = bestT + (hi - lo) / grid;
                if (minimumReach > 0) a = Math.Max(a, lo);
                for (int it = 0; it < 40; it++)
                {
                    double m1 = a + (c - a) * 0.382, m2 = a + (c - a) * 0.618;
                    if (ScoreAt(kind, sigma, b, Math.Exp(m1) / reach, u, v) <= ScoreAt(kind, sigma, b, Math.Exp(m2) / reach, u, v)) c = m2; else a = m1;
                }
                var design = Create(kind, sigma, b, Math.Exp(0.5 * (a + c)) / reach, u, v);
                double total = Score(design.Truncation, design.Rounding, design.Magnitude);
                if (total < bestScore || best is null)
                {
                    bestScore = total;
                    best = design;
                }
            }
            return best!;
        }

        private static double Score(double truncation, double rounding, double magnitude) => truncation + rounding + 2 * Unit * magnitude;

        /// <summary>The score of <see cref="Create"/>'s design for these arguments, without building it.</summary>
        private static double ScoreAt(GateKind kind, ActivationCalculus sigma, double b, double lambda, double u, double v)
        {
            Span<double> w = stackalloc double[4];
            int n = OutputWeightsOf(kind, sigma, b, lambda, w, out double constant);
            var (truncation, rounding, magnitude) = Errors(kind, sigma, b, lambda, u, v, w.Slice(0, n), constant);
            return Score(truncation, rounding, magnitude);
        }

        /// <summary>Builds the gate for a given b and λ and bounds its errors for |u| ≤ U, |v| ≤ V.</summary>
        public static GateDesign Create(GateKind kind, ActivationCalculus sigma, double b, double lambda, double u, double v)
        {
            Span<double> weights = stackalloc double[4];
            int n = OutputWeightsOf(kind, sigma, b, lambda, weights, out double constant);
            var w = weights.Slice(0, n).ToArray();
            // Neuron order +(u+v), +(u−v), −(u+v), −(u−v) for multiplication, so that summing the
            // weights +A, −A, +A, −A in storage order pairs nearly equal values.
            double[] du = kind == GateKind.Multiply ? new[] { 1.0, 1.0, -1.0, -1.0 } : new[] { 1.0, -1.0 };
            double[] dv = kind == GateKind.Multiply ? new[] { 1.0, -1.0, -1.0, 1.0 } : new[] { 0.0, 0.0 };
            var (truncation, rounding, magnitude) = Errors(kind, sigma, b, lambda, u, v, w, constant);
            return new GateDesign(kind, b, lambda, du, dv, w, constant, truncation, rounding, magnitude);
        }

        /// <summary>
        /// This gate (same b, λ, neurons and weights, which depend on b and λ only) with its error terms
        /// bounded for |u| ≤ U, |v| ≤ V: what <see cref="Create"/> returns for them, sharing the arrays.
        /// </summary>
        public GateDesign WithReach(ActivationCalculus sigma, double u, double v)
        {
            var (truncation, rounding, magnitude) = Errors(Kind, sigma, Bias, Lambda, u, v, OutputWeights, OutputConstant);
            return new GateDesign(Kind, Bias, Lambda, DirectionsU, DirectionsV, OutputWeights, OutputConstant, truncation, rounding, magnitude);
        }

        /// <summary>The output weights (into <paramref name="w"/>; returns how many) and constant of the gate with bias b and scale λ.</summary>
        private static int OutputWeightsOf(GateKind kind, ActivationCalculus sigma, double b, double lambda, Span<double> w, out double constant)
        {
            switch (kind)
            {
                case GateKind.Multiply:
                {
                    double a = 1 / (4 * sigma.Derivative(2, b) * lambda * lambda);
                    w[0] = a; w[1] = -a; w[2] = a; w[3] = -a;
                    constant = 0;
                    return 4;
                }
                case GateKind.Square:
                {
                    double a = 1 / (sigma.Derivative(2, b) * lambda * lambda);
                    w[0] = a; w[1] = a;
                    constant = -2 * sigma.Value(b) * a;
                    return 2;
                }
                default:
                {
                    double a = 1 / (2 * lambda * sigma.Derivative(1, b));
                    w[0] = a; w[1] = -a;
                    constant = 0;
                    return 2;
                }
            }
        }

        /// <summary>Truncation, rounding and magnitude of the gate with bias b, scale λ and these output weights for |u| ≤ U, |v| ≤ V.</summary>
        private static (double Truncation, double Rounding, double Magnitude) Errors(GateKind kind, ActivationCalculus sigma, double b, double lambda,
                                                                                   double u, double v, ReadOnlySpan<double> w, double constant)
        {
            double truncation;
            double reach = kind == GateKind.Multiply ? u + v : u;
            double t = lambda * reach; // |pre-activation − b| ≤ t on the box
            const int K = 4;           // Taylor terms kept explicitly; the rest is a Lagrange remainder
            double remainderSup = sigma.SupAbsDerivative(2 * K + 2, b - t, b + t);
            switch (kind)
            {
                case GateKind.Multiply:
                {
                    double s2 = sigma.Derivative(2, b);
                    // m(u,v) − uv = Σ_{k≥2} 2σ⁽²ᵏ⁾(b)λ²ᵏ[(u+v)²ᵏ − (u−v)²ᵏ] / ((2k)!·4σ''λ²),
                    // and |(u+v)²ᵏ − (u−v)²ᵏ| ≤ (U+V)²ᵏ.
                    // Written with t = λ(U+V) ≤ 8 (λᵏ·reachʲ = tᵏ·reach^(j−k)) so nothing over- or underflows.
                    truncation = 0;
                    for (int k = 2; k <= K; k++)
                        truncation += 2 * Math.Abs(sigma.Derivative(2 * k, b)) * Math.Pow(t, 2 * k - 2) * reach * reach
                                      / (Factorial(2 * k) * 4 * Math.Abs(s2));
                    truncation += 4 * remainderSup * Math.Pow(t, 2 * K) * reach * reach
                                  / (Factorial(2 * K + 2) * 4 * Math.Abs(s2));
                    break;
                }
                case GateKind.Square:
                {
                    double s2 = sigma.Derivative(2, b);
                    // sq(u) − u² = Σ_{k≥2} 2σ⁽²ᵏ⁾(b)λ²ᵏ⁻²u²ᵏ / ((2k)!σ'').
                    truncation = 0;
                    for (int k = 2; k <= K; k++)
                        truncation += 2 * Math.Abs(sigma.Derivative(2 * k, b)) * Math.Pow(t, 2 * k - 2) * u * u
                                      / (Factorial(2 * k) * Math.Abs(s2));
                    truncation += 2 * remainderSup * Math.Pow(t, 2 * K) * u * u
                                  / (Factorial(2 * K + 2) * Math.Abs(s2));
                    break;
                }
                default:
                {
                    double s1 = sigma.Derivative(1, b);
                    if (b == 0 && sigma.HasExactCopyAtZero)
                    {
                        truncation = 0; // softplus(x) − softplus(−x) = x exactly
                    }
                    else
                    {
                        // copy(u) − u = Σ_{k≥1} σ⁽²ᵏ⁺¹⁾(b)λ²ᵏu²ᵏ⁺¹ / ((2k+1)!σ').
                        truncation = 0;
                        for (int k = 1; k <= K; k++)
                            truncation += Math.Abs(sigma.Derivative(2 * k + 1, b)) * Math.Pow(t, 2 * k) * u
                                          / (Factorial(2 * k + 1) * Math.Abs(s1));
                        truncation += remainderSup * Math.Pow(t, 2 * K + 1) * u
                                      / (Factorial(2 * K + 2) * Math.Abs(s1));
                    }
                    break;
                }
            }

            // Rounding: each neuron's value is off by ≤ ε(c_σ|σ(z)| + c_z|σ'(z)||z|) on z ∈ [b − t, b + t].
            double zLo = b - t, zHi = b + t;
            double sigmaMax = Math.Max(Math.Abs(sigma.Value(zLo)), Math.Abs(sigma.Value(zHi)));
            double slopeMax = Math.Max(Math.Abs(sigma.Derivative(1, zLo)), Math.Abs(sigma.Derivative(1, zHi)));
            if (zLo < 0 && zHi > 0) slopeMax = Math.Max(slopeMax, Math.Abs(sigma.Derivative(1, 0)));
            double zMax = Math.Max(Math.Abs(zLo), Math.Abs(zHi));
            double perNeuron = Unit * (ActivationUlps * sigmaMax + slopeMax * (ArgumentUlps * zMax + t));
            double sumW = 0;
            foreach (double x in w) sumW += Math.Abs(x);
            double rounding = sumW * perNeuron;
            double magnitude = sumW * sigmaMax + Math.Abs(constant);
            if (double.IsNaN(truncation)) truncation = double.PositiveInfinity;
            return (truncation, rounding, magnitude);
        }

        private static double Factorial(int n)
        {
            double f = 1;
            for (int i = 2; i <= n; i++) f *= i;
            return f;
        }
    }
}
