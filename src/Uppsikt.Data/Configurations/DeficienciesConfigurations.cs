using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Deficiencies;

namespace Uppsikt.Data.Configurations;

internal sealed class ActionPlanConfiguration : IEntityTypeConfiguration<ActionPlan>
{
    public void Configure(EntityTypeBuilder<ActionPlan> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Searchable();
        b.Ignore(e => e.OpenToProvider);
        b.Ignore(e => e.DeficiencyNoun);
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.CaseNumber).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.ApprovedByName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.ReturnReason).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => new { e.ProviderId, e.State });
        b.HasIndex(e => new { e.UnitId, e.State });
        // One plan per unit for what a review or matter found.
        b.HasIndex(e => new { e.Origin, e.OriginId, e.UnitId }).IsUnique();
        b.HasOne(e => e.Provider).WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Deficiencies).WithOne(d => d.ActionPlan).HasForeignKey(d => d.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Actions).WithOne().HasForeignKey(a => a.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.ActionPlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeficiencyConfiguration : IEntityTypeConfiguration<Deficiency>
{
    public void Configure(EntityTypeBuilder<Deficiency> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Searchable();
        b.Ignore(e => e.IsSerious);
        b.Ignore(e => e.IsClosed);
        b.Property(e => e.Area).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.RequiredAction).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.QuestionCode).HasMaxLength(EntityDefaults.Short);
        b.PrimitiveCollection(e => e.ConditionVersionIds);
        b.HasIndex(e => new { e.State, e.DeadlineOn });
        b.HasIndex(e => new { e.UnitId, e.State });
        b.HasIndex(e => new { e.ProviderId, e.State });
        b.HasMany(e => e.Verifications).WithOne().HasForeignKey(v => v.DeficiencyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Referrals).WithOne().HasForeignKey(r => r.DeficiencyId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Referrals).AutoInclude();
    }
}

internal sealed class PlannedActionConfiguration : IEntityTypeConfiguration<PlannedAction>
{
    public void Configure(EntityTypeBuilder<PlannedAction> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Ignore(e => e.IsDone);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ResponsibleName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.DoneReport).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.DoneByName).HasMaxLength(EntityDefaults.Name);
        b.PrimitiveCollection(e => e.EvidenceFileIds);
        b.HasOne<Deficiency>().WithMany().HasForeignKey(e => e.DeficiencyId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DeficiencyVerificationConfiguration : IEntityTypeConfiguration<DeficiencyVerification>
{
    public void Configure(EntityTypeBuilder<DeficiencyVerification> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.CheckedWhat).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.VerifiedById).HasMaxLength(450);
        b.Property(e => e.VerifiedByName).HasMaxLength(EntityDefaults.Name);
        b.HasOne<Domain.Reviews.Review>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActionPlanStepConfiguration : IEntityTypeConfiguration<ActionPlanStep>
{
    public void Configure(EntityTypeBuilder<ActionPlanStep> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Comment).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => new { e.ActionPlanId, e.OccurredAt });
    }
}
