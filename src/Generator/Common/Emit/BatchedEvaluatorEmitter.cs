namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Emits the batched overload of a scalar evaluator (issue 11, "Batched evaluation"; issue 12, target 4):
    /// <c>Deep(ReadOnlySpan&lt;double&gt; x, ReadOnlySpan&lt;float&gt; y, …, Span&lt;double&gt; destination)</c>, one span per
    /// parameter (structure of arrays). Below <see cref="ScalarBelow"/> points it calls the scalar evaluator once per
    /// point (bit-identical; the batch engine's per-call set-up costs more than a few scalar points). From there on it
    /// hands the columns, in chunks of <see cref="Chunk"/> points, to the runtime's batch engine through the network's
    /// own model (<c>NetworkModel.EvaluateColumns</c>): affine maps vectorized across points, σ vectorized, whose
    /// results stay within the same proven bound (its analysis allows sums rounded in any order and every σ within
    /// 4 ulps; the vectorized σ is measured against that). NaN/∞ give NaN as in the scalar path; with CheckInputs an
    /// input out of range makes the chunk rerun through the scalar evaluator, which throws at that very point after
    /// writing the ones before it. No allocation in steady state (the chunk buffer comes from ArrayPool).
    /// A method without parameters gets no batched overload: a batch's length comes from its input spans, and with
    /// none there is nothing to say how many points to write (<c>destination.Fill(Deep())</c> does that).
    /// </summary>
    internal static class BatchedEvaluatorEmitter
    {
        /// <summary>
        /// Batches shorter than this run through the scalar evaluator. Measured with CrossoverBenchmarks over its four
        /// networks: at 4 points the engine took 0.37–0.77× the scalar loop's time on every one, at 2 points up to
        /// 1.73× (the product of two), on a quiet machine after the σ series made the engine cheaper.
        /// </summary>
        public const int ScalarBelow = 4;

        /// <summary>Points handed to the engine per call: the chunk's columns (inputs × Chunk doubles) are pooled scratch.</summary>
        public const int Chunk = 1024;

        /// <summary>Whether a method with these parameters gets a batched overload.</summary>
        public static bool Applies(string[] parameters) => parameters.Length > 0;

        /// <summary>
        /// The name of the output span: "destination", or with '_' appended while a parameter has that name, so the
        /// overload's parameters are always distinct.
        /// </summary>
        internal static string DestinationName(string[] parameters) => GeneratedFile.FreeName("destination", parameters);

        /// <summary>The overload's parameter list: a read-only span per input (of its own element type), then the output span.</summary>
        public static string Signature(string[] parameters, string[] types)
            => string.Join(", ", parameters.Select((p, i) => $"global::System.ReadOnlySpan<{types[i]}> {p}")
                                           .Concat(new[] { "global::System.Span<double> " + DestinationName(parameters) }));

        /// <param name="w">The writer, inside the network class.</param>
        /// <param name="name">The scalar evaluator, "Deep" or "Flat".</param>
        /// <param name="qualifiedClass">The network class, fully qualified: the call must bind to the evaluator even when a parameter is named like it.</param>
        /// <param name="parameters">The parameter names (identifiers).</param>
        /// <param name="types">Their types, "double" or "float".</param>
        /// <param name="inputBound">R, for the docs.</param>
        /// <param name="checkInputs">Whether the scalar evaluator throws outside ±R, for the docs.</param>
        public static void Write(SourceWriter w, string name, string qualifiedClass, string[] parameters, string[] types, double inputBound, bool checkInputs)
        {
            if (!Applies(parameters)) return;
            string destination = DestinationName(parameters), i = EvaluatorEmitter.LocalPrefix(parameters) + "i";
            string first = parameters[0], bound = Literals.Short(inputBound);
            string scalar = $"{name}({string.Join(", ", types)})";
            w.Line("/// <summary>");
            w.Line($"/// Evaluates <see cref=\"{scalar}\"/> at every point of a batch given as one span per input (structure of arrays):");
            w.Line($"/// {destination}[i] ≈ {name}({string.Join(", ", parameters.Select(p => p.TrimStart('@') + "[i]"))}), within the same proven bound (batches of");
            w.Line($"/// {ScalarBelow} points or more run vectorized across points, whose rounding may differ in the last bits; shorter ones call");
            w.Line($"/// <see cref=\"{scalar}\"/> per point). NaN or ±∞ inputs give NaN. No allocation in steady state.");
            w.Line("/// </summary>");
            foreach (var p in parameters)
                w.Line($"/// <param name=\"{p.TrimStart('@')}\">The inputs {p.TrimStart('@')}[i], one per point; |{p.TrimStart('@')}[i]| ≤ {bound}.</param>");
            w.Line($"/// <param name=\"{destination}\">Receives the values; at least as long as the inputs (it may be a double input itself, for in place); entries past them are not touched.</param>");
            w.Line($"/// <exception cref=\"global::System.ArgumentException\">An input span differs in length from <paramref name=\"{first.TrimStart('@')}\"/>, or <paramref name=\"{destination}\"/> is shorter.</exception>");
            if (checkInputs)
                w.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A finite input is outside ±{bound}, as in <see cref=\"{scalar}\"/>; the points before it are written.</exception>");
            w.Open($"public static void {name}({Signature(parameters, types)})");
            foreach (var p in parameters.Skip(1))
                w.Line($"if ({p}.Length != {first}.Length) throw new global::System.ArgumentException(\"{p.TrimStart('@')} has \" + {p}.Length + \" elements but {first.TrimStart('@')} has \" + {first}.Length + \"; every input span needs one element per point.\", {GeneratedFile.NameOf(p, parameters)});");
            w.Line($"if ({destination}.Length < {first}.Length) throw new global::System.ArgumentException(\"{destination} has \" + {destination}.Length + \" elements, fewer than the \" + {first}.Length + \" points.\", {GeneratedFile.NameOf(destination, parameters)});");
            string local = EvaluatorEmitter.LocalPrefix(parameters);
            string n = local + "n", start = local + "start", m = local + "m", columns = local + "columns", tile = local + "tile", pool = "global::System.Buffers.ArrayPool<double>.Shared";
            string Scalar(string from, string to)
                => $"for (int {i} = {from}; {i} < {to}; {i}++) {destination}[{i}] = {qualifiedClass}.{name}({string.Join(", ", parameters.Select(p => $"{p}[{i}]"))});";
            w.Line($"int {n} = {first}.Length;");
            w.Open($"if ({n} < {ScalarBelow})");
            w.Line(Scalar("0", n));
            w.Line("return;");
            w.Close();
            w.Line($"double[] {columns} = {pool}.Rent({parameters.Length} * global::System.Math.Min({n}, {Chunk}));");
            w.Open("try");
            w.Open($"for (int {start} = 0; {start} < {n}; {start} += {Chunk})");
            w.Line($"int {m} = global::System.Math.Min({Chunk}, {n} - {start});");
            w.Line($"global::System.Span<double> {tile} = new global::System.Span<double>({columns}, 0, {parameters.Length} * {m});");
            for (int c = 0; c < parameters.Length; c++)
            {
                string column = c == 0 ? $"{tile}.Slice(0, {m})" : $"{tile}.Slice({c} * {m}, {m})";
                if (types[c] == "double") w.Line($"{parameters[c]}.Slice({start}, {m}).CopyTo({column});");
                else w.Line($"for (int {i} = 0; {i} < {m}; {i}++) {tile}[{c} * {m} + {i}] = {parameters[c]}[{start} + {i}];");
            }
            string call = $"{qualifiedClass}.Models.{name}.EvaluateColumns({tile}, {destination}.Slice({start}, {m}));";
            if (!checkInputs)
            {
                w.Line(call);
            }
            else
            {
                w.Open("try");
                w.Line(call);
                w.Close();
                w.Open("catch (global::System.ArgumentOutOfRangeException)");
                w.Line("// An input outside the bound (EvaluateColumns wrote nothing): the scalar evaluator throws at that point, after the ones before it.");
                w.Line(Scalar(start, $"{start} + {m}"));
                w.Line("throw;");
                w.Close();
            }
            w.Close();
            w.Close();
            w.Open("finally");
            w.Line($"{pool}.Return({columns});");
            w.Close();
            w.Close();
        }
    }
}
