using System.Text;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// A minimal indenting writer; newlines are always '\n' so output is byte-identical everywhere. One tab per level:
    /// generated members sit four levels deep, and four spaces per level were a sixth of all generated text.
    /// </summary>
    internal sealed class SourceWriter
    {
        // Every generated file is several kilobytes: starting at 16K characters (32 KB, below the large-object
        // heap) spares the first doublings of the builder.
        private readonly StringBuilder _sb = new(16 * 1024);
        private int _indent;

        /// <summary>
        /// Starts a non-empty line and returns the builder to append its text to, piece by piece (no intermediate
        /// strings for long lines); <see cref="EndLine"/> ends it. Equivalent to <see cref="Line"/> of the whole text.
        /// </summary>
        public StringBuilder BeginLine() => _sb.Append('\t', _indent);

        public void EndLine() => _sb.Append('\n');

        public void Line(string text = "")
        {
            if (text.Length > 0) _sb.Append('\t', _indent).Append(text);
            _sb.Append('\n');
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
            Line($"/// <summary>{summary}</summary>");
            Line($"public const {type} {name} = {value};");
            Line();
        }

        public override string ToString() => _sb.ToString();
    }
}
