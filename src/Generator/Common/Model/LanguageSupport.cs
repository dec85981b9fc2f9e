namespace CheapLearning.Generator.Model
{
    /// <summary>
    /// What the consumer's C# version lets generated code use, reduced from the parse options to a tiny
    /// equatable value so the pipeline stays cached. netstandard2.0 and .NET Framework projects default
    /// to C# 7.3, where <c>#nullable</c> is an error (CS8370); everything else emitted is C# 7.3.
    /// A class, not a struct, on purpose: a value type in a pipeline step makes the JIT compile Roslyn's generic
    /// pipeline code (NodeStateTable, ArrayBuilder of its entries, the Combine and output nodes) again for that
    /// type in every compiler process, about 220 methods at first use; with a reference type the compiler's
    /// shared, precompiled instantiations serve (issue 12). Equality stays by value (a record).
    /// </summary>
    internal sealed record LanguageSupport(bool NullableDirective)
    {
        public static LanguageSupport Latest { get; } = new(true);

        /// <summary>C# 7.3 and older: no <c>#nullable</c>.</summary>
        public static LanguageSupport CSharp7 { get; } = new(false);

        public static LanguageSupport From(ParseOptions options)
            => options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 } ? Latest : CSharp7;
    }
}
