using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Plans;

namespace Uppsikt.Data.Configurations;

internal static class OwnedKeys
{
    /// <summary>
    /// Ids are made by the application (Guid v7), so a child added to a loaded parent's list (a condition's new version, a
    /// plan's step or activity) is inserted, not mistaken for an existing row to update.
    /// </summary>
    public static void OwnKeys<T>(this EntityTypeBuilder<T> b) where T : Uppsikt.Domain.Entity =>
        b.Property(e => e.Id).ValueGeneratedNever();
}

internal sealed class FollowUpPlanConfiguration : IEntityTypeConfiguration<FollowUpPlan>
{
    public void Configure(EntityTypeBuilder<FollowUpPlan> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Ignore(e => e.Adoption);
        b.Ignore(e => e.IsAdopted);
        b.Property(e => e.FollowUpModel).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.RiskAnalysisReference).HasMaxLength(EntityDefaults.Text);
        b.HasOne<Domain.Risk.RiskAnalysis>().WithMany().HasForeignKey(e => e.RiskAnalysisId).OnDelete(DeleteBehavior.SetNull);
        b.Property(e => e.AdoptionParagraph).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.AdoptionCaseNumber).HasMaxLength(EntityDefaults.Short);
        b.PrimitiveCollection(e => e.FocusThemes);
        // One plan per choice system and year, plus its revisions.
        b.HasIndex(e => new { e.ChoiceSystemId, e.Year, e.RevisionNumber }).IsUnique();
        b.HasIndex(e => new { e.Year, e.State });
        b.HasOne(e => e.ChoiceSystem).WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<FollowUpPlan>().WithMany().HasForeignKey(e => e.RevisesPlanId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Activities).WithOne().HasForeignKey(a => a.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpActivityConfiguration : IEntityTypeConfiguration<FollowUpActivity>
{
    public void Configure(EntityTypeBuilder<FollowUpActivity> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.What).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.Who).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.EstimatedHours).HasPrecision(7, 1);
        b.PrimitiveCollection(e => e.ConditionIds);
        b.PrimitiveCollection(e => e.QualityAreaIds);
    }
}

internal sealed class PlanStepConfiguration : IEntityTypeConfiguration<PlanStep>
{
    public void Configure(EntityTypeBuilder<PlanStep> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Comment).HasMaxLength(EntityDefaults.Text);
    }
}
