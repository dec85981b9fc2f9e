using System.Collections.Immutable;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// What a front end's answer depends on in the compilation it read, beyond the annotated declaration itself: the
    /// syntax trees, references, options, language version and assembly name. Kept with each memo entry instead of the
    /// compilation: the compiler drops the generators' input compilation once it has added the generated files, and a
    /// weak reference to it was already dead when csc ran the analyzers (checked in a build: no answer was reused),
    /// while a strong one would keep its symbol tables alive as long as any of its trees. These parts are shared with
    /// the compilation the analyzers run on, so holding them costs nothing in a build; after an IDE edit, an entry
    /// not yet refreshed keeps the edited file's previous tree.
    /// </summary>
    internal sealed class CompilationShape
    {
        public CompilationShape(CSharpCompilation compilation)
        {
            AssemblyName = compilation.AssemblyName;
            Options = compilation.Options;
            LanguageVersion = compilation.LanguageVersion;
            References = compilation.ExternalReferences;
            Trees = compilation.SyntaxTrees;
        }

        public string? AssemblyName { get; }

        public CompilationOptions Options { get; }

        public LanguageVersion LanguageVersion { get; }

        public ImmutableArray<MetadataReference> References { get; }

        public ImmutableArray<SyntaxTree> Trees { get; }

        /// <summary>The shape of <paramref name="compilation"/>, or null for a compilation that is not C#.</summary>
        public static CompilationShape? Of(Compilation? compilation) => compilation is CSharpCompilation c ? new CompilationShape(c) : null;

        /// <summary>
        /// Whether <paramref name="compilation"/> has this very shape: the same tree list and reference list objects (a
        /// compilation keeps them while only its event queue or semantic model provider changes) and equal options.
        /// </summary>
        public bool Is(Compilation compilation)
            => compilation is CSharpCompilation c && Matches(c.SyntaxTrees, c.ExternalReferences, c.Options, c.AssemblyName, c.LanguageVersion);

        /// <summary>Whether <paramref name="other"/> is the shape of the same compilation (or one just like it).</summary>
        public bool Same(CompilationShape other)
            => Matches(other.Trees, other.References, other.Options, other.AssemblyName, other.LanguageVersion);

        private bool Matches(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references, CompilationOptions options,
                             string? assemblyName, LanguageVersion languageVersion)
            => trees == Trees && references == References && ReferenceEquals(options, Options)
               && assemblyName == AssemblyName && languageVersion == LanguageVersion;
    }
}
