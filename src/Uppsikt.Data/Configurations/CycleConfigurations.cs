using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Cycle;
using Uppsikt.Domain.Register;

namespace Uppsikt.Data.Configurations;

internal sealed class AnnualCycleTemplateConfiguration : IEntityTypeConfiguration<AnnualCycleTemplate>
{
    public void Configure(EntityTypeBuilder<AnnualCycleTemplate> b)
    {
        b.Versioned();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => e.Name).IsUnique();
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.TemplateId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(e => e.OrderedSteps);
    }
}

internal sealed class AnnualCycleStepConfiguration : IEntityTypeConfiguration<AnnualCycleStep>
{
    public void Configure(EntityTypeBuilder<AnnualCycleStep> b)
    {
        b.Versioned();
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.OwnerRole).HasMaxLength(EntityDefaults.Short);
        b.Ignore(e => e.Due);
    }
}

internal sealed class AnnualCycleConfiguration : IEntityTypeConfiguration<AnnualCycle>
{
    public void Configure(EntityTypeBuilder<AnnualCycle> b)
    {
        b.Versioned();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        // A template is applied to a committee's year once; the index also stops two requests racing.
        b.HasIndex(e => new { e.CommitteeId, e.TemplateId, e.Year }).IsUnique();
        b.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AnnualCycleTemplate>().WithMany().HasForeignKey(e => e.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Tasks).WithOne(t => t.Cycle).HasForeignKey(t => t.CycleId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CycleTaskConfiguration : IEntityTypeConfiguration<CycleTask>
{
    public void Configure(EntityTypeBuilder<CycleTask> b)
    {
        b.Versioned();
        b.Searchable();
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.CompletionNote).HasMaxLength(EntityDefaults.Text);
        b.HasOne<AppUser>().WithMany().HasForeignKey(e => e.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<AnnualCycleStep>().WithMany().HasForeignKey(e => e.StepId).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.Property(e => e.Link).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.SignalKey).HasMaxLength(100);
        b.HasIndex(e => e.SignalKey).IsUnique();
        b.HasIndex(e => new { e.OwnerUserId, e.Status, e.DueOn });
        b.HasIndex(e => new { e.Status, e.DueOn });
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Versioned();
        b.Property(e => e.To).HasMaxLength(254);
        b.Property(e => e.Subject).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Body).HasMaxLength(20_000);
        b.Property(e => e.DeduplicationKey).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.LastError).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => e.DeduplicationKey).IsUnique();
        b.HasIndex(e => new { e.SentAt, e.NextAttemptAt });
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> b)
    {
        b.Versioned();
        b.Property(e => e.JobName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Instance).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => e.JobName).IsUnique();
    }
}
