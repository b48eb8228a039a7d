using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Evidence;

namespace Uppsikt.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Versioned();
        b.Property(e => e.Summary).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ProviderResponse).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ClosingNote).HasMaxLength(EntityDefaults.Text);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.UnitId, e.ReceivedOn });
        b.HasIndex(e => e.Status);
    }
}

internal sealed class CaseWorkerObservationConfiguration : IEntityTypeConfiguration<CaseWorkerObservation>
{
    public void Configure(EntityTypeBuilder<CaseWorkerObservation> b)
    {
        b.Versioned();
        b.Property(e => e.Summary).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.RecordedBy).HasMaxLength(EntityDefaults.Name);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.UnitId, e.ObservedOn });
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Versioned();
        b.Property(e => e.Summary).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.Actions).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ClosingNote).HasMaxLength(EntityDefaults.Text);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Referrals).WithOne().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Referrals).AutoInclude();
        b.HasIndex(e => new { e.UnitId, e.OccurredOn });
    }
}

internal sealed class ReferralConfiguration : IEntityTypeConfiguration<Referral>
{
    public void Configure(EntityTypeBuilder<Referral> b)
    {
        b.Versioned();
        b.Property(e => e.Reason).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.DecidedBy).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => new { e.IncidentId, e.Authority }).IsUnique();
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Versioned();
        b.Property(e => e.OwnerType).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.FileName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.UploadedBy).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => new { e.OwnerType, e.OwnerId });
        b.HasIndex(e => e.ProviderId);
    }
}
