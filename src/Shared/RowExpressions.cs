namespace CheapLearning
{
    /// <summary>
    /// How a network row is summed, linked into the generator (which writes the evaluators) and the runtime
    /// (whose <c>NetworkModel.Evaluate</c> promises the evaluators' bits), so the two can never disagree.
    /// </summary>
    internal static class RowExpressions
    {
        /// <summary>
        /// The longest row an evaluator writes as one expression, bias first and left out when zero, so the sum
        /// starts with the first term (0 + (−0) would be +0); longer rows accumulate from the bias, one term per statement.
        /// </summary>
        public const int MaxTermsPerExpression = 32;
    }
}
