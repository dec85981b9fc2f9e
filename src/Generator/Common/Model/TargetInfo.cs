namespace CheapLearning.Generator.Model
{
    /// <summary>
    /// A containing type as it must be re-declared: keyword (class, struct, record, record struct) and name. A record
    /// class, as <see cref="ParameterSpec"/>: as a value type, every generic use of it (EquatableArray, List, spans, the
    /// comparers of the records holding it) was compiled by the JIT for it in every compiler process.
    /// </summary>
    internal sealed record TypeDeclarationInfo(string Keyword, string Name);

    /// <summary>
    /// Where generated members go, without symbols: namespace (empty for the global one) and the
    /// chain of containing types from outermost to innermost. Equality: by value.
    /// </summary>
    internal sealed record HierarchyInfo(string Namespace, EquatableArray<TypeDeclarationInfo> Types);

    /// <summary>
    /// A parameter of the annotated method: its name, C# type keyword (double, float, bool or int) and, when the
    /// generated scalar evaluators repeat the method's default value, that value as a C# constant (<c>2.0</c>,
    /// <c>-0.5f</c>, <c>double.NaN</c>); null otherwise.
    /// </summary>
    internal sealed record ParameterSpec(string Name, string Type, string? Default = null);

    /// <summary>
    /// The target of generated code, shared by every feature: the containing types, the annotated
    /// member's name (empty when the target is the annotated type itself, as for a classifier), the
    /// accessibility of the generated class and the parameters its evaluators take.
    /// Equality: every member by value.
    /// </summary>
    internal sealed record TargetInfo(HierarchyInfo Hierarchy, string Name, string Accessibility, EquatableArray<ParameterSpec> Parameters)
    {
        /// <summary>
        /// Whether the generated class hides a member of its name that the containing type inherits (a base class's own
        /// FNetwork): then it is declared <c>new</c>, as C# asks (CS0108, an error under TreatWarningsAsErrors).
        /// </summary>
        public bool HidesInherited { get; init; }

        /// <summary>
        /// The hint name of the generated file: the target's full name made unique under Roslyn's
        /// case-insensitive comparison (see <see cref="Common.HintNames"/>), then the feature's suffix.
        /// </summary>
        public string HintName(string suffix)
        {
            // A keyword namespace is displayed escaped (@class), and '@' is not allowed in a hint name (AddSource throws).
            var name = Hierarchy.Namespace.Replace("@", "");
            foreach (var t in Hierarchy.Types) name = name.Length == 0 ? t.Name : name + "." + t.Name;
            if (Name.Length > 0) name = name.Length == 0 ? Name : name + "." + Name;
            return Common.HintNames.Unique(name) + "." + suffix + ".g.cs";
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

        /// <summary>Each parameter's default value as a C# constant, or null (see <see cref="ParameterSpec.Default"/>).</summary>
        public string?[] ParameterDefaults
        {
            get
            {
                var defaults = new string?[Parameters.Count];
                for (int i = 0; i < defaults.Length; i++) defaults[i] = Parameters[i].Default;
                return defaults;
            }
        }

        public string[] ParameterTypes
        {
            get
            {
                var types = new string[Parameters.Count];
                for (int i = 0; i < types.Length; i++) types[i] = Parameters[i].Type;
                return types;
            }
        }
    }
}
