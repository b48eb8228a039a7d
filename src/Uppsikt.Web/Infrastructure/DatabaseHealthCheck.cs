using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Uppsikt.Data;

namespace Uppsikt.Web.Infrastructure;

/// <summary>
/// Healthy once the database answers and has no pending migrations. The schema is checked until it is found
/// current, then only the connection: a load balancer probes often, and the schema does not go back.
/// </summary>
public sealed class DatabaseHealthCheck(AppDbContext db) : IHealthCheck
{
    private static volatile bool _schemaCurrent;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!await db.Database.CanConnectAsync(cancellationToken))
        {
            return HealthCheckResult.Unhealthy("Databasen svarar inte.");
        }
        if (!_schemaCurrent)
        {
            if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            {
                return HealthCheckResult.Unhealthy("Databasen väntar på migrering (kör verbet migrate).");
            }
            _schemaCurrent = true;
        }
        return HealthCheckResult.Healthy();
    }
}
