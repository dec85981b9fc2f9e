using System.Text;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// A minimal indenting writer; newlines are always '\n' so output is byte-identical everywhere. One tab per level:
    /// generated members sit four levels deep, and four spaces per level were a sixth of all generated text.
    /// </summary>
    internal sealed class SourceWriter
    {
        // Every generated file is several kilobytes: a new builder starts at 16K characters (32 KB, below the
        // large-object heap), which spares its first doublings.
        private const int InitialCapacity = 16 * 1024;

        // A builder larger than this is not kept as the spare (1 MB): one huge file must not pin its memory.
        internal const int MaxSpareCapacity = 512 * 1024;

        /// <summary>
        /// The builder of the last finished writer on this thread, emptied, for the next one: files are written one
        /// after another, and a fresh builder per file (its first block and every block it grew by) was a sixth of the
        /// generator's allocation. A writer takes it (leaving null, so a writer opened meanwhile gets its own) and
        /// <see cref="Finish"/> gives it back. Per thread, so concurrently running generators never share it.
        /// </summary>
        [ThreadStatic] private static StringBuilder? t_spare;

        private readonly StringBuilder _sb;
        private int _indent;

        public SourceWriter()
        {
            _sb = t_spare ?? new StringBuilder(InitialCapacity);
            t_spare = null;
        }

        /// <summary>
        /// Starts a non-empty line and returns the builder to append its text to, piece by piece (no intermediate
        /// strings for long lines); <see cref="EndLine"/> ends it. Equivalent to <see cref="Line"/> of the whole text.
        /// </summary>
        public StringBuilder BeginLine() => _sb.Append('\t', _indent);

        public void EndLine() => _sb.Append('\n');

        /// <summary>The length written so far: a point <see cref="Rewind"/> can return to.</summary>
        public int Mark => _sb.Length;

        /// <summary>
        /// Drops everything written after <paramref name="mark"/> (a <see cref="Mark"/> of this writer): lets a writer try
        /// a form straight in the file's builder and fall back to another without building the first one aside.
        /// </summary>
        public void Rewind(int mark) => _sb.Length = mark;

        public void Line(string text = "")
        {
            if (text.Length > 0) _sb.Append('\t', _indent).Append(text);
            _sb.Append('\n');
        }

        /// <summary>Each '\n'-separated line of <paramref name="text"/> as by <see cref="Line"/>, without splitting it into strings.</summary>
        public void Lines(string text)
        {
            int start = 0;
            while (true)
            {
                int end = text.IndexOf('\n', start);
                int length = (end < 0 ? text.Length : end) - start;
                if (length > 0) _sb.Append('\t', _indent).Append(text, start, length);
                _sb.Append('\n');
                if (end < 0) return;
                start = end + 1;
            }
        }

        public void Open(string header)
        {
            if (header.Length > 0) Line(header);
            Line("{");
            _indent++;
        }

        public void Close(string suffix = "")
        {
            _indent--;
            Line("}" + suffix);
        }

        /// <summary>A documented public constant followed by a blank line.</summary>
        public void Constant(string summary, string type, string name, string value)
        {
            // Appended piece by piece: three per generated class, and the interpolated lines were 1 % of a run's allocation.
            BeginLine().Append("/// <summary>").Append(summary).Append("</summary>");
            EndLine();
            BeginLine().Append("public const ").Append(type).Append(' ').Append(name).Append(" = ").Append(value).Append(';');
            EndLine();
            Line();
        }

        /// <summary>The text written; the writer must not be used afterwards (its builder goes back to the spare slot).</summary>
        public string Finish()
        {
            string text = _sb.ToString();
            if (_sb.Capacity <= MaxSpareCapacity)
            {
                _sb.Clear();
                t_spare = _sb;
            }
            return text;
        }
    }
}
