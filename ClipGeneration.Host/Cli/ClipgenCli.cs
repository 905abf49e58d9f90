using System.CommandLine;

namespace ClipGeneration.Host.Cli;

/// <summary>The ./clipgen command line: a root command whose subcommands come from <see cref="ICliVerb"/>s.</summary>
/// <remarks>
/// Add a verb by adding it to <see cref="Verbs"/>. A command line that does not parse (unknown verb, missing or
/// malformed option) prints one "clipgen: ..." line per problem and exits with <see cref="ExitCodes.BadInput"/>;
/// an unexpected exception from a verb prints one line (its type and message) and exits with <see cref="ExitCodes.Failed"/>.
/// </remarks>
public static class ClipgenCli
{
    private static IReadOnlyList<ICliVerb> Verbs { get; } = [new DemoCommand(), new ServeCommand(), new ClipCommand(), new PlanCommand(), new StatusCommand()];

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

        // Verbs report bad input themselves; anything else is a bug or an environment fault: one line, exit 1, no stack trace.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await error.WriteLineAsync("clipgen: cancelled");
            return ExitCodes.Failed;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"clipgen: {ex.GetType().Name}: {ex.Message}");
            return ExitCodes.Failed;
        }
    }
}
