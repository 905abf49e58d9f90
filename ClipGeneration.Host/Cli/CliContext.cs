using System.CommandLine;

namespace ClipGeneration.Host.Cli;

/// <summary>What every verb shares: where to write, and the options every verb takes (<c>--data</c>).</summary>
/// <param name="Output">Standard output (results: tables, JSON).</param>
/// <param name="Error">Standard error (problems, progress).</param>
/// <param name="DataOption">
/// <c>--data DIR</c>: where the embedded default keeps its SQLite files and output (default <c>.clipgen/</c> in the
/// working directory). Declared once on the root command, recursive, so every verb accepts it.
/// </param>
public sealed record CliContext(TextWriter Output, TextWriter Error, Option<string> DataOption);
