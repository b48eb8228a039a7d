using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// Keeps the app's warnings and errors until the test's client has its answer, then writes them into that test's
/// output (<see cref="ServerLogHandler"/>), so a failing test shows the server's side too.
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    /// <summary>Writes what was logged since the last call into the current test's output.</summary>
    public void Flush()
    {
        while (_entries.TryDequeue(out var entry))
        {
            TestContext.Current.TestOutputHelper?.WriteLine(entry);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                entries.Enqueue($"[app {logLevel}] {category}: {formatter(state, exception)}{(exception is null ? "" : Environment.NewLine + exception)}");
            }
        }
    }
}

/// <summary>Runs in the test's own context after each request, where the test's output can be written.</summary>
public sealed class ServerLogHandler(ServerLog log) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            log.Flush();
        }
    }
}
