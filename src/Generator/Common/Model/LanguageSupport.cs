namespace CheapLearning.Generator.Model
{
    /// <summary>
    /// What the consumer's C# version lets generated code use, reduced from the parse options to a tiny
    /// equatable value so the pipeline stays cached. netstandard2.0 and .NET Framework projects default
    /// to C# 7.3, where <c>#nullable</c> is an error (CS8370); everything else emitted is C# 7.3.
    /// </summary>
    internal readonly record struct LanguageSupport(bool NullableDirective)
    {
        public static LanguageSupport Latest { get; } = new(true);

        public static LanguageSupport From(ParseOptions options)
            => new(options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp8 });
    }
}
