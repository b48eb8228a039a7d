using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;

namespace Uppsikt.Data.Configurations;

internal sealed class QualityReportTemplateConfiguration : IEntityTypeConfiguration<QualityReportTemplate>
{
    public void Configure(EntityTypeBuilder<QualityReportTemplate> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Ignore(e => e.Ordered);
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Ignore(e => e.IsChecklist);
        // One quality report template per choice system and year, and one checklist version per choice system, review type and year.
        b.HasIndex(e => new { e.ChoiceSystemId, e.Year }).IsUnique().HasFilter("\"ReviewType\" IS NULL");
        b.HasIndex(e => new { e.ChoiceSystemId, e.ReviewType, e.Year }).IsUnique().HasFilter("\"ReviewType\" IS NOT NULL");
        b.HasOne<ChoiceSystem>().WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Questions).WithOne().HasForeignKey(q => q.TemplateId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TemplateQuestionConfiguration : IEntityTypeConfiguration<TemplateQuestion>
{
    public void Configure(EntityTypeBuilder<TemplateQuestion> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Section).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Code).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Text).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.HelpText).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.ShownWhenCode).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.ShownWhenAnswer).HasMaxLength(EntityDefaults.Name);
        b.PrimitiveCollection(e => e.Choices);
        b.PrimitiveCollection(e => e.ConditionIds);
        b.HasIndex(e => new { e.TemplateId, e.Code }).IsUnique();
    }
}

internal sealed class QualityReportConfiguration : IEntityTypeConfiguration<QualityReport>
{
    public void Configure(EntityTypeBuilder<QualityReport> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Ignore(e => e.IsOpenForProvider);
        b.Property(e => e.ApprovedBy).HasMaxLength(EntityDefaults.Name);
        // One report per provider and template.
        b.HasIndex(e => new { e.TemplateId, e.ProviderId }).IsUnique();
        b.HasIndex(e => new { e.ProviderId, e.State });
        b.HasOne(e => e.Template).WithMany().HasForeignKey(e => e.TemplateId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Provider>().WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Answers).WithOne().HasForeignKey(a => a.ReportId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.CompletionRequests).WithOne().HasForeignKey(r => r.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class QualityAnswerConfiguration : IEntityTypeConfiguration<QualityAnswer>
{
    public void Configure(EntityTypeBuilder<QualityAnswer> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.QuestionCode).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Value).HasMaxLength(EntityDefaults.Text * 4);
        b.HasIndex(e => new { e.ReportId, e.QuestionCode }).IsUnique();
    }
}

internal sealed class CompletionRequestConfiguration : IEntityTypeConfiguration<CompletionRequest>
{
    public void Configure(EntityTypeBuilder<CompletionRequest> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.QuestionCode).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Comment).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.RequestedBy).HasMaxLength(EntityDefaults.Name);
    }
}
