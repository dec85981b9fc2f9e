using System.Globalization;
using CheapLearning.Generator.Model;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CheapLearning.Generator
{
    /// <summary>Project-wide settings read from MSBuild properties (see build/CheapLearning.props).</summary>
    internal static class Settings
    {
        public const string MaxExpandedTermsProperty = "build_property.CheapLearningMaxExpandedTerms";

        public static int MaxExpandedTerms(AnalyzerConfigOptions options)
            => options.TryGetValue(MaxExpandedTermsProperty, out var text)
               && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) && value > 0
                ? value
                : NetworkOptions.DefaultMaxExpandedTerms;
    }
}
