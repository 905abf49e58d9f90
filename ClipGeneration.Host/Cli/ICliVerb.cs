using System.CommandLine;

namespace ClipGeneration.Host.Cli;

/// <summary>One verb of ./clipgen (plan, clip, serve, ...): builds its <see cref="Command"/> with its action.</summary>
/// <remarks>Actions return an <see cref="ExitCodes"/> value and report bad input as one line on the error writer, never a stack trace.</remarks>
public interface ICliVerb
{
    Command Build(CliContext context);
}
