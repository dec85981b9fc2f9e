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

        public AttributeArguments(AttributeData attribute, CancellationToken ct)
        {
            _attribute = attribute;
            _syntax = attribute.ApplicationSyntaxReference?.GetSyntax(ct) as AttributeSyntax;
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
            diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidArgument, Value(name) ?? Attribute ?? Location.None, message));
            Ok = false;
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
