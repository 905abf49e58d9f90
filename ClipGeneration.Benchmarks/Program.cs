using ClipGeneration.Benchmarks;

if (args.Length > 0 && args[0] == "engine")
{
    return await EngineBenchmark.RunAsync(args[1..]);
}

Console.WriteLine("usage: ./bench.sh <name>");
return 2;
