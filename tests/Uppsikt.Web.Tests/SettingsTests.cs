using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;
using Uppsikt.Web.Tests.Infrastructure;

namespace Uppsikt.Web.Tests;

/// <summary>Settings are bound and validated when the app starts: a bad one stops start-up with a message naming it.</summary>
public sealed class SettingsTests(UppsiktApp app) : IClassFixture<UppsiktApp>
{
    [Theory]
    [InlineData("Cycle:Reminders:Schedule", "varje morgon")]
    [InlineData("Mail:From", "inte en adress")]
    [InlineData("Files:MaxBytes", "0")]
    [InlineData("Accessibility:Email", "inte en adress")]
    [InlineData("Retention:ComplaintMonths", "0")]
    [InlineData("Retention:Schedule", "varje natt")]
    public void ABadSettingStopsStartUpWithAMessageNamingIt(string key, string value)
    {
        using var bad = app.WithWebHostBuilder(builder => builder.UseSetting(key, value));

        var error = Assert.ThrowsAny<Exception>(() => bad.Server);

        var validation = Assert.Single(Chain(error).OfType<OptionsValidationException>());
        Assert.Contains(key, validation.Message, StringComparison.Ordinal);
    }

    private static IEnumerable<Exception> Chain(Exception error) =>
        error is AggregateException many
            ? many.InnerExceptions.SelectMany(Chain)
            : error.InnerException is { } inner ? [error, .. Chain(inner)] : [error];
}
