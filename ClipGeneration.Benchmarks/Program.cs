using ClipGeneration.Benchmarks;

if (args.Length > 0 && args[0] == "media")
{
    return await MediaBenchmark.RunAsync(args[1..]);
}

Console.WriteLine("usage: ./bench.sh <name>   (names: media)");
return 2;
