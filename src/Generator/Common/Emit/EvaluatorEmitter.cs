using System.Text;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Emits a network as unrolled straight-line C#: one statement per row (gate input or neuron),
    /// no loops, no virtual calls, no heap allocation. The arithmetic is exactly that of
    /// <c>NetworkModel.Evaluate</c> (bias first, then terms in column order), so both agree bit for bit.
    /// Small networks use locals in one method; large ones keep each layer in a span and are split
    /// into helper methods of at most <see cref="MaxStatementsPerMethod"/> statements (the JIT stops
    /// optimizing huge methods, and Roslyn overflows on huge expressions, so long sums are written
    /// as one accumulation per statement).
    /// </summary>
    internal sealed class EvaluatorEmitter
    {
        public const int MaxStatementsPerMethod = 800;
        private const int MaxTermsPerExpression = RowExpressions.MaxTermsPerExpression;   // shared with the runtime's SparseAffineMap (sign of zero)
        private const int StackallocLimit = 1024;

        private readonly BuiltNetwork _network;
        private readonly string _name;
        private readonly string[] _parameters;
        private readonly string[] _parameterTypes;
        private readonly double _inputBound;
        private readonly bool _checkInputs;
        private readonly List<string> _partHelpers = new();
        private readonly SharedMembers _shared;
        private readonly string?[]? _defaults;

        /// <param name="shared">The class's named constants and activation forwarder (<see cref="SharedMembers.For"/> over the same parameters).</param>
        /// <param name="defaults">Each parameter's default value as a C# constant, or null (none): the scalar evaluator repeats the method's.</param>
        public EvaluatorEmitter(BuiltNetwork network, string name, string[] parameters, string[] parameterTypes, double inputBound, bool checkInputs,
                                SharedMembers shared, string?[]? defaults = null)
        {
            _defaults = defaults;
            _shared = shared;
            _network = network;
            _name = name;
            _parameters = parameters;
            _parameterTypes = parameterTypes;
            _inputBound = inputBound;
            _checkInputs = checkInputs;
            _p = LocalPrefix(parameters);
            _hPrefix = _p + "h";
            _uPrefix = _p + "u";
        }

        /// <summary>
        /// Prefix of the evaluator's own locals (_u1_0, _h1_0, _acc, _a, …): "_", or more underscores
        /// when a parameter name starts with it, so a parameter can never be shadowed or redeclared
        /// (a parameter named _h1_0 used to make the generated code fail to compile).
        /// </summary>
        private readonly string _p;

        // "_h" and "_u" with the prefix, made once: the first part of every local's name (Operand).
        private readonly string _hPrefix, _uPrefix;

        internal static string LocalPrefix(string[] parameters)
        {
            string prefix = "_";
            while (parameters.Any(p => p.TrimStart('@').StartsWith(prefix, StringComparison.Ordinal))) prefix += "_";
            return prefix;
        }

        private string ActivationCall => _shared.ActivationCall(_network.Activation);

        private int StatementCount()
        {
            int count = 0;
            foreach (var layer in _network.Layers)
            {
                if (layer.GateInputs is { } g) count += Statements(g);
                count += Statements(layer.Map);
            }
            return count;
        }

        private static int Statements(Stage stage)
        {
            int count = 0;
            for (int r = 0; r < stage.OutputCount; r++)
            {
                int terms = stage.RowStarts[r + 1] - stage.RowStarts[r];
                count += terms <= MaxTermsPerExpression ? 1 : terms + 2;
            }
            return count;
        }

        /// <summary>Writes the evaluator method (and its helpers, when large).</summary>
        public void Write(SourceWriter w, string docs)
        {
            w.Lines(docs);
            WriteMethod(w);
        }

        /// <summary>The evaluator method (and its helpers) without docs: for a caller that wrote its docs into the writer itself.</summary>
        public void WriteMethod(SourceWriter w)
        {
            var header = w.BeginLine().Append("public static double ").Append(_name).Append('(');
            for (int i = 0; i < _parameters.Length; i++)
            {
                (i == 0 ? header : header.Append(", ")).Append(_parameterTypes[i]).Append(' ').Append(_parameters[i]);
                if (_defaults?[i] is { } value) header.Append(" = ").Append(value);
            }
            header.Append(')');
            w.EndLine();
            w.Open("");
            WriteInputChecks(w);
            if (StatementCount() <= MaxStatementsPerMethod) WriteInline(w);
            else WriteSpans(w);
        }

        private void WriteInputChecks(SourceWriter w)
        {
            // Appended straight into the builder: one line per parameter of every evaluator. Checked inputs take one
            // comparison, which NaN and ±∞ fail too; ScalarArguments.OutsideBound then returns true for those (the
            // evaluator returns NaN) and throws for a finite input outside ±R, out of line (issue 12: two tests and a
            // message per input were 6 % of the benchmark's generated text).
            string? bound = _checkInputs ? Literals.Double(_inputBound) : null, boundText = _checkInputs ? Literals.String(Literals.Short(_inputBound)) : null;
            foreach (var p in _parameters)
            {
                if (bound is null)
                {
                    w.BeginLine().Append("if (double.IsNaN(").Append(p).Append(") || double.IsInfinity(").Append(p).Append(")) return double.NaN;");
                    w.EndLine();
                    continue;
                }
                var check = w.BeginLine().Append("if (!(global::System.Math.Abs(").Append(p).Append(") <= ").Append(bound)
                    .Append(") && global::CheapLearning.ScalarArguments.OutsideBound(").Append(p).Append(", ");
                Literals.AppendString(check, GeneratedFile.DocName(p)).Append(", ").Append(boundText).Append(")) return double.NaN;");
                w.EndLine();
            }
        }

        // ---- small networks: one local per value ------------------------------------------------

        private void WriteInline(SourceWriter w)
        {
            // Each parameter as the neurons read it (a float converted), built once instead of per read.
            var parameters = new Operand[_parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
                parameters[i] = _parameterTypes[i] == "double" ? _parameters[i] : "(double)" + _parameters[i];
            Func<int, Operand> source = i => parameters[i];
            for (int l = 0; l < _network.Layers.Count; l++)
            {
                var layer = _network.Layers[l];
                bool output = l == _network.Layers.Count - 1;
                var previous = source;
                if (layer.GateInputs is { } g)
                {
                    w.Line(output ? "// output: the row scaled by a power of two, then scaled back (exactly)" : $"// hidden layer {l + 1}: gate inputs, then {layer.OutputCount} neurons");
                    int layerIndex = l + 1;
                    // A gate input no neuron reads (its weights underflowed to 0, e.g. InputBound = 1e-300) is not
                    // written: as a constant local it would raise CS0219 and break TreatWarningsAsErrors builds.
                    var read = new bool[g.OutputCount];
                    foreach (int c in layer.Map.Columns) if ((uint)c < (uint)read.Length) read[c] = true;
                    var gateInputs = new Operand[g.OutputCount];
                    // Sized for every row at once (one entry per written row at most): its regrowth was 1 % of a run's allocation.
                    var written = new Dictionary<long, int>(g.OutputCount);
                    for (int r = 0; r < g.OutputCount; r++)
                    {
                        if (!read[r]) continue;
                        if (IsCopy(g, r))
                        {
                            // u = x exactly (no bias, weight 1): the neurons read x itself, the very same double, and
                            // the model data keeps the row (NetworkModel computes 0 + 1·x, also x).
                            gateInputs[r] = previous(g.Columns[g.RowStarts[r]]);
                            continue;
                        }
                        // A signal that feeds several gates (x·y into (x·y)·z and (x·y)·w) is the same row in each of
                        // them: the same terms in the same order give the same double, so it is written once and read
                        // by name (a third of the gate-input lines of typical quartics).
                        long key = StageRows.Hash(g, r);
                        if (written.TryGetValue(key, out int same) && StageRows.Equal(g, same, r))
                        {
                            gateInputs[r] = gateInputs[same];
                            continue;
                        }
                        if (!written.ContainsKey(key)) written.Add(key, r);
                        gateInputs[r] = new Operand(_uPrefix, layerIndex, r);
                        WriteRow(w, gateInputs[r], true, g, r, previous, null);
                    }
                    previous = c => gateInputs[c];
                }
                if (output)
                {
                    WriteRow(w, "return", false, layer.Map, 0, previous, null);
                }
                else
                {
                    int layerIndex = l + 1;
                    var neurons = new Operand[layer.Map.OutputCount];
                    for (int r = 0; r < neurons.Length; r++)
                    {
                        neurons[r] = new Operand(_hPrefix, layerIndex, r);
                        WriteRow(w, neurons[r], true, layer.Map, r, previous, ActivationCall);
                    }
                    source = c => neurons[c];
                }
            }
            w.Close();
        }

        /// <summary>Whether row <paramref name="row"/> is written as its one input alone: weight +1, bias ±0 (not written).</summary>
        private static bool IsCopy(Stage stage, int row)
            => stage.RowStarts[row + 1] - stage.RowStarts[row] == 1 && stage.Bias[row] == 0
               && BitConverter.DoubleToInt64Bits(stage.Weights[stage.RowStarts[row]]) == BitConverter.DoubleToInt64Bits(1.0);

        /// <summary>
        /// What a row reads or assigns: a text (a parameter, "x[3]", "y[2]", "return"), or the local of row <c>Row</c> of
        /// layer <c>Layer</c> of the inline form (_h1_0, _u2_3, …) kept as its parts and appended piece by piece: the next
        /// layer reads it from the array it is kept in, and no name is formatted into a string of its own (one string per
        /// neuron and gate input was 1 % of a run's allocation, dotnet-trace, issue 12).
        /// </summary>
        private readonly struct Operand
        {
            private readonly string _text; // the whole text, or a local's kind prefix ("_h", "_u" with the local prefix)
            private readonly int _layer;   // -1: _text alone
            private readonly int _row;

            public Operand(string kindPrefix, int layer, int row)
            {
                _text = kindPrefix;
                _layer = layer;
                _row = row;
            }

            private Operand(string text)
            {
                _text = text;
                _layer = -1;
                _row = 0;
            }

            public static implicit operator Operand(string text) => new(text);

            public bool IsReturn => _layer < 0 && _text == "return";

            public StringBuilder AppendTo(StringBuilder sb)
                => _layer < 0 ? sb.Append(_text) : sb.Append(_text).Append(Literals.Int(_layer)).Append('_').Append(Literals.Int(_row));

            /// <summary>The text as one string, for the rare long rows that write it into an interpolated line.</summary>
            public override string ToString() => _layer < 0 ? _text : string.Concat(_text, Literals.Int(_layer), "_", Literals.Int(_row));
        }

        /// <summary>
        /// target = [σ](bias + w·x + …), as one expression or, for long rows, an accumulation. A row
        /// longer than a method may hold (span mode only) is summed by part helpers, in order. The target is
        /// "return", or a local (declared when <paramref name="declare"/>) or span element.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization (netstandard2.0 lacks the name): hot, and at tier 0 through a warm server's first dozen compilations (notes-warm, issue 12)
        private void WriteRow(SourceWriter w, Operand target, bool declare, Stage stage, int row, Func<int, Operand> input, string? activation,
                              string? partPrefix = null)
        {
            int start = stage.RowStarts[row], end = stage.RowStarts[row + 1];
            if (partPrefix is not null && end - start > MaxStatementsPerMethod)
            {
                w.Line($"double _acc{row} = {_shared.Of(stage.Bias[row])};");
                int part = 0;
                for (int from = start; from < end; from += MaxStatementsPerMethod, part++)
                {
                    int to = Math.Min(end, from + MaxStatementsPerMethod);
                    string name = $"{partPrefix}_Row{row}_Part{part}";
                    w.Line($"_acc{row} = {name}(x, _acc{row});");
                    var helper = new SourceWriter();
                    helper.Line();
                    helper.Open($"private static double {name}(global::System.ReadOnlySpan<double> x, double _acc)");
                    for (int k = from; k < to; k++) WriteAccumulation(helper, "_acc", stage.Weights[k], input(stage.Columns[k]));
                    helper.Line("return _acc;");
                    helper.Close();
                    _partHelpers.Add(helper.Finish());
                }
                string value = activation is null ? $"_acc{row}" : $"{activation}(_acc{row})";
                w.Line((target.IsReturn ? "return " : (declare ? "double " : "") + target.ToString() + " = ") + value + ";");
                return;
            }
            if (end - start <= MaxTermsPerExpression)
            {
                // Most of the file: written straight into its builder, without intermediate strings.
                var sb = w.BeginLine();
                if (target.IsReturn) sb.Append("return ");
                else target.AppendTo(declare ? sb.Append("double ") : sb).Append(" = ");
                if (activation is not null) sb.Append(activation).Append('(');
                bool first = true;
                if (stage.Bias[row] != 0 || end == start)
                {
                    _shared.Append(sb, stage.Bias[row]);
                    first = false;
                }
                for (int k = start; k < end; k++) AppendTerm(sb, stage.Weights[k], input(stage.Columns[k]), ref first);
                if (activation is not null) sb.Append(')');
                sb.Append(';');
                w.EndLine();
                return;
            }
            // A long row: declare the target, then accumulate in a block of its own.
            string acc = _p + "acc";
            if (declare) w.Line("double " + target.ToString() + ";");
            string assign = target.IsReturn ? "return " : target.ToString() + " = ";
            w.Open("");
            w.Line($"double {acc} = {_shared.Of(stage.Bias[row])};");
            for (int k = start; k < end; k++) WriteAccumulation(w, acc, stage.Weights[k], input(stage.Columns[k]));
            w.Line(assign + (activation is null ? $"{acc}" : $"{activation}({acc})") + ";");
            w.Close();
        }

        /// <summary>One line "acc = acc + w * x;" of a long row's sum, written straight into the builder.</summary>
        private void WriteAccumulation(SourceWriter w, string acc, double weight, Operand x)
        {
            var sb = w.BeginLine().Append(acc).Append(" = ").Append(acc);
            bool first = false;
            AppendTerm(sb, weight, x, ref first);
            sb.Append(';');
            w.EndLine();
        }

        /// <summary>Appends "+ w * x" (or "- |w| * x", which IEEE arithmetic rounds identically).</summary>
        private void AppendTerm(StringBuilder sb, double weight, Operand x, ref bool first)
        {
            bool negative = weight < 0 || (weight == 0 && 1 / weight < 0);
            double magnitude = Math.Abs(weight);
            if (first)
            {
                if (negative) sb.Append('-');
                first = false;
            }
            else
            {
                sb.Append(negative ? " - " : " + ");
            }
            if (magnitude != 1) _shared.Append(sb, magnitude).Append(" * ");
            x.AppendTo(sb);
        }

        // ---- large networks: spans and helper methods -------------------------------------------

        /// <summary>
        /// The output helper of span mode. Every helper's name starts with the local prefix, which no parameter name starts
        /// with: a parameter named DeepOutput or DeepLayer1Neurons_0 hid the helper of that name inside the evaluator (CS0149).
        /// </summary>
        private string OutputHelperName => _p + _name + "Output";

        private void WriteSpans(SourceWriter w)
        {
            int widest = _parameters.Length, scratch = 1;
            foreach (var layer in _network.Layers)
            {
                widest = Math.Max(widest, layer.OutputCount);
                if (layer.GateInputs is { } g) scratch = Math.Max(scratch, g.OutputCount);
            }
            bool stack = widest <= StackallocLimit && scratch <= StackallocLimit;
            if (stack)
            {
                w.Line($"global::System.Span<double> {_p}a = stackalloc double[{widest}];");
                w.Line($"global::System.Span<double> {_p}b = stackalloc double[{widest}];");
                w.Line($"global::System.Span<double> {_p}s = stackalloc double[{scratch}];");
            }
            else
            {
                w.Line($"double[] {_p}ra = global::System.Buffers.ArrayPool<double>.Shared.Rent({widest});");
                w.Line($"double[] {_p}rb = global::System.Buffers.ArrayPool<double>.Shared.Rent({widest});");
                w.Line($"double[] {_p}rs = global::System.Buffers.ArrayPool<double>.Shared.Rent({scratch});");
                w.Open("try");
                w.Line($"global::System.Span<double> {_p}a = {_p}ra, {_p}b = {_p}rb, {_p}s = {_p}rs;");
            }
            for (int i = 0; i < _parameters.Length; i++) w.Line($"{_p}a[{i}] = {_parameters[i]};");
            var helpers = new List<(string Name, Stage Stage, int From, int To, string? Activation)>();
            for (int l = 0; l < _network.Layers.Count - 1; l++)
            {
                var layer = _network.Layers[l];
                foreach (var call in Chunk($"Layer{l + 1}GateInputs", layer.GateInputs!, null, helpers))
                    w.Line($"{call}({_p}a, {_p}s);");
                foreach (var call in Chunk($"Layer{l + 1}Neurons", layer.Map, ActivationCall, helpers))
                    w.Line($"{call}({_p}s, {_p}b);");
                w.Line($"{{ var {_p}t = {_p}a; {_p}a = {_p}b; {_p}b = {_p}t; }}");
            }
            var outputLayer = _network.Layers[_network.Layers.Count - 1];
            var outputStage = outputLayer.Map;
            string output = OutputHelperName, outputSource = _p + "a";
            if (outputLayer.GateInputs is { } rows)
            {
                // A factored output layer (a bit network's row scaled by 2⁻ᵏ, then times 2ᵏ: OutputScaling): its first stage
                // into the scratch, then the output map reads it (it read the last hidden layer and dropped the first stage).
                foreach (var call in Chunk("OutputRows", rows, null, helpers))
                    w.Line($"{call}({_p}a, {_p}s);");
                outputSource = _p + "s";
            }
            w.Line($"return {output}({outputSource});");
            if (!stack)
            {
                w.Close();
                w.Open("finally");
                w.Line($"global::System.Buffers.ArrayPool<double>.Shared.Return({_p}ra);");
                w.Line($"global::System.Buffers.ArrayPool<double>.Shared.Return({_p}rb);");
                w.Line($"global::System.Buffers.ArrayPool<double>.Shared.Return({_p}rs);");
                w.Close();
            }
            w.Close();

            foreach (var (name, stage, from, to, activation) in helpers)
            {
                w.Line();
                w.Open($"private static void {name}(global::System.ReadOnlySpan<double> x, global::System.Span<double> y)");
                for (int r = from; r < to; r++) WriteRow(w, $"y[{r}]", false, stage, r, c => $"x[{c}]", activation, name);
                w.Close();
            }
            w.Line();
            w.Open($"private static double {output}(global::System.ReadOnlySpan<double> x)");
            WriteRow(w, "return", false, outputStage, 0, c => $"x[{c}]", null, output);
            w.Close();
            foreach (var helper in _partHelpers)
                w.Lines(helper.TrimEnd('\n'));
        }

        private IEnumerable<string> Chunk(string prefix, Stage stage, string? activation,
                                          List<(string, Stage, int, int, string?)> helpers)
        {
            int from = 0, part = 0;
            while (from < stage.OutputCount)
            {
                int to = from, statements = 0;
                while (to < stage.OutputCount)
                {
                    int terms = stage.RowStarts[to + 1] - stage.RowStarts[to];
                    int cost = terms <= MaxTermsPerExpression ? 1 : terms > MaxStatementsPerMethod ? 2 + terms / MaxStatementsPerMethod + 1 : terms + 2;
                    if (statements > 0 && statements + cost > MaxStatementsPerMethod) break;
                    statements += cost;
                    to++;
                }
                string name = $"{_p}{_name}{prefix}_{part++}";
                helpers.Add((name, stage, from, to, activation));
                yield return name;
                from = to;
            }
        }
    }
}
