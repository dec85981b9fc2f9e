using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Model
{
    /// <summary>The <c>[BitNetwork]</c> attribute's settings after validation. Equality: by value.</summary>
    internal sealed record BitOptions(int Digits, NetworkForm Form, int MaxFlatNeurons)
    {
        public const int DefaultDigits = 10;
        public const int MaxDigits = 15;

        public static BitOptions Default { get; } = new(DefaultDigits, NetworkForm.Deep, NetworkOptions.DefaultMaxFlatNeurons);

        /// <summary>The accuracy contract: every input within 10⁻ᴰ of the exact value.</summary>
        public double Tolerance => System.Math.Pow(10, -Digits);
    }

    /// <summary>
    /// Pipeline model of one <c>[BitNetwork]</c> method: where to emit, its bit parameters (C# types bool,
    /// int, double, …), its return type and the parsed function. No symbols, syntax or locations.
    /// Equality: every member by value.
    /// </summary>
    internal sealed record BitMethodSpec(
        HierarchyInfo Hierarchy,
        string MethodName,
        string Accessibility,
        EquatableArray<ParameterSpec> Parameters,
        string ReturnType,
        BitGraph Graph,
        BitOptions Options)
    {
        public string NetworkClassName => MethodName + "Network";

        public string HintName
        {
            get
            {
                var prefix = Hierarchy.Namespace.Length == 0 ? "" : Hierarchy.Namespace + ".";
                foreach (var t in Hierarchy.Types) prefix += t.Name + ".";
                return (prefix + MethodName).Replace('<', '_').Replace('>', '_') + ".BitNetwork.g.cs";
            }
        }
    }
}
