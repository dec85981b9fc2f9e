using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Xunit;

namespace CheapLearning.Package.Tests;

/// <summary>
/// Packs the CheapLearning package from this repository and builds separate consumer projects
/// that reference it through a local feed (no ProjectReference): this is how users get the product.
/// </summary>
public sealed class PackageConsumerTests : IClassFixture<PackageConsumerTests.PackedPackage>
{
    private readonly PackedPackage _package;

    public PackageConsumerTests(PackedPackage package) => _package = package;

    public sealed class PackedPackage : IDisposable
    {
        public PackedPackage()
        {
            Root = Path.Combine(Path.GetTempPath(), "cheaplearning-package-" + Guid.NewGuid().ToString("N"));
            Feed = Path.Combine(Root, "feed");
            Directory.CreateDirectory(Feed);
            var runtime = Path.Combine(RepositoryRoot(), "src", "Runtime", "CheapLearning.Runtime.csproj");
            PackOutput = Dotnet(Root, $"pack \"{runtime}\" -c Release -o \"{Feed}\"");
            var packages = Directory.GetFiles(Feed, "CheapLearning.*.nupkg");
            if (packages.Length != 1) throw new InvalidOperationException("dotnet pack produced no package:\n" + PackOutput.Output);
            Package = packages[0];
        }

        public string Root { get; }
        public string Feed { get; }
        public string Package { get; }
        public (int ExitCode, string Output) PackOutput { get; }

        public void Dispose()
        {
            try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
        }
    }

    [Fact]
    public void Package_holds_the_generator_under_analyzers_and_the_runtime_under_lib()
    {
        Assert.Equal(0, _package.PackOutput.ExitCode);
        using var zip = ZipFile.OpenRead(_package.Package);
        var entries = zip.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("analyzers/dotnet/cs/CheapLearning.Generator.dll", entries);
        Assert.Contains("lib/netstandard2.0/CheapLearning.dll", entries);
        Assert.Contains("lib/netstandard2.0/CheapLearning.xml", entries);
        Assert.Contains(entries, e => e.StartsWith("buildTransitive/", StringComparison.Ordinal));
    }

    [Fact]
    public void Consumer_builds_and_its_networks_evaluate_the_polynomials()
    {
        const string program = """
            using System;
            using System.Globalization;
            using CheapLearning;

            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine("deep " + Physics.EnergyNetwork.Deep(0.5, -0.25).ToString("R", inv));
            Console.WriteLine("exact " + Physics.Energy(0.5, -0.25).ToString("R", inv));
            Console.WriteLine("bound " + Physics.EnergyNetwork.DeepErrorBound.ToString("R", inv));
            Console.WriteLine("neurons " + Physics.EnergyNetwork.DeepModel.Neurons);
            Console.WriteLine("model " + Physics.EnergyNetwork.DeepModel.Evaluate(new[] { 0.5, -0.25 }).ToString("R", inv));
            Console.WriteLine("cube " + Physics.CubeNetwork.Deep(1.5).ToString("R", inv));

            public static partial class Physics
            {
                [PolynomialNetwork(InputBound = 2, Activation = Activation.Tanh)]
                public static double Energy(double q, double p) { double k = 0.5 * p * p; return k + 3 * q * q * q - q * p; }

                [PolynomialNetwork(InputBound = 2)]
                internal static double Cube(double x) => Math.Pow(x, 3) - 1;
            }
            """;
        var dir = Consumer("Good", program);
        var (code, output) = Dotnet(dir, "run -c Release");
        Assert.True(code == 0, output);
        double Value(string key) => double.Parse(output.Split('\n').Single(l => l.StartsWith(key + " ", StringComparison.Ordinal)).Substring(key.Length + 1).Trim(), CultureInfo.InvariantCulture);
        double exact = 0.5 * 0.25 * 0.25 + 3 * 0.125 - 0.5 * -0.25;
        Assert.Equal(exact, Value("exact"), 15);
        Assert.True(Math.Abs(Value("deep") - exact) <= Value("bound"), output);
        Assert.True(Value("bound") < 1e-6, output);
        Assert.Equal(Value("deep"), Value("model"));
        Assert.True(Value("neurons") > 0);
        Assert.True(Math.Abs(Value("cube") - (1.5 * 1.5 * 1.5 - 1)) < 1e-6, output);
    }

    [Fact]
    public void Consumer_with_a_non_polynomial_gets_CHEAP001_at_the_call()
    {
        const string program = """
            using System;
            using CheapLearning;

            Console.WriteLine(Bad.F(1));

            public static partial class Bad
            {
                [PolynomialNetwork]
                public static double F(double x) => x * Math.Sin(x);
            }
            """;
        var dir = Consumer("Bad", program);
        var (code, output) = Dotnet(dir, "build -c Release");
        Assert.NotEqual(0, code);
        Assert.True(output.Contains("Program.cs(9,45): error CHEAP001: A call to 'Math.Sin' is not a polynomial operation", StringComparison.Ordinal), output);
    }

    private string Consumer(string name, string program)
    {
        var dir = Path.Combine(_package.Root, name);
        Directory.CreateDirectory(dir);
        var version = Path.GetFileNameWithoutExtension(_package.Package).Substring("CheapLearning.".Length);
        File.WriteAllText(Path.Combine(dir, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <RestorePackagesPath>{Path.Combine(_package.Root, "packages")}</RestorePackagesPath>
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CheapLearning" Version="{version}" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(dir, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="local" value="{_package.Feed}" />
              </packageSources>
            </configuration>
            """);
        // An empty Directory.Build.props stops MSBuild from importing the repository's own settings.
        File.WriteAllText(Path.Combine(dir, "Directory.Build.props"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Directory.Build.targets"), "<Project />");
        File.WriteAllText(Path.Combine(dir, "Program.cs"), program);
        return dir;
    }

    private static (int ExitCode, string Output) Dotnet(string workingDirectory, string arguments)
    {
        var info = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {arguments} did not finish in 10 minutes");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    /// <summary>The folder holding Generator.sln, found from the test's output folder (source paths are
    /// mapped to /_/ in CI builds, so [CallerFilePath] cannot be used).</summary>
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Generator.sln"))) return dir.FullName;
        throw new InvalidOperationException("Generator.sln not found above " + AppContext.BaseDirectory);
    }
}
