namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The one reader of attribute arguments for every feature: the named arguments' values, where each
    /// one is written (for diagnostics at the argument), and CHEAP005 for an invalid one.
    /// </summary>
    internal sealed class AttributeArguments
    {
        private readonly AttributeData _attribute;
        private readonly AttributeSyntax? _syntax;
        private readonly Compilation? _compilation;
        private readonly CancellationToken _ct;

        /// <param name="compilation">When given, an invalid value C# itself reports an error at is not reported again.</param>
        public AttributeArguments(AttributeData attribute, CancellationToken ct, Compilation? compilation = null)
        {
            _attribute = attribute;
            _syntax = attribute.ApplicationSyntaxReference?.GetSyntax(ct) as AttributeSyntax;
            _compilation = compilation;
            _ct = ct;
        }

        /// <summary>False once <see cref="Invalid"/> was called.</summary>
        public bool Ok { get; private set; } = true;

        /// <summary>The named arguments with their constant values, in the order written.</summary>
        public IEnumerable<(string Name, object? Value)> Named => _attribute.NamedArguments.Select(a => (a.Key, a.Value.Value));

        /// <summary>The whole argument <c>Name = value</c>, or null when it is not written.</summary>
        public Location? Argument(string name) => Find(name)?.GetLocation();

        /// <summary>The value expression of an argument, or null when it is not written.</summary>
        public Location? Value(string name) => Find(name)?.Expression.GetLocation();

        /// <summary>The attribute as written, or null when it has no syntax (from metadata).</summary>
        public Location? Attribute => _syntax?.GetLocation();

        /// <summary>CHEAP005 at the argument's value (or the attribute), and the arguments are no longer <see cref="Ok"/>.</summary>
        public void Invalid(List<Diagnostic> diagnostics, string name, string message)
        {
            if (!CompilerReportsError(Find(name)?.Expression))
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidArgument, Value(name) ?? Attribute ?? Location.None, message));
            Ok = false;
        }

        /// <summary>
        /// Whether C# reports an error at <paramref name="value"/>: an int where the argument is an enum ('Activation = 7',
        /// CS0266; AttributeData holds it as the enum value 7, as for '(Activation)7'), which CHEAP005 would only repeat.
        /// Asked only on the way to a CHEAP005.
        /// </summary>
        private bool CompilerReportsError(ExpressionSyntax? value)
        {
            return value is not null && _compilation is not null && _compilation.ContainsSyntaxTree(value.SyntaxTree)
                   && CompilerErrors.In(_compilation.GetSemanticModel(value.SyntaxTree), value.Span, _ct);
        }

        /// <summary>Form = value, when it names a NetworkForm; otherwise CHEAP005.</summary>
        public bool TryForm(List<Diagnostic> diagnostics, int value, out NetworkForm form)
        {
            form = (NetworkForm)value;
            if (value is >= 0 and <= 2) return true;
            Invalid(diagnostics, "Form", $"Form = {value} is not a NetworkForm (Deep, Flat or Both)");
            return false;
        }

        /// <summary>A count that must not be negative (MaxFlatNeurons, HiddenLayers); otherwise CHEAP005.</summary>
        public bool TryCount(List<Diagnostic> diagnostics, string name, int value, string note = "")
        {
            if (value >= 0) return true;
            Invalid(diagnostics, name, $"{name} = {value} must not be negative{note}");
            return false;
        }

        /// <summary>The first of <paramref name="places"/> that is written in the source, else <paramref name="fallback"/>.</summary>
        public Location Resolve(IEnumerable<Place> places, Location fallback)
        {
            foreach (var place in places)
            {
                var location = place.Kind switch
                {
                    PlaceKind.Argument => Argument(place.Argument),
                    PlaceKind.ArgumentValue => Value(place.Argument),
                    PlaceKind.Attribute => Attribute,
                    _ => null,
                };
                if (location is not null) return location;
            }
            return fallback;
        }

        private AttributeArgumentSyntax? Find(string name)
            => _syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);   // ValueText: "@Tolerance = …" names Tolerance too
    }
}
