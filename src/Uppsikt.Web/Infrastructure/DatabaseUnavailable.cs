using Microsoft.Data.Sqlite;
using Npgsql;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// The database could not serve a request for a while: unreachable, restarting, out of connections, or held by another
/// writer longer than <see cref="DatabaseSettings.WriteWaitSeconds"/>. Such a request answers 503 with
/// <see cref="Text"/> and <c>Retry-After</c> rather than 500: nothing was saved, and the same request will succeed once the
/// database is back, without a restart of the app.
/// </summary>
public static class DatabaseUnavailable
{
    public const string Heading = "Databasen svarar inte just nu";

    public const string Text = "Det du gjorde kunde inte genomföras, och ingenting har sparats. Försök igen om en stund.";

    /// <summary>The seconds a client is asked to wait before trying again.</summary>
    public const int RetryAfterSeconds = 10;

    private const int SqliteBusy = 5, SqliteLocked = 6, SqliteCannotOpen = 14;

    /// <summary>True when <paramref name="exception"/>, or one it wraps, says the database is unavailable for now.</summary>
    public static bool Is(Exception? exception) =>
        Chain(exception).Any(e => e is SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked or SqliteCannotOpen } or NpgsqlException { IsTransient: true });

    /// <summary>
    /// Marks the answer as temporary. On PostgreSQL the pooled connections are let go too, since those opened before an
    /// outage are broken: the next request opens new ones instead of failing on each old one in turn.
    /// </summary>
    public static void Answer(HttpContext context, Exception exception)
    {
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (IsConnectionLost(exception))
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    private static bool IsConnectionLost(Exception? exception) =>
        Chain(exception).Any(e => e is NpgsqlException { IsTransient: true } and not PostgresException);

    /// <summary>The exception and every one it wraps, outermost first.</summary>
    private static IEnumerable<Exception> Chain(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            yield return e;
        }
    }
}
