namespace CheapLearning.Generator.Polynomials
{
    /// <summary>
    /// A polynomial method's spec with the settings that apply to its file: the value of the generator's Configured
    /// step and the key of <see cref="Plans.PolynomialFindings"/>. Equality: by value (both parts are). A class rather
    /// than a (spec, settings) tuple on purpose: a value type in a pipeline step or a cache key makes the JIT compile
    /// Roslyn's pipeline generics (and ConcurrentDictionary's) again for it in every compiler process (issue 12);
    /// for a reference type their shared precompiled code serves.
    /// </summary>
    internal sealed record ConfiguredSpec(MethodSpec Spec, ProjectSettings Settings);
}
