namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// A syntax-only test of whether an attribute list may name a feature's attribute, run before any symbol work.
    /// Why: an analyzer that asked the semantic model for every attributed method's symbol and attributes paid that
    /// for every <c>[GeneratedRegex]</c>, <c>[Fact]</c> or <c>[Obsolete]</c> method of the project, in each of the
    /// three feature analyzers; in a cold build of 1,000 annotated polynomials beside 1,000 regex methods that was
    /// most of the bit analyzer's 1–3.6 s on a project with no bit method at all (dotnet-trace, issue 12). The
    /// compiler binds an attribute by its written name (with or without the <c>Attribute</c> suffix), so a list
    /// that does not write the feature's simple name cannot denote it, unless an alias renames it: with any
    /// <c>using X = …</c> in the file or a global alias anywhere in the compilation, the filter lets everything through
    /// and the symbol check decides, as before.
    /// The global-alias scan runs at the first list that does not write the name, never at compilation start: there,
    /// <c>GetRoot</c> of a generator's output tree parses it, work the compiler does anyway and bills to whoever asks first.
    /// </summary>
    internal sealed class AttributeNameFilter
    {
        private readonly string _name;
        private readonly string _shortName;
        private readonly Compilation _compilation;
        private readonly CompilationScoped<bool> _compilationHasGlobalAlias = new();

        /// <param name="metadataName">The attribute's full metadata name, e.g. <c>CheapLearning.BitNetworkAttribute</c>.</param>
        /// <param name="compilation">Read lazily, for global using aliases.</param>
        public AttributeNameFilter(string metadataName, Compilation compilation)
        {
            _name = metadataName.Substring(metadataName.LastIndexOf('.') + 1);
            _shortName = _name.EndsWith("Attribute", StringComparison.Ordinal) ? _name.Substring(0, _name.Length - "Attribute".Length) : _name;
            _compilation = compilation;
        }

        /// <summary>False only when no attribute in <paramref name="lists"/> can be the feature's attribute.</summary>
        public bool MayName(SyntaxList<AttributeListSyntax> lists, SyntaxNode declaration, CancellationToken ct)
        {
            if (lists.Count == 0) return false;
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    var written = RightmostName(attribute.Name);
                    if (written == _name || written == _shortName) return true;
                }
            }
            return FileHasAlias(declaration) || _compilationHasGlobalAlias.Get(ct, HasGlobalAlias);
        }

        private bool HasGlobalAlias(CancellationToken ct)
            => _compilation.SyntaxTrees.Any(tree =>
                tree.GetRoot(ct) is CompilationUnitSyntax unit
                && unit.Usings.Any(u => u.Alias is not null && u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)));

        private static string RightmostName(NameSyntax name) => name switch
        {
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
            SimpleNameSyntax simple => simple.Identifier.ValueText,
            _ => "",
        };

        /// <summary>A <c>using X = …</c> in the file or in a namespace around the declaration.</summary>
        private static bool FileHasAlias(SyntaxNode declaration)
        {
            for (var node = declaration.Parent; node is not null; node = node.Parent)
            {
                var usings = node switch
                {
                    CompilationUnitSyntax unit => unit.Usings,
                    BaseNamespaceDeclarationSyntax ns => ns.Usings,
                    _ => default,
                };
                foreach (var u in usings)
                    if (u.Alias is not null) return true;
            }
            return false;
        }
    }
}
