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

        public const string MaxFlatNeuronsProperty = "build_property.CheapLearningMaxFlatNeurons";
        public const string MaxFlatNeuronsEditorConfigKey = "cheaplearning.max_flat_neurons";

        /// <summary>
        /// The flat neuron budget: the attribute's MaxFlatNeurons when written, else the
        /// .editorconfig key <c>cheaplearning.max_flat_neurons</c> of the file (or a global config),
        /// else the MSBuild property <c>CheapLearningMaxFlatNeurons</c>, else 4096.
        /// </summary>
        public static int MaxFlatNeurons(NetworkOptions options, AnalyzerConfigOptions? fileOptions, AnalyzerConfigOptions? globalOptions)
        {
            if (options.MaxFlatNeuronsExplicit) return options.MaxFlatNeurons;
            if (TryRead(fileOptions, MaxFlatNeuronsEditorConfigKey, out int value)) return value;
            if (TryRead(globalOptions, MaxFlatNeuronsEditorConfigKey, out value)) return value;
            if (TryRead(globalOptions, MaxFlatNeuronsProperty, out value)) return value;
            return options.MaxFlatNeurons;
        }

        private static bool TryRead(AnalyzerConfigOptions? options, string key, out int value)
        {
            value = 0;
            return options is not null && options.TryGetValue(key, out var text)
                   && int.TryParse(text.Trim().Replace("_", "").Replace(",", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0;
        }
    }
}
