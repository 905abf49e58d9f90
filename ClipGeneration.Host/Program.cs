namespace ClipGeneration.Host;

/// <summary>Entry point: the ./clipgen command line.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine($"clipgen: unknown command '{string.Join(' ', args)}'");
        return 2;
    }
}
