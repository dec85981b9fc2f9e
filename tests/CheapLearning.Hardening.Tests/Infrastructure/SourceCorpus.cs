using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CheapLearning.Hardening.Tests.Infrastructure;

/// <summary>
/// Every C# source with CheapLearning attributes that the typing simulation replays: the samples,
/// this project's snippet corpus (Corpus/*.cs), and the C# snippets inside test files (string
/// literals that contain an attribute), from every test project, so new tests feed it too.
/// </summary>
public static class SourceCorpus
{
    private static readonly string[] Markers = { "[PolynomialNetwork", "[BitNetwork", "[Hamiltonian", "[Classifier" };

    public static bool IsRelevant(string text) => Markers.Any(m => text.Contains(m, StringComparison.Ordinal));

    public static IReadOnlyList<(string Name, string Text)> All { get; } = Load();

    private static IReadOnlyList<(string, string)> Load()
    {
        var list = new List<(string, string)>();
        foreach (var file in Repository.Files("samples").Concat(Repository.Files("tests/CheapLearning.Hardening.Tests/Corpus")))
        {
            var text = Repository.Read(file);
            if (IsRelevant(text)) list.Add((file, text));
        }
        foreach (var file in Repository.Files("tests").Where(f => !f.Contains("/Corpus/", StringComparison.Ordinal) && !f.EndsWith("SourceCorpus.cs", StringComparison.Ordinal)))
        {
            var root = CSharpSyntaxTree.ParseText(Repository.Read(file)).GetRoot();
            int index = 0;
            foreach (var token in root.DescendantTokens())
            {
                if (!token.IsKind(SyntaxKind.StringLiteralToken) && !token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken)
                    && !token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)) continue;
                var value = token.ValueText;
                if (!IsRelevant(value)) continue;
                // Snippets that are a type body only get the usual prelude, as their tests add it.
                if (!value.Contains("using CheapLearning", StringComparison.Ordinal)) value = "using CheapLearning;\nnamespace N;\n" + value;
                list.Add(($"{file}#{index++}", value));
            }
        }
        return list;
    }
}
