using Uppsikt.Web.Features.Admin;

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>Runs an administration verb in-process, as <c>dotnet run -- VERB</c> would, against one test database.</summary>
public static class AdminVerbRunner
{
    /// <summary>Runs a verb with <paramref name="database"/> in the environment and the console captured; both are restored after.</summary>
    public static async Task<(int Exit, string Out, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        var saved = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in database.Settings)
        {
            var name = key.Replace(":", "__", StringComparison.Ordinal);
            saved[name] = Environment.GetEnvironmentVariable(name);
            Environment.SetEnvironmentVariable(name, value);
        }
        var (console, consoleError) = (Console.Out, Console.Error);
        await using var output = new StringWriter();
        await using var error = new StringWriter();
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exit = await AdminCommandLine.RunAsync(args);
            return (exit, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(console);
            Console.SetError(consoleError);
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
