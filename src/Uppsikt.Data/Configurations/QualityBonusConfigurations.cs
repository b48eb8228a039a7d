using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.QualityBonus;

namespace Uppsikt.Data.Configurations;

internal sealed class BonusModelConfiguration : IEntityTypeConfiguration<BonusModel>
{
    public void Configure(EntityTypeBuilder<BonusModel> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.CeilingPerUnit).HasPrecision(14, 2);
        b.HasIndex(e => e.ChoiceSystemId);
        b.HasOne(e => e.ChoiceSystem).WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Criteria).WithOne().HasForeignKey(c => c.BonusModelId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BonusCriterionConfiguration : IEntityTypeConfiguration<BonusCriterion>
{
    public void Configure(EntityTypeBuilder<BonusCriterion> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Amount).HasPrecision(14, 2);
        b.HasIndex(e => new { e.BonusModelId, e.Position });
        b.HasOne<Domain.Evidence.Indicator>().WithMany().HasForeignKey(e => e.IndicatorId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class BonusScenarioConfiguration : IEntityTypeConfiguration<BonusScenario>
{
    public void Configure(EntityTypeBuilder<BonusScenario> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Years).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.SavedById).HasMaxLength(450);
        b.Property(e => e.SavedByName).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => new { e.BonusModelId, e.SavedAt });
        b.HasOne<BonusModel>().WithMany().HasForeignKey(e => e.BonusModelId).OnDelete(DeleteBehavior.Cascade);
    }
}
