using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Uppsikt.Data;
using Uppsikt.Domain.Audit;

namespace Uppsikt.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting the app.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseUppsiktDatabase(DatabaseProvider.Sqlite, "Data Source=design.db");
        return new AppDbContext(options.Options, new SystemActor(), TimeProvider.System, AuditKeyRing.WithNewKey("design"));
    }
}
