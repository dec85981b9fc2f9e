namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Calls of the method's own local functions, inlined: every feature (polynomials, bit functions, the classifier's
    /// Hamiltonians) reads <c>static double Sq(double t) =&gt; t * t;</c> as the value it computes, written once here.
    /// </summary>
    internal abstract partial class StraightLineWalker<TValue>
    {
        /// <summary>Whether a local function's parameter or return of this type carries the feature's values.</summary>
        protected abstract bool CanPass(ITypeSymbol type);

        /// <summary>
        /// The value of an omitted optional argument (the parameter's default as the compiler converted it to the
        /// parameter's type; <c>[Optional]</c> without a value is the type's default, 0); null after reporting at
        /// <paramref name="call"/>, or when C# itself refuses the call.
        /// </summary>
        protected abstract TValue? DefaultArgument(IParameterSymbol parameter, InvocationExpressionSyntax call, string what);

        /// <summary>Whether two values are the same (the memo of a static local function's calls compares arguments with it).</summary>
        protected virtual bool SameValue(TValue a, TValue b) => Equals(a, b);

        /// <summary>The local functions whose calls are being inlined, innermost last (a recursive call is refused).</summary>
        private readonly List<IMethodSymbol> _inlining = new();

        /// <summary>Local functions whose body failed to parse (reported once).</summary>
        private readonly HashSet<IMethodSymbol> _failedInlines = new(SymbolEqualityComparer.Default);

        /// <summary>Calls of local functions inlined so far in this method (a bound on the work, see <see cref="MaxInlinedCalls"/>).</summary>
        private int _inlinedCalls;

        private const int MaxInlinedCalls = 10_000;

        /// <summary>The values of static local functions' calls already inlined, by arguments.</summary>
        private readonly List<(IMethodSymbol Function, TValue[] Arguments, TValue Value)> _inlined = new();

        /// <summary>
        /// A call of a local function of the method whose body is one expression (<c>=&gt; e</c> or <c>{ return e; }</c>)
        /// over parameters the feature can hold, passed by value: its value is that expression with each parameter bound to
        /// its argument's value. The arguments are read first, in the caller; a captured local has its value at the call,
        /// as in C#. Its declaration is inside the method's own syntax, so the generator's inputs still cover everything
        /// it reads. Null after reporting.
        /// </summary>
        protected TValue? InlineLocalFunction(InvocationExpressionSyntax invocation, IMethodSymbol function)
        {
            string what = $"A call to the local function '{function.Name}'";
            var declaration = function.DeclaringSyntaxReferences.Length == 1 ? function.DeclaringSyntaxReferences[0].GetSyntax(Ct) as LocalFunctionStatementSyntax : null;
            var body = declaration?.ExpressionBody?.Expression ?? StraightLine.SingleReturn(declaration?.Body, ConstantCondition);
            if (body is null || function.IsGenericMethod || !CanPass(function.ReturnType)
                || function.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams || !CanPass(p.Type)))
            {
                // A local function C# refuses itself (no return on some path: CS0161, …) is C#'s error at its declaration.
                if (declaration is not null && CompilerReportsError(declaration)) return null;
                NotAllowed(invocation.GetLocation(), what, _texts.LocalFunction);
                return null;
            }
            // A body that failed was reported at its first call; later calls fail with it, not a second time.
            if (_failedInlines.Contains(function)) return null;
            if (_inlining.Contains(function, SymbolEqualityComparer.Default))
            {
                NotAllowed(invocation.GetLocation(), what, _texts.Recursion);
                return null;
            }
            var values = new TValue?[function.Parameters.Length];
            bool ok = true;
            var arguments = invocation.ArgumentList.Arguments;
            for (int i = 0; i < arguments.Count; i++)
            {
                var argument = arguments[i];
                int index = argument.NameColon is { } named ? IndexOf(function, named.Name.Identifier.ValueText) : i;
                if (index < 0 || index >= values.Length) return null;   // C#'s own error (CS1739, CS1501)
                values[index] = Parse(argument.Expression);
                ok &= values[index] is not null;
            }
            if (!ok) return null;
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] is not null) continue;
                if (!function.Parameters[i].IsOptional) return null;   // C#'s CS7036
                values[i] = DefaultArgument(function.Parameters[i], invocation, what);
                if (values[i] is null) return null;
            }
            // A static local function reads nothing but its arguments: the same arguments give the same value. Without
            // this, helpers calling helpers twice (F1(t) => F0(t) * F0(t), F2(t) => F1(t) * F1(t), …) re-read bodies 2^depth times.
            if (function.IsStatic)
                foreach (var (known, knownArguments, result) in _inlined)
                    if (SymbolEqualityComparer.Default.Equals(known, function) && SameArguments(knownArguments, values)) return result;
            if (++_inlinedCalls > MaxInlinedCalls)
            {
                if (_inlinedCalls == MaxInlinedCalls + 1)
                    NotAllowed(invocation.GetLocation(), what, $"the method inlines more than {MaxInlinedCalls} calls of its local functions");
                return null;
            }
            _inlining.Add(function);
            for (int i = 0; i < values.Length; i++) Bind(function.Parameters[i], values[i]!);
            TValue? value;
            try
            {
                value = Parse(body);
            }
            finally
            {
                foreach (var parameter in function.Parameters) Unbind(parameter);
                _inlining.RemoveAt(_inlining.Count - 1);
            }
            if (value is null) _failedInlines.Add(function);
            else if (function.IsStatic) _inlined.Add((function, Array.ConvertAll(values, v => v!), value));
            return value;
        }

        private bool SameArguments(TValue[] known, TValue?[] values)
        {
            for (int i = 0; i < known.Length; i++)
                if (!SameValue(known[i], values[i]!)) return false;
            return true;
        }

        private static int IndexOf(IMethodSymbol function, string parameter)
        {
            for (int i = 0; i < function.Parameters.Length; i++)
                if (function.Parameters[i].Name == parameter) return i;
            return -1;
        }
    }
}
