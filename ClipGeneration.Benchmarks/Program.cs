using ClipGeneration.Benchmarks;

// Verb dispatcher: ./bench.sh NAME runs one benchmark command; each prints its own figures.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
{
    ["playlist"] = PlaylistBenchmark.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: ./bench.sh <{string.Join('|', benchmarks.Keys)}>");
    return 2;
}

return run(args[1..]);
