using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CheapLearning.TestKit;

/// <summary>
/// The source files of a project with many annotated members, as issue 12 measures it: polynomial methods in
/// 2–6 variables of degree ≤ 4 with 10–30 terms, bit functions and Bayes classifiers, spread over several files,
/// plus one file with no annotation at all. Deterministic (member i always reads the same), so the incremental
/// tests and the generator benchmarks run on the same project.
/// </summary>
public static class AnnotatedProject
{
    /// <summary>The file holding no annotated member (the "unrelated file" of an edit).</summary>
    public const string UnrelatedFile = "namespace Demo\n{\n    public static class Unrelated\n    {\n        public static int Value() => 1;\n    }\n}\n";

    /// <summary>Text inside every annotated file that belongs to no annotated member, so an edit there is unrelated.</summary>
    public const string UnrelatedMethod = "public static int Helper() => 1;";

    /// <summary>
    /// <paramref name="members"/> annotated members (every tenth a classifier with two Hamiltonians, two in ten
    /// bit functions, the rest polynomials; one polynomial in twenty asks for a flat form, whose budget comes
    /// from the file's .editorconfig) spread evenly over <paramref name="files"/> files; the unrelated file last.
    /// </summary>
    public static string[] Sources(int members, int files)
    {
        var sources = new string[files + 1];
        int perFile = (members + files - 1) / files;
        for (int f = 0; f < files; f++)
        {
            var sb = new StringBuilder();
            sb.Append("using System;\nusing CheapLearning;\n\nnamespace Demo\n{\n");
            sb.Append("    public static partial class File").Append(f).Append("\n    {\n");
            sb.Append("        ").Append(UnrelatedMethod).Append('\n');
            var classifiers = new StringBuilder();
            for (int i = f * perFile; i < Math.Min(members, (f + 1) * perFile); i++)
            {
                switch (i % 10)
                {
                    case 9: classifiers.Append(Classifier(i)); break;
                    case 3:
                    case 6: sb.Append(BitFunction(i)); break;
                    default: sb.Append(Polynomial(i)); break;
                }
            }
            sb.Append("    }\n").Append(classifiers).Append("}\n");
            sources[f] = sb.ToString();
        }
        sources[files] = UnrelatedFile;
        return sources;
    }

    /// <summary>The name of annotated member <paramref name="i"/> (a method, or a class for a classifier).</summary>
    public static string MemberName(int i) => (i % 10) switch
    {
        9 => "Classifier" + i.ToString(CultureInfo.InvariantCulture),
        3 or 6 => "Bits" + i.ToString(CultureInfo.InvariantCulture),
        _ => "P" + i.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>The index of the file holding member <paramref name="i"/>.</summary>
    public static int FileOf(int i, int members, int files) => i / ((members + files - 1) / files);

    /// <summary>A polynomial of degree ≤ 4 in 2–6 variables with 10–30 distinct terms (fewer when the variables cannot make that many).</summary>
    public static string PolynomialBody(int i)
    {
        var random = new Random(Seeds.Stable("AnnotatedProject.P" + i.ToString(CultureInfo.InvariantCulture)));
        int variables = 2 + i % 5;
        int wanted = 10 + random.Next(21);
        var terms = new List<string>();
        var seen = new HashSet<string>();
        for (int attempt = 0; attempt < 400 && terms.Count < wanted; attempt++)
        {
            int degree = 1 + random.Next(4);
            var factors = Enumerable.Range(0, degree).Select(_ => Variable(random.Next(variables))).OrderBy(v => v, StringComparer.Ordinal).ToArray();
            var monomial = string.Join(" * ", factors);
            if (!seen.Add(monomial)) continue;
            var coefficient = (random.Next(1, 400) / 100.0).ToString("0.##", CultureInfo.InvariantCulture);
            terms.Add((terms.Count == 0 ? "" : random.Next(3) == 0 ? " - " : " + ") + coefficient + " * " + monomial);
        }
        return string.Concat(terms);
    }

    private static string Variable(int k) => ((char)('a' + k)).ToString();

    private static string Parameters(string type, int count) => string.Join(", ", Enumerable.Range(0, count).Select(k => type + " " + Variable(k)));

    private static string Polynomial(int i)
    {
        string attribute = i % 20 == 0 ? "[PolynomialNetwork(Form = NetworkForm.Both)]" : "[PolynomialNetwork]";
        return $"        {attribute}\n        public static double {MemberName(i)}({Parameters("double", 2 + i % 5)})\n            => {PolynomialBody(i)};\n";
    }

    /// <summary>A Boolean function of 3–6 bits: majority-like, parity-like or a carry, varied by <paramref name="i"/>.</summary>
    private static string BitFunction(int i)
    {
        int bits = 3 + i % 4;
        var v = Enumerable.Range(0, bits).Select(Variable).ToArray();
        string body = (i / 10 % 3) switch
        {
            0 => string.Join(" ^ ", v),
            1 => string.Join(" | ", Enumerable.Range(0, bits - 1).Select(k => $"({v[k]} & {v[k + 1]})")),
            _ => $"({v[0]} & {v[1]}) | (({v[0]} ^ {v[1]}) & ({string.Join(" | ", v.Skip(2))}))",
        };
        return $"        [BitNetwork]\n        public static bool {MemberName(i)}({Parameters("bool", bits)}) => {body};\n";
    }

    /// <summary>A two-class classifier over one or two continuous inputs (quadratic Hamiltonians, equal priors).</summary>
    private static string Classifier(int i)
    {
        var c = ((i % 7) + 1).ToString(CultureInfo.InvariantCulture);
        return $"    [BayesClassifier]\n    public static partial class {MemberName(i)}\n    {{\n"
             + $"        [Hamiltonian(Prior = 0.5)]\n        public static double Low(double u, double w) => u * u + 0.5 * w * w;\n"
             + $"        [Hamiltonian(Prior = 0.5)]\n        public static double High(double u, double w) => (u - {c}) * (u - {c}) + w * w;\n"
             + "        public static double Helper(double x) => x * 3;\n    }\n";
    }
}
