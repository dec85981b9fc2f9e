namespace CheapLearning.Generator.Common
{
    /// <summary>
    /// The name a node declares inside a method (a parameter, a local, a pattern or deconstruction variable, a foreach
    /// variable, a local function), or null. Such a name never denotes anything outside the method, so the semantic
    /// fingerprint leaves it out of the free names it binds, and the scan for reads of generated members skips it.
    /// </summary>
    internal static class DeclaredNames
    {
        public static string? Of(SyntaxNode node) => node switch
        {
            ParameterSyntax p => p.Identifier.ValueText,
            VariableDeclaratorSyntax v => v.Identifier.ValueText,
            SingleVariableDesignationSyntax d => d.Identifier.ValueText,
            ForEachStatementSyntax f => f.Identifier.ValueText,
            LocalFunctionStatementSyntax l => l.Identifier.ValueText,
            _ => null,
        };
    }
}
