using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Conditions;

namespace Uppsikt.Data.Configurations;

internal sealed class QualityAreaConfiguration : IEntityTypeConfiguration<QualityArea>
{
    public void Configure(EntityTypeBuilder<QualityArea> b)
    {
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => e.Name).IsUnique();
        // Reference data, the same everywhere: it ships with the migration.
        b.HasData(QualityArea.All.Select(a => new QualityArea { Id = a.Id, Name = a.Name, Framework = a.Framework, SortOrder = a.SortOrder }));
    }
}

internal sealed class ConditionConfiguration : IEntityTypeConfiguration<Condition>
{
    public void Configure(EntityTypeBuilder<Condition> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Code).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Part).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => new { e.ChoiceSystemId, e.Code }).IsUnique();
        b.HasOne(e => e.ChoiceSystem).WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Versions).WithOne().HasForeignKey(v => v.ConditionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConditionVersionConfiguration : IEntityTypeConfiguration<ConditionVersion>
{
    public void Configure(EntityTypeBuilder<ConditionVersion> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Searchable();
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Text).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.DecisionReference).HasMaxLength(EntityDefaults.Name);
        b.PrimitiveCollection(e => e.FollowUpOccasions).ElementType().HasConversion<string>();
        b.PrimitiveCollection(e => e.Sanctions).ElementType().HasConversion<string>();
        b.PrimitiveCollection(e => e.QualityAreaIds);
        b.HasIndex(e => new { e.ConditionId, e.Number }).IsUnique();
        b.HasMany(e => e.ControlPoints).WithOne().HasForeignKey(c => c.ConditionVersionId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ControlPointConfiguration : IEntityTypeConfiguration<ControlPoint>
{
    public void Configure(EntityTypeBuilder<ControlPoint> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Text).HasMaxLength(EntityDefaults.Text);
    }
}
