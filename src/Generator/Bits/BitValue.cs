namespace CheapLearning.Generator.Bits
{
    /// <summary>
    /// A node of the bit graph as the walker holds it: a reference, so that "no value (an error was
    /// reported)" is null, converting from the builder's node index.
    /// </summary>
    internal sealed class BitValue
    {
        private BitValue(int value, Rounding? rounding)
        {
            Value = value;
            Rounding = rounding;
        }

        public int Value { get; }

        /// <summary>
        /// The floating-point operations of the C# code that computed this value (as written, not as the graph shares
        /// nodes) that may round; null when none may. The graph holds exact values, so a comparison checks these.
        /// </summary>
        public Rounding? Rounding { get; }

        public static BitValue Of(int node, Rounding? rounding) => new(node, rounding);

        public static implicit operator BitValue(int node) => new(node, null);
    }

    /// <summary>
    /// A floating-point operation of C# type <see cref="Type"/> whose exact value is node <see cref="Node"/> and may be
    /// rounded, with the ones below it (<see cref="Left"/>, <see cref="Right"/>); Node = −1 only joins two sets.
    /// </summary>
    internal sealed class Rounding
    {
        public Rounding(int node, SpecialType type, string text, Rounding? left, Rounding? right, SpecialType from = SpecialType.None)
        {
            Node = node;
            Type = type;
            Text = text;
            Left = left;
            Right = right;
            From = from;
        }

        public int Node { get; }
        public SpecialType Type { get; }

        /// <summary>
        /// For a conversion of a double or float to decimal, the type converted from (C# keeps 15, resp. 7, significant
        /// digits there, not the exact value); else None.
        /// </summary>
        public SpecialType From { get; }
        public string Text { get; }
        public Rounding? Left { get; }
        public Rounding? Right { get; }

        public static Rounding? Merge(Rounding? a, Rounding? b)
            => a is null ? b : b is null || ReferenceEquals(a, b) ? a : new Rounding(-1, SpecialType.None, "", a, b);
    }
}
