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

        /// <summary>The smallest value each setting accepts (one rule for <see cref="Read"/> and <see cref="Invalid"/>).</summary>
        private const int MinExpandedTerms = 1, MinFlatNeurons = 0;

        /// <summary>Reads the settings that apply to one file (<paramref name="fileOptions"/> may be null: global only).</summary>
        public static ProjectSettings Read(AnalyzerConfigOptions? fileOptions, AnalyzerConfigOptions globalOptions)
        {
            int terms = TryRead(globalOptions, MaxExpandedTermsProperty, MinExpandedTerms, out int t) ? t : NetworkOptions.DefaultMaxExpandedTerms;
            int? budget = TryRead(fileOptions, MaxFlatNeuronsEditorConfigKey, MinFlatNeurons, out int b) ? b
                : TryRead(globalOptions, MaxFlatNeuronsEditorConfigKey, MinFlatNeurons, out b) ? b
                : TryRead(globalOptions, MaxFlatNeuronsProperty, MinFlatNeurons, out b) ? b
                : null;
            return new ProjectSettings(terms, budget);
        }

        /// <summary>The attribute's options with these settings applied; MaxFlatNeurons written on the attribute wins.</summary>
        public NetworkOptions Apply(NetworkOptions options) => options with
        {
            MaxExpandedTerms = MaxExpandedTerms,
            MaxFlatNeurons = options.MaxFlatNeuronsExplicit ? options.MaxFlatNeurons : MaxFlatNeurons ?? options.MaxFlatNeurons,
        };

        /// <summary>
        /// The settings written with a value <see cref="Read"/> ignores (CHEAP008): not an integer, negative, or a term
        /// limit of 0. Global ones (MSBuild properties, a global .editorconfig) when <paramref name="fileOptions"/> is
        /// null, else the file's own key only. An empty or blank value is "not set" (MSBuild writes every
        /// CompilerVisibleProperty, set or not), never a problem.
        /// </summary>
        public static IEnumerable<InvalidSetting> Invalid(AnalyzerConfigOptions? fileOptions, AnalyzerConfigOptions globalOptions)
        {
            const string count = "a non-negative integer";
            string budget = "the default " + NetworkOptions.DefaultMaxFlatNeurons.ToString("N0", CultureInfo.InvariantCulture) + " applies";
            if (fileOptions is not null)
            {
                // A global .editorconfig's key reaches every file's options too: that one is reported once, as global.
                if (Unreadable(fileOptions, MaxFlatNeuronsEditorConfigKey, MinFlatNeurons) is { } value
                    && Unreadable(globalOptions, MaxFlatNeuronsEditorConfigKey, MinFlatNeurons) != value)
                    yield return new InvalidSetting(MaxFlatNeuronsEditorConfigKey + " (.editorconfig)", value, Problem(value, count),
                        "a global .editorconfig's value, else MSBuild CheapLearningMaxFlatNeurons, else " + budget);
                yield break;
            }
            if (Unreadable(globalOptions, MaxExpandedTermsProperty, MinExpandedTerms) is { } terms)
                yield return new InvalidSetting("CheapLearningMaxExpandedTerms (MSBuild)", terms, Problem(terms, "a positive integer"),
                    "the default " + NetworkOptions.DefaultMaxExpandedTerms.ToString("N0", CultureInfo.InvariantCulture) + " applies");
            if (Unreadable(globalOptions, MaxFlatNeuronsEditorConfigKey, MinFlatNeurons) is { } global)
                yield return new InvalidSetting(MaxFlatNeuronsEditorConfigKey + " (global .editorconfig)", global, Problem(global, count),
                    "MSBuild CheapLearningMaxFlatNeurons, else " + budget);
            if (Unreadable(globalOptions, MaxFlatNeuronsProperty, MinFlatNeurons) is { } msbuild)
                yield return new InvalidSetting("CheapLearningMaxFlatNeurons (MSBuild)", msbuild, Problem(msbuild, count), budget + " where no .editorconfig sets one");
        }

        /// <summary>
        /// What is wrong with an unreadable <paramref name="value"/>, after its name and value in CHEAP008: "is not
        /// <paramref name="expected"/>", or, for a count of digits too large for an int (2147483648), that it is out of range;
        /// it was "is not a positive integer".
        /// </summary>
        private static string Problem(string value, string expected)
        {
            string digits = WithoutSeparators(value).TrimStart('+');
            return digits.Length > 0 && digits.All(c => c is >= '0' and <= '9') && !Parse(value, out _)
                ? "is out of range: the largest value accepted is " + int.MaxValue.ToString("N0", CultureInfo.InvariantCulture)
                : "is not " + expected;
        }

        /// <summary>The value of <paramref name="key"/> when it is written but is not an integer ≥ <paramref name="minimum"/>; else null.</summary>
        private static string? Unreadable(AnalyzerConfigOptions options, string key, int minimum)
            => options.TryGetValue(key, out var text) && !string.IsNullOrWhiteSpace(text) && !(Parse(text, out int value) && value >= minimum) ? text.Trim() : null;

        private static bool TryRead(AnalyzerConfigOptions? options, string key, int minimum, out int value)
        {
            value = 0;
            return options is not null && options.TryGetValue(key, out var text) && Parse(text, out value) && value >= minimum;
        }

        /// <summary>An integer, with '_' or ',' allowed as digit separators (the one parsing rule of <see cref="Read"/> and <see cref="Invalid"/>).</summary>
        private static bool Parse(string text, out int value)
            => int.TryParse(WithoutSeparators(text), NumberStyles.Integer, CultureInfo.InvariantCulture, out value);

        /// <summary>The text trimmed and without its digit separators '_' and ',', as <see cref="Parse"/> and <see cref="Problem"/> read it.</summary>
        private static string WithoutSeparators(string text) => text.Trim().Replace("_", "").Replace(",", "");
    }

    /// <summary>A setting <see cref="ProjectSettings.Read"/> ignored: where it was written, its value, what is wrong with it ("is not …"), what applies instead.</summary>
    internal sealed record InvalidSetting(string Name, string Value, string Problem, string Instead);
}
