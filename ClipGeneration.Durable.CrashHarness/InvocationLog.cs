namespace ClipGeneration.Durable.CrashHarness;

/// <summary>An append-only text file, flushed to disk line by line, so a SIGKILL loses no recorded line.</summary>
internal sealed class InvocationLog(string path)
{
    private readonly Lock _lock = new();

    public void Append(string line)
    {
        lock (_lock)
        {
            using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new StreamWriter(stream);
            writer.WriteLine($"{line} pid={Environment.ProcessId}");
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }
    }
}
