using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Referrals;

namespace Uppsikt.Data.Configurations;

/// <summary>
/// One table of stances for every kind of matter (decision 0029): an exclusive arc of nullable keys to the incident, the
/// complaint or the deficiency, exactly one of them set; each owner's stances go with it when it is deleted.
/// </summary>
internal sealed class ReferralStanceConfiguration : IEntityTypeConfiguration<ReferralStance>
{
    public void Configure(EntityTypeBuilder<ReferralStance> b)
    {
        b.ToTable("ReferralStances", t => t.HasCheckConstraint("CK_ReferralStances_OneMatter",
            """(CASE WHEN "IncidentId" IS NULL THEN 0 ELSE 1 END) + (CASE WHEN "ComplaintId" IS NULL THEN 0 ELSE 1 END) """
            + """+ (CASE WHEN "DeficiencyId" IS NULL THEN 0 ELSE 1 END) = 1"""));
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Motivation).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.DecidedBy).HasMaxLength(EntityDefaults.Name);
        // One stance per matter and authority.
        b.HasIndex(e => new { e.IncidentId, e.Authority }).IsUnique();
        b.HasIndex(e => new { e.ComplaintId, e.Authority }).IsUnique();
        b.HasIndex(e => new { e.DeficiencyId, e.Authority }).IsUnique();
    }
}
