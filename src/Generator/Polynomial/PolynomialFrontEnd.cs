using System.Globalization;
using CheapLearning.Generator.Algebra;

namespace CheapLearning.Generator.Polynomials
{
    /// <summary>
    /// Checks a <c>[PolynomialNetwork]</c> method (the shared target checks of <see cref="TargetReader"/>,
    /// double/float parameters, attribute arguments) and parses its body. Shared by the generator (which
    /// keeps the spec) and the analyzer (which reports the diagnostics), so both agree on what is valid.
    /// </summary>
    internal static class PolynomialFrontEnd
    {
        public const string AttributeName = TargetReader.PolynomialAttributeName;

        private static readonly TargetReader.Feature Feature = new("[PolynomialNetwork]", "polynomial network has fixed double inputs");

        public static (MethodSpec? Spec, List<Diagnostic> Diagnostics) Analyze(
            IMethodSymbol method, MethodDeclarationSyntax syntax, AttributeData attribute, SemanticModel model, CancellationToken ct)
        {
            var diagnostics = new List<Diagnostic>();
            var options = ReadOptions(new AttributeArguments(attribute, ct, model.Compilation), diagnostics);
            var hierarchy = TargetReader.Containers(method, syntax, Feature, model.Compilation, diagnostics);
            string label = TargetReader.Label(attribute, Feature.Attribute);
            var parameters = CheckSignature(method, syntax, label, model.Compilation, diagnostics);

            var builder = new ExprBuilder(method.Parameters.Length);
            var result = parameters is null ? null : new PolynomialParser(model, method, builder, diagnostics, ct).ParseBody(syntax);
            // After the walk, and only for a body it read whole: it binds no name the walk did not (a refused body may nest too deeply to bind).
            bool readable = result is null || GeneratedReads.Check(method, syntax, attribute, label, model, diagnostics, ct);
            var target = TargetReader.Target(method, hierarchy, parameters, model.Compilation, diagnostics);
            if (result is null || target is null || options is null || !readable) return (null, diagnostics);
            var graph = builder.Build(result);
            if (graph.DegreeBound() is var degree && degree > ExprGraph.MaxDegree)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.NotAPolynomial, syntax.Identifier.GetLocation(),
                    "A polynomial of degree " + (degree == int.MaxValue ? "2,147,483,647 or more" : degree.ToString("N0", CultureInfo.InvariantCulture)),
                    $"the degree (nested powers and repeated products multiply their exponents) must be at most {ExprGraph.MaxDegree.ToString("N0", CultureInfo.InvariantCulture)}"));
                return (null, diagnostics);
            }
            if (Array.Exists(parameters!, p => p.Type == "float")) options = options with { InputBound = FloatCeiling(options.InputBound) };
            return (new MethodSpec(target, graph, options), diagnostics);
        }

        /// <summary>
        /// The smallest float at or above <paramref name="bound"/>, for a method with float parameters: a caller of a float
        /// method with InputBound = 0.3 passes 0.3f = 0.300000011920929, just above 0.3, and was refused ("outside ±0.3",
        /// actual value 0.3). Every float input the user can write for R is then inside the box, and the network and its
        /// bound are built for that (slightly larger) box, so the contract still covers every |xᵢ| ≤ R. A bound beyond
        /// float's range, where no finite float input exceeds it, stays as written.
        /// </summary>
        internal static double FloatCeiling(double bound)
        {
            if (!(bound <= float.MaxValue)) return bound;
            float f = (float)bound;
            if (f < bound)
            {
                // The next float up (positive, finite): its bit pattern plus one. BitConverter.SingleToInt32Bits is not in netstandard2.0.
                f = BitConverter.ToSingle(BitConverter.GetBytes(BitConverter.ToInt32(BitConverter.GetBytes(f), 0) + 1), 0);
            }
            return f;
        }

        private static ParameterSpec[]? CheckSignature(IMethodSymbol method, MethodDeclarationSyntax syntax, string label, Compilation compilation, List<Diagnostic> diagnostics)
        {
            bool ok = TargetReader.IsStatic(method, syntax, diagnostics);
            if (method.ReturnType.SpecialType != SpecialType.System_Double)
            {
                if (!TargetReader.IsUnbound(method.ReturnType)) TargetReader.Signature(diagnostics, syntax.ReturnType.GetLocation(), $"'{method.Name}' returns '{method.ReturnType.ToDisplayString()}'; a {label} method{(label == Feature.Attribute ? "" : " of doubles")} returns double");
                ok = false;
            }
            var parameters = new ParameterSpec[method.Parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
            {
                var p = method.Parameters[i];
                var pSyntax = syntax.ParameterList.Parameters.Count > i ? syntax.ParameterList.Parameters[i] : null;
                if (p.RefKind != RefKind.None || p.IsParams)
                {
                    TargetReader.Signature(diagnostics, pSyntax?.GetLocation() ?? syntax.Identifier.GetLocation(), $"The parameter '{p.Name}' is passed {(p.IsParams ? "as params" : "by reference")}; polynomial inputs are double or float values");
                    ok = false;
                }
                else if (p.Type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single))
                {
                    if (!TargetReader.IsUnbound(p.Type)) TargetReader.Signature(diagnostics, pSyntax?.Type?.GetLocation() ?? pSyntax?.GetLocation() ?? syntax.Identifier.GetLocation(), $"The parameter '{p.Name}' has type '{p.Type.ToDisplayString()}'; polynomial inputs are double or float");
                    ok = false;
                }
                parameters[i] = new ParameterSpec(p.Name, p.Type.SpecialType == SpecialType.System_Single ? "float" : "double");
            }
            TargetReader.TakeDefaults(method, parameters);
            ok &= TargetReader.OwnsGeneratedName(method, syntax, "[PolynomialNetwork]", TargetReader.PolynomialAttributeName, compilation, diagnostics);
            return ok ? parameters : null;
        }

        private static NetworkOptions? ReadOptions(AttributeArguments arguments, List<Diagnostic> diagnostics)
        {
            var o = NetworkOptions.Default;
            foreach (var (name, value) in arguments.Named)
            {
                switch (name)
                {
                    case "Form" when value is int f && arguments.TryForm(diagnostics, f, out var form):
                        o = o with { Form = form };
                        break;
                    case "Activation" when value is int activation:
                        if (activation is < 0 or > 4) arguments.Invalid(diagnostics, name, $"Activation = {activation} is not an Activation (Softplus, Sigmoid, Tanh, Exp or ReLU)");
                        else o = o with { Activation = (Activation)activation };
                        break;
                    case "InputBound" when value is double bound:
                        // Below 1e-100 gate weights underflow to 0 (λ ~ 1/R, output weights ~ R²) and the layered
                        // network referenced neurons that do not exist (found by the random programs with 1e-300).
                        if (!(bound >= 1e-100) || double.IsInfinity(bound) || bound > 1e100) arguments.Invalid(diagnostics, name, $"InputBound = {Format(bound)} must be a finite number between 1e-100 and 1e100");
                        else o = o with { InputBound = bound };
                        break;
                    case "Tolerance" when value is double tolerance:
                        if (!(tolerance > 0) || double.IsInfinity(tolerance)) arguments.Invalid(diagnostics, name, $"Tolerance = {Format(tolerance)} must be a positive finite number");
                        else o = o with { Tolerance = tolerance, ToleranceExplicit = true };
                        break;
                    case "MaxFlatNeurons" when value is int max && arguments.TryCount(diagnostics, name, max):
                        o = o with { MaxFlatNeurons = max, MaxFlatNeuronsExplicit = true };
                        break;
                    case "HiddenLayers" when value is int layers && arguments.TryCount(diagnostics, name, layers, " (0 means no limit)"):
                        o = o with { HiddenLayers = layers };
                        break;
                    case "CheckInputs" when value is bool check:
                        o = o with { CheckInputs = check };
                        break;
                }
            }
            return arguments.Ok ? o : null;
        }

        private static string Format(double d) => d.ToString("R", CultureInfo.InvariantCulture);
    }
}
