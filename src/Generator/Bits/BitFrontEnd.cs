using System.Globalization;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// Checks a <c>[BitNetwork]</c> method (the shared target checks of <see cref="TargetReader"/>, bit
    /// parameters, attribute arguments) and parses its body. Shared by <see cref="BitNetworkGenerator"/> and
    /// <see cref="BitNetworkAnalyzer"/>.
    /// </summary>
    internal static class BitFrontEnd
    {
        public const string AttributeName = TargetReader.BitAttributeName;
        public const string BitAttributeName = "CheapLearning.BitAttribute";

        private static readonly TargetReader.Feature Feature = new("[BitNetwork]", "bit network has fixed bit inputs");

        public static (BitMethodSpec? Spec, List<Diagnostic> Diagnostics) Analyze(
            IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, SemanticModel model, CancellationToken ct)
        {
            var diagnostics = new List<Diagnostic>();
            var (options, allBits) = ReadOptions(new AttributeArguments(attribute, ct, model.Compilation), diagnostics);
            var hierarchy = TargetReader.Containers(method, syntax, Feature, model.Compilation, diagnostics);
            string label = TargetReader.Label(attribute, Feature.Attribute);
            var parameters = CheckSignature(method, syntax, allBits, label, model.Compilation, diagnostics);

            var builder = new BitGraphBuilder(method.Parameters.Length);
            var result = parameters is null ? null : new BitParser(model, method, builder, diagnostics, ct, label).ParseBody(syntax);
            // After the walk, and only for a body it read whole: it binds no name the walk did not (a refused body may nest too deeply to bind).
            bool readable = result is null || GeneratedReads.Check(method, syntax, attribute, label, model, diagnostics, ct);
            // Unless C# reports an error in the body ('a + 1' of a bool, CS0019): the value the walker read there is not what
            // the user meant, and "the returned value is not a bit" at the return type would only add to C#'s error.
            if (result is not null && method.ReturnType.SpecialType == SpecialType.System_Boolean && !builder.IsBit(result.Value)
                && !CompilerReportsError(model, syntax, ct))
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NotBitAlgebra, syntax.ReturnType.GetLocation(), "Returning bool", "the returned value is not a bit"));
            var target = TargetReader.Target(method, hierarchy, parameters, model.Compilation, diagnostics);
            if (result is null || target is null || options is null || !readable) return (null, diagnostics);
            return (new BitMethodSpec(target, Keyword(method.ReturnType), builder.Build(result.Value), options), diagnostics);
        }

        private static string Keyword(ITypeSymbol t) => t.SpecialType switch
        {
            SpecialType.System_Boolean => "bool",
            SpecialType.System_Int32 => "int",
            SpecialType.System_Int64 => "long",
            SpecialType.System_Single => "float",
            _ => "double",
        };

        private static ParameterSpec[]? CheckSignature(IMethodSymbol method, MethodDeclarationSyntax syntax, bool allBits, string label, Compilation compilation, List<Diagnostic> diagnostics)
        {
            bool ok = TargetReader.IsStatic(method, syntax, diagnostics);
            if (method.ReturnType.SpecialType is not (SpecialType.System_Boolean or SpecialType.System_Int32 or SpecialType.System_Double))
            {
                if (!TargetReader.IsUnbound(method.ReturnType)) Report(diagnostics, DiagnosticDescriptors.UnsupportedSignature, syntax.ReturnType.GetLocation(), $"'{method.Name}' returns '{method.ReturnType.ToDisplayString()}'; a {label} method{(label == Feature.Attribute ? "" : " of bits")} returns bool, int or double");
                ok = false;
            }
            var parameters = new ParameterSpec[method.Parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
            {
                var p = method.Parameters[i];
                var pSyntax = i < syntax.ParameterList.Parameters.Count ? syntax.ParameterList.Parameters[i] : null;
                var location = pSyntax?.GetLocation() ?? syntax.Identifier.GetLocation();
                bool declared = allBits || p.GetAttributes().Any(a => TargetReader.IsOurs(a, BitAttributeName, compilation));
                var type = p.Type.SpecialType;
                if (p.RefKind != RefKind.None || p.IsParams)
                {
                    Report(diagnostics, DiagnosticDescriptors.NotABitParameter, location, $"The parameter '{p.Name}' is passed {(p.IsParams ? "as params" : "by reference")}; bits are passed by value");
                    ok = false;
                }
                else if (type == SpecialType.System_Boolean) { }
                else if (type is SpecialType.System_Int32 or SpecialType.System_Double)
                {
                    if (!declared)
                    {
                        Report(diagnostics, DiagnosticDescriptors.NotABitParameter, pSyntax?.Type?.GetLocation() ?? location,
                            $"The parameter '{p.Name}' of type '{p.Type.ToDisplayString()}' is not declared a bit; mark it [Bit] (its value is then 0 or 1) or set ParametersAreBits = true");
                        ok = false;
                    }
                }
                else
                {
                    if (!TargetReader.IsUnbound(p.Type)) Report(diagnostics, DiagnosticDescriptors.NotABitParameter, pSyntax?.Type?.GetLocation() ?? location,
                        $"The parameter '{p.Name}' has type '{p.Type.ToDisplayString()}'; bits are bool, or int or double declared [Bit]");
                    ok = false;
                }
                if (type is SpecialType.System_Int32 or SpecialType.System_Double && declared && p.RefKind == RefKind.None && NotABitDefault(method, i) is { } value)
                {
                    // The evaluators repeat the default (Deep(a) for Deep(a, b = 2)) and throw for a non-bit: a call the
                    // method answers would fail at run time instead.
                    Report(diagnostics, DiagnosticDescriptors.NotABitParameter, TargetReader.DefaultLocation(method, i, location),
                        $"The default value {value} of the bit parameter '{p.Name}' is not a bit; a bit's default is 0 or 1");
                    ok = false;
                }
                parameters[i] = new ParameterSpec(p.Name, type switch
                {
                    SpecialType.System_Boolean => "bool",
                    SpecialType.System_Int32 => "int",
                    _ => "double",
                });
            }
            TargetReader.TakeDefaults(method, parameters);
            ok &= TargetReader.OwnsGeneratedName(method, syntax, "annotated", TargetReader.BitAttributeName, compilation, diagnostics);
            return ok ? parameters : null;
        }

        /// <summary>The default of an int or double bit parameter as written when it is neither 0 nor 1, else null.</summary>
        private static string? NotABitDefault(IMethodSymbol method, int i)
        {
            var p = (method.PartialDefinitionPart ?? method).Parameters[i];
            if (!p.HasExplicitDefaultValue) return null;
            return p.ExplicitDefaultValue switch
            {
                int v when v is not (0 or 1) => v.ToString(CultureInfo.InvariantCulture),
                double v when v is not (0.0 or 1.0) => v.ToString("R", CultureInfo.InvariantCulture),
                _ => null,
            };
        }

        private static bool CompilerReportsError(SemanticModel model, MethodDeclarationSyntax syntax, CancellationToken ct)
            => ((SyntaxNode?)syntax.Body ?? syntax.ExpressionBody) is { } body && CompilerErrors.In(model, body.Span, ct);

        private static void Report(List<Diagnostic> diagnostics, DiagnosticDescriptor descriptor, Location location, string message)
            => diagnostics.Add(Diagnostic.Create(descriptor, location, message));

        private static (BitOptions? Options, bool AllBits) ReadOptions(AttributeArguments arguments, List<Diagnostic> diagnostics)
        {
            var o = BitOptions.Default;
            bool allBits = false;
            foreach (var (name, value) in arguments.Named)
            {
                switch (name)
                {
                    case "Digits" when value is int digits:
                        if (digits is < 1 or > BitOptions.MaxDigits) arguments.Invalid(diagnostics, name, $"Digits = {digits} must be between 1 and {BitOptions.MaxDigits}");
                        else o = o with { Digits = digits };
                        break;
                    case "Activation" when value is int activation:
                        if (activation is not ((int)Activation.Sigmoid or (int)Activation.ReLU))
                            // Named as written (Activation.Tanh, not 2); an undefined value keeps its number.
                            arguments.Invalid(diagnostics, name, $"Activation = {(activation is >= 0 and <= (int)Activation.ReLU ? "Activation." + (Activation)activation : activation.ToString(CultureInfo.InvariantCulture))} is not a bit activation (Sigmoid or ReLU)");
                        else o = o with { Activation = (Activation)activation };
                        break;
                    case "Form" when value is int f && arguments.TryForm(diagnostics, f, out var form):
                        o = o with { Form = form };
                        break;
                    case "MaxFlatNeurons" when value is int max && arguments.TryCount(diagnostics, name, max):
                        o = o with { MaxFlatNeurons = max };
                        break;
                    case "ParametersAreBits" when value is bool all:
                        allBits = all;
                        break;
                }
            }
            return (arguments.Ok ? o : null, allBits);
        }
    }
}
