using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using System.Xml.Linq;
using CheapLearning.Hardening.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CheapLearning.Hardening.Tests;

/// <summary>
/// The analyzer assembly does no I/O and reads no environment (checked in its metadata, not only by
/// the banned-API analyzer at build time), and the generator keeps no static mutable state.
/// </summary>
public class NoIoNoStateTests
{
    /// <summary>Namespaces and types the generator must never reference, beyond BannedSymbols.txt.</summary>
    private static readonly string[] Forbidden =
    {
        "System.IO.File", "System.IO.FileInfo", "System.IO.Directory", "System.IO.DirectoryInfo", "System.IO.FileStream",
        "System.IO.StreamReader", "System.IO.StreamWriter", "System.IO.FileSystemWatcher", "System.IO.DriveInfo",
        "System.Environment", "System.Diagnostics.Process", "System.Random", "System.DateTime", "System.DateTimeOffset",
        "System.Net.", "System.Threading.Thread", "System.AppDomain", "System.Reflection.Assembly.Load",
    };

    /// <summary>Static fields that are mutable by type, each with why it is safe.</summary>
    private static readonly Dictionary<string, string> DocumentedStatics = new()
    {
        ["CheapLearning.Generator.Construction.GateDesignCache.Designs"] = "a bounded memo of a pure function (see its doc comment)",
        ["CheapLearning.Generator.Construction.FlatNetworkBuilder.ChoiceCache"] = "a bounded memo (cleared at 4,096 entries) of the flat bias/λ search; it only steers the search, bounds are computed for the choice used",
        ["CheapLearning.Generator.Construction.FlatBias.Cache"] = "a memo of a pure function keyed by (activation, degree ≤ 12): at most 52 entries",
        ["CheapLearning.Generator.Construction.FlatTaylor.LogisticPolys"] = "a private table computed once in the static constructor, never written after",
        ["CheapLearning.Generator.Construction.FlatTaylor.SinhPowers"] = "a memo of a pure function keyed by the degree (≤ 14): a handful of entries",
        ["CheapLearning.Generator.Construction.ActivationCalculus.LogisticPolys"] = "a private table computed once in the static constructor, never written after",
        ["CheapLearning.Generator.Construction.ActivationCalculus+SoftplusCalculus.Value"] = "immutable after construction (its bias arrays are never written)",
        ["CheapLearning.Generator.Construction.ActivationCalculus+SigmoidCalculus.Value"] = "immutable after construction (its bias arrays are never written)",
        ["CheapLearning.Generator.Construction.ActivationCalculus+TanhCalculus.Value"] = "immutable after construction (its bias arrays are never written)",
        ["CheapLearning.Generator.Construction.ActivationCalculus+ExpCalculus.Value"] = "immutable after construction (its bias arrays are never written)",
        ["CheapLearning.Generator.Common.SyntaxMemo.Table"] = "a memo of the front end (checked against a semantic fingerprint) and of a node's free names (a pure function of its syntax), keyed weakly by syntax tree and by the node's span and kind; entries die with their trees",
        ["CheapLearning.Generator.Common.SemanticIndex.Empty"] = "an index without entries, never written (an index's dictionaries are filled only while it is built)",
        ["CheapLearning.Generator.Common.SemanticIndex.t_buffers"] = "per-thread ([ThreadStatic]) traversal buffers of FromArithmeticSyntax, cleared after every call (which is not reentrant); never shared between threads",
        ["CheapLearning.Generator.Common.SemanticFingerprint.t_nameSets"] = "per-thread ([ThreadStatic]) name sets of Collect, cleared after every call and dropped past 1,024 names; never shared between threads",
        ["CheapLearning.Generator.Algebra.ExprBuilder.t_freeSums"] = "a per-thread ([ThreadStatic]) pool of running sums, each emptied (builder and terms released) when returned; never shared between threads",
        ["CheapLearning.Generator.Common.Plans.PolynomialFindings"] = "a bounded LRU (4,096 entries) of plans' findings keyed by value-equal spec and settings, shared by generator and analyzer",
        ["CheapLearning.Generator.Common.Plans.BitFindings"] = "a bounded LRU (4,096 entries) of plans' findings keyed by value-equal spec, shared by generator and analyzer",
        ["CheapLearning.Generator.Common.Literals.s_doubles"] = "a per-thread ([ThreadStatic]) memo of a pure function (a double's literal) keyed by its bits, cleared at 4,096 entries; never shared between threads",
        ["CheapLearning.Generator.Common.SourceWriter.t_spare"] = "a per-thread ([ThreadStatic]) spare StringBuilder, taken by one writer at a time and given back empty (at most 512K characters); never shared between threads",
        ["CheapLearning.Generator.Common.Literals.s_smallInts"] = "a memo of a pure function (the literal of 0 ≤ i < 4,096); a racing first write stores an equal string",
        ["CheapLearning.Generator.Common.Plans.ClassifierFindings"] = "a bounded LRU (4,096 entries) of classifier plans' outcomes keyed by value-equal spec, shared by generator and analyzer",
        ["CheapLearning.Generator.Common.Plans.Sources"] = "a bounded LRU (16 M characters) of generated files and their plans' findings, keyed by the value-equal input of the source output (spec, settings, language support): a pure function of that key",
    };

    private static IEnumerable<string> ReferencedNames()
    {
        using var stream = File.OpenRead(Targets.GeneratorAssembly.Location);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        string TypeName(EntityHandle h) => h.Kind switch
        {
            HandleKind.TypeReference => Full(md.GetTypeReference((TypeReferenceHandle)h)),
            HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)h).Namespace) + "." + md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)h).Name),
            _ => "",
        };
        string Full(TypeReference r) => r.ResolutionScope.Kind == HandleKind.TypeReference
            ? Full(md.GetTypeReference((TypeReferenceHandle)r.ResolutionScope)) + "+" + md.GetString(r.Name)
            : md.GetString(r.Namespace) + "." + md.GetString(r.Name);
        foreach (var h in md.TypeReferences) yield return Full(md.GetTypeReference(h));
        foreach (var h in md.MemberReferences)
        {
            var m = md.GetMemberReference(h);
            yield return TypeName(m.Parent) + "." + md.GetString(m.Name);
        }
    }

    [Fact]
    public void The_generator_assembly_references_no_io_environment_clock_or_randomness()
    {
        var banned = File.ReadAllLines(Path.Combine(Repository.Root, "src", "Generator", "BannedSymbols.txt"))
            .Where(l => l.Length > 2 && l[1] == ':').Select(l => l.Substring(2).Split(';')[0].Split('(')[0]).ToList();
        Assert.Contains("System.IO.File", banned);
        var names = ReferencedNames().Distinct().ToList();
        Assert.Contains(names, n => n.StartsWith("Microsoft.CodeAnalysis.", StringComparison.Ordinal)); // the scan sees references
        var hits = names.Where(n => banned.Concat(Forbidden).Any(b => n == b || n.StartsWith(b.EndsWith(".") ? b : b + ".", StringComparison.Ordinal))).ToList();
        // C# iterators (yield return) read Environment.CurrentManagedThreadId in compiler-generated code:
        // harmless, and the only Environment member allowed.
        hits.Remove("System.Environment.get_CurrentManagedThreadId");
        if (!hits.Any(h => h.StartsWith("System.Environment.", StringComparison.Ordinal))) hits.Remove("System.Environment");
        Assert.True(hits.Count == 0, "Forbidden references: " + string.Join(", ", hits));
    }

    [Fact]
    public void The_banned_api_analyzer_is_active_on_the_generator_project()
    {
        var project = XDocument.Load(Path.Combine(Repository.Root, "src", "Generator", "CheapLearning.Generator.csproj"));
        Assert.Contains(project.Descendants("PackageReference"), e => (string?)e.Attribute("Include") == "Microsoft.CodeAnalysis.BannedApiAnalyzers");
        Assert.Contains(project.Descendants("AdditionalFiles"), e => (string?)e.Attribute("Include") == "BannedSymbols.txt");
        Assert.Equal("true", project.Descendants("TreatWarningsAsErrors").Select(e => e.Value).FirstOrDefault()
                              ?? XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants("TreatWarningsAsErrors").Single().Value);
    }

    [Fact]
    public void The_generator_keeps_no_static_mutable_state()
    {
        var problems = new List<string>();
        var seen = new HashSet<string>();
        foreach (var type in Targets.GeneratorAssembly.GetTypes())
        {
            if (type.IsDefined(typeof(CompilerGeneratedAttribute))) continue; // lambda caches of the C# compiler
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.IsLiteral) continue;
                string name = type.FullName + "." + field.Name.Replace("<", "").Replace(">k__BackingField", "");
                seen.Add(name);
                if (DocumentedStatics.ContainsKey(name)) continue;
                if (!field.IsInitOnly) problems.Add($"{name} is not readonly");
                else if (!IsImmutable(field.FieldType, new HashSet<Type>())) problems.Add($"{name} has mutable type {field.FieldType}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        foreach (var documented in DocumentedStatics.Keys) Assert.Contains(documented, seen); // keep the list honest
    }

    private static bool IsImmutable(Type t, HashSet<Type> visiting)
    {
        if (t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(Type)) return true;
        if (t == typeof(DiagnosticDescriptor) || t == typeof(LocalizableString)) return true;
        if (t.IsArray || t.IsPointer) return false;
        if (t.IsGenericType && t.Namespace == "System.Collections.Immutable") return t.GetGenericArguments().All(a => IsImmutable(a, visiting));
        if (t.IsInterface || t.IsAbstract) return false;
        if (!visiting.Add(t)) return true;
        foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
            if (!f.IsInitOnly || !IsImmutable(f.FieldType, visiting)) return false;
        return true;
    }
}
