using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Sanctions;

namespace Uppsikt.Data.Configurations;

internal sealed class SanctionConfiguration : IEntityTypeConfiguration<Sanction>
{
    public void Configure(EntityTypeBuilder<Sanction> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Searchable();
        b.Ignore(e => e.Decision);
        b.Ignore(e => e.IsWarning);
        b.Ignore(e => e.IsOpen);
        b.Ignore(e => e.YearCheckOn);
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Motivation).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ProposedById).HasMaxLength(450);
        b.Property(e => e.ProposedByName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.AssessmentComment).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.AssessedByName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.DecisionParagraph).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.DecisionCaseNumber).HasMaxLength(EntityDefaults.Short);
        b.PrimitiveCollection(e => e.DeficiencyIds);
        b.PrimitiveCollection(e => e.AllowedTypes).ElementType().HasConversion<string>();
        b.HasIndex(e => new { e.ProviderId, e.State });
        b.HasIndex(e => new { e.UnitId, e.State });
        b.HasIndex(e => e.ActionPlanId);
        b.HasOne<ActionPlan>().WithMany().HasForeignKey(e => e.ActionPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Provider).WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Reviews.Review>().WithMany().HasForeignKey(e => e.VerificationReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Reviews.Review>().WithMany().HasForeignKey(e => e.YearCheckReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.SanctionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SanctionStepConfiguration : IEntityTypeConfiguration<SanctionStep>
{
    public void Configure(EntityTypeBuilder<SanctionStep> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Comment).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => new { e.SanctionId, e.OccurredAt });
    }
}
