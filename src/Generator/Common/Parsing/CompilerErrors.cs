using Microsoft.CodeAnalysis.Text;

namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// C#'s own errors in a piece of source. A feature's diagnostic at code C# already refuses would only repeat C#'s
    /// error there, so the walker, the bit front end and the attribute reader ask here before reporting (never for code
    /// that is read: binding diagnostics cost a bind of the span).
    /// </summary>
    internal static class CompilerErrors
    {
        /// <summary>Whether C# reports an error inside <paramref name="span"/> of <paramref name="model"/>'s tree.</summary>
        public static bool In(SemanticModel model, TextSpan span, CancellationToken ct)
        {
            foreach (var diagnostic in model.GetDiagnostics(span, ct))
                if (diagnostic.Severity == DiagnosticSeverity.Error) return true;
            return false;
        }

        /// <summary>The spans of C#'s errors inside <paramref name="span"/>, to test many reports against one read.</summary>
        public static List<TextSpan> Spans(SemanticModel model, TextSpan span, CancellationToken ct)
        {
            var spans = new List<TextSpan>();
            foreach (var diagnostic in model.GetDiagnostics(span, ct))
                if (diagnostic.Severity == DiagnosticSeverity.Error) spans.Add(diagnostic.Location.SourceSpan);
            return spans;
        }
    }
}
