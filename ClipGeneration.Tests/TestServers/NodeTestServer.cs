using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClipGeneration.Tests.TestServers;

/// <summary>Starts one of the npm test servers (tools/node_modules) on a free loopback port and kills its process tree on dispose.</summary>
public sealed class NodeTestServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private NodeTestServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string Url => $"http://127.0.0.1:{Port}";

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ClipGeneration.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No ClipGeneration.sln above '{AppContext.BaseDirectory}'.");
    }

    /// <summary>Starts the server and returns once its port accepts connections.</summary>
    /// <param name="tool">The package's bin name under tools/node_modules/.bin.</param>
    /// <param name="arguments">Arguments; "{port}" is replaced by the chosen port.</param>
    public static async Task<NodeTestServer> StartAsync(string tool, IReadOnlyList<string> arguments)
    {
        var script = Path.Combine(RepositoryRoot(), "tools", "node_modules", ".bin", tool);
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"'{script}' is missing: run ./test.sh (or 'cd tools && npm ci') to install the test servers.");
        }

        var port = FreePort();
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));
        }

        // s3rver's ListObjectsV2 continuation tokens use a cipher that node 17+ only offers with the legacy provider.
        start.Environment["NODE_OPTIONS"] = "--openssl-legacy-provider";
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start node {tool}");
        var server = new NodeTestServer(process, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitUntilListeningAsync(tool, TimeSpan.FromSeconds(30));
        return server;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilListeningAsync(string tool, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{tool} exited with code {_process.ExitCode} before listening: {Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                // Not listening yet: poll again until the deadline.
                await Task.Delay(50);
            }
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
