namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Stand-ins for the members of a form that was requested but not emitted: each is
    /// <c>[Obsolete("CHEAPxxx: …", error: true)]</c>, so a use of it is a compile error that names the reason
    /// where the user wrote the call, instead of CS0117 ("does not contain a definition") far from the cause.
    /// </summary>
    internal static class NotEmitted
    {
        /// <summary>
        /// Writes <c>{form}{constant}</c> for each constant, the evaluator <c>{form}(…)</c> with the target's
        /// parameters (and its batched overload when <paramref name="batchedSignature"/> is given) and <c>{form}Model</c>,
        /// all marked with <paramref name="reason"/>.
        /// </summary>
        public static void Form(SourceWriter w, string form, TargetInfo target, string[] parameterTypes, string[] constants, string reason,
                                string? batchedSignature = null)
        {
            string literal = Literals.String(reason);
            foreach (var constant in constants)
            {
                Header(w, literal, reason);
                w.Line($"public const double {form}{constant} = double.NaN;");
                w.Line();
            }
            // With the method's default values, so a call Flat(1) that the defaults allow gets this reason, not CS7036.
            var signature = string.Join(", ", target.Parameters.Select((p, i) => parameterTypes[i] + " " + GeneratedFile.Identifier(p.Name)
                                                                                 + (p.Default is { } value ? " = " + value : "")));
            Header(w, literal, reason);
            w.Line($"public static double {form}({signature}) => throw new global::System.NotSupportedException({literal});");
            w.Line();
            if (batchedSignature is not null)
            {
                Header(w, literal, reason);
                w.Line($"public static void {form}({batchedSignature}) => throw new global::System.NotSupportedException({literal});");
                w.Line();
            }
            Header(w, literal, reason);
            w.Line($"public static global::CheapLearning.NetworkModel {form}Model => throw new global::System.NotSupportedException({literal});");
        }

        private static void Header(SourceWriter w, string literal, string reason)
        {
            w.Line($"/// <summary>Not generated: {Literals.Escape(reason)}</summary>");
            w.Line($"[global::System.Obsolete({literal}, error: true)]");
        }
    }
}
