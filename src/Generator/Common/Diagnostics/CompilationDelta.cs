using System.Collections.Immutable;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// What separates the compilation an analyzer runs on from the one a generator read: the syntax trees one has and
    /// the other lacks, reduced to the names their declarations introduce. In a build the analyzer's compilation is the
    /// generators' input plus the generated files (csc and the IDE both add the generated trees to the same compilation
    /// object's trees, references and options), so the difference is the generated files alone. A name lookup in a method
    /// can answer differently in the two compilations only if some tree of the difference declares that name (or imports
    /// names for every file: a global using, which makes the difference unusable), or if an unchanged declaration of that
    /// name reads one that does (a constant's initializer, a base list, a using alias: <see cref="DependOn"/>).
    /// Our own generated files are read for what they add: the network and classifier classes, each under partial
    /// re-declarations of the user's namespace and types, which add no name of their own (the front ends leave our
    /// generated members out of their checks, <see cref="TargetReader.DeclaresMember"/>).
    /// </summary>
    internal sealed class CompilationDelta
    {
        private CompilationDelta(HashSet<string> others, HashSet<string> ours, HashSet<SyntaxTree> removed)
        {
            Others = others;
            Ours = ours;
            Removed = removed;
        }

        /// <summary>Names declared in the difference's trees that no CheapLearning generator wrote, at every nesting depth.</summary>
        public HashSet<string> Others { get; }

        /// <summary>The classes our generators added (FNetwork, Classifier, …) and any other member they declared in the user's types.</summary>
        public HashSet<string> Ours { get; }

        /// <summary>Trees the generator read that the analyzer's compilation no longer has (an IDE edit in between).</summary>
        public HashSet<SyntaxTree> Removed { get; }

        /// <summary>Whether nothing separates the two compilations.</summary>
        public bool IsEmpty => Others.Count == 0 && Ours.Count == 0 && Removed.Count == 0;

        /// <summary>
        /// The difference between <paramref name="analyzed"/> and the compilation of shape <paramref name="read"/>, or null when they differ in more
        /// than trees (options, references, assembly name, language) or a tree of the difference cannot be summed up by names.
        /// </summary>
        public static CompilationDelta? Between(Compilation analyzed, CompilationShape read, CancellationToken ct)
        {
            var delta = new CompilationDelta(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal), new HashSet<SyntaxTree>());
            if (read.Is(analyzed)) return delta;
            if (analyzed is not CSharpCompilation a) return null;
            if (a.AssemblyName != read.AssemblyName || a.LanguageVersion != read.LanguageVersion
                || !(ReferenceEquals(a.Options, read.Options) || a.Options.Equals(read.Options))
                || !a.ExternalReferences.SequenceEqual(read.References))
                return null;
            var trees = a.SyntaxTrees;
            if (StartsWith(trees, read.Trees))
            {
                // A build: the generated trees appended to the generators' input, nothing removed; no set of trees needed.
                for (int i = read.Trees.Length; i < trees.Length; i++)
                    if (!Declare(trees[i], delta, ct)) return null;
                return Closed(delta, trees.Take(read.Trees.Length), ct);
            }
            var readTrees = new HashSet<SyntaxTree>(read.Trees);
            var analyzedTrees = new HashSet<SyntaxTree>(trees);
            foreach (var tree in trees)
            {
                if (readTrees.Contains(tree)) continue;
                if (!Declare(tree, delta, ct)) return null;
            }
            foreach (var tree in read.Trees)
            {
                if (analyzedTrees.Contains(tree)) continue;
                delta.Removed.Add(tree);
                if (!Declare(tree, delta, ct)) return null;
            }
            return Closed(delta, trees.Where(readTrees.Contains), ct);
        }

        /// <summary><paramref name="delta"/> with the names of <paramref name="unchanged"/> trees that read its names (<see cref="DependOn"/>).</summary>
        private static CompilationDelta Closed(CompilationDelta delta, IEnumerable<SyntaxTree> unchanged, CancellationToken ct)
        {
            if (delta.Others.Count + delta.Ours.Count > 0) DependOn(unchanged.Where(t => !IsOurs(t.FilePath)), delta, ct);
            delta._patternNames = delta.Others.Any(PatternMembers.IsName) || delta.Ours.Any(PatternMembers.IsName);
            return delta;
        }

        private static bool StartsWith(ImmutableArray<SyntaxTree> trees, ImmutableArray<SyntaxTree> prefix)
        {
            if (trees.Length < prefix.Length) return false;
            for (int i = 0; i < prefix.Length; i++)
                if (trees[i] != prefix[i]) return false;
            return true;
        }

        /// <summary>Whether the difference declares a name C# binds without its being written (<see cref="PatternMembers"/>).</summary>
        private bool _patternNames;


        /// <summary>
        /// Adds to <see cref="Others"/> the names declared in unchanged trees whose meaning rests on a name of the
        /// difference: a constant whose initializer reads one (<c>const int P = D.Q;</c>, D edited: the method reads P and
        /// never writes Q), a type whose base list names one (it inherits the edited type's members, so a name in a
        /// method of a derived type can bind anew), a using alias, a field's or method's type, an enum's values; and so on
        /// transitively. Bodies are left out: the front ends read no member's body but the annotated method's own.
        /// </summary>
        private static void DependOn(IEnumerable<SyntaxTree> unchanged, CompilationDelta delta, CancellationToken ct)
        {
            // name read -> names whose declarations read it
            var readers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var tree in unchanged)
                if (tree.GetRoot(ct) is CompilationUnitSyntax root) Readers(root.Usings, root.Members, null, readers, ct);
            var pending = new Stack<string>(delta.Others.Concat(delta.Ours));
            while (pending.Count > 0)
            {
                if (!readers.TryGetValue(pending.Pop(), out var names)) continue;
                foreach (var name in names)
                    if (delta.Others.Add(name)) pending.Push(name);
            }
        }

        private static void Readers(SyntaxList<UsingDirectiveSyntax> usings, SyntaxList<MemberDeclarationSyntax> members, string? container,
                                    Dictionary<string, List<string>> readers, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var u in usings)
                if (u.Alias is { } alias) Reads(alias.Name.Identifier.ValueText, u, readers);
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        Readers(ns.Usings, ns.Members, null, readers, ct);
                        break;
                    case TypeDeclarationSyntax type:
                        Reads(type.Identifier.ValueText, type, readers); // its header: attributes, type parameters, base list, constraints
                        if (type.ParameterList is { } primary)
                            foreach (var p in primary.Parameters) Reads(p.Identifier.ValueText, type, readers);
                        Readers(default, type.Members, type.Identifier.ValueText, readers, ct);
                        break;
                    case EnumDeclarationSyntax e:
                        Reads(e.Identifier.ValueText, e, readers, whole: true);
                        foreach (var value in e.Members) Reads(value.Identifier.ValueText, e, readers, whole: true);
                        break;
                    case DelegateDeclarationSyntax d:
                        Reads(d.Identifier.ValueText, d, readers);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var v in field.Declaration.Variables) Reads(v.Identifier.ValueText, field, readers);
                        break;
                    case MethodDeclarationSyntax method:
                        Reads(method.Identifier.ValueText, method, readers);
                        break;
                    case PropertyDeclarationSyntax property:
                        Reads(property.Identifier.ValueText, property, readers);
                        break;
                    case EventDeclarationSyntax e:
                        Reads(e.Identifier.ValueText, e, readers);
                        break;
                    default:
                        // Constructors, operators, conversions, indexers: what they read, their type's meaning reads.
                        if (container is not null) Reads(container, member, readers);
                        break;
                }
            }
        }

        /// <summary>Records that <paramref name="name"/>'s meaning reads every name <paramref name="declaration"/> writes outside bodies and nested members.</summary>
        private static void Reads(string name, SyntaxNode declaration, Dictionary<string, List<string>> readers, bool whole = false)
        {
            foreach (var token in declaration.DescendantTokens(n => whole || n == declaration
                         || n is not (MemberDeclarationSyntax or BlockSyntax or ArrowExpressionClauseSyntax or AccessorListSyntax)))
            {
                // Only names read: a parameter's or a variable's own name declares, and common ones (x, y) would tie every signature to every edit.
                if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is not SimpleNameSyntax || token.ValueText == name) continue;
                if (!readers.TryGetValue(token.ValueText, out var names)) readers[token.ValueText] = names = new List<string>();
                if (names.Count == 0 || names[names.Count - 1] != name) names.Add(name);
            }
        }

        /// <summary>
        /// Whether the front end's answer for <paramref name="declared"/> (an annotated method, or a classifier type),
        /// computed on the generator's compilation, is also the answer on the analyzer's: no name its declaration
        /// <paramref name="syntax"/> writes (attributes, signature and body, whether free or after a dot), nor the names
        /// its checks look up beside it (its containing types, its own name and its network's), is declared in the
        /// difference, nor a member C# binds for a construct of the declaration without its name being written (Deconstruct
        /// for 'var (a, b) = x', …), and every diagnostic lies in a tree the analyzer's compilation has.
        /// </summary>
        public bool Allows(ISymbol declared, SyntaxNode syntax, IReadOnlyList<Diagnostic> diagnostics)
        {
            if (IsEmpty) return true;
            foreach (var d in diagnostics)
            {
                if (d.Location.SourceTree is { } tree && Removed.Contains(tree)) return false;
                foreach (var additional in d.AdditionalLocations)
                    if (additional.SourceTree is { } other && Removed.Contains(other)) return false;
            }
            if (Others.Count + Ours.Count > 0)
            {
                foreach (var token in syntax.DescendantTokens())
                {
                    if (!token.IsKind(SyntaxKind.IdentifierToken)) continue;
                    string name = token.ValueText;
                    if (Others.Contains(name) || Ours.Contains(name)) return false;
                    // An attribute [X] binds to X or XAttribute. Only an attribute's name gets the suffix: appended to every
                    // identifier it was a string per token, most of this check's time (about half the polynomial analyzer's
                    // per-method time at N = 100 with reuse, issue 12).
                    if (IsAttributeName(token) && Others.Contains(name + "Attribute")) return false;
                }
            }
            if (_patternNames && PatternMembers.BoundBy(syntax)) return false;
            if (Others.Count > 0)
            {
                if (Others.Contains(declared.Name) || Others.Contains(declared.Name + "Network")) return false;
                for (var type = declared.ContainingType; type is not null; type = type.ContainingType)
                    if (Others.Contains(type.Name)) return false;
            }
            return true;
        }

        /// <summary>Whether <paramref name="token"/> is the last identifier of an attribute's name (<c>[X]</c>, <c>[N.X]</c>, <c>[global::N.X]</c>).</summary>
        private static bool IsAttributeName(SyntaxToken token)
        {
            SyntaxNode? name = token.Parent;
            while (name?.Parent is QualifiedNameSyntax or AliasQualifiedNameSyntax) name = name.Parent;
            return name?.Parent is AttributeSyntax;
        }

        /// <summary>Adds what <paramref name="tree"/> declares; false when it imports names for every file or holds an unknown kind of declaration.</summary>
        private static bool Declare(SyntaxTree tree, CompilationDelta delta, CancellationToken ct)
        {
            if (tree.GetRoot(ct) is not CompilationUnitSyntax root) return false;
            foreach (var u in root.Usings)
                if (!u.GlobalKeyword.IsKind(SyntaxKind.None)) return false;
            return IsOurs(tree.FilePath)
                ? Declare(root.Members, delta.Ours, ours: true, ct)
                : Declare(root.Members, delta.Others, ours: false, ct);
        }

        private static bool Declare(SyntaxList<MemberDeclarationSyntax> members, HashSet<string> names, bool ours, CancellationToken ct)
        {
            ct.ThrowIfCancellationRequested();
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        // Our files re-declare the user's namespace, which exists already; another generator's may open a new one.
                        if (!ours)
                            foreach (var part in ns.Name.DescendantTokens())
                                if (part.IsKind(SyntaxKind.IdentifierToken)) names.Add(part.ValueText);
                        if (!Declare(ns.Members, names, ours, ct)) return false;
                        break;
                    case TypeDeclarationSyntax type when ours && type.Modifiers.Any(SyntaxKind.PartialKeyword):
                        // One of the user's types, re-declared around the generated class (GeneratedFile).
                        if (!Declare(type.Members, names, ours, ct)) return false;
                        break;
                    case TypeDeclarationSyntax type:
                        names.Add(type.Identifier.ValueText);
                        if (ours) break; // reached only through its name
                        if (type.ParameterList is { } primary)
                            foreach (var p in primary.Parameters) names.Add(p.Identifier.ValueText); // a record's properties
                        if (!Declare(type.Members, names, ours, ct)) return false;
                        break;
                    case EnumDeclarationSyntax e:
                        names.Add(e.Identifier.ValueText);
                        foreach (var value in e.Members) names.Add(value.Identifier.ValueText);
                        break;
                    case DelegateDeclarationSyntax d:
                        names.Add(d.Identifier.ValueText);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        foreach (var v in field.Declaration.Variables) names.Add(v.Identifier.ValueText);
                        break;
                    case MethodDeclarationSyntax method:
                        names.Add(method.Identifier.ValueText);
                        break;
                    case PropertyDeclarationSyntax property:
                        names.Add(property.Identifier.ValueText);
                        break;
                    case EventDeclarationSyntax e:
                        names.Add(e.Identifier.ValueText);
                        break;
                    case GlobalStatementSyntax:
                        names.Add("Program"); // top-level statements declare the entry point's class
                        break;
                    case ConstructorDeclarationSyntax or DestructorDeclarationSyntax or OperatorDeclarationSyntax
                        or ConversionOperatorDeclarationSyntax or IndexerDeclarationSyntax or IncompleteMemberSyntax:
                        break; // named by their type, or not by a name at all
                    default:
                        return false; // a kind of declaration this version does not know
                }
            }
            return true;
        }

        /// <summary>
        /// Whether a generated file is one of ours: the compiler names a generated tree
        /// <c>…/&lt;generator assembly&gt;/&lt;generator type&gt;/&lt;hint name&gt;</c> (csc, the IDE and the test drivers alike).
        /// A file that is not recognized counts as another generator's, which only makes the difference larger.
        /// </summary>
        internal static bool IsOurs(string path)
        {
            int file = Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
            if (file <= 0) return false;
            int folder = Math.Max(path.LastIndexOf('/', file - 1), path.LastIndexOf('\\', file - 1));
            string generator = path.Substring(folder + 1, file - folder - 1);
            return generator == typeof(Polynomials.PolynomialNetworkGenerator).FullName
                   || generator == typeof(Bits.BitNetworkGenerator).FullName
                   || generator == typeof(Classifier.BayesClassifierGenerator).FullName;
        }
    }
}
