using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// Counts the database commands the app runs for the requests a test makes inside <see cref="CountAsync"/>, by EF Core's
/// diagnostic events: "the number of queries does not grow with the rows" is then a plain comparison. Other test classes'
/// requests run beside it in the same process, so only commands run in the measured requests' own execution context count:
/// the client must come from a test server that passes it on (<see cref="PassingContext"/>).
/// </summary>
public sealed class QueryCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<Counted?> Measuring = new();

    private readonly IDisposable _subscription;

    private readonly List<IDisposable> _listeners = [];

    public QueryCounter() => _subscription = DiagnosticListener.AllListeners.Subscribe(this);

    /// <summary>How many commands the app ran for the requests <paramref name="work"/> made.</summary>
    /// <summary>Tells the app's test server to run requests in the caller's execution context; clients made after it do.</summary>
    public static UppsiktApp PassingContext(UppsiktApp app)
    {
        app.Server.PreserveExecutionContext = true;
        return app;
    }

    public static async Task<int> CountAsync(Func<Task> work)
    {
        using var counter = new QueryCounter();
        var counted = new Counted();
        Measuring.Value = counted;
        try
        {
            await work();
        }
        finally
        {
            Measuring.Value = null;
        }
        return counted.Commands;
    }

    public void Dispose()
    {
        _subscription.Dispose();
        lock (_listeners)
        {
            _listeners.ForEach(l => l.Dispose());
        }
    }

    void IObserver<DiagnosticListener>.OnNext(DiagnosticListener listener)
    {
        if (listener.Name == DbLoggerCategory.Name)
        {
            lock (_listeners)
            {
                _listeners.Add(listener.Subscribe(this));
            }
        }
    }

    void IObserver<KeyValuePair<string, object?>>.OnNext(KeyValuePair<string, object?> value)
    {
        if (value.Key == RelationalEventId.CommandExecuted.Name && Measuring.Value is { } counted)
        {
            Interlocked.Increment(ref counted.Commands);
        }
    }

    void IObserver<DiagnosticListener>.OnCompleted()
    {
    }

    void IObserver<DiagnosticListener>.OnError(Exception error)
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnCompleted()
    {
    }

    void IObserver<KeyValuePair<string, object?>>.OnError(Exception error)
    {
    }

    private sealed class Counted
    {
        public int Commands;
    }
}
