namespace CheapLearning.Generator.Model
{
    /// <summary>
    /// One class y of a Bayes classifier: its Hamiltonian H_y as a bit function or a polynomial (exactly one
    /// of <see cref="Bits"/>, <see cref="Polynomial"/> is set) and µ_y = −ln p(y). Equality: by value.
    /// </summary>
    internal sealed record HamiltonianSpec(string MethodName, double Mu, BitMethodSpec? Bits, MethodSpec? Polynomial);

    /// <summary>
    /// Pipeline model of a <c>[BayesClassifier]</c> class: where to emit the nested <c>Classifier</c> (the class's
    /// own hierarchy, the class included), the shared parameters and the Hamiltonians in declaration order.
    /// Equality: every member by value.
    /// </summary>
    internal sealed record ClassifierSpec(
        HierarchyInfo Hierarchy,
        string Accessibility,
        EquatableArray<ParameterSpec> Parameters,
        EquatableArray<HamiltonianSpec> Hamiltonians)
    {
        public string HintName
        {
            get
            {
                var prefix = Hierarchy.Namespace.Length == 0 ? "" : Hierarchy.Namespace + ".";
                foreach (var t in Hierarchy.Types) prefix += t.Name + ".";
                return prefix.Replace('<', '_').Replace('>', '_') + "Classifier.g.cs";
            }
        }
    }
}
