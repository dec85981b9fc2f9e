namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// How generated code takes bits in the user's own types (bool, or int/double declared [Bit]) and hands
    /// them to a network as 0/1 doubles; shared by bit networks and classifiers of bits.
    /// </summary>
    internal static class BitInputs
    {
        /// <summary>An int or double bit that is neither 0 nor 1 throws ArgumentOutOfRangeException naming it.</summary>
        public static void WriteChecks(SourceWriter w, string[] names, string[] types)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (types[i] == "bool") continue;
                string zero = types[i] == "int" ? "0" : "0.0", one = types[i] == "int" ? "1" : "1.0";
                w.Line($"if ({names[i]} != {zero} && {names[i]} != {one}) throw new global::System.ArgumentOutOfRangeException({GeneratedFile.NameOf(names[i], names)}, {names[i]}, \"{names[i]} is a bit: 0 or 1.\");");
            }
        }

        /// <summary>The arguments that pass the bits to an evaluator of doubles.</summary>
        public static string Arguments(string[] names, string[] types)
            => string.Join(", ", names.Select((p, i) => types[i] == "bool" ? $"{p} ? 1.0 : 0.0" : types[i] == "int" ? $"(double){p}" : p));
    }
}
