using System.CommandLine;

namespace ClipGeneration.Host.Cli;

/// <summary>The ./clipgen command line: a root command whose subcommands come from <see cref="ICliVerb"/>s.</summary>
/// <remarks>
/// Add a verb by adding it to <see cref="Verbs"/>. A command line that does not parse (unknown verb, missing or
/// malformed option) prints one "clipgen: ..." line per problem and exits with <see cref="ExitCodes.BadInput"/>.
/// </remarks>
public static class ClipgenCli
{
    private static IReadOnlyList<ICliVerb> Verbs { get; } = [new PlanCommand()];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        var data = new Option<string>("--data")
        {
            Description = "Folder for the embedded default's SQLite files and output",
            Recursive = true,
            DefaultValueFactory = _ => ".clipgen",
        };
        var root = new RootCommand("ClipGeneration: clips from recorded HLS streams, through a durable workflow.");
        root.Options.Add(data);
        var context = new CliContext(output, error, data);
        foreach (var verb in Verbs)
        {
            root.Subcommands.Add(verb.Build(context));
        }

        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var problem in parseResult.Errors)
            {
                await error.WriteLineAsync($"clipgen: {problem.Message}");
            }

            await error.WriteLineAsync("Run './clipgen --help' for usage.");
            return ExitCodes.BadInput;
        }

        var configuration = new InvocationConfiguration { Output = output, Error = error };
        return await parseResult.InvokeAsync(configuration, cancellationToken);
    }
}
