using ClipGeneration.Host.Cli;

namespace ClipGeneration.Host;

/// <summary>Entry point: the ./clipgen command line (its verbs live in <see cref="ClipgenCli"/>).</summary>
public static class Program
{
    public static Task<int> Main(string[] args) => ClipgenCli.RunAsync(args, Console.Out, Console.Error, CancellationToken.None);
}
