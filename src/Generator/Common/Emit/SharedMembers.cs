using System.Text;
using CheapLearning.Generator.Construction;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// Private members one generated class shares between its evaluators (<see cref="EvaluatorEmitter"/>) and its
    /// model factories (<see cref="ModelEmitter"/>): the weights and biases it repeats, declared once as named
    /// constants, and one short forwarder per activation. A network repeats a few constants everywhere (every gate of
    /// one design has the same λ, bias and output weight, paper Eqs 10–11), and each one used to be written out in
    /// full, as a 17-digit literal, in every neuron and again in the model data: most of the generated text.
    /// <para>
    /// Exactness: a <c>const double</c> is the very double its literal denotes, and <c>-c</c> of a constant is folded
    /// exactly (negation only flips the sign bit), so every expression computes the same doubles, in the same order,
    /// as with the literals written out. The forwarder calls the same activation function, so σ is unchanged too.
    /// </para>
    /// <para>
    /// Names: the constants and forwarders start with the evaluator's local prefix
    /// (<see cref="EvaluatorEmitter.LocalPrefix"/>: no parameter starts with it, so none can shadow them), followed by
    /// letters no generated local uses ("c" + index, the activation's name).
    /// </para>
    /// </summary>
    internal sealed class SharedMembers
    {
        private static readonly int ActivationCount = Enum.GetValues(typeof(Activation)).Length;

        private readonly string _prefix;
        // The name of each named magnitude; a negative value is written "-" + name, appended in two pieces (a second
        // string and an array per constant were 1 % of a run's allocation).
        private readonly Dictionary<long, string> _names = new();
        private readonly List<double> _declared = new();
        private readonly bool[] _forwarders = new bool[ActivationCount];
        private readonly string?[] _calls = new string?[ActivationCount];

        private SharedMembers(string prefix) => _prefix = prefix;

        /// <summary>
        /// How many distinct magnitudes the class's networks hold: at least as many as any one of its networks has, so a
        /// table of one network's magnitudes sized for it never grows (<see cref="ModelEmitter"/>: its regrowth was 2 %
        /// of a run's allocation, dotnet-trace, issue 12).
        /// </summary>
        public int DistinctMagnitudes { get; private set; }

        /// <summary>
        /// The table for a class whose evaluators take <paramref name="parameters"/> and which emits
        /// <paramref name="networks"/> (as evaluator and model data each): a magnitude is named when naming it saves text.
        /// </summary>
        [System.Runtime.CompilerServices.MethodImpl((System.Runtime.CompilerServices.MethodImplOptions)512)] // AggressiveOptimization (netstandard2.0 lacks the name): hot, and at tier 0 through a warm server's first dozen compilations (notes-warm, issue 12)
        public static SharedMembers For(string[] parameters, IEnumerable<BuiltNetwork> networks)
        {
            var members = new SharedMembers(EvaluatorEmitter.LocalPrefix(parameters));
            // Uses of each magnitude in the model data, in order of first use (the evaluators write most of them once more).
            var uses = new Dictionary<long, int>();
            var order = new List<double>();
            foreach (var network in networks)
                foreach (var layer in network.Layers)
                {
                    if (layer.GateInputs is { } g) Count(g, uses, order);
                    Count(layer.Map, uses, order);
                }
            members.DistinctMagnitudes = order.Count;
            foreach (var magnitude in order)
            {
                int length = Literals.Double(magnitude).Length;
                int nameLength = members._prefix.Length + 1 + Literals.Int(members._declared.Count).Length;
                // Declaring costs a line ("private const double _c0 = …;", ~30 characters besides the literal); every use
                // in an evaluator (nearly always one per use in the network), and the model's one entry in its table of
                // magnitudes (ModelEmitter), saves the difference in length.
                if ((uses[Key(magnitude)] + 1L) * (length - nameLength) <= 30 + length) continue;
                string name = members._prefix + "c" + Literals.Int(members._declared.Count);
                members._names.Add(Key(magnitude), name);
                members._declared.Add(magnitude);
            }
            return members;
        }

        private static void Count(Stage stage, Dictionary<long, int> uses, List<double> order)
        {
            foreach (var w in stage.Weights) Count(w, uses, order);
            foreach (var b in stage.Bias) Count(b, uses, order);
        }

        private static void Count(double value, Dictionary<long, int> uses, List<double> order)
        {
            if (!Numeric.IsFinite(value)) return;
            double magnitude = Math.Abs(value);
            long key = Key(magnitude);
            uses.TryGetValue(key, out int n);
            if (n == 0) order.Add(magnitude);
            uses[key] = n + 1;
        }

        // Keyed by the bits: 0.0 and -0.0 have the magnitude +0.0, and every other magnitude is one double.
        private static long Key(double magnitude) => BitConverter.DoubleToInt64Bits(magnitude);

        /// <summary>Appends <paramref name="value"/>: a named constant (negated if negative) or its literal.</summary>
        public StringBuilder Append(StringBuilder sb, double value)
            => TryName(value, out var name) ? (value < 0 ? sb.Append('-') : sb).Append(name) : sb.Append(Literals.Double(value));

        /// <summary><paramref name="value"/> as <see cref="Append"/> writes it (for the rare long rows; a new string when negative and named).</summary>
        public string Of(double value) => TryName(value, out var name) ? (value < 0 ? "-" + name : name) : Literals.Double(value);

        private bool TryName(double value, out string name)
        {
            name = null!;
            return !double.IsNaN(value) && _names.TryGetValue(Key(Math.Abs(value)), out name!);
        }

        /// <summary>The function to call for σ: the class's short forwarder (recorded, so <see cref="Write"/> declares it).</summary>
        public string ActivationCall(Activation activation)
        {
            int index = (int)activation;
            if (index < 0 || index >= _forwarders.Length) return "global::CheapLearning.ActivationFunctions." + activation;
            _forwarders[index] = true;
            // Asked once per neuron: the name is built once per class.
            return _calls[index] ??= _prefix + activation;
        }

        /// <summary>Declares the constants and forwarders the class uses; call after writing every member that uses them.</summary>
        public void Write(SourceWriter w)
        {
            for (int a = 0; a < _forwarders.Length; a++)
            {
                if (!_forwarders[a]) continue;
                string name = ((Activation)a).ToString();
                w.Line();
                w.Line($"/// <summary>σ of the evaluators: <see cref=\"global::CheapLearning.ActivationFunctions.{name}\"/>, under a short name.</summary>");
                w.Line("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]");
                w.Line($"private static double {_prefix}{name}(double x) => global::CheapLearning.ActivationFunctions.{name}(x);");
            }
            if (_declared.Count == 0) return;
            w.Line();
            w.Line("// The weights and biases (magnitudes) this class repeats, each declared once; the evaluators and the model data");
            w.Line("// read these names. A const double is exactly the double of its literal, so nothing rounds differently.");
            for (int i = 0; i < _declared.Count; i++)
            {
                w.BeginLine().Append("private const double ").Append(_prefix).Append('c').Append(Literals.Int(i)).Append(" = ")
                 .Append(Literals.Double(_declared[i])).Append(';');
                w.EndLine();
            }
        }
    }
}
