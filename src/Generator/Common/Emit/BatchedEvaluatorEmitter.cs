namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Emits the batched overload of a scalar evaluator (issue 11, "Batched evaluation"):
    /// <c>Deep(ReadOnlySpan&lt;double&gt; x, ReadOnlySpan&lt;float&gt; y, …, Span&lt;double&gt; destination)</c>, one span per
    /// parameter (structure of arrays). It calls the scalar evaluator once per point, so every
    /// <c>destination[i]</c> is bit-identical to <c>Deep(x[i], y[i], …)</c>: the same σ (Math.Exp/Math.Log), the same
    /// rounding, hence the same proven bound, NaN handling and CheckInputs behaviour. A vectorized σ would be a
    /// different function whose error the bound does not cover. No allocation: the loop only indexes spans.
    /// A method without parameters gets no batched overload: a batch's length comes from its input spans, and with
    /// none there is nothing to say how many points to write (<c>destination.Fill(Deep())</c> does that).
    /// </summary>
    internal static class BatchedEvaluatorEmitter
    {
        /// <summary>Whether a method with these parameters gets a batched overload.</summary>
        public static bool Applies(string[] parameters) => parameters.Length > 0;

        /// <summary>
        /// The name of the output span: "destination", or with '_' appended while a parameter has that name, so the
        /// overload's parameters are always distinct.
        /// </summary>
        internal static string DestinationName(string[] parameters)
        {
            string name = "destination";
            while (parameters.Any(p => p.TrimStart('@') == name)) name += "_";
            return name;
        }

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
            w.Line($"/// {destination}[i] = {name}({string.Join(", ", parameters.Select(p => p.TrimStart('@') + "[i]"))}), bit for bit, so the same bound holds");
            w.Line("/// (one scalar evaluation per point; no allocation).");
            w.Line("/// </summary>");
            foreach (var p in parameters)
                w.Line($"/// <param name=\"{p.TrimStart('@')}\">The inputs {p.TrimStart('@')}[i], one per point; |{p.TrimStart('@')}[i]| ≤ {bound}.</param>");
            w.Line($"/// <param name=\"{destination}\">Receives the values; at least as long as the inputs (it may be a double input itself, for in place); entries past them are not touched.</param>");
            w.Line($"/// <exception cref=\"global::System.ArgumentException\">An input span differs in length from <paramref name=\"{first.TrimStart('@')}\"/>, or <paramref name=\"{destination}\"/> is shorter.</exception>");
            if (checkInputs)
                w.Line($"/// <exception cref=\"global::System.ArgumentOutOfRangeException\">A finite input is outside ±{bound}, as in <see cref=\"{scalar}\"/>; the points before it are written.</exception>");
            w.Open($"public static void {name}({Signature(parameters, types)})");
            foreach (var p in parameters.Skip(1))
                w.Line($"if ({p}.Length != {first}.Length) throw new global::System.ArgumentException(\"{p.TrimStart('@')} has \" + {p}.Length + \" elements but {first.TrimStart('@')} has \" + {first}.Length + \"; every input span needs one element per point.\", nameof({p}));");
            w.Line($"if ({destination}.Length < {first}.Length) throw new global::System.ArgumentException(\"{destination} has \" + {destination}.Length + \" elements, fewer than the \" + {first}.Length + \" points.\", nameof({destination}));");
            string arguments = string.Join(", ", parameters.Select(p => $"{p}[{i}]"));
            w.Line($"for (int {i} = 0; {i} < {first}.Length; {i}++) {destination}[{i}] = {qualifiedClass}.{name}({arguments});");
            w.Close();
        }
    }
}
