using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Uppsikt.Web.Data;

namespace Uppsikt.Web.Infrastructure;

/// <summary>What a newcomer needs after <c>dotnet run</c>: where the app is and how to sign in.</summary>
public static class StartupBanner
{
    public static void Print(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        var output = Console.Out;
        output.WriteLine();
        output.WriteLine("Uppsikt är igång.");
        foreach (var address in addresses)
        {
            output.WriteLine($"  Adress:    {address}");
        }
        output.WriteLine($"  Databas:   {settings.Provider}");
        output.WriteLine($"  Hälsa:     /health   API: /api/v1   OpenAPI: /openapi/v1.json");
        if (settings.SeedDemoData)
        {
            output.WriteLine($"  Demokonton (lösenord för alla: {DemoData.Password}):");
            foreach (var user in DemoData.Users)
            {
                output.WriteLine($"    {user.Email,-40} {user.Description}");
            }
        }
        output.WriteLine();
    }
}
