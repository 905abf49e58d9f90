namespace ClipGeneration.Host.Cli;

/// <summary>The command line's exit codes (ARCHITECTURE.md): 0 success, 1 a failed clip, 2 bad input.</summary>
public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}
