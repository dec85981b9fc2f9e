using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CheapLearning.TestKit;

/// <summary>
/// Reads the polynomial a C# method denotes, as DESIGN.md's accuracy contract defines it: every
/// constant at the exact value of the double the compiler gives it (taken from
/// <see cref="SemanticModel.GetConstantValue(SyntaxNode, System.Threading.CancellationToken)"/>, so
/// C#'s own folding stays: <c>1/2</c> is 0), then exact arithmetic on those values. Its own
/// interpreter over the syntax, sharing nothing with the generator's front end.
/// Accepts expression bodies; blocks of locals, <c>= += -= *= /=</c> and one return; <c>+ - *</c>;
/// division by a constant; <c>Math.Pow</c> with a non-negative integer constant; const fields and
/// locals; casts to double; calls of local functions whose body is one expression. Anything else throws <see cref="NotSupportedException"/>.
/// </summary>
public sealed class MethodInterpreter
{
    private readonly SemanticModel _model;
    private readonly IReadOnlyList<IParameterSymbol> _parameters;
    private readonly Dictionary<ISymbol, ExactPolynomial> _values = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> _unassigned = new(SymbolEqualityComparer.Default);

    /// <param name="point">Null: each parameter is a variable (the result is p expanded). Else each parameter is
    /// its exact value there (the result is the constant p(point), computed without expanding p).</param>
    private MethodInterpreter(SemanticModel model, IMethodSymbol method, double[]? point = null)
    {
        _model = model;
        _parameters = method.Parameters;
        if (point is not null && point.Length != _parameters.Count) throw new ArgumentException($"{point.Length} values for {_parameters.Count} parameters");
        for (int i = 0; i < _parameters.Count; i++)
            _values[_parameters[i]] = point is null ? ExactPolynomial.Variable(_parameters.Count, i)
                                                    : ExactPolynomial.Constant(_parameters.Count, ExactNumber.FromDouble(point[i]));
    }

    public static ExactPolynomial Interpret(SemanticModel model, MethodDeclarationSyntax method)
        => Interpret(model, method, point: null);

    /// <summary>
    /// p(x) exactly, interpreting the method with its parameters bound to the exact values of x: the same
    /// reading as <see cref="Interpret(SemanticModel, MethodDeclarationSyntax)"/>, but every intermediate value is a
    /// number, so a polynomial far too large to expand (<c>Math.Pow(a+…+h, 40)</c>, 62,891,499 monomials) costs one
    /// exact power of one sum.
    /// </summary>
    public static ExactNumber ValueAt(SemanticModel model, MethodDeclarationSyntax method, ReadOnlySpan<double> x)
        => Interpret(model, method, x.ToArray()).AsConstant() ?? throw new InvalidOperationException("a bound point gave a non-constant value");

    private static ExactPolynomial Interpret(SemanticModel model, MethodDeclarationSyntax method, double[]? point)
    {
        var symbol = model.GetDeclaredSymbol(method) ?? throw new NotSupportedException("no symbol for " + method.Identifier);
        var interpreter = new MethodInterpreter(model, symbol, point);
        if (method.ExpressionBody is { } arrow) return interpreter.Evaluate(arrow.Expression);
        if (method.Body is { } body) return interpreter.Run(body);
        throw new NotSupportedException("method without a body");
    }

    private int Variables => _parameters.Count;

    /// <summary>
    /// A block's statements in order, with checked/unchecked and plain nested blocks opened (they only scope locals) and
    /// an <c>if</c> on a compile-time constant replaced by the branch C# runs.
    /// </summary>
    private IEnumerable<StatementSyntax> Statements(BlockSyntax block) => Statements(block.Statements);

    private IEnumerable<StatementSyntax> Statements(IEnumerable<StatementSyntax> statements)
    {
        foreach (var statement in statements)
        {
            IEnumerable<StatementSyntax>? inner = statement switch
            {
                CheckedStatementSyntax c => c.Block.Statements,
                BlockSyntax b => b.Statements,
                IfStatementSyntax i when _model.GetConstantValue(i.Condition) is { HasValue: true, Value: bool chosen }
                    => (chosen ? i.Statement : i.Else?.Statement) is { } taken ? new[] { taken } : Array.Empty<StatementSyntax>(),
                _ => null,
            };
            if (inner is null) yield return statement;
            else foreach (var s in Statements(inner)) yield return s;
        }
    }

    private ExactPolynomial Run(BlockSyntax block)
    {
        foreach (var statement in Statements(block))
        {
            switch (statement)
            {
                case LocalDeclarationStatementSyntax { IsConst: true }:
                    // A const local: each use is the compiler's constant (read by Evaluate), whatever its type.
                    break;
                case LocalDeclarationStatementSyntax local:
                    foreach (var v in local.Declaration.Variables)
                    {
                        var symbol = _model.GetDeclaredSymbol(v)!;
                        // Declared now, assigned later: C#'s definite assignment makes the first assignment come before any read.
                        if (v.Initializer is null) _unassigned.Add(symbol);
                        else _values[symbol] = Evaluate(v.Initializer.Value);
                    }
                    break;
                case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment }:
                    Assign(assignment);
                    break;
                case ExpressionStatementSyntax { Expression: (PostfixUnaryExpressionSyntax or PrefixUnaryExpressionSyntax) and var step }:
                    // x++; x--; ++x; --x; as statements: x ± 1.
                    var (operand, up) = step switch
                    {
                        PostfixUnaryExpressionSyntax p => (p.Operand, p.IsKind(SyntaxKind.PostIncrementExpression)),
                        PrefixUnaryExpressionSyntax p when p.Kind() is SyntaxKind.PreIncrementExpression or SyntaxKind.PreDecrementExpression
                            => (p.Operand, p.IsKind(SyntaxKind.PreIncrementExpression)),
                        _ => throw new NotSupportedException("statement: " + statement),
                    };
                    var stepped = _model.GetSymbolInfo(operand).Symbol;
                    if (stepped is null || !_values.TryGetValue(stepped, out var before)) throw new NotSupportedException("increment of " + operand);
                    var one = ExactPolynomial.Constant(Variables, ExactNumber.One);
                    _values[stepped] = up ? before + one : before - one;
                    break;
                case ReturnStatementSyntax { Expression: { } value }:
                    return Evaluate(value);
                case LocalFunctionStatementSyntax:
                    // A declaration: it runs when called (Call).
                    break;
                case EmptyStatementSyntax:
                    // A stray ';' does nothing.
                    break;
                default:
                    throw new NotSupportedException("statement: " + statement);
            }
        }
        throw new NotSupportedException("block without return");
    }

    private void Assign(AssignmentExpressionSyntax assignment)
    {
        if (assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Left is TupleExpressionSyntax or DeclarationExpressionSyntax)
        {
            // (a, b) = (e1, e2): every value first, then every target (a swap swaps).
            var pairs = new List<(SyntaxNode Target, ExpressionSyntax Value)>();
            Pair(assignment.Left, assignment.Right, pairs);
            var values = pairs.Select(p => Evaluate(p.Value)).ToList();
            for (int i = 0; i < pairs.Count; i++)
            {
                var element = pairs[i].Target is DeclarationExpressionSyntax { Designation: var d } ? d : pairs[i].Target;
                var symbol = element switch
                {
                    DiscardDesignationSyntax => null,
                    SingleVariableDesignationSyntax v => _model.GetDeclaredSymbol(v),
                    ExpressionSyntax e => _model.GetSymbolInfo(e).Symbol is { } s and not IDiscardSymbol ? s : null,
                    _ => throw new NotSupportedException("deconstruction target: " + element),
                };
                if (symbol is null) continue;
                _unassigned.Remove(symbol);
                _values[symbol] = values[i];
            }
            return;
        }
        var target = _model.GetSymbolInfo(assignment.Left).Symbol;
        if (target is not null && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && _unassigned.Remove(target))
        {
            _values[target] = Evaluate(assignment.Right);
            return;
        }
        if (target is null || !_values.TryGetValue(target, out var current)) throw new NotSupportedException("assignment to " + assignment.Left);
        var right = Evaluate(assignment.Right);
        _values[target] = assignment.Kind() switch
        {
            SyntaxKind.SimpleAssignmentExpression => right,
            SyntaxKind.AddAssignmentExpression => current + right,
            SyntaxKind.SubtractAssignmentExpression => current - right,
            SyntaxKind.MultiplyAssignmentExpression => current * right,
            SyntaxKind.DivideAssignmentExpression => current.Scale(ExactNumber.One / ConstantDivisor(right, assignment.Right)),
            _ => throw new NotSupportedException("assignment: " + assignment),
        };
    }

    private static void Pair(SyntaxNode left, ExpressionSyntax right, List<(SyntaxNode Target, ExpressionSyntax Value)> pairs)
    {
        IReadOnlyList<SyntaxNode>? targets = left switch
        {
            TupleExpressionSyntax t => t.Arguments.Select(a => (SyntaxNode)a.Expression).ToList(),
            DeclarationExpressionSyntax { Designation: ParenthesizedVariableDesignationSyntax p } => p.Variables.ToList<SyntaxNode>(),
            ParenthesizedVariableDesignationSyntax p => p.Variables.ToList<SyntaxNode>(),
            _ => null,
        };
        if (targets is null) { pairs.Add((left, right)); return; }
        while (right is ParenthesizedExpressionSyntax p) right = p.Expression;
        if (right is not TupleExpressionSyntax tuple || tuple.Arguments.Count != targets.Count) throw new NotSupportedException("deconstruction of " + right);
        for (int i = 0; i < targets.Count; i++) Pair(targets[i], tuple.Arguments[i].Expression, pairs);
    }

    private ExactPolynomial Evaluate(ExpressionSyntax e)
    {
        var constant = _model.GetConstantValue(e);
        if (constant.HasValue) return ExactPolynomial.Constant(Variables, Exact(AsConverted(constant.Value, e), e));
        switch (e)
        {
            case ParenthesizedExpressionSyntax p: return Evaluate(p.Expression);
            case CheckedExpressionSyntax c: return Evaluate(c.Expression);
            case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryMinusExpression): return -Evaluate(u.Operand);
            case PrefixUnaryExpressionSyntax u when u.IsKind(SyntaxKind.UnaryPlusExpression): return Evaluate(u.Operand);
            case BinaryExpressionSyntax b: return Binary(b);
            case CastExpressionSyntax cast when _model.GetTypeInfo(cast.Type).Type?.SpecialType == SpecialType.System_Double:
                return Evaluate(cast.Expression);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax:
                var symbol = _model.GetSymbolInfo(e).Symbol;
                if (symbol is not null && _values.TryGetValue(symbol, out var value)) return value;
                throw new NotSupportedException("not a parameter, local or constant: " + e);
            case InvocationExpressionSyntax call when _model.GetSymbolInfo(call).Symbol is IMethodSymbol { MethodKind: MethodKind.LocalFunction } function:
                return Call(call, function);
            case InvocationExpressionSyntax call when _model.GetSymbolInfo(call).Symbol is IMethodSymbol { Name: "FusedMultiplyAdd", ContainingType: { Name: "Math" or "MathF" } }:
                // x·y + z, exactly (C# rounds it once, like any other operation p leaves aside).
                return Evaluate(Argument(call, 0, "x")) * Evaluate(Argument(call, 1, "y")) + Evaluate(Argument(call, 2, "z"));
            case InvocationExpressionSyntax call: return Pow(call);
            case ConditionalExpressionSyntax c when _model.GetConstantValue(c.Condition) is { HasValue: true, Value: bool chosen }:
                return Evaluate(chosen ? c.WhenTrue : c.WhenFalse);
            default: throw new NotSupportedException("expression: " + e);
        }
    }

    private ExactPolynomial Binary(BinaryExpressionSyntax b)
    {
        // Long sums nest to the left: walk the left spine iteratively so 50,000 terms do not overflow the stack.
        var spine = new Stack<BinaryExpressionSyntax>();
        ExpressionSyntax left = b;
        while (left is BinaryExpressionSyntax inner && !_model.GetConstantValue(inner).HasValue)
        {
            spine.Push(inner);
            left = inner.Left;
        }
        var acc = Evaluate(left);
        while (spine.Count > 0)
        {
            var node = spine.Pop();
            var right = Evaluate(node.Right);
            acc = node.Kind() switch
            {
                SyntaxKind.AddExpression => acc + right,
                SyntaxKind.SubtractExpression => acc - right,
                SyntaxKind.MultiplyExpression => acc * right,
                SyntaxKind.DivideExpression => acc.Scale(ExactNumber.One / ConstantDivisor(right, node.Right)),
                _ => throw new NotSupportedException("operator: " + node.OperatorToken),
            };
        }
        return acc;
    }

    private static ExactNumber ConstantDivisor(ExactPolynomial divisor, ExpressionSyntax syntax)
    {
        var c = divisor.AsConstant() ?? throw new NotSupportedException("division by a non-constant: " + syntax);
        if (c.IsZero) throw new NotSupportedException("division by zero: " + syntax);
        return c;
    }

    /// <summary>
    /// A local function whose body is one expression, called by value: its parameters take the arguments' values
    /// (named ones by name, omitted ones their defaults), then its expression is read; captured locals have their
    /// current values, as C# reads them at the call.
    /// </summary>
    private ExactPolynomial Call(InvocationExpressionSyntax call, IMethodSymbol function)
    {
        var declaration = (LocalFunctionStatementSyntax)function.DeclaringSyntaxReferences.Single().GetSyntax();
        var body = declaration.ExpressionBody?.Expression
                   ?? (declaration.Body is null ? null
                       : Statements(declaration.Body).FirstOrDefault(s => s is not (EmptyStatementSyntax or LocalFunctionStatementSyntax or LocalDeclarationStatementSyntax { IsConst: true })) as ReturnStatementSyntax)?.Expression
                   ?? throw new NotSupportedException("local function body: " + declaration.Identifier);
        var arguments = new ExactPolynomial?[function.Parameters.Length];
        var list = call.ArgumentList.Arguments;
        for (int i = 0; i < list.Count; i++)
        {
            int index = list[i].NameColon is { } named ? function.Parameters.IndexOf(function.Parameters.Single(p => p.Name == named.Name.Identifier.ValueText)) : i;
            arguments[index] = Evaluate(list[i].Expression);
        }
        for (int i = 0; i < arguments.Length; i++)
            arguments[i] ??= ExactPolynomial.Constant(Variables, function.Parameters[i].HasExplicitDefaultValue
                ? Exact(function.Parameters[i].ExplicitDefaultValue, declaration) : ExactNumber.FromDouble(0));   // [Optional]: default(double)
        for (int i = 0; i < arguments.Length; i++) _values[function.Parameters[i]] = arguments[i]!;
        var result = Evaluate(body);
        foreach (var p in function.Parameters) _values.Remove(p);
        return result;
    }

    private ExactPolynomial Pow(InvocationExpressionSyntax call)
    {
        if (_model.GetSymbolInfo(call).Symbol is not IMethodSymbol { Name: "Pow", ContainingType: { Name: "Math" or "MathF" } } || call.ArgumentList.Arguments.Count != 2)
            throw new NotSupportedException("call: " + call);
        var exponent = _model.GetConstantValue(Argument(call, 1, "y"));
        if (!exponent.HasValue) throw new NotSupportedException("non-constant exponent: " + call);
        double k = Convert.ToDouble(exponent.Value, System.Globalization.CultureInfo.InvariantCulture);
        if (k < 0 || k != Math.Floor(k) || k > 10_000) throw new NotSupportedException("exponent: " + call);
        return Evaluate(Argument(call, 0, "x")).Pow((int)k);
    }

    /// <summary>Named arguments may come in any order: Math.Pow(y: 3, x: v) is v³.</summary>
    private static ExpressionSyntax Argument(InvocationExpressionSyntax call, int position, string name)
        => call.ArgumentList.Arguments.FirstOrDefault(a => a.NameColon?.Name.Identifier.ValueText == name)?.Expression ?? call.ArgumentList.Arguments[position].Expression;

    /// <summary>
    /// An integer constant where C# converts it implicitly to float (<c>float t = 16777217;</c>, a float operand) is that
    /// float: C# rounds it once, integer to float (16777217 becomes 16777216).
    /// </summary>
    private object? AsConverted(object? value, ExpressionSyntax e)
    {
        if (value is not (int or long or uint or ulong) || _model.GetTypeInfo(e).ConvertedType?.SpecialType != SpecialType.System_Single) return value;
        return value switch
        {
            int i => (float)i,
            long l => (float)l,
            uint u => (float)u,
            _ => (float)(ulong)value,
        };
    }

    /// <summary>The exact value of a compile-time constant as the double C# converts it to.</summary>
    private static ExactNumber Exact(object? value, SyntaxNode where) => value switch
    {
        double d => ExactNumber.FromDouble(d),
        float f => ExactNumber.FromDouble(f),
        // Integer constants meet doubles through C#'s implicit conversion to double (rounded to nearest).
        int or long or short or byte or sbyte or uint or ulong or ushort
            => ExactNumber.FromDouble(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
        char c => ExactNumber.FromDouble(c),   // Convert.ToDouble refuses a char; C# promotes it to its code
        _ => throw new NotSupportedException($"constant {value} at {where}"),
    };
}
