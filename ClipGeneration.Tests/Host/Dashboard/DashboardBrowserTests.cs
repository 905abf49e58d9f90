using System.Diagnostics;
using System.Net;
using ClipGeneration.Host.Configuration;

namespace ClipGeneration.Tests.Host.Dashboard;

/// <summary>The dashboard in real Chromium (playwright-core from tools/node_modules, Debian's /usr/bin/chromium).</summary>
public sealed class DashboardBrowserTests(HostFixture host) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Dashboard_KeyEntered_ShowsTheClipProcessedWithAFileLink()
    {
        using var started = await host.SendAsync(HttpMethod.Post, "/api/clips", host.ClipRequestJson("dashboard-clip"));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var repository = RepositoryRootLocator.Locate(null, AppContext.BaseDirectory, AppContext.BaseDirectory);
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Dashboard", "dashboard.spec.mjs"));
        start.ArgumentList.Add(host.BaseUrl.ToString());
        start.ArgumentList.Add(HostFixture.ApiKey);
        start.ArgumentList.Add("dashboard-clip");
        start.Environment["CLIPGEN_NODE_MODULES"] = Path.Combine(repository, "tools", "node_modules");

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await node.WaitForExitAsync(deadline.Token);

        Assert.True(node.ExitCode == 0, $"dashboard script exited {node.ExitCode}: {await output}{await errors}");
        Assert.Contains("dashboard: dashboard-clip processed", await output, StringComparison.Ordinal);
    }
}
