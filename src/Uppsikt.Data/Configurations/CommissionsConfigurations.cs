using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Commissions;
using Uppsikt.Domain.Plans;

namespace Uppsikt.Data.Configurations;

internal sealed class CouncilReviewDecisionConfiguration : IEntityTypeConfiguration<CouncilReviewDecision>
{
    public void Configure(EntityTypeBuilder<CouncilReviewDecision> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Ignore(e => e.Decision);
        b.Property(e => e.Paragraph).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.CaseNumber).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Text).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.RecordedById).HasMaxLength(450);
        b.Property(e => e.RecordedByName).HasMaxLength(EntityDefaults.Name);
        // One decision per year's review.
        b.HasIndex(e => e.Year).IsUnique();
    }
}

internal sealed class CommissionConfiguration : IEntityTypeConfiguration<Commission>
{
    public void Configure(EntityTypeBuilder<Commission> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Searchable();
        b.Ignore(e => e.Decision);
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.Paragraph).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.CaseNumber).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.ReportSummary).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ReportedByName).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => new { e.State, e.DueOn });
        b.HasIndex(e => e.CommitteeId);
        b.HasOne(e => e.Committee).WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.CommissionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommissionStepConfiguration : IEntityTypeConfiguration<CommissionStep>
{
    public void Configure(EntityTypeBuilder<CommissionStep> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Comment).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => new { e.CommissionId, e.OccurredAt });
    }
}
