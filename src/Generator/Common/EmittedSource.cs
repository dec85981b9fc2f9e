using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The input of one generated file, by value: a feature's spec (for polynomials with their settings) and the
    /// consumer's language support, the whole input of that feature's source output. Specs of different features never
    /// compare equal (records of different types), so one cache serves every feature. A class, not a tuple: value types
    /// as cache keys make the JIT compile the dictionary's code again for them in every compiler process (issue 12).
    /// </summary>
    internal sealed record EmittedKey(object Spec, LanguageSupport Support);

    /// <summary>
    /// A generated file (null when the plan built no network: its findings say why) and the plan's findings, which the
    /// feature's analyzer reads (<see cref="Plans"/>). Immutable; the same <see cref="SourceText"/> may be handed to
    /// several compilations' drivers.
    /// </summary>
    internal sealed class EmittedSource
    {
        public EmittedSource(string? text, IReadOnlyList<Finding> findings)
        {
            Text = text is null ? null : SourceText.From(text, System.Text.Encoding.UTF8);
            Findings = findings;
        }

        public SourceText? Text { get; }

        public IReadOnlyList<Finding> Findings { get; }

        /// <summary>The weight in <see cref="Plans.Sources"/>: the text's characters, and a little for the entry itself.</summary>
        public long Weight => (Text?.Length ?? 0) + 256;
    }
}
