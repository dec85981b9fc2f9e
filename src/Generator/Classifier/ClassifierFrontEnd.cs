using System.Globalization;
using CheapLearning.Generator.Bits;
using CheapLearning.Generator.Polynomials;

namespace CheapLearning.Generator.Classifier
{
    /// <summary>
    /// Checks a <c>[BayesClassifier]</c> class (Eq 3–8): its <c>[Hamiltonian]</c> methods are parsed by the bit
    /// front end (bool or [Bit] parameters) or the polynomial front end (double/float parameters), must share one
    /// parameter list (CHEAP026), and carry valid priors (CHEAP027/028); µ_y = −ln p(y) after normalization.
    /// </summary>
    internal static class ClassifierFrontEnd
    {
        public const string AttributeName = "CheapLearning.BayesClassifierAttribute";
        public const string HamiltonianAttributeName = "CheapLearning.HamiltonianAttribute";

        /// <summary>Whether <paramref name="syntax"/> is declared directly in a declaration of <paramref name="type"/> (not in a nested extension block).</summary>
        private static bool DeclaredIn(MethodDeclarationSyntax syntax, INamedTypeSymbol type)
            => syntax.Parent is TypeDeclarationSyntax parent && parent.Identifier.ValueText == type.Name;

        public static (ClassifierSpec? Spec, List<Diagnostic> Diagnostics) Analyze(INamedTypeSymbol type, Compilation compilation, CancellationToken ct)
        {
            var diagnostics = new List<Diagnostic>();
            var typeLocation = type.Locations.FirstOrDefault() ?? Location.None;
            var methods = new List<(IMethodSymbol Method, MethodDeclarationSyntax Syntax, AttributeData Attribute)>();
            foreach (var member in type.GetMembers().OfType<IMethodSymbol>())
            {
                // Ours only (TargetReader.IsOurs): a look-alike [Hamiltonian] from another assembly is no class of this classifier.
                var attribute = member.GetAttributes().FirstOrDefault(a => TargetReader.IsOurs(a, HamiltonianAttributeName, compilation));
                if (attribute is null) continue;
                // A partial Hamiltonian is listed by its defining part; its body and the parameters it reads are the implementing part's.
                var m = member.PartialImplementationPart ?? member;
                var declarations = m.DeclaringSyntaxReferences.Select(r => r.GetSyntax(ct)).OfType<MethodDeclarationSyntax>().ToList();
                // One without a body (extern) goes to its front end too, which says so: it used to vanish, a class fewer.
                var syntax = declarations.FirstOrDefault(s => s.Body is not null || s.ExpressionBody is not null) ?? declarations.FirstOrDefault();
                // C# 14 lists a static method of an extension block among the class's own methods (the static method it
                // compiles it to), with the block's attributes and body: that one is the block's, not a class of this
                // classifier (its body, read against the others' parameters, was CHEAP022 and the classifier was lost).
                // The block's own type reports it (CHEAP030).
                if (syntax is not null && !DeclaredIn(syntax, type)) continue;
                if (syntax is not null) methods.Add((m, syntax, attribute));
            }
            methods.Sort((a, b) =>
            {
                int c = string.CompareOrdinal(a.Syntax.SyntaxTree.FilePath, b.Syntax.SyntaxTree.FilePath);
                return c != 0 ? c : a.Syntax.SpanStart.CompareTo(b.Syntax.SpanStart);
            });
            if (methods.Count < 2)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.TooFewHamiltonians, typeLocation, type.Name, methods.Count));
                return (null, diagnostics);
            }
            if (type.Name == "Classifier")
            {
                // C# forbids a member named like its enclosing type: CS0542 in the generated file, and no word from us before.
                TargetReader.Signature(diagnostics, typeLocation, "The [BayesClassifier] class is named 'Classifier', the name of the generated class, which cannot be nested in a type of its own name. Rename the class");
                return (null, diagnostics);
            }
            if (TargetReader.DeclaresMember(type, "Classifier"))
            {
                // Otherwise CS0102 against the generated class, as for <Method>Network (TargetReader.OwnsGeneratedName).
                TargetReader.Signature(diagnostics, typeLocation, $"'{type.Name}' already declares a member 'Classifier', the name of the generated class");
                return (null, diagnostics);
            }

            var hamiltonians = new List<HamiltonianSpec>();
            var attributes = new List<AttributeData>();
            var first = methods[0].Method;
            bool ok = true;
            var priors = new List<double?>();
            var mus = new List<double?>();
            foreach (var (method, syntax, attribute) in methods)
            {
                ct.ThrowIfCancellationRequested();
                bool bits = method.Parameters.Length > 0 && method.Parameters.All(p => IsBit(p, compilation));
                // Before CHEAP026: an option of the other kind is wrong for this Hamiltonian whatever the others take (a bit
                // Hamiltonian's InputBound was hidden behind CHEAP026 in a classifier mixing bits and doubles).
                ok &= OptionsApply(method, attribute, bits, diagnostics, ct);
                if (!SameParameters(first, method, compilation))
                {
                    // A parameter type C# cannot bind (CS0246) is C#'s error at the type; a mismatch is reported once it is fixed.
                    if (!first.Parameters.Concat(method.Parameters).Any(p => TargetReader.IsUnbound(p.Type)))
                        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.MismatchedHamiltonians, syntax.ParameterList.GetLocation(),
                            method.Name, Signature(method, compilation), first.Name, Signature(first, compilation)));
                    ok = false;
                    continue;
                }
                var model = compilation.GetSemanticModel(syntax.SyntaxTree);
                BitMethodSpec? bitSpec = null;
                MethodSpec? polynomialSpec = null;
                List<Diagnostic> found;
                if (bits) (bitSpec, found) = BitFrontEnd.Analyze(method, syntax, attribute, model, ct);
                else (polynomialSpec, found) = PolynomialFrontEnd.Analyze(method, syntax, attribute, model, ct);
                diagnostics.AddRange(found);
                if (bitSpec is null && polynomialSpec is null) ok = false;
                var (prior, mu, valid) = ReadPrior(method, attribute, diagnostics, ct);
                ok &= valid;
                priors.Add(prior);
                mus.Add(mu);
                hamiltonians.Add(new HamiltonianSpec(method.Name, 0, bitSpec is null ? null : bitSpec with { Options = bitSpec.Options with { Form = NetworkForm.Deep } }, polynomialSpec));
                attributes.Add(attribute);
            }
            if (!ok) return (null, diagnostics);
            UnequalInputBounds(type, hamiltonians, attributes, diagnostics, ct);

            // µ_y: from Mu, or −ln of the normalized priors, or equal priors when none is given.
            int withPrior = priors.Count(p => p.HasValue), withMu = mus.Count(m => m.HasValue);
            var muValues = new double[hamiltonians.Count];
            if (withPrior == 0 && withMu == 0)
            {
                for (int y = 0; y < muValues.Length; y++) muValues[y] = Math.Log(muValues.Length);
            }
            else if (withPrior == hamiltonians.Count)
            {
                var values = priors.Select(p => p!.Value).ToArray();
                double sum = values.Sum();
                if (Math.Abs(sum - 1) > 1e-12)
                    diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.PriorsNotNormalized, typeLocation, type.Name,
                        double.IsInfinity(sum) ? "more than " + double.MaxValue.ToString("R", CultureInfo.InvariantCulture) : sum.ToString("R", CultureInfo.InvariantCulture)));
                for (int y = 0; y < muValues.Length; y++) muValues[y] = NormalizedMu(values, y, sum);
            }
            else if (withMu == hamiltonians.Count)
            {
                for (int y = 0; y < muValues.Length; y++) muValues[y] = mus[y]!.Value;
            }
            else
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidPrior, typeLocation,
                    $"The Hamiltonians of '{type.Name}' mix Prior, Mu and neither; give every one a Prior, or every one a Mu, or none (equal priors)"));
                return (null, diagnostics);
            }
            for (int y = 0; y < hamiltonians.Count; y++) hamiltonians[y] = hamiltonians[y] with { Mu = muValues[y] };

            // The Hamiltonians' own targets end with this class; the classifier's target is the class itself.
            var shape = hamiltonians[0].Bits?.Target ?? hamiltonians[0].Polynomial!.Target;
            var target = new TargetInfo(shape.Hierarchy, "", TargetReader.Accessibility(type.DeclaredAccessibility), shape.Parameters)
            {
                // A base [BayesClassifier] class's generated Classifier (not in this compilation), or any visible member of that name.
                HidesInherited = TargetReader.InheritsVisible(type, "Classifier",
                    b => b.GetAttributes().Any(a => TargetReader.IsOurs(a, AttributeName, compilation)) ? new ISymbol[] { b } : Array.Empty<ISymbol>()),
            };
            var spec = new ClassifierSpec(target, new EquatableArray<HamiltonianSpec>(hamiltonians.ToArray()));
            return (spec, diagnostics);
        }

        /// <summary>
        /// CHEAP032 at the InputBound of every Hamiltonian of doubles whose InputBound is above the smallest (at its attribute
        /// when the bound is the default): the classifier evaluates all of them on the same input, so it is proven, and checks
        /// its inputs, on the smallest box only (round 14: bounds 1 and 4, an input of 1.5 threw without a word at compile time).
        /// </summary>
        private static void UnequalInputBounds(INamedTypeSymbol type, List<HamiltonianSpec> hamiltonians, List<AttributeData> attributes,
                                               List<Diagnostic> diagnostics, CancellationToken ct)
        {
            if (hamiltonians.Any(h => h.Polynomial is null)) return;
            int smallest = 0;
            for (int y = 1; y < hamiltonians.Count; y++)
                if (hamiltonians[y].Polynomial!.Options.InputBound < hamiltonians[smallest].Polynomial!.Options.InputBound) smallest = y;
            double min = hamiltonians[smallest].Polynomial!.Options.InputBound;
            var inv = CultureInfo.InvariantCulture;
            for (int y = 0; y < hamiltonians.Count; y++)
            {
                double bound = hamiltonians[y].Polynomial!.Options.InputBound;
                if (!(bound > min)) continue;
                var arguments = new AttributeArguments(attributes[y], ct);
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.UnequalInputBounds, arguments.Argument("InputBound") ?? arguments.Attribute ?? Location.None,
                    bound.ToString("R", inv), hamiltonians[y].MethodName, type.Name, hamiltonians[smallest].MethodName, min.ToString("R", inv)));
            }
        }

        /// <summary>
        /// µ_y = −ln(p_y / Σp). Every positive finite prior is valid (CHEAP028), but Σp can overflow (1e308 twice) and
        /// p_y / Σp underflow (1e-300 against 1e300), either giving µ = ∞ and a NaN or zero posterior; then the same
        /// value is taken in logs, ln Σ(p/max) − ln(p_y/max), whose terms cannot overflow (ln max − ln p_y when p_y/max underflows).
        /// </summary>
        private static double NormalizedMu(double[] priors, int y, double sum)
        {
            double ratio = priors[y] / sum;
            if (!double.IsInfinity(sum) && ratio >= 2.2250738585072014E-308) return -Math.Log(ratio);
            double max = priors.Max();
            double scaled = priors.Sum(p => p / max), fraction = priors[y] / max;
            return fraction >= 2.2250738585072014E-308
                ? Math.Log(scaled) - Math.Log(fraction)
                : Math.Log(scaled) + (Math.Log(max) - Math.Log(priors[y]));
        }

        /// <summary>
        /// CHEAP005 for an option of the other kind of Hamiltonian, which its front end would ignore without a word: InputBound
        /// and Tolerance on bits (their inputs are 0 or 1, their accuracy is Digits), Digits on doubles (theirs is Tolerance).
        /// </summary>
        private static bool OptionsApply(IMethodSymbol method, AttributeData attribute, bool bits, List<Diagnostic> diagnostics, CancellationToken ct)
        {
            var arguments = new AttributeArguments(attribute, ct);
            foreach (var (name, _) in arguments.Named)
            {
                if (bits && name is "InputBound" or "Tolerance")
                    arguments.Invalid(diagnostics, name, $"{name} does not apply to '{method.Name}', a Hamiltonian of bits: its inputs are 0 or 1 and its accuracy is set by Digits");
                else if (!bits && name == "Digits")
                    arguments.Invalid(diagnostics, name, $"Digits does not apply to '{method.Name}', a Hamiltonian of doubles: its accuracy is set by Tolerance, its domain by InputBound");
            }
            return arguments.Ok;
        }

        private static bool IsBit(IParameterSymbol p, Compilation compilation)
            => p.Type.SpecialType == SpecialType.System_Boolean
               || p.GetAttributes().Any(a => TargetReader.IsOurs(a, BitFrontEnd.BitAttributeName, compilation));

        /// <summary>
        /// Same names (as callers see them: a partial Hamiltonian's defining declaration's, which the classifier's members take,
        /// TargetReader.TakeDefaults), types and bit-ness.
        /// </summary>
        private static bool SameParameters(IMethodSymbol a, IMethodSymbol b, Compilation compilation)
            => a.Parameters.Length == b.Parameters.Length
               && Declared(a).Parameters.Zip(Declared(b).Parameters, (p, q) => p.Name == q.Name && SymbolEqualityComparer.Default.Equals(p.Type, q.Type)
                                                                               && IsBit(p, compilation) == IsBit(q, compilation)).All(x => x);

        private static IMethodSymbol Declared(IMethodSymbol m) => m.PartialDefinitionPart ?? m;

        private static string Signature(IMethodSymbol m, Compilation compilation)
            => string.Join(", ", Declared(m).Parameters.Select(p => (IsBit(p, compilation) && p.Type.SpecialType != SpecialType.System_Boolean ? "[Bit] " : "") + p.Type.ToDisplayString() + " " + p.Name));

        private static (double? Prior, double? Mu, bool Ok) ReadPrior(IMethodSymbol method, AttributeData attribute, List<Diagnostic> diagnostics, CancellationToken ct)
        {
            double? prior = null, mu = null;
            var arguments = new AttributeArguments(attribute, ct);
            Location At(string name) => arguments.Argument(name) ?? arguments.Attribute ?? Location.None;
            bool ok = true;
            foreach (var (name, value) in arguments.Named)
            {
                if (value is not double v) continue;
                if (name == "Prior")
                {
                    if (!(v > 0) || double.IsInfinity(v))
                    {
                        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidPrior, At("Prior"),
                            $"Prior = {v.ToString("R", CultureInfo.InvariantCulture)} of '{method.Name}' must be a positive finite probability"));
                        ok = false;
                    }
                    prior = v;
                }
                else if (name == "Mu")
                {
                    if (!Numeric.IsFinite(v))
                    {
                        diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidPrior, At("Mu"), $"Mu of '{method.Name}' must be finite"));
                        ok = false;
                    }
                    mu = v;
                }
            }
            if (prior.HasValue && mu.HasValue)
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticDescriptors.InvalidPrior, At("Mu"), $"'{method.Name}' sets both Prior and Mu; set one (Mu = −ln Prior)"));
                ok = false;
            }
            return (prior, mu, ok);
        }
    }
}
