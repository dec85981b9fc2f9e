using System.Collections.Immutable;
using System.Globalization;

namespace CheapLearning.Generator.Common
{
    /// <summary>Where a finding belongs in the source, in terms an analyzer can resolve and a plan can state without syntax.</summary>
    internal enum PlaceKind
    {
        /// <summary>A named attribute argument, <c>Name = value</c>.</summary>
        Argument,
        /// <summary>The value of a named attribute argument.</summary>
        ArgumentValue,
        /// <summary>The attribute.</summary>
        Attribute,
        /// <summary>The annotated member's name.</summary>
        Name,
    }

    internal readonly record struct Place(PlaceKind Kind, string Argument)
    {
        public static Place ArgumentOf(string name) => new(PlaceKind.Argument, name);
        public static Place ValueOf(string name) => new(PlaceKind.ArgumentValue, name);
        public static Place Attribute { get; } = new(PlaceKind.Attribute, "");
        public static Place Name { get; } = new(PlaceKind.Name, "");
    }

    /// <summary>
    /// A diagnostic a plan found, without a location: the plan states where it belongs (the first written
    /// of <see cref="Places"/>, else the member's name) and the analyzer places it. The generator reads the
    /// same findings to explain a form it could not emit, so both always say the same thing.
    /// </summary>
    internal sealed class Finding
    {
        public Finding(DiagnosticDescriptor descriptor, Place[] places, params string[] arguments)
        {
            Descriptor = descriptor;
            Places = places;
            Arguments = arguments;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public IReadOnlyList<Place> Places { get; }

        public string[] Arguments { get; }

        /// <summary>
        /// The method the finding is about when one plan covers several (a classifier's Hamiltonians), else null:
        /// the analyzer then places it against that method's attribute and name.
        /// </summary>
        public string? Member { get; init; }

        /// <summary>This finding, about <paramref name="member"/>.</summary>
        public Finding About(string member) => new(Descriptor, Places.ToArray(), Arguments) { Properties = Properties, Member = member };

        /// <summary>Data for code fixes (<see cref="Diagnostic.Properties"/>).</summary>
        public ImmutableDictionary<string, string?> Properties { get; init; } = ImmutableDictionary<string, string?>.Empty;

        /// <summary>The message, formatted as the diagnostic's.</summary>
        public string Message => string.Format(CultureInfo.InvariantCulture, Descriptor.MessageFormat.ToString(CultureInfo.InvariantCulture), Arguments);

        /// <summary>The message prefixed with the ID, as shown on a member that was not emitted.</summary>
        public string Explanation => Descriptor.Id + ": " + Message;

        public Diagnostic ToDiagnostic(AttributeArguments? attribute, Location name)
            => Diagnostic.Create(Descriptor, attribute?.Resolve(Places, name) ?? name, Properties, Arguments);
    }
}
