using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Polynomials
{
    /// <summary>Writes the flat members of a generated network class: <c>FlatErrorBound</c>, <c>Flat(...)</c>, <c>FlatModel</c>.</summary>
    internal static class FlatEmitter
    {
        public static void WriteMembers(SourceWriter w, MethodSpec spec, FlatPlan flat, string cref, string[] parameters, string[] types, SharedMembers shared)
        {
            var n = flat.Network;
            string bound = Literals.Short(spec.Options.InputBound), name = Literals.Escape(spec.MethodName);
            w.Constant($"Proven bound on |Flat(x) − {name}(x)| for every |xᵢ| ≤ {bound}.", "double", "FlatErrorBound", Literals.Double(n.ErrorBound));
            // Written line by line into the writer, as w.Lines of the lines joined by '\n' wrote them.
            w.Line("/// <summary>");
            w.Lines($"/// Evaluates <see cref=\"{cref}\"/> with a flat network: one hidden layer of {n.Neurons} neurons, {n.Synapses} synapses, activation {n.Activation}");
            w.Line("/// (Lin, Tegmark, Rolnick, Eq 28: a monomial Π xᵢ^rᵢ takes Π(rᵢ+1) neurons, the proven minimum).");
            w.Lines($"/// For every input with all |xᵢ| ≤ {bound}: |Flat(x) − {name}(x)| ≤ {BoundText.AtMost(n.ErrorBound)} " +
                    $"(= {BoundText.AtMost(flat.ReachableTolerance)} × S, S = {Literals.Short(flat.Scale)}).");
            w.Line("/// </summary>");
            InputDocs.Write(w, parameters, spec.Options);
            new EvaluatorEmitter(n, "Flat", parameters, types, spec.Options.InputBound, spec.Options.CheckInputs, shared, spec.Target.ParameterDefaults).WriteMethod(w);
            PolynomialEmitter.WriteBatched(w, spec, "Flat", parameters, types);
            w.Line();
            w.Line($"/// <summary>The network <see cref=\"Flat({string.Join(", ", types)})\"/> evaluates, as data: 1 hidden layer, {n.Neurons} neurons, {n.Synapses} synapses.</summary>");
            w.Line("public static global::CheapLearning.NetworkModel FlatModel => Models.Flat;");
        }
    }
}
