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
    
        public static readonly DiagnosticDescriptor FlatFormTooLarge = Create(
            "CHEAP010", "Flat form exceeds the neuron budget",
            "The flat form of '{0}' needs {1} neurons, more than MaxFlatNeurons = {2}: the monomial {3} alone needs {4} neurons in one hidden layer (Π(rᵢ+1), Eq 28) against {5} in a deep tree of 4-neuron gates, a flattening cost C_n = {6} (C_s = {7} for synapses, Eq 25–26); {8}. The flat evaluator is not emitted.",
            DiagnosticSeverity.Warning,
            "No-flattening theorem (Appendix A): one hidden layer needs Π(rᵢ+1) neurons for Π xᵢ^rᵢ, 2ⁿ for a product of n variables, where a deep network needs 4(n−1). Raise MaxFlatNeurons (attribute, .editorconfig cheaplearning.max_flat_neurons, MSBuild CheapLearningMaxFlatNeurons), or use the deep form or HiddenLayers = k.");

        public static readonly DiagnosticDescriptor FlatBudgetBelowMinimum = Create(
            "CHEAP011", "Flat neuron budget below the proven minimum",
            "MaxFlatNeurons = {0} is below the proven minimum of {1} neurons for any one-hidden-layer network computing '{2}': {3}",
            DiagnosticSeverity.Error,
            "Rolnick & Tegmark (Thm II.1) prove that one hidden layer needs at least Π(rᵢ+1) neurons for the monomial Π xᵢ^rᵢ; a sum of c monomials q_j needs at least max_j m₁(q_j)/c. A budget written on the attribute below that can never be met.");

        public static readonly DiagnosticDescriptor NetworkSizes = Create(
            "CHEAP012", "Network sizes",
            "'{0}': deep {1} neurons in {2} hidden layers; flat {3} neurons in 1 hidden layer; C_n = {4}",
            DiagnosticSeverity.Hidden,
            "A report of the deep and flat sizes of every [PolynomialNetwork]; hidden by default, shown when .editorconfig sets dotnet_diagnostic.CHEAP012.severity = suggestion (or warning).");

        public static readonly DiagnosticDescriptor FlatFormUnavailable = Create(
            "CHEAP013", "Flat form not available",
            "The flat form of '{0}' is not emitted: {1}",
            DiagnosticSeverity.Warning,
            "The flat error analysis uses derivatives of σ up to order 14, so flat forms are built up to degree 12, and from the expanded polynomial only.");
    
        public static readonly DiagnosticDescriptor HiddenLayersNotHonored = Create(
            "CHEAP014", "HiddenLayers cannot be honored",
            "HiddenLayers = {0} is not honored for '{1}': {2}; Deep(...) is the fully deep network with {3} hidden layers",
            DiagnosticSeverity.Warning,
            "A network with at most k hidden layers is built from the expanded monomials (Rolnick & Tegmark, Thm III.1) and at most 1,048,576 neurons; otherwise the deep network is emitted.");
    }
}
