using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Data.Configurations;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Searchable();
        b.Ignore(e => e.DisputeOpen);
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.CaseNumber).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Reason).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.DecidedByName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.DecidedByRole).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.LeadUserId).HasMaxLength(450);
        b.Property(e => e.LeadName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.VisitPlace).HasMaxLength(Review.ShortTextMax);
        b.Property(e => e.Method).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.MeetingNotes).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.Summary).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.DisputeReason).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.IndependentReviewerId).HasMaxLength(450);
        b.Property(e => e.IndependentReviewerName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.DisputeConclusion).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => new { e.State, e.PlannedFor });
        // Holds every column the review's query filter reads, so that counting the review list scans this narrow index, not the
        // wide table.
        b.HasIndex(e => new { e.ProviderId, e.State, e.Id });
        b.HasIndex(e => e.PlannedFor);
        b.HasOne(e => e.Provider).WithMany().HasForeignKey(e => e.ProviderId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(e => e.ChoiceSystem).WithMany().HasForeignKey(e => e.ChoiceSystemId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<QualityReportTemplate>().WithMany().HasForeignKey(e => e.ChecklistId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Review>().WithMany().HasForeignKey(e => e.FollowsUpReviewId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Units).WithOne().HasForeignKey(u => u.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Participants).WithOne().HasForeignKey(p => p.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Findings).WithOne().HasForeignKey(f => f.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Notes).WithOne().HasForeignKey(n => n.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Responses).WithOne().HasForeignKey(r => r.ReviewId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Steps).WithOne().HasForeignKey(s => s.ReviewId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReviewUnitConfiguration : IEntityTypeConfiguration<ReviewUnit>
{
    public void Configure(EntityTypeBuilder<ReviewUnit> b)
    {
        b.HasKey(e => new { e.ReviewId, e.UnitId });
        // The unit's history (its timeline, the risk analysis) reads reviews by unit.
        b.HasIndex(e => e.UnitId);
        b.HasOne(e => e.Unit).WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewParticipantConfiguration : IEntityTypeConfiguration<ReviewParticipant>
{
    public void Configure(EntityTypeBuilder<ReviewParticipant> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Name).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Title).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.UserId).HasMaxLength(450);
    }
}

internal sealed class ReviewFindingConfiguration : IEntityTypeConfiguration<ReviewFinding>
{
    public void Configure(EntityTypeBuilder<ReviewFinding> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.QuestionCode).HasMaxLength(EntityDefaults.Short);
        b.Property(e => e.Area).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Answer).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.Observation).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.RequiredAction).HasMaxLength(EntityDefaults.Text);
        b.Ignore(e => e.IsDeficiency);
        b.Property(e => e.RecordedByName).HasMaxLength(EntityDefaults.Name);
        b.PrimitiveCollection(e => e.ConditionVersionIds);
        // One finding per question and unit.
        b.HasIndex(e => new { e.ReviewId, e.UnitId, e.QuestionId }).IsUnique();
        b.HasIndex(e => new { e.UnitId, e.Assessment });
        b.HasOne<Unit>().WithMany().HasForeignKey(e => e.UnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<TemplateQuestion>().WithMany().HasForeignKey(e => e.QuestionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class InterviewNoteConfiguration : IEntityTypeConfiguration<InterviewNote>
{
    public void Configure(EntityTypeBuilder<InterviewNote> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Text).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.WrittenByName).HasMaxLength(EntityDefaults.Name);
    }
}

internal sealed class ReviewResponseConfiguration : IEntityTypeConfiguration<ReviewResponse>
{
    public void Configure(EntityTypeBuilder<ReviewResponse> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.Text).HasMaxLength(EntityDefaults.Text);
        b.Property(e => e.WrittenById).HasMaxLength(450);
        b.Property(e => e.WrittenByName).HasMaxLength(EntityDefaults.Name);
    }
}

internal sealed class ReviewStepConfiguration : IEntityTypeConfiguration<ReviewStep>
{
    public void Configure(EntityTypeBuilder<ReviewStep> b)
    {
        b.Versioned();
        b.OwnKeys();
        b.Property(e => e.ActorId).HasMaxLength(450);
        b.Property(e => e.ActorName).HasMaxLength(EntityDefaults.Name);
        b.Property(e => e.Comment).HasMaxLength(EntityDefaults.Text);
        b.HasIndex(e => new { e.ReviewId, e.OccurredAt });
    }
}
