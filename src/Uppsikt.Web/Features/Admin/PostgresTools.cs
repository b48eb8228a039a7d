using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Uppsikt.Web.Features.Admin;

/// <summary>What one of PostgreSQL's client programs answered: its exit code and what it wrote.</summary>
public sealed record ToolRun(int ExitCode, string Output, string Error)
{
    /// <summary>The run's failure as a Swedish sentence, with the program's own words.</summary>
    public string FailureText(string tool) => $"{tool} avslutades med kod {ExitCode}: {Error.Trim()}";
}

/// <summary>
/// Runs PostgreSQL's client programs (<c>pg_dump</c>, <c>pg_restore</c>), found on the PATH, against the database a connection
/// string names: its host, port and user as arguments, its password through <c>PGPASSWORD</c> rather than the command line.
/// </summary>
public static class PostgresTools
{
    /// <summary>The arguments that connect a client program to the database of <paramref name="connectionString"/>.</summary>
    public static IEnumerable<string> ConnectionArguments(string connectionString)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        return ["--host", connection.Host ?? "localhost", "--port", connection.Port.ToString(CultureInfo.InvariantCulture),
            "--username", connection.Username ?? "postgres", "--dbname", connection.Database ?? "uppsikt"];
    }

    /// <summary>Runs <paramref name="tool"/> to its end; a program that is not on the PATH is said so in Swedish.</summary>
    public static async Task<ToolRun> RunAsync(string tool, IEnumerable<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["PGPASSWORD"] = new NpgsqlConnectionStringBuilder(connectionString).Password ?? "" },
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} kunde inte startas.");
        }
        catch (Win32Exception)
        {
            throw new InvalidOperationException(
                $"{tool} hittades inte. Installera PostgreSQL:s klientprogram (samma huvudversion som servern eller nyare) och se till att {tool} finns i PATH.");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return new ToolRun(process.ExitCode, await output, await error);
        }
    }
}
