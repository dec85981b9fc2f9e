namespace CheapLearning.Generator.Model
{
    /// <summary>
    /// One class y of a Bayes classifier: its Hamiltonian H_y as a bit function or a polynomial (exactly one
    /// of <see cref="Bits"/>, <see cref="Polynomial"/> is set) and µ_y = −ln p(y). Equality: by value.
    /// </summary>
    internal sealed record HamiltonianSpec(string MethodName, double Mu, BitMethodSpec? Bits, MethodSpec? Polynomial);

    /// <summary>
    /// Pipeline model of a <c>[BayesClassifier]</c> class: where to emit the nested <c>Classifier</c> (the
    /// target's hierarchy ends with the class itself, its name is empty), the shared parameters and the
    /// Hamiltonians in declaration order. Equality: every member by value.
    /// </summary>
    internal sealed record ClassifierSpec(TargetInfo Target, EquatableArray<HamiltonianSpec> Hamiltonians)
    {
        /// <summary>Hint name of the generated file, unique within a compilation ignoring case (CS8785 otherwise).</summary>
        public string HintName => Target.HintName("Classifier");
    }
}
