using System.Linq;
using CheapLearning.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// A project that declares a type whose full name an <c>[InternalsVisibleTo]</c> reference also declares (two libraries
/// that link the same source file, or a library and its test project): the compiler picks the project's own type and
/// warns (CS0436) wherever code names it. The user's code never names it, so only generated code could make the
/// warning appear, as an error under TreatWarningsAsErrors, in files the user cannot edit.
/// </summary>
public class InternalsVisibleToConsumerTests
{
    private const string Shared = """
        using CheapLearning;
        namespace Shared
        {
            internal static partial class Physics
            {
                [PolynomialNetwork] internal static double Sq(double x) => x * x;
                [BitNetwork] internal static bool And(bool a, bool b) => a & b;
            }
            [BayesClassifier]
            internal static partial class Weather
            {
                [Hamiltonian] internal static double Rain(bool c) => c ? 1 : 2;
                [Hamiltonian] internal static double Dry(bool c) => c ? 2 : 1;
            }
        }
        """;

    [Fact]
    public void Generated_code_never_names_a_type_an_InternalsVisibleTo_reference_also_declares()
    {
        var library = TestCompilation.Create(Shared, "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"TestAssembly\")]")
            .WithAssemblyName("Library");
        var (libraryOutput, _) = TestCompilation.RunAllGenerators(library);
        Assert.Empty(TestCompilation.Problems(libraryOutput));
        var consumer = TestCompilation.Create(Shared).AddReferences(libraryOutput.ToMetadataReference());
        var (output, run) = TestCompilation.RunAllGenerators(consumer);
        Assert.Equal(3, run.GeneratedTrees.Length);
        var problems = TestCompilation.Problems(output);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }

    [Fact]
    public void A_parameter_named_like_the_generated_class_does_not_hide_it()
    {
        const string source = """
            using CheapLearning;
            public static partial class P
            {
                [PolynomialNetwork] public static double Sq(double SqNetwork, double Evaluators) => SqNetwork * Evaluators;
                [BitNetwork] public static bool And(bool AndNetwork, bool Evaluators) => AndNetwork & Evaluators;
            }
            [BayesClassifier]
            public static partial class W
            {
                [Hamiltonian] public static double Rain(bool Classifier, bool Evaluators) => Classifier ? 2 : 1;
                [Hamiltonian] public static double Dry(bool Classifier, bool Evaluators) => Evaluators ? 2 : 0.5;
            }
            public static class Use
            {
                public static double[] All()
                {
                    var d = new double[5];
                    P.SqNetwork.Deep(new[] { 0.5, 0.25, 0.5, 0.5, 1 }, new[] { 0.5, 0.5, -1, 0.5, 1 }, d);
                    var p = new double[2];
                    W.Classifier.Probabilities(true, false, p);
                    return new[] { d[0], d[2], d[4], P.AndNetwork.Deep(true, true), W.Classifier.Classify(true, false), p[0] };
                }
            }
            """;
        var assembly = TestCompilation.BuildAndLoad(source);
        var values = (double[])assembly.GetType("Use")!.GetMethod("All")!.Invoke(null, null)!;
        Assert.Equal(0.25, values[0], 1e-8);
        Assert.Equal(-0.5, values[1], 1e-8);
        Assert.Equal(1, values[2], 1e-8);
        Assert.Equal(1, values[3], 1e-8);
        // At (true, false): H_rain = 2, H_dry = 0.5, equal priors: Dry (class 1), p(rain) = e^-2 / (e^-2 + e^-0.5).
        Assert.Equal(1, values[4]);
        Assert.Equal(System.Math.Exp(-2) / (System.Math.Exp(-2) + System.Math.Exp(-0.5)), values[5], 1e-8);
    }
}
