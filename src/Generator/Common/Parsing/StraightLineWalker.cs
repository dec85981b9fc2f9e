using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The straight-line C# front end every feature shares: an expression body, or a block of locals,
    /// assignments to them and one final return; parameters and locals bound to values; nesting limited.
    /// A feature (polynomials, bits) gives the meaning of expressions and compound assignments; what it
    /// cannot translate is reported with its own descriptor ("{0} is not …: {1}") at that exact node.
    /// </summary>
    /// <typeparam name="TValue">What an expression denotes in the feature (a linear form, a node of the bit graph).</typeparam>
    /// <param name="NotAllowed">The feature's "not translatable" descriptor, with the message format "{0} … : {1}".</param>
    /// <param name="Code">What the body's code is, in "the generator needs the …" (e.g. "polynomial's code").</param>
    /// <param name="Returned">What the body returns, in "the body must end in a return of …".</param>
    /// <param name="NotAValue">Why a name that is neither a parameter, a local nor a constant is refused.</param>
    /// <param name="LocalType">Why a local of a type the feature cannot hold is refused.</param>
    /// <param name="LocalFunction">Why a call of a local function that cannot be inlined is refused (what such a function must be).</param>
    /// <param name="Recursion">Why a local function that calls itself is refused, in the feature's words.</param>
    internal sealed record WalkerTexts(DiagnosticDescriptor NotAllowed, string Code, string Returned, string NotAValue, string LocalType, string LocalFunction,
        string Recursion);

    /// <summary>The statements every straight-line body (a method's, an inlined local function's) ignores.</summary>
    internal static class StraightLine
    {
        /// <summary>
        /// A local function's declaration runs nothing (C# lets it stand anywhere in the block, often after the
        /// return), nor does an empty statement (a stray ';', as in 'return x * x;;', which C# compiles without a word),
        /// nor a <c>const</c> local: each of its uses is the compiler's constant (<c>const bool fast = false;</c> is the
        /// switch a constant <c>if</c> reads; parsed as a value, a polynomial refused its initializer 'false').
        /// </summary>
        public static bool RunsNothing(StatementSyntax statement)
            => statement is LocalFunctionStatementSyntax or EmptyStatementSyntax || statement is LocalDeclarationStatementSyntax { IsConst: true };

        /// <summary>
        /// The argument for parameter <paramref name="name"/> at <paramref name="position"/>: named arguments may come in any
        /// order (<c>Math.Pow(y: 3, x: v)</c> is v³).
        /// </summary>
        public static ExpressionSyntax Argument(SeparatedSyntaxList<ArgumentSyntax> arguments, int position, string name)
        {
            foreach (var argument in arguments)
                if (argument.NameColon?.Name.Identifier.ValueText == name) return argument.Expression;
            return arguments[position].Expression;
        }

        /// <summary>
        /// The operands x, y, z of <c>Math.FusedMultiplyAdd(x, y, z)</c> (or MathF's), x·y + z rounded once; null for any other call.
        /// </summary>
        public static (ExpressionSyntax X, ExpressionSyntax Y, ExpressionSyntax Z)? FusedMultiplyAdd(InvocationExpressionSyntax invocation, IMethodSymbol? method)
        {
            if (method is not { Name: "FusedMultiplyAdd", Parameters.Length: 3 } || method.ContainingType.ToDisplayString() is not ("System.Math" or "System.MathF")
                || invocation.ArgumentList.Arguments.Count != 3)
                return null;
            var arguments = invocation.ArgumentList.Arguments;
            return (Argument(arguments, 0, "x"), Argument(arguments, 1, "y"), Argument(arguments, 2, "z"));
        }

        /// <summary>
        /// The statements of a block in the order they run, up to and including the first <c>return</c> (C# never runs
        /// what follows it: CS0162), with <c>checked { … }</c>, <c>unchecked { … }</c> and plain nested blocks opened in
        /// place, and an <c>if</c> whose condition is a compile-time constant replaced by the branch C# runs (nothing when
        /// that is a missing <c>else</c>). In straight-line code a block only scopes its locals (each is its own symbol, so
        /// two blocks' <c>t</c> never meet), and a checked context changes nothing the generator can represent (double
        /// arithmetic ignores it; an integer operation that could overflow is refused in either context). An <c>if</c>
        /// read at run time stays in the list, for the feature to refuse at that statement.
        /// </summary>
        /// <param name="constantCondition">The compile-time value of a condition, or null when it has none.</param>
        public static List<StatementSyntax> Flatten(SyntaxList<StatementSyntax> statements, Func<ExpressionSyntax, bool?> constantCondition)
        {
            var flat = new List<StatementSyntax>(statements.Count);
            // Iterative (a stack of statements still to run, next on top), so nesting thousands deep cannot overflow the stack.
            var pending = new Stack<StatementSyntax>();
            PushAll(pending, statements);
            while (pending.Count > 0)
            {
                var statement = pending.Pop();
                switch (statement)
                {
                    case CheckedStatementSyntax c:
                        PushAll(pending, c.Block.Statements);
                        break;
                    case BlockSyntax b:
                        PushAll(pending, b.Statements);
                        break;
                    case IfStatementSyntax branch when constantCondition(branch.Condition) is { } chosen:
                        if ((chosen ? branch.Statement : branch.Else?.Statement) is { } taken) pending.Push(taken);
                        break;
                    default:
                        flat.Add(statement);
                        if (statement is ReturnStatementSyntax) return flat;
                        break;
                }
            }
            return flat;
        }

        private static void PushAll(Stack<StatementSyntax> pending, SyntaxList<StatementSyntax> statements)
        {
            for (int i = statements.Count - 1; i >= 0; i--) pending.Push(statements[i]);
        }

        /// <summary>
        /// The value returned by a block that is one return and statements that run nothing (<c>{ return e;; }</c>, also
        /// behind a constant <c>if</c>); null for any other block.
        /// </summary>
        public static ExpressionSyntax? SingleReturn(BlockSyntax? block, Func<ExpressionSyntax, bool?> constantCondition)
        {
            ExpressionSyntax? returned = null;
            if (block is null) return null;
            foreach (var statement in Flatten(block.Statements, constantCondition))
            {
                if (RunsNothing(statement)) continue;
                if (returned is not null || statement is not ReturnStatementSyntax { Expression: { } value }) return null;
                returned = value;
            }
            return returned;
        }
    }

    internal abstract partial class StraightLineWalker<TValue>
        where TValue : class
    {
        private const int MaxNesting = 1000;

        private const string BodyShape = "the body must be locals, assignments to them, and one final return";

        /// <summary>Why an assignment, increment or deconstruction target that is not the method's own local or parameter is refused.</summary>
        private const string OwnLocalsOnly = "only the method's own locals and parameters can be assigned";

        private readonly Dictionary<ISymbol, TValue> _values = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// Locals whose declaration was already reported: their later uses fail without a second diagnostic (the
        /// first one names the cause; "'a' is not a local of this method" after it would be false).
        /// </summary>
        private readonly HashSet<ISymbol> _refused = new(SymbolEqualityComparer.Default);

        /// <summary>
        /// Locals declared without an initializer and not yet assigned. In straight-line code C#'s definite
        /// assignment (CS0165) guarantees each is assigned before it is read, so the first assignment binds it.
        /// </summary>
        private readonly HashSet<ISymbol> _unassigned = new(SymbolEqualityComparer.Default);
        private readonly List<Diagnostic> _diagnostics;
        private int _nesting;

        protected StraightLineWalker(SemanticModel model, List<Diagnostic> diagnostics, CancellationToken ct, WalkerTexts texts, string? attribute = null)
        {
            Model = model;
            _diagnostics = diagnostics;
            Ct = ct;
            _texts = texts;
            _attribute = attribute;
        }

        private readonly WalkerTexts _texts;

        /// <summary>
        /// The attribute written on the method ("[BitNetwork]", "[Hamiltonian]"), argument {2} of every two-argument message,
        /// so a front end shared by two attributes names the one the user wrote (CHEAP022 said "[BitNetwork] method" at a
        /// bit [Hamiltonian]); null: the messages take two arguments only.
        /// </summary>
        private readonly string? _attribute;

        protected SemanticModel Model { get; }

        protected CancellationToken Ct { get; }

        /// <summary>Whether the feature can hold <paramref name="local"/>'s values.</summary>
        protected abstract bool CanHold(ILocalSymbol local);

        /// <summary>The feature's meaning of an expression; null after reporting.</summary>
        protected abstract TValue? ParseCore(ExpressionSyntax expression);

        /// <summary>A compound assignment <c>x op= right</c>; null after reporting.</summary>
        protected abstract TValue? Compound(AssignmentExpressionSyntax assignment, TValue current, TValue right);

        /// <summary>What and why, when the feature's graph outgrew its limit while parsing; null otherwise.</summary>
        protected abstract (string What, string Why)? Overflow { get; }

        /// <summary>Called before the body is walked (e.g. to index the method's operations).</summary>
        protected virtual void OnBody(MethodDeclarationSyntax method)
        {
        }

        /// <summary>The symbol a name denotes.</summary>
        protected virtual ISymbol? SymbolOf(ExpressionSyntax name) => Model.GetSymbolInfo(name, Ct).Symbol;

        /// <summary>
        /// Whether an argument of <paramref name="invocation"/> is missing from the source ('F(a, )'): C#'s syntax error
        /// (CS1525), not a call the feature refuses. Asked before the call is read.
        /// </summary>
        protected static bool MissesArgument(InvocationExpressionSyntax invocation)
            => invocation.ArgumentList.Arguments.Any(a => a.Expression.IsMissing);

        /// <summary>
        /// Whether a call the feature does not compute (<paramref name="method"/>: what it binds to, null when C# cannot
        /// bind it) is refused already, so "A call to '…'" would only repeat it: C# cannot bind it (Math.Sinn(x), a wrong
        /// argument count: CS0103, CS0117, CS1501, …), or it invokes a delegate held by a local whose declaration was
        /// refused ('var f = (Func&lt;double, double&gt;)(t =&gt; t * t); return f(x);'), whose diagnostic names the cause.
        /// The one check of the polynomial and bit parsers.
        /// </summary>
        protected bool CallRefusedElsewhere(InvocationExpressionSyntax invocation, IMethodSymbol? method)
            => method is null ? CompilerReportsError(invocation)
               : method.MethodKind == MethodKind.DelegateInvoke && SymbolOf(invocation.Expression) is ILocalSymbol local && _refused.Contains(local);

        /// <summary>Binds a parameter or local to its value.</summary>
        protected void Bind(ISymbol symbol, TValue value) => _values[symbol] = value;

        /// <summary>Removes a binding (a local function's parameter once its call is inlined).</summary>
        protected void Unbind(ISymbol symbol) => _values.Remove(symbol);

        /// <summary>
        /// Parses an expression body or a straight-line block; null after reporting errors, or when the
        /// feature's graph outgrew its limit (reported at the method's name).
        /// </summary>
        public TValue? ParseBody(MethodDeclarationSyntax method)
        {
            var value = ParseStatements(method);
            if (Overflow is not { } overflow) return value;
            NotAllowed(method.Identifier.GetLocation(), overflow.What, overflow.Why);
            return null;
        }

        private TValue? ParseStatements(MethodDeclarationSyntax method)
        {
            if (!ReferenceEquals(_method, method)) (_method, _methodErrors) = (method, null);
            OnBody(method);
            if (method.ExpressionBody is { } arrow) return Parse(arrow.Expression);
            if (method.Body is null)
            {
                NotAllowed(method.Identifier.GetLocation(), "A method without a body", "the generator needs the " + _texts.Code);
                return null;
            }
            var statements = StraightLine.Flatten(method.Body.Statements, ConstantCondition);
            if (statements.Count == 0)
            {
                NotAllowed(method.Body.GetLocation(), "An empty body", "the body must end in a return of " + _texts.Returned);
                return null;
            }
            // The body's last statement is the last one that runs something ('return e;;' was "an early return").
            int end = statements.Count - 1;
            while (end > 0 && StraightLine.RunsNothing(statements[end])) end--;
            bool ok = true;
            for (int i = 0; i <= end; i++)
            {
                Ct.ThrowIfCancellationRequested();
                var statement = statements[i];
                bool last = i == end;
                switch (statement)
                {
                    case var _ when !last && StraightLine.RunsNothing(statement):
                        break;
                    case LocalDeclarationStatementSyntax local when !last:
                        ok &= DeclareLocals(local);
                        break;
                    case ExpressionStatementSyntax { Expression: AssignmentExpressionSyntax assignment } when !last:
                        ok &= Assign(assignment);
                        break;
                    case ExpressionStatementSyntax { Expression: var step } when !last && Increment(step) is { } increment:
                        ok &= Step(step, increment.Operand, increment.Operator, increment.Up);
                        break;
                    case ReturnStatementSyntax { Expression: { } value } when last:
                        var result = Parse(value);
                        return ok ? result : null;
                    // A block that ends without a return is C#'s CS0161 at the method's name ("not all code paths return a value").
                    case var _ when last && statement is not ReturnStatementSyntax && CompilerReportsError(method.Identifier.Span):
                        return null;
                    default:
                        NotAllowed(statement.GetLocation(), Describe(statement), BodyShape);
                        return null;
                }
            }
            return null;
        }

        private bool DeclareLocals(LocalDeclarationStatementSyntax declaration)
        {
            bool ok = true;
            foreach (var variable in declaration.Declaration.Variables)
            {
                if (Model.GetDeclaredSymbol(variable, Ct) is not ILocalSymbol symbol) { ok = false; continue; }
                if (!CanHold(symbol))
                {
                    NotAllowed(declaration.Declaration.Type.GetLocation(), $"A local of type '{symbol.Type.ToDisplayString()}'", _texts.LocalType);
                    _refused.Add(symbol);
                    ok = false;
                    continue;
                }
                if (variable.Initializer is null)
                {
                    _unassigned.Add(symbol);
                    continue;
                }
                var value = Parse(variable.Initializer.Value);
                if (value is null) { _refused.Add(symbol); ok = false; continue; }
                _values[symbol] = value;
            }
            return ok;
        }

        private bool Assign(AssignmentExpressionSyntax assignment)
        {
            if (IsDeconstruction(assignment)) return Deconstruct(assignment);
            var target = Model.GetSymbolInfo(assignment.Left, Ct).Symbol;
            bool refused = target is not null && _refused.Contains(target);
            bool first = target is not null && _unassigned.Contains(target) && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression);
            TValue? current = null;
            if (!refused && !first && (target is not (ILocalSymbol or IParameterSymbol) || !_values.TryGetValue(target, out current)))
            {
                // A compound assignment to an unassigned local is C#'s own error (CS0165); one diagnostic is enough.
                if (target is null || !_unassigned.Contains(target)) RefuseWrite(assignment.Left, "Assigning to");
                // var (a, b) = …: the locals it declares are covered by this diagnostic.
                foreach (var designation in assignment.Left.DescendantNodesAndSelf().OfType<SingleVariableDesignationSyntax>())
                    if (Model.GetDeclaredSymbol(designation, Ct) is { } declared) _refused.Add(declared);
                return false;
            }
            var right = Parse(assignment.Right);
            if (refused) return false;
            if (right is null)
            {
                // The local has no value the generator can follow from here on; its uses are not reported again.
                if (first) _refused.Add(target!);
                return false;
            }
            var value = first || assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) ? right : Compound(assignment, current!, right);
            if (value is null) return false;
            if (first) _unassigned.Remove(target!);
            _values[target!] = value;
            return true;
        }

        /// <summary>
        /// Refuses a write (an assignment, increment or deconstruction) to <paramref name="target"/>, which is not the
        /// method's own local or parameter, unless C# itself refuses it (<see cref="CompilerRefusesWrite"/>: const locals
        /// and fields, CS0131/CS1059; readonly fields, CS0198): one error at that code is enough.
        /// </summary>
        private void RefuseWrite(ExpressionSyntax target, string verb)
        {
            if (!CompilerRefusesWrite(target)) NotAllowed(target.GetLocation(), $"{verb} '{target}'", OwnLocalsOnly);
        }

        /// <summary>
        /// Whether C# itself refuses to write to <paramref name="target"/>: a const local or field (CS0131 for an
        /// assignment, CS1059 for an increment) or a readonly field outside a constructor (CS0198; an annotated method is
        /// never one). The compiler's error is at the same code, so the feature's diagnostic would only repeat it.
        /// </summary>
        private bool CompilerRefusesWrite(ExpressionSyntax target)
        {
            var info = Model.GetSymbolInfo(target, Ct);
            if (info.Symbol is null && info.CandidateReason == CandidateReason.NotAVariable) return true;
            var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            return symbol is ILocalSymbol { IsConst: true } or IFieldSymbol { IsConst: true } or IFieldSymbol { IsReadOnly: true };
        }

        /// <summary>The value of a condition C# knows at compile time (a literal, a const bool switch); null otherwise.</summary>
        protected bool? ConstantCondition(ExpressionSyntax condition)
            => Model.GetConstantValue(condition, Ct) is { HasValue: true, Value: bool value } ? value : null;

        /// <summary>The operand of <c>x++</c>, <c>x--</c>, <c>++x</c>, <c>--x</c> and whether it goes up; null for any other expression.</summary>
        private static (ExpressionSyntax Operand, SyntaxToken Operator, bool Up)? Increment(ExpressionSyntax expression) => expression switch
        {
            PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostIncrementExpression) => (p.Operand, p.OperatorToken, true),
            PostfixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PostDecrementExpression) => (p.Operand, p.OperatorToken, false),
            PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreIncrementExpression) => (p.Operand, p.OperatorToken, true),
            PrefixUnaryExpressionSyntax p when p.IsKind(SyntaxKind.PreDecrementExpression) => (p.Operand, p.OperatorToken, false),
            _ => null,
        };

        /// <summary>
        /// The statement <c>x++;</c> (or <c>x--</c>, <c>++x</c>, <c>--x</c>) on a local or parameter: <c>x += 1</c>, as C#
        /// defines it for numbers (its value as an expression is unused in a statement). Inside an expression an
        /// increment is a side effect in the middle of a value, and stays refused there.
        /// </summary>
        private bool Step(ExpressionSyntax statement, ExpressionSyntax operand, SyntaxToken op, bool up)
        {
            var target = Model.GetSymbolInfo(operand, Ct).Symbol;
            if (target is not null && (_refused.Contains(target) || _unassigned.Contains(target))) return false;   // reported, or C#'s CS0165
            if (target is not (ILocalSymbol or IParameterSymbol) || !_values.TryGetValue(target, out var current))
            {
                RefuseWrite(operand, "Incrementing");
                return false;
            }
            var value = Step(statement, op, current, up);
            if (value is null) return false;
            _values[target] = value;
            return true;
        }

        /// <summary>The value of <paramref name="current"/> + 1 (or − 1) for the statement <paramref name="statement"/> with operator <paramref name="op"/>; null after reporting.</summary>
        protected abstract TValue? Step(ExpressionSyntax statement, SyntaxToken op, TValue current, bool up);

        /// <summary>Parses an expression; null after reporting.</summary>
        public TValue? Parse(ExpressionSyntax expression)
        {
            Ct.ThrowIfCancellationRequested();
            if (++_nesting > MaxNesting || !StackLeft())
            {
                _nesting--;
                NotAllowed(expression.GetLocation(), "An expression nested this deeply", $"more than {MaxNesting} levels of nesting, or more than the compiler's stack holds");
                return null;
            }
            try
            {
                return ParseCore(expression);
            }
            finally
            {
                _nesting--;
            }
        }

        /// <summary>
        /// Whether the thread's stack still has room for another level of parsing. Each level of an inlined local function
        /// costs several frames: a chain of 400 one-line helpers (F1(t) =&gt; F0(t) * 1.5, …) overflowed a 1 MB stack (the
        /// IDE's threads) below <see cref="MaxNesting"/>, killing the compiler's process, which compiles that code itself.
        /// </summary>
        private static bool StackLeft()
        {
            try
            {
                System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
                return true;
            }
            catch (InsufficientExecutionStackException)
            {
                return false;
            }
        }

        /// <summary>A parameter's or local's value; otherwise reports what the name is and why it is not a value.</summary>
        protected TValue? ParseName(ExpressionSyntax expression)
        {
            // An operand missing from the source ('x * ;') is C#'s syntax error (CS1525); it was also "'' is not a polynomial operation".
            if (expression.IsMissing) return null;
            var symbol = SymbolOf(expression);
            if (symbol is not null && _values.TryGetValue(symbol, out var value)) return value;
            // Already reported at its declaration or assignment, or read before assigned (C#'s CS0165).
            if (symbol is not null && (_refused.Contains(symbol) || _unassigned.Contains(symbol))) return null;
            // A name C# cannot bind ('Math.PI2', a misspelt local) is C#'s own error (CS0103, CS0117).
            if (symbol is null && CompilerReportsError(expression)) return null;
            // A const whose initializer is not a constant ('const double c = x;', '1 / 0') has no value: C#'s CS0133/CS0020
            // at its declaration says why; "it is not a numeric constant" here would only repeat it.
            if (symbol is ILocalSymbol { IsConst: true, HasConstantValue: false } or IFieldSymbol { IsConst: true, HasConstantValue: false }) return null;
            string what = symbol switch
            {
                IFieldSymbol f => $"The field '{f.Name}'",
                IPropertySymbol p => $"The property '{p.Name}'",
                ILocalSymbol l => $"The local '{l.Name}'",
                IParameterSymbol p => $"The parameter '{p.Name}'",
                null => $"'{expression}'",
                _ => $"'{symbol.Name}'",
            };
            NotAllowed(expression.GetLocation(), what, symbol is IFieldSymbol or IPropertySymbol
                ? "only const fields are constants; a field or property that is not const can change at run time"
                : _texts.NotAValue);
            return null;
        }

        /// <summary>
        /// Whether C# itself reports an error inside <paramref name="node"/> (a name or call it cannot bind: CS0103, CS0117,
        /// CS1501, CS7036, …). The feature's diagnostic would only repeat it at the same code, so the walker stays silent
        /// there. Asked only on the way to a refusal, never for code that is read.
        /// </summary>
        protected bool CompilerReportsError(SyntaxNode node) => CompilerReportsError(node.Span);

        /// <summary>Reports <paramref name="what"/> at <paramref name="location"/> with the feature's descriptor.</summary>
        protected void NotAllowed(Location location, string what, string why) => Report(_texts.NotAllowed, location, what, why);

        /// <summary>Reports with another descriptor of the feature.</summary>
        protected void Report(DiagnosticDescriptor descriptor, Location location, string what, string why)
        {
            if (!CompilerReportsErrorAt(location))
                _diagnostics.Add(_attribute is null ? Diagnostic.Create(descriptor, location, what, why) : Diagnostic.Create(descriptor, location, what, why, _attribute));
        }

        /// <summary>Reports a diagnostic of the feature whose message has one argument (a warning that does not stop the parse).</summary>
        protected void Report(DiagnosticDescriptor descriptor, Location location, string what)
        {
            if (!CompilerReportsErrorAt(location)) _diagnostics.Add(Diagnostic.Create(descriptor, location, what));
        }

        /// <summary>The method whose body is walked (set before the walk), to ask C# for its errors once.</summary>
        private MethodDeclarationSyntax? _method;

        /// <summary>The spans of C#'s errors in <see cref="_method"/>, read at the first report (never for code that is read).</summary>
        private List<TextSpan>? _methodErrors;

        /// <summary>
        /// Whether C# itself reports an error overlapping <paramref name="location"/>: a string where a double is
        /// expected (CS0029), an operator C# cannot apply (CS0019, CS0023), a constant that overflows (CS0220, CS0221),
        /// division by constant zero (CS0020), <c>return;</c> in a method returning a value (CS0126), an unbound
        /// assignment target (CS0103), … Every report of the walker goes through here, so a feature's diagnostic never
        /// repeats C#'s at the same code, in polynomial, bit and Hamiltonian bodies alike; it appears once C#'s is fixed.
        /// C#'s errors of the walked method are read once, at its first report.
        /// </summary>
        private bool CompilerReportsErrorAt(Location location)
        {
            if (location.SourceTree != Model.SyntaxTree) return false;
            var span = location.SourceSpan;
            if (_method is null || !_method.Span.Contains(span)) return CompilerReportsError(span);
            _methodErrors ??= CompilerErrors.Spans(Model, _method.Span, Ct);
            foreach (var error in _methodErrors)
                if (error.IntersectsWith(span)) return true;
            return false;
        }

        private bool CompilerReportsError(TextSpan span) => CompilerErrors.In(Model, span, Ct);

        /// <summary>What a construct is, for "… is not allowed" messages.</summary>
        protected virtual string Describe(SyntaxNode node) => node switch
        {
            ForStatementSyntax => "A 'for' loop",
            ForEachStatementSyntax => "A 'foreach' loop",
            WhileStatementSyntax => "A 'while' loop",
            DoStatementSyntax => "A 'do' loop",
            IfStatementSyntax => "An 'if' statement whose condition is not a constant",
            SwitchStatementSyntax => "A 'switch' statement",
            SwitchExpressionSyntax => "A switch expression",
            ElementAccessExpressionSyntax => "An element access",
            ObjectCreationExpressionSyntax or ImplicitObjectCreationExpressionSyntax => "An object creation",
            LambdaExpressionSyntax => "A lambda",
            AssignmentExpressionSyntax => "An assignment inside an expression",
            ThrowExpressionSyntax or ThrowStatementSyntax => "A throw",
            _ => $"'{Shorten(node.ToString())}'",
        };

        protected static string Shorten(string text) => text.Length <= 40 ? text : text.Substring(0, 37) + "...";
    }
}
