using System;
using System.IO;
using ExportAndScale;

// Usage: dotnet run -c Release --project samples/ExportAndScale [-- <output folder>] [--rows N]
// Writes the pictures to the output folder (default: ./export-and-scale) and prints where.
string output = Path.GetFullPath("export-and-scale");
int rows = 1_000_000;
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--rows" && i + 1 < args.Length) rows = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
    else output = Path.GetFullPath(args[i]);
}
Directory.CreateDirectory(output);

Scoring.Run(rows);
Pictures.Write(output);
