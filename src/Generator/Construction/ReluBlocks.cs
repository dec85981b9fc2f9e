using System;
using System.Collections.Generic;

namespace CheapLearning.Generator.Construction
{
    /// <summary>
    /// A piece of a ReLU network that advances one hidden layer per <see cref="Step"/>: it reads
    /// values over the current layer, adds its rows and neurons to the layer being built, and holds
    /// values over that new layer afterwards. All blocks of a circuit level step together.
    /// </summary>
    internal interface IReluBlock
    {
        void Step(ReluLayers layers);

        /// <summary>The block's value over the current layer (valid once it has stepped).</summary>
        ReluValue Result { get; }
    }

    /// <summary>
    /// a² for a value a with exact |a| ≤ 1, by Yarotsky's construction (Neural Networks 94, 2017):
    /// x = |a| = σ(a) + σ(−a); the tooth g(x) = 2σ(x) − 4σ(x − ½) (= 2σ(x) − 4σ(x − ½) + 2σ(x − 1) on [0, 1]),
    /// g_s its s-fold composition, and f_m(x) = x − Σ_{s≤m} g_s(x)/4ˢ, the piecewise-linear interpolant of
    /// x² at the 2ᵐ + 1 nodes k/2ᵐ, so 0 ≤ f_m(x) − x² ≤ 2^(−2m−2). Layer 1 holds σ(±a); layer 2 the
    /// first tooth σ(x), σ(x − ½), whose first neuron also carries x (x ≥ 0); every further layer the
    /// next tooth and one carry neuron for the partial sum f_s ≥ 0: 3m + 1 neurons in m + 1 layers.
    /// Extra layers (to line blocks up) carry f_m with one neuron each, exactly.
    /// <para>
    /// Errors: the tooth as built, h(z) = 2σ(z) − 4σ(z − ½), is 2-Lipschitz on all of ℝ, so a computed
    /// input off by e gives a tooth off by 2e (+ 4 times the rounding of z − ½); dividing g_s by 4ˢ
    /// more than undoes the 2ˢ growth, and the whole square is off by about twice its input's error —
    /// as x² itself would be. The truncation 2^(−2m−2) is added at the end.
    /// </para>
    /// </summary>
    internal sealed class ReluSquareBlock : IReluBlock
    {
        private readonly int _m;
        private ReluValue _input, _tooth = null!, _sum = null!;
        private int _steps, _teeth;

        public ReluSquareBlock(ReluValue input, int m)
        {
            _input = input;
            _m = m;
        }

        /// <summary>Hidden layers this square needs (m + 1).</summary>
        public static int LayersFor(int m) => m + 1;

        /// <summary>Neurons of one square with m teeth: 2 + 2 + 3(m − 1) = 3m + 1 (2 for m = 0).</summary>
        public static long NeuronsFor(int m) => m == 0 ? 2 : 3L * m + 1;

        /// <summary>max |f_m(x) − x²| on [0, 1]: 2^(−2m−2), attained at the midpoints between nodes.</summary>
        public static double Truncation(int m) => Math.Pow(2, -2 * m - 2);

        public ReluValue Result => new(_sum.Constant, _sum.Terms, 1, _sum.Error + Truncation(_m));

        public void Step(ReluLayers layers)
        {
            if (_steps == 0)
            {
                var (row, error, _) = layers.Row(_input);
                var (plus, _) = layers.Neuron(row, 1, 0, _input.Terms.Count);
                var (minus, _) = layers.Neuron(row, -1, 0, _input.Terms.Count);
                // σ(z) + σ(−z) = |z| exactly (one of the two is 0), and |·| is 1-Lipschitz.
                _sum = ReluValue.Combine(0, new[] { (ReluValue.Column(plus, 1, 0), 1.0), (ReluValue.Column(minus, 1, 0), 1.0) }, 1, error);
            }
            else if (_teeth < _m)
            {
                // The next tooth reads the previous one (the first reads x, which is the partial sum f₀).
                var toothSource = _teeth == 0 ? _sum : _tooth;
                var (row, error, _) = layers.Row(toothSource);
                var (p, _) = layers.Neuron(row, 1, 0, toothSource.Terms.Count);
                var (q, rounding) = layers.Neuron(row, 1, -0.5, toothSource.Terms.Count);
                _teeth++;
                _tooth = ReluValue.Combine(0, new[] { (ReluValue.Column(p, 1, 0), 2.0), (ReluValue.Column(q, 1, 0), -4.0) },
                                           1, 2 * error + 4 * rounding);
                // f_s = f_{s−1} − g_s/4ˢ, with f_{s−1} carried by σ (exact: f_{s−1} ≥ 0), or by p itself for s = 1.
                ReluValue carried;
                if (_teeth == 1) carried = ReluValue.Column(p, 1, error);
                else
                {
                    var (sumRow, sumError, _) = layers.Row(_sum);
                    var (c, _) = layers.Neuron(sumRow, 1, 0, _sum.Terms.Count);
                    carried = ReluValue.Column(c, 1, sumError);
                }
                double scale = Math.Pow(4, -_teeth);
                _sum = ReluValue.Combine(0, new[] { (carried, 1.0), (_tooth, -scale) }, 1, carried.Error + scale * _tooth.Error);
            }
            else
            {
                var (row, error, _) = layers.Row(_sum);
                var (c, _) = layers.Neuron(row, 1, 0, _sum.Terms.Count);
                _sum = ReluValue.Column(c, 1, error);
            }
            _steps++;
        }
    }

    /// <summary>
    /// A value carried across layers exactly: σ(v) and σ(−v) in the first layer (v = σ(v) − σ(−v), one of
    /// them 0), then each carried by a weight-1 neuron (σ(p) = p for p ≥ 0), 2 neurons per layer.
    /// </summary>
    internal sealed class ReluCopyBlock : IReluBlock
    {
        private ReluValue _value;
        private ReluValue? _plus, _minus;

        public ReluCopyBlock(ReluValue value) => _value = value;

        public ReluValue Result => _value;

        public void Step(ReluLayers layers)
        {
            if (_plus is null || _minus is null)
            {
                var (row, error, _) = layers.Row(_value);
                var (p, _) = layers.Neuron(row, 1, 0, _value.Terms.Count);
                var (q, _) = layers.Neuron(row, -1, 0, _value.Terms.Count);
                _plus = ReluValue.Column(p, _value.Bound, error);
                _minus = ReluValue.Column(q, _value.Bound, error);
            }
            else
            {
                var (rp, _, _) = layers.Row(_plus);
                var (rq, _, _) = layers.Row(_minus);
                var (p, _) = layers.Neuron(rp, 1, 0, 1);
                var (q, _) = layers.Neuron(rq, 1, 0, 1);
                _plus = ReluValue.Column(p, _plus.Bound, _plus.Error);
                _minus = ReluValue.Column(q, _minus.Bound, _minus.Error);
            }
            _value = ReluValue.Combine(0, new[] { (_plus, 1.0), (_minus, -1.0) }, _plus.Bound, _plus.Error);
        }
    }

    /// <summary>
    /// u·v = U·V·(a² − b²) with a = (u/U + v/V)/2, b = (u/U − v/V)/2 (polarization; |a|, |b| ≤ 1 when
    /// |u| ≤ U, |v| ≤ V): two squares, 6m + 2 neurons, truncation U·V·2^(−2m−1).
    /// </summary>
    internal sealed class ReluProductBlock : IReluBlock
    {
        private readonly ReluSquareBlock _a, _b;
        private readonly double _scale;

        public ReluProductBlock(ReluValue u, double uScale, ReluValue v, double vScale, int m)
        {
            double error = 0.5 * (u.Error / uScale + v.Error / vScale);
            var a = ReluValue.Combine(0, new[] { (u, 0.5 / uScale), (v, 0.5 / vScale) }, 1, error);
            var b = ReluValue.Combine(0, new[] { (u, 0.5 / uScale), (v, -0.5 / vScale) }, 1, error);
            _a = new ReluSquareBlock(a, m);
            _b = new ReluSquareBlock(b, m);
            _scale = uScale * vScale;
        }

        public ReluValue Result
        {
            get
            {
                ReluValue a = _a.Result, b = _b.Result;
                return ReluValue.Combine(0, new[] { (a, _scale), (b, -_scale) }, _scale, _scale * (a.Error + b.Error));
            }
        }

        public void Step(ReluLayers layers)
        {
            _a.Step(layers);
            _b.Step(layers);
        }
    }
}
