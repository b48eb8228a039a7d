using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// The app as a process of its own (<c>dotnet Uppsikt.Web.dll</c> from the test's output folder) on a database the tests
/// made, listening on a free loopback port, so that it can be killed as <c>kill -9</c> does. It neither migrates nor loads
/// the demo data (the fixture did), and a save waits for another writer as long as a test needs instead of giving up.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    /// <summary>How long starting, and any condition a test waits for, may take before the test fails.</summary>
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>What the app wrote to its console so far, for a failing test's message.</summary>
    public string Output => string.Join('\n', _output);

    /// <summary>Starts the app on <paramref name="database"/> with <paramref name="settings"/> on top and waits until <c>/health</c> answers.</summary>
    public static async Task<AppProcess> StartAsync(TestDatabase database, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Uppsikt.Web.dll"));
        var environment = new Dictionary<string, string>(database.Settings, StringComparer.Ordinal)
        {
            ["Database:MigrateOnStartup"] = "false",
            ["Database:SeedDemoData"] = "false",
            ["Database:WriteWaitSeconds"] = "300",
            ["Jobs:Enabled"] = "false",
            // Every save's transaction is logged as it begins, so a test on SQLite can wait until a write is under way.
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Transaction"] = "Debug",
        };
        foreach (var (key, value) in settings)
        {
            environment[key] = value;
        }
        foreach (var (key, value) in environment)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        var app = new AppProcess(Process.Start(start) ?? throw new InvalidOperationException("The app did not start."), address);
        app._process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        app._process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            using var client = app.CreateClient();
            await app.WaitUntilAsync(async () =>
            {
                try
                {
                    using var health = await client.GetAsync("/health", cancellationToken);
                    return health.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException)
                {
                    return false;
                }
            }, "the app answers /health", cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
        return app;
    }

    /// <summary>A client of the app that waits for an answer as long as a held lock may keep it waiting.</summary>
    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = Deadline * 2 };

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test with the app's output at the deadline.</summary>
    public async Task WaitUntilAsync(Func<Task<bool>> condition, string what, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited while waiting until {what}:\n{Output}");
            }
            if (deadline.Elapsed > Deadline)
            {
                throw new TimeoutException($"Waited {Deadline} in vain until {what}:\n{Output}");
            }
            await Task.Delay(50, cancellationToken);
        }
    }

    /// <summary>How many lines the app has written to its console so far: a mark for <see cref="HasWritten"/>.</summary>
    public int LinesWritten => _output.Count;

    /// <summary>Whether the app has written a line containing <paramref name="text"/> to its console after its first <paramref name="skipped"/> lines.</summary>
    public bool HasWritten(string text, int skipped = 0) => _output.Skip(skipped).Any(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Kills the process as <c>kill -9</c> does (SIGKILL on Linux): no shutdown, no rollback by the app.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
