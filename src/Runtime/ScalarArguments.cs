using System;

namespace CheapLearning
{
    /// <summary>
    /// The input check of the generated scalar evaluators (<c>Deep(double x, …)</c>), out of line. An evaluator tests
    /// each input once, <c>|x| ≤ R</c>, which NaN and ±∞ fail as well, and only then calls <see cref="OutsideBound"/>
    /// to tell them apart. The evaluator used to spell out two tests and the message per input, text the C# compiler
    /// binds in every annotated method (issue 12); the message and <see cref="ArgumentException.ParamName"/> are those it
    /// threw before.
    /// </summary>
    public static class ScalarArguments
    {
        /// <summary>
        /// Called when <c>|value| ≤ R</c> failed: returns <see langword="true"/> for NaN or ±∞ (the evaluator then returns
        /// NaN) and throws for a finite value, which is outside the network's input bound.
        /// </summary>
        /// <param name="value">The input.</param>
        /// <param name="name">The input's parameter name (the exception's <c>ParamName</c>).</param>
        /// <param name="bound">R as the message states it, e.g. <c>"2.5"</c>.</param>
        /// <returns><see langword="true"/>: the value is NaN or infinite.</returns>
        /// <exception cref="ArgumentOutOfRangeException">The value is finite (so outside ±R).</exception>
        public static bool OutsideBound(double value, string name, string bound)
        {
            if (!Numeric.IsFinite(value)) return true;
            throw new ArgumentOutOfRangeException(name, value, name + " is outside the network's input bound ±" + bound + ".");
        }
    }
}
