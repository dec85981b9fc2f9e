using System;
using System.Diagnostics;

namespace CheapLearning
{
    /// <summary>
    /// Marks a static partial class whose <see cref="HamiltonianAttribute"/> methods H_y(x) = −ln p(x|y) define a
    /// Bayes classifier (paper, Eq 3–8): p(y|x) = softmax(−H(x) − µ) with µ_y = −ln p(y). The generator emits a
    /// nested class <c>Classifier</c> with <c>Probabilities(…, Span&lt;double&gt;)</c>, <c>Classify(…)</c> and
    /// <c>Model</c>: the Hamiltonians' deep networks plus one softmax layer whose bias is −µ. Class y is the
    /// y-th Hamiltonian in declaration order.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    [Conditional("CHEAPLEARNING_KEEP_ATTRIBUTES")]
    public sealed class BayesClassifierAttribute : Attribute
    {
    }

    /// <summary>
    /// Marks a Hamiltonian H_y(x) = −ln p(x|y) (up to a constant) of a <see cref="BayesClassifierAttribute"/> class.
    /// All Hamiltonians of a class take the same parameters: bits (bool, or int/double marked
    /// <see cref="BitAttribute"/>, built as with <see cref="BitNetworkAttribute"/>) or doubles (a polynomial, built
    /// as with <see cref="PolynomialNetworkAttribute"/>). Give each class its prior with <see cref="Prior"/>
    /// (normalized when they do not sum to 1) or its µ_y = −ln p(y) with <see cref="Mu"/>; with neither on any
    /// method the classes are equally likely.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    [Conditional("CHEAPLEARNING_KEEP_ATTRIBUTES")]
    public sealed class HamiltonianAttribute : Attribute
    {
        /// <summary>p(y), positive. Unset by default (NaN).</summary>
        public double Prior { get; set; } = double.NaN;

        /// <summary>µ_y = −ln p(y), finite: the bias −µ_y of the softmax layer. Unset by default (NaN).</summary>
        public double Mu { get; set; } = double.NaN;

        /// <summary>Bit Hamiltonians: D, the network is within 10⁻ᴰ of H on every input. Default 10.</summary>
        public int Digits { get; set; } = 10;

        /// <summary>Polynomial Hamiltonians: R, the accuracy contract holds for |xᵢ| ≤ R. Default 1.</summary>
        public double InputBound { get; set; } = 1.0;

        /// <summary>Polynomial Hamiltonians: τ of the accuracy contract (see <see cref="PolynomialNetworkAttribute.Tolerance"/>). Default 1e-9.</summary>
        public double Tolerance { get; set; } = 1e-9;
    }
}
