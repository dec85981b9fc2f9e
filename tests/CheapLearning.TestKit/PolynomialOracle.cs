using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.TestKit;

/// <summary>
/// The exact reference for every numerical test: the polynomial p a method denotes (see
/// <see cref="MethodInterpreter"/>), evaluated exactly at double inputs, and S = Σ|c_m|·R^deg(m)
/// from its exact expansion. Errors are reported rounded up, so "measured ≤ bound" never passes
/// because of the test's own rounding.
/// </summary>
public sealed class PolynomialOracle
{
    public ExactPolynomial Polynomial { get; }
    public string MethodName { get; }

    public PolynomialOracle(ExactPolynomial polynomial, string methodName)
    {
        Polynomial = polynomial;
        MethodName = methodName;
    }

    public int Variables => Polynomial.Variables;

    public static PolynomialOracle FromMethod(SemanticModel model, MethodDeclarationSyntax method)
        => new(MethodInterpreter.Interpret(model, method), method.Identifier.ValueText);

    /// <summary>The oracle of method <paramref name="methodName"/> of type <paramref name="typeName"/> in a compilation.</summary>
    public static PolynomialOracle FromCompilation(Compilation compilation, string typeName, string methodName)
    {
        var (model, method) = Find(compilation, typeName, methodName);
        return FromMethod(model, method);
    }

    /// <summary>
    /// p(x) exactly at each point asked, without expanding p (<see cref="MethodInterpreter.ValueAt"/>): the reference for
    /// polynomials whose expansion no oracle could hold, such as <c>Math.Pow(a+…+h, 40)</c>.
    /// </summary>
    public static Func<double[], ExactNumber> PointwiseFromSource(string source, string typeName, string methodName)
    {
        var (model, method) = Find(SemanticCompilation(source), typeName, methodName);
        return x => MethodInterpreter.ValueAt(model, method, x);
    }

    private static (SemanticModel Model, MethodDeclarationSyntax Method) Find(Compilation compilation, string typeName, string methodName)
    {
        foreach (var tree in compilation.SyntaxTrees)
            foreach (var m in tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>())
                if (m.Identifier.ValueText == methodName && m.Parent is TypeDeclarationSyntax t && t.Identifier.ValueText == typeName)
                    return (compilation.GetSemanticModel(tree), m);
        throw new ArgumentException($"{typeName}.{methodName} not found");
    }

    /// <summary>Compiles <paramref name="source"/> for its semantic model only (never run) and reads one method.</summary>
    public static PolynomialOracle FromSource(string source, string typeName, string methodName)
        => FromCompilation(SemanticCompilation(source), typeName, methodName);

    /// <summary>A compilation of the source against the running framework and the CheapLearning attributes.</summary>
    public static CSharpCompilation SemanticCompilation(string source)
        => CSharpCompilation.Create("Oracle", new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest)) },
                                    References.Value, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is var f && (f.StartsWith("System.", StringComparison.Ordinal) || f is "netstandard.dll" or "mscorlib.dll"
                                                        || f.StartsWith("CheapLearning", StringComparison.Ordinal)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray());

    public ExactNumber Value(ReadOnlySpan<double> x) => Polynomial.Evaluate(x);

    /// <summary>S for input bound R, rounded up.</summary>
    public double Scale(double inputBound) => Polynomial.AbsoluteScale(inputBound).RoundUp();

    /// <summary>τ·S exactly, rounded down: a bound must not exceed it.</summary>
    public double ToleranceTimesScale(double tolerance, double inputBound)
        => (ExactNumber.FromDouble(tolerance) * Polynomial.AbsoluteScale(inputBound)).RoundDown();

    /// <summary>|network − p(x)| rounded up (+∞ for a NaN or infinite network value).</summary>
    public double ExactError(double networkValue, ReadOnlySpan<double> x)
        => double.IsFinite(networkValue) ? (ExactNumber.FromDouble(networkValue) - Value(x)).Abs().RoundUp() : double.PositiveInfinity;

    /// <summary>
    /// The only slack a test grants on top of a bound: a few ulps of the reference, for the final
    /// rounding of the network's output to a double.
    /// </summary>
    public static double Slack(double reference, int ulps = 4)
    {
        double a = Math.Abs(reference);
        return ulps * (Math.BitIncrement(a) - a);
    }

    public string Describe(ReadOnlySpan<double> x) => $"{MethodName}({string.Join(", ", x.ToArray().Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))})";
}
