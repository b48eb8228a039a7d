using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// Keeps the app's warnings and errors until the test's client has its answer, then writes them into that test's
/// output (<see cref="ServerLogHandler"/>), so a failing test shows the server's side too. It also keeps every one of them for
/// the tests that check what the app logs (<see cref="Entries"/>).
/// </summary>
public sealed class ServerLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();
    private readonly ConcurrentQueue<ServerLogEntry> _kept = new();

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries, _kept);

    /// <summary>Every warning and error the app logged so far, oldest first.</summary>
    public IReadOnlyList<ServerLogEntry> Entries => [.. _kept];

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

    private sealed class Logger(string category, ConcurrentQueue<string> entries, ConcurrentQueue<ServerLogEntry> kept) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                var message = formatter(state, exception);
                entries.Enqueue($"[app {logLevel}] {category}: {message}{(exception is null ? "" : Environment.NewLine + exception)}");
                kept.Enqueue(new ServerLogEntry(logLevel, category, message, exception));
            }
        }
    }
}

/// <summary>One warning or error the app logged.</summary>
public sealed record ServerLogEntry(LogLevel Level, string Category, string Message, Exception? Exception);

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
