namespace CheapLearning
{
    /// <summary>
    /// The IDs of CheapLearning's diagnostics, linked into the generator (whose descriptors use them) and
    /// the code fixes (which fix them), so the two can never disagree. Never reuse an ID once shipped.
    /// </summary>
    internal static class DiagnosticIds
    {
        /// <summary>
        /// Diagnostic.Properties key on CHEAP004: the tolerance the network does reach (invariant "R" format),
        /// so the "Set Tolerance" fix never depends on the message text.
        /// </summary>
        public const string ReachableToleranceProperty = "ReachableTolerance";

        public const string NotAPolynomial = "CHEAP001";
        public const string CannotReceiveMembers = "CHEAP002";
        public const string UnsupportedSignature = "CHEAP003";
        public const string ToleranceUnreachable = "CHEAP004";
        public const string InvalidArgument = "CHEAP005";
        public const string TooLargeToExpand = "CHEAP006";
        public const string FloatRounding = "CHEAP007";
        public const string InvalidSetting = "CHEAP008";
        public const string InternalError = "CHEAP009";
        public const string FlatFormTooLarge = "CHEAP010";
        public const string FlatBudgetBelowMinimum = "CHEAP011";
        public const string NetworkSizes = "CHEAP012";
        public const string FlatFormUnavailable = "CHEAP013";
        public const string HiddenLayersNotHonored = "CHEAP014";
        public const string DefaultOutsideInputBound = "CHEAP015";
        public const string NotABitParameter = "CHEAP020";
        public const string NotBitAlgebra = "CHEAP021";
        public const string NotAFunctionOfBits = "CHEAP022";
        public const string FlatBitNetworkTooLarge = "CHEAP023";
        public const string DigitsUnreachable = "CHEAP024";
        public const string BitNetworkTooLarge = "CHEAP025";
        public const string MismatchedHamiltonians = "CHEAP026";
        public const string PriorsNotNormalized = "CHEAP027";
        public const string InvalidPrior = "CHEAP028";
        public const string TooFewHamiltonians = "CHEAP029";
        public const string OrphanHamiltonian = "CHEAP030";
        public const string VacuousPosteriorBound = "CHEAP031";
        public const string UnequalInputBounds = "CHEAP032";
        public const string ReadsGeneratedMember = "CHEAP033";

        /// <summary>Diagnostic.Properties key of CHEAP010: the smallest HiddenLayers whose network fits the budget.</summary>
        public const string HiddenLayersProperty = "HiddenLayers";
    }
}
