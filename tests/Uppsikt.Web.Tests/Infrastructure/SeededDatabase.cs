[assembly: AssemblyFixture(typeof(Uppsikt.Web.Tests.Infrastructure.SeededDatabase))]

namespace Uppsikt.Web.Tests.Infrastructure;

/// <summary>
/// The demo database, migrated and seeded once per test run by an app of its own, which every <see cref="UppsiktApp"/>
/// copies (<see cref="TestDatabase.CopyOfAsync"/>) rather than migrating and seeding its own: each test class still gets a
/// database of its own, the same as a freshly seeded one, without paying for the seeding again.
/// </summary>
public sealed class SeededDatabase : IAsyncLifetime
{
    private TestDatabase? _template;

    public TestDatabase Template => _template ?? throw new InvalidOperationException("The seeded database is not made yet.");

    public async ValueTask InitializeAsync()
    {
        var template = await TestDatabase.CreateAsync();
        try
        {
            await using (var seeder = new UppsiktApp(template))
            {
                // Starting the server migrates and seeds: a broken start fails the whole run here.
                _ = seeder.Server;
            }
            TestDatabase.ReleaseConnections();
        }
        catch
        {
            await template.DisposeAsync();
            throw;
        }
        _template = template;
    }

    public async ValueTask DisposeAsync()
    {
        if (_template is not null)
        {
            await _template.DisposeAsync();
        }
    }
}
