using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Model
{
    /// <summary>The <c>[BitNetwork]</c> attribute's settings after validation. Equality: by value.</summary>
    internal sealed record BitOptions(int Digits, NetworkForm Form, int MaxFlatNeurons)
    {
        /// <summary>Sigmoid (Eq 13, β chosen for the digits) or ReLU (exact threshold units, no β).</summary>
        public Activation Activation { get; init; } = Activation.Sigmoid;

        public const int DefaultDigits = 10;
        public const int MaxDigits = 15;

        public static BitOptions Default { get; } = new(DefaultDigits, NetworkForm.Deep, NetworkOptions.DefaultMaxFlatNeurons);

        /// <summary>The accuracy contract: every input within 10⁻ᴰ of the exact value.</summary>
        public double Tolerance => System.Math.Pow(10, -Digits);
    }

    /// <summary>
    /// Pipeline model of one <c>[BitNetwork]</c> method: where to emit (its parameters keep their C# types
    /// bool, int or double), its return type and the parsed function. No symbols, syntax or locations.
    /// Equality: every member by value.
    /// </summary>
    internal sealed record BitMethodSpec(TargetInfo Target, string ReturnType, BitGraph Graph, BitOptions Options)
    {
        public string MethodName => Target.Name;

        public string NetworkClassName => MethodName + "Network";

        /// <summary>Hint name of the generated file, unique within a compilation ignoring case (CS8785 otherwise).</summary>
        public string HintName => Target.HintName("BitNetwork");
    }
}
