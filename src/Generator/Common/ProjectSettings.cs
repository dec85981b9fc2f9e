using System.Globalization;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Settings that come from the project rather than the attribute, read once for the generator and the
    /// analyzer alike: the expansion limit (MSBuild <c>CheapLearningMaxExpandedTerms</c>) and the flat
    /// neuron budget (.editorconfig <c>cheaplearning.max_flat_neurons</c> of the method's file or a global
    /// config, else MSBuild <c>CheapLearningMaxFlatNeurons</c>). Equality: by value, so a pipeline step
    /// holding it stays cached while the options do not change.
    /// </summary>
    internal sealed record ProjectSettings(int MaxExpandedTerms, int? MaxFlatNeurons)
    {
        public const string MaxExpandedTermsProperty = "build_property.CheapLearningMaxExpandedTerms";
        public const string MaxFlatNeuronsProperty = "build_property.CheapLearningMaxFlatNeurons";
        public const string MaxFlatNeuronsEditorConfigKey = "cheaplearning.max_flat_neurons";

        /// <summary>Reads the settings that apply to one file (<paramref name="fileOptions"/> may be null: global only).</summary>
        public static ProjectSettings Read(AnalyzerConfigOptions? fileOptions, AnalyzerConfigOptions globalOptions)
        {
            int terms = TryRead(globalOptions, MaxExpandedTermsProperty, out int t) && t > 0 ? t : NetworkOptions.DefaultMaxExpandedTerms;
            int? budget = TryRead(fileOptions, MaxFlatNeuronsEditorConfigKey, out int b) ? b
                : TryRead(globalOptions, MaxFlatNeuronsEditorConfigKey, out b) ? b
                : TryRead(globalOptions, MaxFlatNeuronsProperty, out b) ? b
                : null;
            return new ProjectSettings(terms, budget);
        }

        /// <summary>The attribute's options with these settings applied; MaxFlatNeurons written on the attribute wins.</summary>
        public NetworkOptions Apply(NetworkOptions options) => options with
        {
            MaxExpandedTerms = MaxExpandedTerms,
            MaxFlatNeurons = options.MaxFlatNeuronsExplicit ? options.MaxFlatNeurons : MaxFlatNeurons ?? options.MaxFlatNeurons,
        };

        private static bool TryRead(AnalyzerConfigOptions? options, string key, out int value)
        {
            value = 0;
            return options is not null && options.TryGetValue(key, out var text)
                   && int.TryParse(text.Trim().Replace("_", "").Replace(",", ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out value) && value >= 0;
        }
    }
}
