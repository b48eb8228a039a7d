using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Uppsikt.Data.Configurations;

internal sealed class UnitTimelineEntryConfiguration : IEntityTypeConfiguration<UnitTimelineEntry>
{
    public void Configure(EntityTypeBuilder<UnitTimelineEntry> b)
    {
        b.Property(e => e.Source).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Kind).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Payload).HasMaxLength(EntityDefaults.Text);
        // The timeline's count and page: a unit's entries by time.
        b.HasIndex(e => new { e.UnitId, e.SortAt });
        // What a source rewrites when a record changes; and no record twice on one unit.
        b.HasIndex(e => new { e.Source, e.GroupId, e.SourceId, e.UnitId }).IsUnique();
        b.HasOne<Uppsikt.Domain.Register.Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Cascade);
    }
}
