using System.Data.Common;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// Counts the database commands the app sends while it serves requests to one path, so a test can prove that a page or an
/// endpoint sends a fixed number of queries however many rows there are. Registered in every test app (<see cref="UppsiktApp"/>);
/// counts nothing until <see cref="Watch"/> names a path.
/// </summary>
public sealed class QueryCounter(IHttpContextAccessor requests) : DbCommandInterceptor
{
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

    public override DbCommand CommandCreated(CommandEndEventData eventData, DbCommand result)
    {
        if (_path is { } path && requests.HttpContext?.Request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase) == true)
        {
            Interlocked.Increment(ref _count);
        }
        return result;
    }
}
