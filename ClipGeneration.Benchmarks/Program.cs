using ClipGeneration.Benchmarks;

// Verb dispatcher: ./bench.sh NAME runs one benchmark command; each prints its own figures.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.Ordinal)
{
    ["playlist"] = a => Task.FromResult(PlaylistBenchmark.Run(a)),
    ["media"] = MediaBenchmark.RunAsync,
    ["engine"] = EngineBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: ./bench.sh <{string.Join('|', benchmarks.Keys)}>");
    return 2;
}

return await run(args[1..]);
