using System;
using System.Diagnostics;

namespace CheapLearning.Package.Tests.Infrastructure;

/// <summary>Runs the dotnet CLI as a user would, with no telemetry and no lingering build servers.</summary>
public static class Dotnet
{
    public static (int ExitCode, string Output) Run(string workingDirectory, string arguments)
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
}
