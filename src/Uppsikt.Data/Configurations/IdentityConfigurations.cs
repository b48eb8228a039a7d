using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Register;

namespace Uppsikt.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> b)
    {
        b.Property(e => e.DisplayName).HasMaxLength(EntityDefaults.Name);
        b.HasOne<Provider>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Administration>().WithMany().HasForeignKey(e => e.AdministrationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Prefix).HasMaxLength(16);
        b.Property(e => e.TokenHash).HasMaxLength(64);
        b.HasIndex(e => e.TokenHash).IsUnique();
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EndedSessionConfiguration : IEntityTypeConfiguration<EndedSession>
{
    public void Configure(EntityTypeBuilder<EndedSession> b)
    {
        b.Property(e => e.Id).HasMaxLength(32);
        b.HasIndex(e => e.KeepUntil);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(e => e.Id).ValueGeneratedOnAdd();
        b.Property(e => e.ActorId).HasMaxLength(64);
        b.Property(e => e.ActorName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.EntityType).HasMaxLength(100);
        b.Property(e => e.EntityId).HasMaxLength(200);
        b.Property(e => e.Action).HasMaxLength(20);
        b.Property(e => e.KeyId).HasMaxLength(64);
        b.Property(e => e.PreviousHash).HasMaxLength(64);
        b.Property(e => e.Hash).HasMaxLength(64);
        b.HasIndex(e => new { e.EntityType, e.EntityId });
        // Only the removals by retention (decision 0038), which the retention page looks up: without it, finding that there are
        // none yet would read the whole trail. The same SQL filter on both databases.
        b.HasIndex(e => e.Id).HasFilter($"\"Action\" = '{AuditEntry.Purged}'").HasDatabaseName("IX_AuditEntries_Purged");
    }
}

internal sealed class PendingHandOffConfiguration : IEntityTypeConfiguration<PendingHandOff>
{
    public void Configure(EntityTypeBuilder<PendingHandOff> b)
    {
        b.Versioned();
        b.Property(e => e.Text).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.Path).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.DeduplicationKey).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => e.DeduplicationKey).IsUnique();
        b.HasIndex(e => new { e.SentAt, e.UserId });
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
