using System;
using System.Diagnostics;

namespace CheapLearning
{
    /// <summary>
    /// Marks a static method of a partial type that computes a polynomial of its <c>double</c>
    /// (or <c>float</c>) parameters. At compile time the CheapLearning generator emits a nested
    /// class <c>&lt;Method&gt;Network</c> with an unrolled neural-network evaluator of exactly
    /// that polynomial, the network as a <see cref="NetworkModel"/>, and its proven error bound.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
    [Conditional("CHEAPLEARNING_KEEP_ATTRIBUTES")]
    public sealed class PolynomialNetworkAttribute : Attribute
    {
        /// <summary>Which evaluators to emit. Default <see cref="NetworkForm.Deep"/>.</summary>
        public NetworkForm Form { get; set; } = NetworkForm.Deep;

        /// <summary>R: the accuracy contract holds for every input with |xᵢ| ≤ R. Default 1.</summary>
        public double InputBound { get; set; } = 1.0;

        /// <summary>
        /// τ: the network must satisfy |network(x) − p(x)| ≤ τ·S on the input box, where S is
        /// the sum of the absolute terms of p at |xᵢ| = R. Default 1e-9. CHEAP004 when
        /// double precision cannot reach it.
        /// </summary>
        public double Tolerance { get; set; } = 1e-9;

        /// <summary>The nonlinearity σ. Default <see cref="CheapLearning.Activation.Softplus"/>.</summary>
        public Activation Activation { get; set; } = Activation.Softplus;

        /// <summary>Neuron budget of the flat (one hidden layer) form; CHEAP010 above it. Default 4096.</summary>
        public int MaxFlatNeurons { get; set; } = 4096;

        /// <summary>At most this many hidden layers (0 = no limit, the fully deep form).</summary>
        public int HiddenLayers { get; set; }

        /// <summary>
        /// When true (the default) the generated evaluators throw
        /// <see cref="ArgumentOutOfRangeException"/> for a finite input outside ±InputBound.
        /// Turn off for hot loops whose inputs are known to be in range.
        /// </summary>
        public bool CheckInputs { get; set; } = true;
    }
}
