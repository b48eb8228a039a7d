using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Risk;

namespace Uppsikt.Data.Configurations;

internal sealed class RiskMatrixConfiguration : IEntityTypeConfiguration<RiskMatrix>
{
    public void Configure(EntityTypeBuilder<RiskMatrix> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.PrimitiveCollection(e => e.LikelihoodLabels);
        b.PrimitiveCollection(e => e.ConsequenceLabels);
        b.OwnsMany(e => e.Bands, band =>
        {
            band.ToJson();
            band.Property(x => x.Name).HasMaxLength(RiskMatrix.LabelMax);
            band.Property(x => x.Colour).HasMaxLength(7);
        });
        b.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => e.CommitteeId).IsUnique();
    }
}

internal sealed class RiskWeightConfiguration : IEntityTypeConfiguration<RiskWeight>
{
    public void Configure(EntityTypeBuilder<RiskWeight> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Weight).HasPrecision(6, 1);
        b.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.CommitteeId, e.Kind }).IsUnique();
    }
}

internal sealed class RiskAnalysisConfiguration : IEntityTypeConfiguration<RiskAnalysis>
{
    public void Configure(EntityTypeBuilder<RiskAnalysis> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.PreparedById).HasMaxLength(450);
        b.Property(e => e.PreparedByName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.ApprovedById).HasMaxLength(450);
        b.Property(e => e.ApprovedByName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.ReturnReason).HasMaxLength(EntityDefaults.Text);
        b.HasOne<ChoiceSystem>().WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ChoiceSystemId, e.Year }).IsUnique();
        b.HasIndex(e => new { e.CommitteeId, e.Year });
        b.HasMany(e => e.Items).WithOne().HasForeignKey("AnalysisId").OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Reassessments).WithOne().HasForeignKey("AnalysisId").OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RiskItemConfiguration : IEntityTypeConfiguration<RiskItem>
{
    public void Configure(EntityTypeBuilder<RiskItem> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Requirement).HasMaxLength(RiskAnalysis.RequirementMax);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.Mitigation).HasMaxLength(EntityDefaults.Text);
        b.HasOne<Domain.Conditions.Condition>().WithMany().HasForeignKey(e => e.ConditionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RiskReassessmentConfiguration : IEntityTypeConfiguration<RiskReassessment>
{
    public void Configure(EntityTypeBuilder<RiskReassessment> b)
    {
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Reason).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ActorName).HasMaxLength(EntityDefaults.Name);
    }
}

internal sealed class ReviewSelectionConfiguration : IEntityTypeConfiguration<ReviewSelection>
{
    public void Configure(EntityTypeBuilder<ReviewSelection> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Ignore(e => e.Method);
        b.Property(e => e.AcceptedById).HasMaxLength(450);
        b.Property(e => e.AcceptedByName).HasMaxLength(EntityDefaults.Name);
        b.HasOne<Committee>().WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.CommitteeId, e.Year }).IsUnique();
        b.HasMany(e => e.Pools).WithOne().HasForeignKey(p => p.SelectionId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Items).WithOne().HasForeignKey(i => i.SelectionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SelectionPoolConfiguration : IEntityTypeConfiguration<SelectionPool>
{
    public void Configure(EntityTypeBuilder<SelectionPool> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Capacity).HasPrecision(9, 1);
        b.Property(e => e.Used).HasPrecision(9, 1);
        b.Property(e => e.Shortfall).HasPrecision(9, 1);
    }
}

internal sealed class SelectionItemConfiguration : IEntityTypeConfiguration<SelectionItem>
{
    public void Configure(EntityTypeBuilder<SelectionItem> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Hours).HasPrecision(9, 1);
        b.Property(e => e.Explanation).HasMaxLength(EntityDefaults.Name);
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Domain.Reviews.Review>().WithMany().HasForeignKey(e => e.ReviewId).OnDelete(DeleteBehavior.SetNull);
        b.HasIndex(e => e.UnitId);
    }
}
