using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Uppsikt.Domain;
using Uppsikt.Domain.Audit;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Cycle;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Imports;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;

namespace Uppsikt.Data;

/// <summary>
/// The one database context. Two things happen here for every feature: queries on provider data are
/// filtered by the caller's <see cref="AccessScope"/>, and every write is audited in the same transaction.
/// </summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options, ICurrentActor actor)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Properties whose values never go into the audit trail.</summary>
    private static readonly HashSet<string> SecretProperties =
        [nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp), nameof(ApiToken.TokenHash), "Xml"];

    public ICurrentActor Actor => actor;

    // The query filters read these per query, so one compiled model serves every caller.
    private AccessScopeKind ScopeKind => actor.Scope.Kind;

    private Guid? ScopeProviderId => actor.Scope.ProviderId;

    private Guid? ScopeAdministrationId => actor.Scope.AdministrationId;

    public DbSet<Administration> Administrations => Set<Administration>();

    public DbSet<Committee> Committees => Set<Committee>();

    public DbSet<ChoiceSystem> ChoiceSystems => Set<ChoiceSystem>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<ServiceLevel> ServiceLevels => Set<ServiceLevel>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<ProviderPerson> ProviderPeople => Set<ProviderPerson>();

    public DbSet<Subcontractor> Subcontractors => Set<Subcontractor>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Authorisation> Authorisations => Set<Authorisation>();

    public DbSet<AnnualCycleTemplate> AnnualCycleTemplates => Set<AnnualCycleTemplate>();

    public DbSet<AnnualCycleStep> AnnualCycleSteps => Set<AnnualCycleStep>();

    public DbSet<AnnualCycle> AnnualCycles => Set<AnnualCycle>();

    public DbSet<CycleTask> CycleTasks => Set<CycleTask>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<CaseWorkerObservation> CaseWorkerObservations => Set<CaseWorkerObservation>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    // Conditions and follow-up plans: the municipality's own documents, no provider data, so no query filters.
    public DbSet<QualityArea> QualityAreas => Set<QualityArea>();

    public DbSet<Condition> Conditions => Set<Condition>();

    public DbSet<ConditionVersion> ConditionVersions => Set<ConditionVersion>();

    public DbSet<FollowUpPlan> FollowUpPlans => Set<FollowUpPlan>();

    public DbSet<FollowUpActivity> FollowUpActivities => Set<FollowUpActivity>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    // Evidence: indicators, their targets and results, and the imports that bring results in.
    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<Outcome> Outcomes => Set<Outcome>();

    public DbSet<OutcomeAverage> OutcomeAverages => Set<OutcomeAverage>();

    public DbSet<DataImport> DataImports => Set<DataImport>();

    public DbSet<ImportProblem> ImportProblems => Set<ImportProblem>();

    // Provider portal: messages, documents sent to providers, attestations and duty-to-inform reports.
    public DbSet<PortalMessage> PortalMessages => Set<PortalMessage>();

    public DbSet<PortalDocument> PortalDocuments => Set<PortalDocument>();

    public DbSet<AttestationRound> AttestationRounds => Set<AttestationRound>();

    public DbSet<Attestation> Attestations => Set<Attestation>();

    public DbSet<DutyToInformReport> DutyToInformReports => Set<DutyToInformReport>();
    // Quality reports: templates are the municipality's; a report belongs to its provider and is filtered by it.
    public DbSet<QualityReportTemplate> QualityReportTemplates => Set<QualityReportTemplate>();

    public DbSet<TemplateQuestion> TemplateQuestions => Set<TemplateQuestion>();

    public DbSet<QualityReport> QualityReports => Set<QualityReport>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

        // Scoping. Provider filters never reach through units, so the filters cannot cycle.
        builder.Entity<Provider>().HasQueryFilter(p =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && p.Id == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && p.Authorisations.Any(a => a.Status == AuthorisationStatus.Active)));
        builder.Entity<Unit>().HasQueryFilter(u =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && u.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && u.AdministrationId == ScopeAdministrationId)
            || (ScopeKind == AccessScopeKind.Public && u.ClosedOn == null
                && Authorisations.Any(a => a.ProviderId == u.ProviderId && a.Status == AuthorisationStatus.Active)));
        builder.Entity<Authorisation>().HasQueryFilter(a =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && a.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.Public && a.Status == AuthorisationStatus.Active));
        builder.Entity<ProviderPerson>().HasQueryFilter(p =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && p.ProviderId == ScopeProviderId));
        builder.Entity<Subcontractor>().HasQueryFilter(s =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && s.ProviderId == ScopeProviderId));

        // Evidence is about individual service users (rule 9): never public; a provider sees its own units', a district its units'.
        builder.Entity<Complaint>().HasQueryFilter(c =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && c.Unit!.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && c.Unit!.AdministrationId == ScopeAdministrationId));
        builder.Entity<CaseWorkerObservation>().HasQueryFilter(o =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && o.Unit!.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && o.Unit!.AdministrationId == ScopeAdministrationId));
        builder.Entity<Incident>().HasQueryFilter(i =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && i.Unit!.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && i.Unit!.AdministrationId == ScopeAdministrationId));
        // A file is served only after its matter's own check; this filter keeps another provider's files out of every list.
        builder.Entity<StoredFile>().HasQueryFilter(f =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && f.ProviderId == ScopeProviderId));
        // A unit's results follow its unit; the public sees none (indicator results are not published, decision 0008).
        builder.Entity<Outcome>().HasQueryFilter(o =>
            ScopeKind == AccessScopeKind.Unrestricted
            || (ScopeKind == AccessScopeKind.Provider && o.Unit!.ProviderId == ScopeProviderId)
            || (ScopeKind == AccessScopeKind.District && o.Unit!.AdministrationId == ScopeAdministrationId));
        // The portal is between the municipality and one provider: a provider sees its own, districts and the public nothing.
        builder.Entity<PortalMessage>().HasQueryFilter(m =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && m.ProviderId == ScopeProviderId));
        builder.Entity<PortalDocument>().HasQueryFilter(d =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && d.ProviderId == ScopeProviderId));
        builder.Entity<Attestation>().HasQueryFilter(a =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && a.ProviderId == ScopeProviderId));
        builder.Entity<DutyToInformReport>().HasQueryFilter(r =>
            ScopeKind == AccessScopeKind.Unrestricted || (ScopeKind == AccessScopeKind.Provider && r.ProviderId == ScopeProviderId));
        // A quality report is its provider's: never public; the municipality (districts included) reads them all.
        builder.Entity<QualityReport>().HasQueryFilter(r =>
            ScopeKind == AccessScopeKind.Unrestricted
            || ScopeKind == AccessScopeKind.District
            || (ScopeKind == AccessScopeKind.Provider && r.ProviderId == ScopeProviderId));
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        if (Database.IsSqlite())
        {
            // SQLite has no instant type; as ticks the values sort and compare correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    /// <summary>The synchronous path, used by framework stores such as data protection; audited like the async one.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeTracker.DetectChanges();
        var changes = CaptureChanges();
        if (changes.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        using var ownTransaction = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        if (Database.IsNpgsql())
        {
            Database.ExecuteSqlRaw(AuditLockSql);
        }
        AddAuditEntries(changes, LastHash().FirstOrDefault() ?? AuditChain.Genesis);
        var written = base.SaveChanges(acceptAllChangesOnSuccess);
        ownTransaction?.Commit();
        return written;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var changes = CaptureChanges();
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The audit rows are written with the change, in one transaction: either both land or neither does.
        var ownTransaction = Database.CurrentTransaction is null
            ? await Database.BeginTransactionAsync(cancellationToken)
            : null;
        try
        {
            await AppendAuditAsync(changes, cancellationToken);
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }
            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>A change as the audit trail will record it. Keys are made by the application, so every value is known before saving.</summary>
    private sealed record PendingChange(string EntityType, string EntityId, string Action, string? Before, string? After);

    private List<PendingChange> CaptureChanges()
    {
        var changes = new List<PendingChange>();
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry || entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            if (entry.Entity is Entity versioned && entry.State == EntityState.Modified)
            {
                versioned.Version++;
            }
            SearchText.Update(entry);
            var entityType = entry.Metadata.HasSharedClrType ? entry.Metadata.Name : entry.Metadata.ClrType.Name;
            var before = entry.State is EntityState.Modified or EntityState.Deleted ? Serialize(entry, original: true) : null;
            var after = entry.State is EntityState.Deleted ? null : Serialize(entry, original: false);
            changes.Add(new PendingChange(entityType, KeyOf(entry), entry.State.ToString(), before, after));
        }
        return changes;
    }

    /// <summary>Serialises chain appends across app instances on PostgreSQL; released at commit. (SQLite allows one writer anyway.)</summary>
    private const string AuditLockSql = "SELECT pg_advisory_xact_lock(4242001)";

    private IQueryable<string> LastHash() => AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Hash).Take(1);

    private async Task AppendAuditAsync(List<PendingChange> changes, CancellationToken cancellationToken)
    {
        if (Database.IsNpgsql())
        {
            await Database.ExecuteSqlRawAsync(AuditLockSql, cancellationToken);
        }
        AddAuditEntries(changes, await LastHash().FirstOrDefaultAsync(cancellationToken) ?? AuditChain.Genesis);
    }

    private void AddAuditEntries(List<PendingChange> changes, string previous)
    {
        var now = DateTimeOffset.UtcNow;
        foreach (var change in changes)
        {
            var record = new AuditRecord(now, actor.UserId, actor.DisplayName, change.EntityType, change.EntityId, change.Action, change.Before, change.After);
            var hash = AuditChain.ComputeHash(previous, record);
            AuditEntries.Add(new AuditEntry
            {
                OccurredAt = record.OccurredAt,
                ActorId = record.ActorId,
                ActorName = record.ActorName,
                EntityType = record.EntityType,
                EntityId = record.EntityId,
                Action = record.Action,
                Before = record.Before,
                After = record.After,
                PreviousHash = previous,
                Hash = hash,
            });
            previous = hash;
        }
    }

    private static string KeyOf(EntityEntry entry) =>
        string.Join(",", entry.Metadata.FindPrimaryKey()!.Properties.Select(p => Convert.ToString(entry.Property(p.Name).CurrentValue, System.Globalization.CultureInfo.InvariantCulture)));

    private static string Serialize(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            values[name] = SecretProperties.Contains(name) ? (property.CurrentValue is null ? null : "***")
                : original ? property.OriginalValue : property.CurrentValue;
        }
        return JsonSerializer.Serialize(values, AuditJson);
    }

    private static readonly JsonSerializerOptions AuditJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
