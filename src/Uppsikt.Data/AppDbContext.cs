using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Uppsikt.Domain.Audit;
using Uppsikt.Domain.Commissions;
using Uppsikt.Domain.Conditions;
using Uppsikt.Domain.Cycle;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Imports;
using Uppsikt.Domain.Plans;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.QualityBonus;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Referrals;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reports;
using Uppsikt.Domain.Reviews;
using Uppsikt.Domain.Risk;
using Uppsikt.Domain.Sanctions;

namespace Uppsikt.Data;

/// <summary>
/// The one database context. Two things happen here for every feature: queries on provider data are
/// filtered by the caller's <see cref="AccessScope"/>, and every write is audited in the same transaction.
/// </summary>
/// <remarks>The scoping is in AppDbContext.Scoping.cs, the audit in AppDbContext.Audit.cs.</remarks>
public sealed partial class AppDbContext(
    DbContextOptions<AppDbContext> options, ICurrentActor actor, TimeProvider clock, AuditKeyRing auditKeys, IEnumerable<IDerivedRows>? derivedRows = null)
    : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public ICurrentActor Actor => actor;

    public DbSet<Administration> Administrations => Set<Administration>();

    public DbSet<Committee> Committees => Set<Committee>();

    public DbSet<ChoiceSystem> ChoiceSystems => Set<ChoiceSystem>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<ServiceLevel> ServiceLevels => Set<ServiceLevel>();

    public DbSet<Provider> Providers => Set<Provider>();

    public DbSet<ProviderPerson> ProviderPeople => Set<ProviderPerson>();

    public DbSet<Subcontractor> Subcontractors => Set<Subcontractor>();

    public DbSet<Unit> Units => Set<Unit>();

    public DbSet<Authorisation> Authorisations => Set<Authorisation>();

    public DbSet<AnnualCycleTemplate> AnnualCycleTemplates => Set<AnnualCycleTemplate>();

    public DbSet<AnnualCycleStep> AnnualCycleSteps => Set<AnnualCycleStep>();

    public DbSet<AnnualCycle> AnnualCycles => Set<AnnualCycle>();

    public DbSet<CycleTask> CycleTasks => Set<CycleTask>();

    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();

    public DbSet<JobLease> JobLeases => Set<JobLease>();

    public DbSet<PendingHandOff> PendingHandOffs => Set<PendingHandOff>();
    public DbSet<Complaint> Complaints => Set<Complaint>();

    public DbSet<CaseWorkerObservation> CaseWorkerObservations => Set<CaseWorkerObservation>();

    public DbSet<Incident> Incidents => Set<Incident>();

    public DbSet<ReferralStance> ReferralStances => Set<ReferralStance>();

    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();
    // Conditions and follow-up plans: the municipality's own documents, no provider data, so no query filters.
    public DbSet<QualityArea> QualityAreas => Set<QualityArea>();

    public DbSet<Condition> Conditions => Set<Condition>();

    public DbSet<ConditionVersion> ConditionVersions => Set<ConditionVersion>();

    public DbSet<FollowUpPlan> FollowUpPlans => Set<FollowUpPlan>();

    public DbSet<FollowUpActivity> FollowUpActivities => Set<FollowUpActivity>();

    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    public DbSet<EndedSession> EndedSessions => Set<EndedSession>();

    // Evidence: indicators, their targets and results, and the imports that bring results in.
    public DbSet<Indicator> Indicators => Set<Indicator>();

    public DbSet<Target> Targets => Set<Target>();

    public DbSet<Outcome> Outcomes => Set<Outcome>();

    public DbSet<OutcomeAverage> OutcomeAverages => Set<OutcomeAverage>();

    public DbSet<ResultRelease> ResultReleases => Set<ResultRelease>();

    public DbSet<Survey> Surveys => Set<Survey>();

    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();

    public DbSet<DataImport> DataImports => Set<DataImport>();

    public DbSet<ImportProblem> ImportProblems => Set<ImportProblem>();

    // Provider portal: messages, documents sent to providers, attestations and duty-to-inform reports.
    public DbSet<PortalMessage> PortalMessages => Set<PortalMessage>();

    public DbSet<PortalDocument> PortalDocuments => Set<PortalDocument>();

    public DbSet<AttestationRound> AttestationRounds => Set<AttestationRound>();

    public DbSet<Attestation> Attestations => Set<Attestation>();

    public DbSet<DutyToInformReport> DutyToInformReports => Set<DutyToInformReport>();
    // Quality reports: templates are the municipality's; a report belongs to its provider and is filtered by it.
    public DbSet<QualityReportTemplate> QualityReportTemplates => Set<QualityReportTemplate>();

    public DbSet<TemplateQuestion> TemplateQuestions => Set<TemplateQuestion>();

    public DbSet<QualityReport> QualityReports => Set<QualityReport>();

    public DbSet<Review> Reviews => Set<Review>();

    public DbSet<ReviewUnit> ReviewUnits => Set<ReviewUnit>();

    public DbSet<ReviewFinding> ReviewFindings => Set<ReviewFinding>();

    public DbSet<InterviewNote> InterviewNotes => Set<InterviewNote>();

    public DbSet<ReviewResponse> ReviewResponses => Set<ReviewResponse>();

    public DbSet<ReviewStep> ReviewSteps => Set<ReviewStep>();

    public DbSet<ReviewParticipant> ReviewParticipants => Set<ReviewParticipant>();

    // Deficiencies and action plans: a provider's own, a district's units'.
    public DbSet<ActionPlan> ActionPlans => Set<ActionPlan>();

    public DbSet<Deficiency> Deficiencies => Set<Deficiency>();

    public DbSet<PlannedAction> PlannedActions => Set<PlannedAction>();

    public DbSet<DeficiencyVerification> DeficiencyVerifications => Set<DeficiencyVerification>();

    public DbSet<ActionPlanStep> ActionPlanSteps => Set<ActionPlanStep>();

    // Sanctions: a provider reads its own once the committee has decided; a district its units'.
    public DbSet<Sanction> Sanctions => Set<Sanction>();

    public DbSet<SanctionStep> SanctionSteps => Set<SanctionStep>();

    // The council board's decisions on the council-wide review and its commissions: the municipality's, never a provider's.
    public DbSet<CouncilReviewDecision> CouncilReviewDecisions => Set<CouncilReviewDecision>();

    public DbSet<Commission> Commissions => Set<Commission>();

    public DbSet<CommissionStep> CommissionSteps => Set<CommissionStep>();

    // Annual quality reports: the municipality's staff; the public reads those the committee has decided.
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();

    // Quality bonus models and their saved scenarios (decision 0043): the municipality's planning material, never a provider's.
    public DbSet<BonusModel> BonusModels => Set<BonusModel>();

    public DbSet<BonusCriterion> BonusCriteria => Set<BonusCriterion>();

    public DbSet<BonusScenario> BonusScenarios => Set<BonusScenario>();

    // Risk (decision 0031): the municipality's own; providers are kept out by the feature's policy, districts see all committees'.
    public DbSet<RiskMatrix> RiskMatrices => Set<RiskMatrix>();

    public DbSet<RiskWeight> RiskWeights => Set<RiskWeight>();

    public DbSet<RiskAnalysis> RiskAnalyses => Set<RiskAnalysis>();

    public DbSet<ReviewSelection> ReviewSelections => Set<ReviewSelection>();

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>Units' timelines as stored (decision 0027): written by the timeline's sources, filtered like what they come from.</summary>
    public DbSet<UnitTimelineEntry> UnitTimelineEntries => Set<UnitTimelineEntry>();

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        ApplyScopeFilters(builder);
    }

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.AddInterceptors(ActorRequired.Instance);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        if (Database.IsSqlite())
        {
            // SQLite has no instant type; as ticks the values sort and compare correctly.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }
}
