using System;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Model
{
    /// <summary>A containing type as it must be re-declared: keyword (class, struct, record, record struct) and name.</summary>
    internal readonly record struct TypeDeclarationInfo(string Keyword, string Name);

    /// <summary>
    /// Where generated members go, without symbols: namespace (empty for the global one) and the
    /// chain of containing types from outermost to innermost. Equality: by value.
    /// </summary>
    internal sealed record HierarchyInfo(string Namespace, EquatableArray<TypeDeclarationInfo> Types);

    /// <summary>A parameter of the annotated method: its name and C# type keyword (double or float).</summary>
    internal readonly record struct ParameterSpec(string Name, string Type);

    /// <summary>The attribute's settings after validation. Equality: by value.</summary>
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

        public static NetworkOptions Default { get; } = new(NetworkForm.Deep, 1.0, 1e-9, Activation.Softplus,
            DefaultMaxFlatNeurons, 0, true, DefaultMaxExpandedTerms);
    }

    /// <summary>
    /// Everything the generator needs to emit one annotated method's networks: the pipeline model
    /// of <c>[PolynomialNetwork]</c>. It holds no symbols, syntax or locations, so it compares by
    /// value and an edit elsewhere leaves it equal (cached). Equality: every member by value.
    /// </summary>
    internal sealed record MethodSpec(
        HierarchyInfo Hierarchy,
        string MethodName,
        string Accessibility,
        EquatableArray<ParameterSpec> Parameters,
        ExprGraph Graph,
        NetworkOptions Options)
    {
        /// <summary>Path of the syntax tree declaring the method: the key for its .editorconfig options.</summary>
        public string FilePath { get; init; } = "";

        /// <summary>Name of the generated class: <c>&lt;Method&gt;Network</c>.</summary>
        public string NetworkClassName => MethodName + "Network";

        /// <summary>Hint name of the generated file, unique per method within a compilation.</summary>
        public string HintName
        {
            get
            {
                var prefix = Hierarchy.Namespace.Length == 0 ? "" : Hierarchy.Namespace + ".";
                foreach (var t in Hierarchy.Types) prefix += t.Name + ".";
                return HintNames.Unique(prefix + MethodName) + ".Network.g.cs";
            }
        }

        public string[] ParameterNames
        {
            get
            {
                var names = new string[Parameters.Count];
                for (int i = 0; i < names.Length; i++) names[i] = Parameters[i].Name;
                return names;
            }
        }
    }
}
