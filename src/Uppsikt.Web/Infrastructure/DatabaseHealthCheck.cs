using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure;

/// <summary>Healthy once the database answers and has no pending migrations.</summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("Databasen svarar inte.");
        }
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        return pending.Any()
            ? HealthCheckResult.Unhealthy("Databasen väntar på migrering (kör verbet migrate).")
            : HealthCheckResult.Healthy();
    }
}
