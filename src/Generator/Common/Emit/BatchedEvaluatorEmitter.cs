using System.Text;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Emits the batched overload of a scalar evaluator (issue 11, "Batched evaluation"; issue 12, target 4):
    /// <c>Deep(ReadOnlySpan&lt;double&gt; x, ReadOnlySpan&lt;float&gt; y, …, Span&lt;double&gt; destination)</c>, one span per
    /// parameter (structure of arrays), for polynomial networks (<see cref="Write(SourceWriter, string, string, string[], string[], double, bool)"/>)
    /// and bit networks (<see cref="WriteBits"/>: spans of bool, [Bit] int or [Bit] double). Below <see cref="ScalarBelow"/> points it calls the scalar evaluator once per
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

        /// <summary>The batched overload of a polynomial evaluator: inputs double or float, within ±<paramref name="inputBound"/>.</summary>
        /// <param name="w">The writer, inside the network class.</param>
        /// <param name="name">The scalar evaluator, "Deep" or "Flat".</param>
        /// <param name="qualifiedClass">The network class as <see cref="GeneratedFile.QualifiedClassName"/> names it: the call must bind to the evaluator even when a parameter is named like it.</param>
        /// <param name="parameters">The parameter names (identifiers).</param>
        /// <param name="types">Their types, "double" or "float" (a bool column goes to the engine as 0/1).</param>
        /// <param name="inputBound">R, for the docs.</param>
        /// <param name="checkInputs">Whether the scalar evaluator throws outside ±R, for the docs.</param>
        public static void Write(SourceWriter w, string name, string qualifiedClass, string[] parameters, string[] types, double inputBound, bool checkInputs)
        {
            string bound = Literals.Short(inputBound);
            Write(w, name, qualifiedClass, parameters, types, checkInputs,
                  " NaN or ±∞ inputs give NaN.", "The inputs ", "; |{0}[i]| ≤ " + bound + ".", "A finite input is outside ±" + bound);
        }

        /// <summary>
        /// The batched overload of a bit network's evaluator (<c>[BitNetwork]</c>): one span per parameter of its own type
        /// (bool, or int/double declared [Bit]), bools handed to the engine as 0/1. An int or double that is not a bit makes
        /// the engine's bit check (the model's, CheckInputs) throw, and the chunk reruns through the scalar evaluator, which
        /// throws the scalar message at that point after writing the ones before it.
        /// </summary>
        public static void WriteBits(SourceWriter w, string name, string qualifiedClass, string[] parameters, string[] types)
            => Write(w, name, qualifiedClass, parameters, types, types.Any(t => t != "bool"),
                     "", "The bits ", ".", "An int or double bit is neither 0 nor 1");

        /// <param name="checkInputs">Whether the scalar evaluator (and the model) may reject an input: the chunk then reruns through the scalar evaluator.</param>
        /// <param name="nan">The summary's sentence on NaN inputs (with a leading space), or empty.</param>
        /// <param name="paramStart">A parameter's doc before "x[i], one per point".</param>
        /// <param name="paramEnd">Its end, with {0} for the parameter's name.</param>
        /// <param name="rejected">The ArgumentOutOfRangeException's condition.</param>
        private static void Write(SourceWriter w, string name, string qualifiedClass, string[] parameters, string[] types, bool checkInputs,
                                  string nan, string paramStart, string paramEnd, string rejected)
        {
            if (!Applies(parameters)) return;
            // Each line is appended piece by piece straight into the file's builder: one batched overload per network,
            // and formatting its lines as strings first was a few percent of the generator's allocation (issue 12).
            string destination = DestinationName(parameters), local = EvaluatorEmitter.LocalPrefix(parameters), i = local + "i";
            string first = parameters[0], firstName = GeneratedFile.DocName(first);
            w.Line("/// <summary>");
            Scalar(w.BeginLine().Append("/// Evaluates <see cref=\""), name, types).Append("\"/> at every point of a batch given as one span per input (structure of arrays):");
            w.EndLine();
            var sb = w.BeginLine().Append("/// ").Append(destination).Append("[i] ≈ ").Append(name).Append('(');
            for (int p = 0; p < parameters.Length; p++) (p == 0 ? sb : sb.Append(", ")).Append(GeneratedFile.DocName(parameters[p])).Append("[i]");
            sb.Append("), within the same proven bound (batches of");
            w.EndLine();
            w.BeginLine().Append("/// ").Append(ScalarBelow).Append(" points or more run vectorized across points, whose rounding may differ in the last bits; shorter ones call");
            w.EndLine();
            Scalar(w.BeginLine().Append("/// <see cref=\""), name, types).Append("\"/> per point).").Append(nan).Append(" No allocation in steady state.");
            w.EndLine();
            w.Line("/// </summary>");
            foreach (var p in parameters)
            {
                string bare = GeneratedFile.DocName(p);
                w.BeginLine().Append("/// <param name=\"").Append(bare).Append("\">").Append(paramStart).Append(bare).Append("[i], one per point")
                    .AppendFormat(paramEnd, bare).Append("</param>");
                w.EndLine();
            }
            w.BeginLine().Append("/// <param name=\"").Append(destination).Append("\">Receives the values; at least as long as the inputs (it may be a double input itself, for in place, but not overlap one otherwise); entries past them are not touched.</param>");
            w.EndLine();
            w.BeginLine().Append("/// <exception cref=\"global::System.ArgumentException\">An input span differs in length from <paramref name=\"").Append(firstName)
                .Append("\"/>, or <paramref name=\"").Append(destination).Append("\"/> is shorter or overlaps an input other than as the same span.</exception>");
            w.EndLine();
            if (checkInputs)
            {
                Scalar(w.BeginLine().Append("/// <exception cref=\"global::System.ArgumentOutOfRangeException\">").Append(rejected)
                    .Append(", as in <see cref=\""), name, types).Append("\"/>; the points before it are written.</exception>");
                w.EndLine();
            }
            w.Open($"public static void {name}({Signature(parameters, types)})");
            // The checks and their messages are the runtime's (BatchArguments): written out here they were a third of the
            // overload's text, and a string concatenation for the compiler to bind in every annotated method (issue 12).
            const string Checks = "global::CheapLearning.BatchArguments.";
            string destinationText = Literals.String(GeneratedFile.DocName(destination));
            foreach (var p in parameters.Skip(1))
            {
                w.BeginLine().Append(Checks).Append("SameLength(").Append(p).Append(".Length, ").Append(first).Append(".Length, ")
                    .Append(Literals.String(GeneratedFile.DocName(p))).Append(", ").Append(Literals.String(firstName)).Append(");");
                w.EndLine();
            }
            w.BeginLine().Append(Checks).Append("LongEnough(").Append(destination).Append(".Length, ").Append(first).Append(".Length, ")
                .Append(destinationText).Append(");");
            w.EndLine();
            // A destination that overlaps a double input shifted (destination = x.Slice(1)) overwrote inputs not read yet,
            // in the per-point loop and across tiles alike: silently wrong values. The same span (in place) is safe: each
            // point, and each tile, is read before it is written.
            for (int c = 0; c < parameters.Length; c++)
            {
                if (types[c] != "double") continue;
                w.BeginLine().Append(Checks).Append("NoShiftedOverlap(").Append(parameters[c]).Append(", ").Append(destination).Append(", ")
                    .Append(Literals.String(GeneratedFile.DocName(parameters[c]))).Append(", ").Append(destinationText).Append(");");
                w.EndLine();
            }
            string n = local + "n", start = local + "start", m = local + "m", columns = local + "columns", tile = local + "tile";
            const string Pool = "global::System.Buffers.ArrayPool<double>.Shared";
            // for (int i = from; i < to; i++) destination[i] = Class.Deep(x[i], y[i], …);
            void ScalarLoop(string from, string to)
            {
                var loop = w.BeginLine().Append("for (int ").Append(i).Append(" = ").Append(from).Append("; ").Append(i).Append(" < ").Append(to).Append("; ")
                    .Append(i).Append("++) ").Append(destination).Append('[').Append(i).Append("] = ").Append(qualifiedClass).Append('.').Append(name).Append('(');
                for (int p = 0; p < parameters.Length; p++) (p == 0 ? loop : loop.Append(", ")).Append(parameters[p]).Append('[').Append(i).Append(']');
                loop.Append(");");
                w.EndLine();
            }
            w.BeginLine().Append("int ").Append(n).Append(" = ").Append(first).Append(".Length;");
            w.EndLine();
            w.Open($"if ({n} < {ScalarBelow})");
            ScalarLoop("0", n);
            w.Line("return;");
            w.Close();
            w.BeginLine().Append("double[] ").Append(columns).Append(" = ").Append(Pool).Append(".Rent(").Append(parameters.Length)
                .Append(" * global::System.Math.Min(").Append(n).Append(", ").Append(Chunk).Append("));");
            w.EndLine();
            w.Open("try");
            w.Open($"for (int {start} = 0; {start} < {n}; {start} += {Chunk})");
            w.BeginLine().Append("int ").Append(m).Append(" = global::System.Math.Min(").Append(Chunk).Append(", ").Append(n).Append(" - ").Append(start).Append(");");
            w.EndLine();
            w.BeginLine().Append("global::System.Span<double> ").Append(tile).Append(" = new global::System.Span<double>(").Append(columns).Append(", 0, ")
                .Append(parameters.Length).Append(" * ").Append(m).Append(");");
            w.EndLine();
            for (int c = 0; c < parameters.Length; c++)
            {
                var line = w.BeginLine();
                if (types[c] == "double")
                {
                    line.Append(parameters[c]).Append(".Slice(").Append(start).Append(", ").Append(m).Append(").CopyTo(").Append(tile).Append(".Slice(");
                    if (c == 0) line.Append("0, ").Append(m);
                    else line.Append(c).Append(" * ").Append(m).Append(", ").Append(m);
                    line.Append("));");
                }
                else
                {
                    line.Append("for (int ").Append(i).Append(" = 0; ").Append(i).Append(" < ").Append(m).Append("; ").Append(i).Append("++) ")
                        .Append(tile).Append('[').Append(c).Append(" * ").Append(m).Append(" + ").Append(i).Append("] = ")
                        .Append(parameters[c]).Append('[').Append(start).Append(" + ").Append(i).Append(types[c] == "bool" ? "] ? 1.0 : 0.0;" : "];");
                }
                w.EndLine();
            }
            void Call()
            {
                w.BeginLine().Append(qualifiedClass).Append(".Models.").Append(name).Append(".EvaluateColumns(").Append(tile).Append(", ")
                    .Append(destination).Append(".Slice(").Append(start).Append(", ").Append(m).Append("));");
                w.EndLine();
            }
            if (!checkInputs)
            {
                Call();
            }
            else
            {
                w.Open("try");
                Call();
                w.Close();
                w.Open("catch (global::System.ArgumentOutOfRangeException)");
                w.Line("// An input the model rejects (EvaluateColumns wrote nothing): the scalar evaluator throws at that point, after the ones before it.");
                ScalarLoop(start, start + " + " + m);
                w.Line("throw;");
                w.Close();
            }
            w.Close();
            w.Close();
            w.Open("finally");
            w.BeginLine().Append(Pool).Append(".Return(").Append(columns).Append(");");
            w.EndLine();
            w.Close();
            w.Close();
        }

        /// <summary>Appends the scalar evaluator's cref, "Deep(double, float)".</summary>
        private static StringBuilder Scalar(StringBuilder sb, string name, string[] types)
        {
            sb.Append(name).Append('(');
            for (int t = 0; t < types.Length; t++) (t == 0 ? sb : sb.Append(", ")).Append(types[t]);
            return sb.Append(')');
        }
    }
}
