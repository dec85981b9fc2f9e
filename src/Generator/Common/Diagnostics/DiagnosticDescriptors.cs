using System.Collections.Immutable;

namespace CheapLearning.Generator.Common
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
            DiagnosticIds.NotAPolynomial, "Method body is not a polynomial",
            "{0} is not a polynomial operation: {1}",
            DiagnosticSeverity.Error,
            "The body of a [PolynomialNetwork] method may use + - *, unary minus, parentheses, numeric literals, const fields and locals, parameters, division by a constant and Math.Pow with a non-negative integer constant exponent, in straight-line code.");

        public static readonly DiagnosticDescriptor CannotReceiveMembers = Create(
            DiagnosticIds.CannotReceiveMembers, "Generated members cannot be added",
            "{0}",
            DiagnosticSeverity.Error,
            "The annotated method and every type containing it must be declared partial and must not be generic, so that the generator can add the nested network class.");

        public static readonly DiagnosticDescriptor UnsupportedSignature = Create(
            DiagnosticIds.UnsupportedSignature, "Unsupported signature",
            "{0}",
            DiagnosticSeverity.Error,
            "A [PolynomialNetwork] method is static, returns double and takes double or float parameters by value; two annotated methods of one type must have different names.");

        public static readonly DiagnosticDescriptor ToleranceUnreachable = Create(
            DiagnosticIds.ToleranceUnreachable, "Tolerance cannot be reached in double precision",
            "Tolerance {0} cannot be reached for '{1}' in double precision with {2}: the best network built has error bound {3} (tolerance × S with S = {4}), i.e. a reachable Tolerance is {5}",
            DiagnosticSeverity.Warning,
            "The generator chooses every gate's λ and bias to minimize the proven error bound; when even that bound exceeds Tolerance × S, the network is still emitted and its ErrorBound states what it meets.");

        public static readonly DiagnosticDescriptor InvalidArgument = Create(
            DiagnosticIds.InvalidArgument, "Invalid attribute argument",
            "{0}",
            DiagnosticSeverity.Error,
            "InputBound and Tolerance must be finite and positive, MaxFlatNeurons and HiddenLayers non-negative, and enum arguments must name a defined member.");

        public static readonly DiagnosticDescriptor TooLargeToExpand = Create(
            DiagnosticIds.TooLargeToExpand, "Polynomial too large to expand",
            "'{0}' has more than {1} terms when expanded; its network is built from the expression as written (S is the expression's majorant)",
            DiagnosticSeverity.Info,
            "Expansion stops at the term limit (CheapLearningMaxExpandedTerms, default 10000) in bounded time and memory; the deep network is then built from the expression structure alone.");
    
        public static readonly DiagnosticDescriptor FloatRounding = Create(
            DiagnosticIds.FloatRounding, "A float cast or operation rounds what the network computes exactly",
            "{0} {1}; the network does not: it computes the exact polynomial, so the method and the network can differ by more than the error bound",
            DiagnosticSeverity.Warning,
            "The accuracy contract is stated for the exact polynomial p the method denotes; a cast to float of a double value is a rounding, not a polynomial operation, so the network reads (float)e as e; likewise a float operation on float locals or constants (t * 3, t *= 3) is computed exactly, and it is reported when its exact value is not a float (0.5f * 3 is exact and silent; a constant expression is the compiler's folded float, which the network reads too). In a method with all-double parameters such a rounding is a loss of precision that the network cannot follow; compute in double, or declare the parameters float (a float method computes in float and its network approximates the exact polynomial).");

        public static readonly DiagnosticDescriptor InvalidSetting = Create(
            DiagnosticIds.InvalidSetting, InvalidSettingTitle, InvalidSettingMessage, DiagnosticSeverity.Warning, InvalidSettingDescription);

        /// <summary>
        /// CHEAP008 for a project-wide setting, reported once per compilation by a compilation action, which runs at the
        /// compilation's end: tagged <see cref="WellKnownDiagnosticTags.CompilationEnd"/> so that the IDE knows live analysis
        /// of a document never produces it (the per-method report of a file's own key, <see cref="InvalidSetting"/>, is live).
        /// </summary>
        public static readonly DiagnosticDescriptor InvalidProjectSetting = Create(
            DiagnosticIds.InvalidSetting, InvalidSettingTitle, InvalidSettingMessage, DiagnosticSeverity.Warning, InvalidSettingDescription,
            WellKnownDiagnosticTags.CompilationEnd);

        private const string InvalidSettingTitle = "Invalid CheapLearning setting";
        private const string InvalidSettingMessage = "{0} = '{1}' {2}; it is ignored ({3})";
        private const string InvalidSettingDescription =
            "CheapLearningMaxExpandedTerms (MSBuild) must be a positive integer; CheapLearningMaxFlatNeurons (MSBuild) and cheaplearning.max_flat_neurons (.editorconfig) a non-negative integer, at most 2,147,483,647. '_' and ',' may group digits. An empty MSBuild property means 'not set'.";

        public static readonly DiagnosticDescriptor InternalError = Create(
            DiagnosticIds.InternalError, "Network construction failed",
            "CheapLearning could not build the network of '{0}': {1}. Please report this with the method's code.",
            DiagnosticSeverity.Warning,
            "An unexpected failure inside the generator; nothing is emitted for this method and the rest of the build is unaffected.");
    
        public static readonly DiagnosticDescriptor FlatFormTooLarge = Create(
            DiagnosticIds.FlatFormTooLarge, "Flat form exceeds the neuron budget",
            "The flat form of '{0}' needs {1} neurons, more than MaxFlatNeurons = {2}: the monomial {3} alone needs {4} neurons in one hidden layer (Π(rᵢ+1), Eq 28) against {5} in a deep tree of 4-neuron gates, a flattening cost C_n = {6} (C_s = {7} for synapses, Eq 25–26); {8}. The flat evaluator is not emitted.",
            DiagnosticSeverity.Warning,
            "No-flattening theorem (Appendix A): one hidden layer needs Π(rᵢ+1) neurons for Π xᵢ^rᵢ, 2ⁿ for a product of n variables, where a deep network needs 4(n−1). Raise MaxFlatNeurons (attribute, .editorconfig cheaplearning.max_flat_neurons, MSBuild CheapLearningMaxFlatNeurons), or use the deep form or HiddenLayers = k.");

        public static readonly DiagnosticDescriptor FlatBudgetBelowMinimum = Create(
            DiagnosticIds.FlatBudgetBelowMinimum, "Flat neuron budget below the proven minimum",
            "MaxFlatNeurons = {0} is below the proven minimum of {1} neurons for any one-hidden-layer network computing '{2}': {3}",
            DiagnosticSeverity.Error,
            "Rolnick & Tegmark (Thm II.1) prove that one hidden layer needs at least Π(rᵢ+1) neurons for the monomial Π xᵢ^rᵢ; a sum of c monomials q_j needs at least max_j m₁(q_j)/c. A budget written on the attribute below that can never be met.");

        public static readonly DiagnosticDescriptor NetworkSizes = Create(
            DiagnosticIds.NetworkSizes, "Network sizes",
            "'{0}': deep {1} neurons in {2}; flat {3} neurons in 1 hidden layer; C_n = {4}",
            DiagnosticSeverity.Hidden,
            "A report of the deep and flat sizes of every [PolynomialNetwork]; hidden by default, shown when .editorconfig sets dotnet_diagnostic.CHEAP012.severity = suggestion (or warning).");

        public static readonly DiagnosticDescriptor FlatFormUnavailable = Create(
            DiagnosticIds.FlatFormUnavailable, "Flat form not available",
            "The flat form of '{0}' is not emitted: {1}",
            DiagnosticSeverity.Warning,
            "The flat error analysis uses derivatives of σ up to order 14, so flat forms are built up to degree 12, and from the expanded polynomial only. Flat ReLU networks are ridge functions with piecewise-linear interpolants, built when they fit the budget; ReLU's no-flattening law (N + 1 ≥ L/√(8ε) along a line) gives their proven minimum.");
    
        public static readonly DiagnosticDescriptor HiddenLayersNotHonored = Create(
            DiagnosticIds.HiddenLayersNotHonored, "HiddenLayers cannot be honored",
            "HiddenLayers = {0} is not honored for '{1}': {2}; Deep(...) is the fully deep network with {3} hidden layers",
            DiagnosticSeverity.Warning,
            "A network with at most k hidden layers is built from the expanded monomials (Rolnick & Tegmark, Thm III.1) and at most 1,048,576 neurons, for smooth activations only (a ReLU square needs m + 1 layers); otherwise the deep network is emitted.");

        public static readonly DiagnosticDescriptor DefaultOutsideInputBound = Create(
            DiagnosticIds.DefaultOutsideInputBound, "Default parameter value outside the input box",
            "The default value {1} of '{0}' is outside the input box ±{2} (InputBound): {3} called without '{0}' {4}",
            DiagnosticSeverity.Warning,
            "The generated scalar evaluators repeat the method's default parameter values, so a call that leaves the parameter out passes its default to the network. A default that is NaN, infinite or outside ±InputBound (compared as the generated input check does: a float default as the float it is, against the float method's bound) is then an input outside the proven box: the evaluator throws ArgumentOutOfRangeException (CheckInputs), returns NaN (NaN or ±∞), or evaluates where no error bound is proven (CheckInputs = false). Use a default within ±InputBound, or raise InputBound.");

        // ---- bits ([BitNetwork], paper Sec. II.C.2) and the Bayes classifier (Eq 3–8): CHEAP020+ ----

        public static readonly DiagnosticDescriptor NotABitParameter = Create(
            DiagnosticIds.NotABitParameter, "Parameter is not a bit",
            "{0}",
            DiagnosticSeverity.Error,
            "Every parameter of a [BitNetwork] method, or of a [Hamiltonian] of bits, is a bit: a bool, or an int or double declared 0/1 with [Bit] (or, on a [BitNetwork] method, ParametersAreBits = true), passed by value.");

        public static readonly DiagnosticDescriptor NotBitAlgebra = Create(
            DiagnosticIds.NotBitAlgebra, "Operation outside the bit algebra",
            "{0} is not an operation of the bit algebra: {1}",
            DiagnosticSeverity.Error,
            "Boolean operators (& | ^ ! && || == !=) apply to bits only (bools, bit parameters and Boolean combinations of them); arithmetic values combine with + - * and division by a constant, and become bits through comparisons (== != < <= > >=) when C# computes them exactly.");

        public static readonly DiagnosticDescriptor NotAFunctionOfBits = Create(
            DiagnosticIds.NotAFunctionOfBits, "Body is not a function of the bits",
            "{0} is not allowed in a {2} method: {1}",
            DiagnosticSeverity.Error,
            "The body of a [BitNetwork] method, or of a [Hamiltonian] of bits, is straight-line code (locals, assignments to them, one final return) over its bit parameters and constants: no calls, loops, branches, fields or properties.");

        public static readonly DiagnosticDescriptor FlatBitNetworkTooLarge = Create(
            DiagnosticIds.FlatBitNetworkTooLarge, "Flat bit network exceeds the neuron budget",
            "The flat form of '{0}' {1}{2}; the deep form has {3}. The flat evaluator is not emitted.",
            DiagnosticSeverity.Warning,
            "The flat network of Eq 13 has one sigmoid neuron per monomial of the multilinear polynomial: n-bit parity has 2ⁿ − 1. Raise MaxFlatNeurons or use the deep form.");

        public static readonly DiagnosticDescriptor DigitsUnreachable = Create(
            DiagnosticIds.DigitsUnreachable, "Digits cannot be reached in double precision",
            "Digits = {0} cannot be guaranteed for the {1} form of '{2}' in double precision: {3}",
            DiagnosticSeverity.Warning,
            "Rounding of the output sum grows with the coefficients; the network is still emitted with the smallest bound found, which ErrorBound states.");

        public static readonly DiagnosticDescriptor BitNetworkTooLarge = Create(
            DiagnosticIds.BitNetworkTooLarge, "Bit network too large",
            "The deep network of '{0}' would exceed {1} neurons; simplify the function",
            DiagnosticSeverity.Error,
            "Products of arithmetic values expand into one threshold neuron per pair of bits; the construction stops at a fixed limit in bounded time and memory.");

        public static readonly DiagnosticDescriptor MismatchedHamiltonians = Create(
            DiagnosticIds.MismatchedHamiltonians, "Hamiltonians take different parameters",
            "'{0}' takes ({1}) but the first Hamiltonian '{2}' takes ({3}); every Hamiltonian of a classifier reads the same inputs",
            DiagnosticSeverity.Error,
            "p(y|x) = softmax(−H(x) − µ) (Eq 8) compares the Hamiltonians on one input x: all [Hamiltonian] methods of a [BayesClassifier] class must have the same parameter names and types.");

        public static readonly DiagnosticDescriptor PriorsNotNormalized = Create(
            DiagnosticIds.PriorsNotNormalized, "Priors do not sum to 1",
            "The priors of '{0}' sum to {1}, not 1; they are normalized (divided by {1})",
            DiagnosticSeverity.Warning,
            "Priors p(y) are probabilities; the generator divides them by their sum, which leaves the posterior unchanged only if that was intended.");

        public static readonly DiagnosticDescriptor InvalidPrior = Create(
            DiagnosticIds.InvalidPrior, "Invalid prior",
            "{0}",
            DiagnosticSeverity.Error,
            "Each [Hamiltonian] has a positive finite Prior or a finite Mu = −ln p(y), not both; either every Hamiltonian of a classifier has one or none does (equal priors).");

        public static readonly DiagnosticDescriptor TooFewHamiltonians = Create(
            DiagnosticIds.TooFewHamiltonians, "Classifier needs at least two Hamiltonians",
            "'{0}' has {1} [Hamiltonian] method(s); a classifier needs at least two classes",
            DiagnosticSeverity.Error,
            "Declare one [Hamiltonian] method per class y, returning H_y(x) = −ln p(x|y) up to a common constant.");
    
        public static readonly DiagnosticDescriptor OrphanHamiltonian = Create(
            DiagnosticIds.OrphanHamiltonian, "Hamiltonian outside a classifier",
            "'{0}' is marked [Hamiltonian] but '{1}' is not marked [BayesClassifier]; no classifier is generated from it",
            DiagnosticSeverity.Warning,
            "[Hamiltonian] methods are the classes of the [BayesClassifier] type that contains them; add [BayesClassifier] to the type or remove the attribute.");

        public static readonly DiagnosticDescriptor VacuousPosteriorBound = Create(
            DiagnosticIds.VacuousPosteriorBound, "A Hamiltonian's error bound makes the posterior bound vacuous",
            "The network of Hamiltonian '{0}' has error bound {1}, and its scores |−H − µ| reach up to {2} on the input box, so the classifier's posteriors are only known within a factor e^(±2·{3}) (ε + 2⁻⁵¹·(M + ClassCount), with the double rounding of the scores; each probability within {4}): no bound at all; {5}",
            DiagnosticSeverity.Warning,
            "Each posterior of a [BayesClassifier] is within a factor e^(±2t) of Bayes' theorem, t = ε + 2⁻⁵¹·(M + ClassCount), ε = HamiltonianErrorBound (Lin, Tegmark, Rolnick, Eq 8), M = max_y |−H_y(x) − µ_y| (the double rounding of the scores and of the softmax), so each probability is within e^(2t) − 1. From t = ln 2 / 2 ≈ 0.347 on some input of the box that exceeds 1 and says nothing about a probability; the classifier is still emitted.");

        public static readonly DiagnosticDescriptor UnequalInputBounds = Create(
            DiagnosticIds.UnequalInputBounds, "Hamiltonians of a classifier have different InputBounds",
            "InputBound = {0} of '{1}' does not widen the classifier '{2}': it evaluates every Hamiltonian on the same input, and '{3}''s network is proven only for |xᵢ| ≤ {4}, so the classifier checks every input against ±{4} (beyond it Classify and Probabilities throw); give the Hamiltonians the same InputBound",
            DiagnosticSeverity.Warning,
            "A [BayesClassifier] evaluates every Hamiltonian's network on the same input, and its posteriors are proven where all of them are: on the smallest InputBound's box, which the generated classifier, its model and its ONNX metadata check. A larger InputBound on one Hamiltonian only makes its own network larger or less accurate.");

        public static readonly DiagnosticDescriptor ReadsGeneratedMember = Create(
            DiagnosticIds.ReadsGeneratedMember, "Reads a member generated by CheapLearning",
            "{0} '{1}', which CheapLearning generates: the generators run before their own output exists and cannot read it, so no network is built for {2}; write the value itself",
            DiagnosticSeverity.Error,
            "CheapLearning's generators read the user's code before any generated file exists, so a member they generate (a constant of an FNetwork class or of a Classifier, such as Degree or InputBound) has no value for them, whether the method reads it directly, through a constant of its own, in an attribute argument or in a parameter's default. The method is not built; write the value itself.");

        /// <summary>What every feature's front end reports about its target and arguments, plus CHEAP009.</summary>
        public static ImmutableArray<DiagnosticDescriptor> TargetChecks { get; } =
            ImmutableArray.Create(CannotReceiveMembers, UnsupportedSignature, InvalidArgument, InternalError, ReadsGeneratedMember);

        /// <summary>What the bit front end reports about a bit function (also for a classifier's bit Hamiltonians).</summary>
        public static ImmutableArray<DiagnosticDescriptor> BitChecks { get; } =
            ImmutableArray.Create(NotABitParameter, NotBitAlgebra, NotAFunctionOfBits);
    }
}
