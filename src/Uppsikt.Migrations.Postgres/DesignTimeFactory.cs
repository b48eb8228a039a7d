using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Uppsikt.Data;
using Uppsikt.Domain.Audit;

namespace Uppsikt.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>();
        options.UseUppsiktDatabase(DatabaseProvider.Postgres, "Host=localhost;Database=uppsikt");
        return new AppDbContext(options.Options, new SystemActor(), TimeProvider.System, AuditKeyRing.WithNewKey("design"));
    }
}
