using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Register;

namespace Uppsikt.Data.Configurations;

internal sealed class PortalMessageConfiguration : IEntityTypeConfiguration<PortalMessage>
{
    public void Configure(EntityTypeBuilder<PortalMessage> b)
    {
        b.Versioned();
        b.Property(e => e.MatterKind).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.AuthorId).HasMaxLength(450);
        b.Property(e => e.AuthorName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Text).HasMaxLength(EntityDefaults.Text);
        b.HasOne<Provider>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ProviderId, e.SentAt });
        // A provider's threads: grouped by matter, each read in order.
        b.HasIndex(e => new { e.ProviderId, e.MatterKind, e.MatterId, e.SentAt });
    }
}

internal sealed class PortalDocumentConfiguration : IEntityTypeConfiguration<PortalDocument>
{
    public void Configure(EntityTypeBuilder<PortalDocument> b)
    {
        b.Versioned();
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Message).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.SentBy).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.ReadBy).HasMaxLength(EntityDefaults.Name);
        b.HasOne<Provider>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ProviderId, e.SentAt });
    }
}

internal sealed class AttestationRoundConfiguration : IEntityTypeConfiguration<AttestationRound>
{
    public void Configure(EntityTypeBuilder<AttestationRound> b)
    {
        b.Versioned();
        b.HasIndex(e => e.Year).IsUnique();
    }
}

internal sealed class AttestationConfiguration : IEntityTypeConfiguration<Attestation>
{
    public void Configure(EntityTypeBuilder<Attestation> b)
    {
        b.Versioned();
        b.Property(e => e.SignedByName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.SignedByRole).HasMaxLength(EntityDefaults.Name);
        b.OwnsMany(e => e.Answers, a =>
        {
            a.ToJson();
            a.Property(x => x.ConditionCode).HasMaxLength(EntityDefaults.Short);
            a.Property(x => x.ConditionTitle).HasMaxLength(EntityDefaults.Name);
            a.Property(x => x.Explanation).HasMaxLength(EntityDefaults.Text);
        });
        b.HasOne<AttestationRound>().WithMany().HasForeignKey(e => e.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Provider>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ChoiceSystem>().WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.RoundId, e.ProviderId, e.ChoiceSystemId }).IsUnique();
    }
}

internal sealed class DutyToInformReportConfiguration : IEntityTypeConfiguration<DutyToInformReport>
{
    public void Configure(EntityTypeBuilder<DutyToInformReport> b)
    {
        b.Versioned();
        b.Property(e => e.Text).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ReportedBy).HasMaxLength(EntityDefaults.Name);
        b.HasOne<Provider>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.ProviderId, e.ReportedAt });
    }
}
