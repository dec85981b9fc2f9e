using System.Collections.Generic;
using System.Linq;
using CheapLearning.Generator.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.Generator.Tests.Common;

/// <summary>
/// <see cref="SyntaxMemo"/> keys a node's memo by its tree and its span and kind: every node of a tree must get a
/// memo of its own (also nodes that start or end where another does), the same node the same memo, and a node of
/// another tree (an edited file is a new tree, even with the same text) a fresh one.
/// </summary>
public class SyntaxMemoTests
{
    private const string Source = """
        namespace N
        {
            public partial class A
            {
                public static double F(double x) => x * x;
                public static double G(double x) { return x; }
                public partial class B { public static double F(double y) => y; }
            }
            public partial struct S { public static double H(double z) => z + 1; }
        }
        """;

    [Fact]
    public void Each_node_of_a_tree_has_its_own_memo_and_a_new_tree_new_memos()
    {
        var tree = CSharpSyntaxTree.ParseText(Source);
        var nodes = tree.GetRoot().DescendantNodesAndSelf().ToList();
        var memos = nodes.Select(SyntaxMemo.For).ToList();
        Assert.Equal(nodes.Count, new HashSet<SyntaxMemo>(memos, ReferenceEqualityComparer.Instance).Count);
        // Nodes sharing a start (a member and its modifiers' owner, an expression and its left operand) are there too.
        Assert.Contains(nodes, n => n.Parent is { } p && p.Span.Start == n.Span.Start);
        for (int i = 0; i < nodes.Count; i++) Assert.Same(memos[i], SyntaxMemo.For(nodes[i]));

        var reparsed = CSharpSyntaxTree.ParseText(Source);
        var methods = reparsed.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToList();
        var old = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().ToList();
        Assert.Equal(4, methods.Count);
        for (int i = 0; i < methods.Count; i++) Assert.NotSame(SyntaxMemo.For(old[i]), SyntaxMemo.For(methods[i]));
    }
}
