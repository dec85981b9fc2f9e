// This file is compiled into both the runtime (public) and the generator (internal), so the
// two can never disagree on the numbering the attribute arguments carry.
#if CHEAPLEARNING_GENERATOR
namespace CheapLearning.Generator
#else
namespace CheapLearning
#endif
{
    /// <summary>The nonlinearity σ applied elementwise after every hidden affine map (paper, Eq 6).</summary>
#if CHEAPLEARNING_GENERATOR
    internal
#else
    public
#endif
    enum Activation
    {
        /// <summary>σ(x) = ln(1 + eˣ). The default: σ(x) − σ(−x) = x exactly, so copy gates are exact.</summary>
        Softplus = 0,
        /// <summary>The logistic function σ(x) = 1 / (1 + e⁻ˣ).</summary>
        Sigmoid = 1,
        /// <summary>σ(x) = tanh x. σ''(0) = 0, so gates shift their bias away from 0.</summary>
        Tanh = 2,
        /// <summary>σ(x) = eˣ. Every derivative equals σ, so no bias removes the λ² error term.</summary>
        Exp = 3,
        /// <summary>
        /// σ(x) = max(0, x). Piecewise linear (σ'' = 0), so the paper's gates do not apply: squaring is
        /// Yarotsky's sawtooth construction and bits are exact (Π_{i∈K} xᵢ = σ(Σ_{i∈K} xᵢ − |K| + 1)).
        /// </summary>
        ReLU = 4,
    }
}
