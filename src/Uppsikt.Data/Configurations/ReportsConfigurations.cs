using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Reports;

namespace Uppsikt.Data.Configurations;

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Ignore(e => e.Decision);
        b.Property(e => e.Summary).HasMaxLength(AnnualReport.TextMax);
        b.Property(e => e.Analysis).HasMaxLength(AnnualReport.TextMax);
        b.Property(e => e.ImprovementAreas).HasMaxLength(AnnualReport.TextMax);
        b.Property(e => e.Proposals).HasMaxLength(AnnualReport.TextMax);
        b.Property(e => e.SubmittedByName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.DecisionParagraph).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.DecisionCaseNumber).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.DecisionRecordedByName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.CreatedByName).HasMaxLength(EntityDefaults.Name);
        b.HasOne(e => e.Committee).WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.ChoiceSystem).WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
        // One report per year and scope; the committee-wide one (no choice system) is told apart in the handler, since a null
        // does not collide in a unique index.
        b.HasIndex(e => new { e.Year, e.CommitteeId, e.ChoiceSystemId }).IsUnique();
    }
}
