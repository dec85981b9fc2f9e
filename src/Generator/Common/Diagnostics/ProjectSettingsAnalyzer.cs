using System.Collections.Immutable;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// CHEAP008 for a project-wide setting the generator cannot read (MSBuild <c>CheapLearningMaxExpandedTerms</c>,
    /// <c>CheapLearningMaxFlatNeurons</c>, or <c>cheaplearning.max_flat_neurons</c> in a global .editorconfig): once per
    /// compilation, without a location, since it belongs to no line of code. Without it a typo such as
    /// <c>&lt;CheapLearningMaxFlatNeurons&gt;1e6&lt;/CheapLearningMaxFlatNeurons&gt;</c> silently left the default in
    /// force. A file's own .editorconfig key is reported at the methods that read it (<c>PolynomialNetworkAnalyzer</c>).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ProjectSettingsAnalyzer : DiagnosticAnalyzer
    {
        /// <inheritdoc />
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(DiagnosticDescriptors.InvalidProjectSetting);

        /// <inheritdoc />
        public override void Initialize(AnalysisContext context)
        {
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.EnableConcurrentExecution();
            context.RegisterCompilationAction(c =>
            {
                foreach (var setting in ProjectSettings.Invalid(null, c.Options.AnalyzerConfigOptionsProvider.GlobalOptions))
                    c.ReportDiagnostic(Create(DiagnosticDescriptors.InvalidProjectSetting, setting, Location.None));
            });
        }

        /// <summary>The CHEAP008 (<paramref name="descriptor"/>: project-wide or per method) for <paramref name="setting"/> at <paramref name="location"/>.</summary>
        internal static Diagnostic Create(DiagnosticDescriptor descriptor, InvalidSetting setting, Location location)
            => Diagnostic.Create(descriptor, location, setting.Name, setting.Value, setting.Problem, setting.Instead);
    }
}
