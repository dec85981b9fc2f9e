using System;
using System.Diagnostics;

namespace CheapLearning
{
    /// <summary>
    /// Marks a static method of a partial type that computes a function of bits (paper, Sec. II.C.2):
    /// <c>bool</c> parameters with a Boolean-algebra body (<c>&amp; | ^ ! &amp;&amp; || == != ?:</c>, <c>true</c>/<c>false</c>),
    /// mixed with arithmetic through <c>?:</c> and locals, or <c>int</c>/<c>double</c> parameters declared to be
    /// 0/1 with <see cref="BitAttribute"/> (or <see cref="ParametersAreBits"/>). Returns bool, int or double.
    /// The generator reduces the body to its exact multilinear polynomial (Eq 12) and emits a nested class
    /// <c>&lt;Method&gt;Network</c> with a deep network (a tree of sigmoid threshold gates) and, on request, the
    /// flat one-hidden-layer network of Eq 13, both exact to <see cref="Digits"/> decimals on every input.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    [Conditional("CHEAPLEARNING_KEEP_ATTRIBUTES")]
    public sealed class BitNetworkAttribute : Attribute
    {
        /// <summary>D: every one of the 2ⁿ inputs gives the exact value to within 10⁻ᴰ. 1 to 15, default 10.</summary>
        public int Digits { get; set; } = 10;

        /// <summary>
        /// The threshold units' activation: <see cref="CheapLearning.Activation.Sigmoid"/> (Eq 13, β chosen for
        /// <see cref="Digits"/>; the default) or <see cref="CheapLearning.Activation.ReLU"/> (recommended: every unit is
        /// exact on bits, Π_{i∈K} xᵢ = σ(Σ_{i∈K} xᵢ − |K| + 1), so the only error is the output's rounding).
        /// </summary>
        public Activation Activation { get; set; } = Activation.Sigmoid;

        /// <summary>Which evaluators to emit. Default <see cref="NetworkForm.Deep"/>.</summary>
        public NetworkForm Form { get; set; } = NetworkForm.Deep;

        /// <summary>
        /// Neuron budget of the flat form (one neuron per non-constant monomial; n-bit parity has 2ⁿ − 1).
        /// Above it the flat evaluator is not emitted (CHEAP023). Default 4096.
        /// </summary>
        public int MaxFlatNeurons { get; set; } = 4096;

        /// <summary>
        /// When true, every <c>int</c>/<c>double</c> parameter is a bit (0 or 1), as if each carried
        /// <see cref="BitAttribute"/>. Default false.
        /// </summary>
        public bool ParametersAreBits { get; set; }
    }

    /// <summary>
    /// Declares an <c>int</c> or <c>double</c> parameter of a <see cref="BitNetworkAttribute"/> method to be a
    /// bit: its value is 0 or 1. The generated evaluators throw <see cref="ArgumentOutOfRangeException"/> otherwise.
    /// </summary>
    [AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
    [Conditional("CHEAPLEARNING_KEEP_ATTRIBUTES")]
    public sealed class BitAttribute : Attribute
    {
    }
}
