using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Model
{
    /// <summary>The <c>[PolynomialNetwork]</c> attribute's settings after validation. Equality: by value.</summary>
    internal sealed record NetworkOptions(
        NetworkForm Form,
        double InputBound,
        double Tolerance,
        Activation Activation,
        int MaxFlatNeurons,
        int HiddenLayers,
        bool CheckInputs,
        int MaxExpandedTerms)
    {
        public const int DefaultMaxFlatNeurons = 4096;
        public const int DefaultMaxExpandedTerms = 10_000;

        /// <summary>Whether the attribute wrote MaxFlatNeurons (then it wins over .editorconfig and MSBuild; CHEAP011 applies).</summary>
        public bool MaxFlatNeuronsExplicit { get; init; }

        /// <summary>
        /// Whether the attribute wrote Tolerance. Only a written Tolerance can be "unreachable" (CHEAP004):
        /// the default asks for as accurate as double precision allows, which every network built is.
        /// </summary>
        public bool ToleranceExplicit { get; init; }

        public static NetworkOptions Default { get; } = new(NetworkForm.Deep, 1.0, 1e-9, Activation.Softplus,
            DefaultMaxFlatNeurons, 0, true, DefaultMaxExpandedTerms);
    }

    /// <summary>
    /// Everything the generator needs to emit one annotated method's networks: the pipeline model
    /// of <c>[PolynomialNetwork]</c>. It holds no symbols, syntax or locations, so it compares by
    /// value and an edit elsewhere leaves it equal (cached). Equality: every member by value.
    /// </summary>
    internal sealed record MethodSpec(TargetInfo Target, ExprGraph Graph, NetworkOptions Options)
    {
        public string MethodName => Target.Name;

        /// <summary>Name of the generated class: <c>&lt;Method&gt;Network</c>.</summary>
        public string NetworkClassName => MethodName + "Network";

        /// <summary>Hint name of the generated file, unique per method within a compilation, ignoring case.</summary>
        public string HintName => Target.HintName("Network");

        public string[] ParameterNames => Target.ParameterNames;
    }
}
