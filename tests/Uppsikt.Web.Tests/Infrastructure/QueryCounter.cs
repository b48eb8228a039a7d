using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// Counts the database commands the app sends while it serves requests to one path, so a test can prove that a page or an
/// endpoint sends a fixed number of queries however many rows there are; or, outside requests, the commands of one piece of work
/// (<see cref="CountAsync"/>). Registered in every test app (<see cref="UppsiktApp"/>); counts nothing until <see cref="Watch"/>
/// names a path or <see cref="CountAsync"/> runs.
/// </summary>
public sealed class QueryCounter(IHttpContextAccessor requests) : DbCommandInterceptor
{
    private static readonly AsyncLocal<StrongBox<int>?> Flow = new();

    private string? _path;
    private int _count;

    /// <summary>The commands sent for requests to the watched path since <see cref="Watch"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Starts counting from zero for requests whose path starts with <paramref name="path"/>.</summary>
    public void Watch(string path)
    {
        _path = path;
        Interlocked.Exchange(ref _count, 0);
    }

    /// <summary>
    /// Runs <paramref name="work"/> outside any request (in a scope of its own) and counts the database commands it sends: only
    /// those of this flow of work, so requests served meanwhile do not count.
    /// </summary>
    public static async Task<int> CountAsync(Func<Task> work)
    {
        var count = new StrongBox<int>();
        Flow.Value = count;
        try
        {
            await work();
        }
        finally
        {
            Flow.Value = null;
        }
        return Volatile.Read(ref count.Value);
    }

    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        if (Flow.Value is { } flow)
        {
            Interlocked.Increment(ref flow.Value);
        }
        if (_path is { } path && requests.HttpContext?.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase) == true)
        {
            Interlocked.Increment(ref _count);
        }
        return result;
    }
}
