using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Imports;
using Uppsikt.Domain.Register;

namespace Uppsikt.Data.Configurations;

internal sealed class ComplaintConfiguration : IEntityTypeConfiguration<Complaint>
{
    public void Configure(EntityTypeBuilder<Complaint> b)
    {
        b.Versioned();
        b.Property(e => e.Summary).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ProviderResponse).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ClosingNote).HasMaxLength(EntityDefaults.Text);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.IsSerious);
        b.Ignore(e => e.IsClosed);
        b.HasMany(e => e.Referrals).WithOne().HasForeignKey(r => r.ComplaintId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Referrals).AutoInclude();
        b.HasIndex(e => new { e.UnitId, e.ReceivedOn });
        b.HasIndex(e => e.Status);
    }
}

internal sealed class CaseWorkerObservationConfiguration : IEntityTypeConfiguration<CaseWorkerObservation>
{
    public void Configure(EntityTypeBuilder<CaseWorkerObservation> b)
    {
        b.Versioned();
        b.Property(e => e.Summary).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.RecordedBy).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.RecordedById).HasMaxLength(450);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.UnitId, e.ObservedOn });
        b.HasIndex(e => e.RecordedById);
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Versioned();
        b.Property(e => e.Summary).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.Actions).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ClosingNote).HasMaxLength(EntityDefaults.Text);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(e => e.IsClosed);
        b.HasMany(e => e.Referrals).WithOne().HasForeignKey(r => r.IncidentId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.Referrals).AutoInclude();
        b.HasIndex(e => new { e.UnitId, e.OccurredOn });
    }
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFile>
{
    public void Configure(EntityTypeBuilder<StoredFile> b)
    {
        b.Versioned();
        b.Property(e => e.OwnerType).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.FileName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.ContentType).HasMaxLength(100);
        b.Property(e => e.Sha256).HasMaxLength(64);
        b.Property(e => e.UploadedBy).HasMaxLength(EntityDefaults.Name);
        b.HasIndex(e => new { e.OwnerType, e.OwnerId });
        b.HasIndex(e => e.ProviderId);
    }
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.Versioned();
        b.Property(e => e.Code).HasMaxLength(EntityDefaults.Short);
        b.HasIndex(e => e.Code).IsUnique();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.UnitOfMeasure).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.KoladaKpiId).HasMaxLength(20);
        b.HasIndex(e => e.KoladaKpiId);
        b.Property(e => e.Description).HasMaxLength(EntityDefaults.Text);
        b.HasMany(e => e.Targets).WithOne().HasForeignKey(t => t.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> b)
    {
        b.Versioned();
        b.HasIndex(e => new { e.IndicatorId, e.ChoiceSystemId }).IsUnique();
        b.HasOne<ChoiceSystem>().WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutcomeConfiguration : IEntityTypeConfiguration<Outcome>
{
    public void Configure(EntityTypeBuilder<Outcome> b)
    {
        // The natural key is the upsert key of imports: one index only, which keeps bulk imports fast.
        b.HasKey(e => new { e.IndicatorId, e.UnitId, e.Year, e.PeriodKind, e.PeriodNumber });
        b.Ignore(e => e.Period);
        b.HasIndex(e => e.UnitId);
        b.HasOne(e => e.Indicator).WithMany().HasForeignKey(e => e.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<DataImport>().WithMany().HasForeignKey(e => e.ImportId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ResultReleaseConfiguration : IEntityTypeConfiguration<ResultRelease>
{
    public void Configure(EntityTypeBuilder<ResultRelease> b)
    {
        b.Versioned();
        b.HasIndex(e => new { e.IndicatorId, e.Year }).IsUnique();
        b.Property(e => e.ReleasedByUserId).HasMaxLength(EntityDefaults.Short * 2);
        b.Property(e => e.ReleasedByName).HasMaxLength(EntityDefaults.Name);
        b.HasOne<Indicator>().WithMany().HasForeignKey(e => e.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SurveyConfiguration : IEntityTypeConfiguration<Survey>
{
    public void Configure(EntityTypeBuilder<Survey> b)
    {
        b.Versioned();
        b.Searchable();
        b.Property(e => e.Name).HasMaxLength(Survey.NameMax);
        b.Property(e => e.Conductor).HasMaxLength(Survey.ConductorMax);
        b.Property(e => e.Method).HasMaxLength(Survey.TextMax);
        b.HasOne(e => e.Committee).WithMany().HasForeignKey(e => e.CommitteeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.ChoiceSystem).WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Questions).WithOne().HasForeignKey(q => q.SurveyId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(e => new { e.CommitteeId, e.Year });
    }
}

internal sealed class SurveyQuestionConfiguration : IEntityTypeConfiguration<SurveyQuestion>
{
    public void Configure(EntityTypeBuilder<SurveyQuestion> b)
    {
        // Made by the application, so a question added to a loaded survey is inserted, not mistaken for a row to update.
        b.Property(e => e.Id).ValueGeneratedNever();
        b.Property(e => e.Text).HasMaxLength(SurveyQuestion.TextMax);
        b.HasOne(e => e.Indicator).WithMany().HasForeignKey(e => e.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(e => new { e.SurveyId, e.IndicatorId }).IsUnique();
    }
}

internal sealed class OutcomeAverageConfiguration : IEntityTypeConfiguration<OutcomeAverage>
{
    public void Configure(EntityTypeBuilder<OutcomeAverage> b)
    {
        b.HasKey(e => new { e.IndicatorId, e.Year, e.PeriodKind, e.PeriodNumber });
        b.HasOne<Indicator>().WithMany().HasForeignKey(e => e.IndicatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DataImportConfiguration : IEntityTypeConfiguration<DataImport>
{
    public void Configure(EntityTypeBuilder<DataImport> b)
    {
        b.Versioned();
        b.Property(e => e.Kind).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.FileName).HasMaxLength(260);
        b.Property(e => e.FileHash).HasMaxLength(64);
        b.HasIndex(e => new { e.Kind, e.FileHash });
        b.HasIndex(e => e.StartedAt);
        b.Property(e => e.StartedById).HasMaxLength(450);
        b.Property(e => e.StartedByName).HasMaxLength(EntityDefaults.Name);
        b.HasMany(e => e.Problems).WithOne().HasForeignKey(p => p.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportProblemConfiguration : IEntityTypeConfiguration<ImportProblem>
{
    public void Configure(EntityTypeBuilder<ImportProblem> b)
    {
        b.Property(e => e.Column).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Message).HasMaxLength(1000);
    }
}
