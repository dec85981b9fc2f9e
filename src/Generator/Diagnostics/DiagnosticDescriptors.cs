using Microsoft.CodeAnalysis;

namespace CheapLearning.Generator.Diagnostics
{
    /// <summary>Every diagnostic CheapLearning reports. IDs are stable once shipped; never reuse one.</summary>
    internal static class DiagnosticDescriptors
    {
        private const string Category = "CheapLearning";
        private const string HelpRoot = "https://github.com/cheaplearning/cheaplearning/blob/main/README.md#";

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description,
                                                   params string[] tags)
            => new(id, title, message, Category, severity, isEnabledByDefault: true, description: description,
                   helpLinkUri: HelpRoot + id.ToLowerInvariant(), customTags: tags);

        public static readonly DiagnosticDescriptor NotAPolynomial = Create(
            "CHEAP001", "Method body is not a polynomial",
            "{0} is not a polynomial operation: {1}",
            DiagnosticSeverity.Error,
            "The body of a [PolynomialNetwork] method may use + - *, unary minus, parentheses, numeric literals, const fields and locals, parameters, division by a constant and Math.Pow with a non-negative integer constant exponent, in straight-line code.");

        public static readonly DiagnosticDescriptor CannotReceiveMembers = Create(
            "CHEAP002", "Generated members cannot be added",
            "{0}",
            DiagnosticSeverity.Error,
            "The annotated method and every type containing it must be declared partial and must not be generic, so that the generator can add the nested network class.");

        public static readonly DiagnosticDescriptor UnsupportedSignature = Create(
            "CHEAP003", "Unsupported signature",
            "{0}",
            DiagnosticSeverity.Error,
            "A [PolynomialNetwork] method is static, returns double and takes double or float parameters by value; two annotated methods of one type must have different names.");

        public static readonly DiagnosticDescriptor ToleranceUnreachable = Create(
            "CHEAP004", "Tolerance cannot be reached in double precision",
            "Tolerance {0} cannot be reached for '{1}' in double precision with {2}: the best network built has error bound {3} (tolerance × S with S = {4}), i.e. a reachable Tolerance is {5}",
            DiagnosticSeverity.Warning,
            "The generator chooses every gate's λ and bias to minimize the proven error bound; when even that bound exceeds Tolerance × S, the network is still emitted and its ErrorBound states what it meets.");

        public static readonly DiagnosticDescriptor InvalidArgument = Create(
            "CHEAP005", "Invalid attribute argument",
            "{0}",
            DiagnosticSeverity.Error,
            "InputBound and Tolerance must be finite and positive, MaxFlatNeurons and HiddenLayers non-negative, and enum arguments must name a defined member.");

        public static readonly DiagnosticDescriptor TooLargeToExpand = Create(
            "CHEAP006", "Polynomial too large to expand",
            "'{0}' has more than {1} terms when expanded; its network is built from the expression as written (S is the expression's majorant)",
            DiagnosticSeverity.Info,
            "Expansion stops at the term limit (CheapLearningMaxExpandedTerms, default 10000) in bounded time and memory; the deep network is then built from the expression structure alone.");
    
        public static readonly DiagnosticDescriptor InternalError = Create(
            "CHEAP009", "Network construction failed",
            "CheapLearning could not build the network of '{0}': {1}. Please report this with the method's code.",
            DiagnosticSeverity.Warning,
            "An unexpected failure inside the generator; nothing is emitted for this method and the rest of the build is unaffected.");
    }
}
