using Uppsikt.Domain;
using Uppsikt.Domain.Reviews;

namespace Uppsikt.Web.Infrastructure.Reviews;

/// <summary>
/// What follows from a review's report becoming final, in the same unit of work: the deficiencies feature registers the
/// deficiencies its findings found. The reviews feature asks every registered follow-up after the domain has finalised the
/// report and before it saves; a refusal leaves the report as it was.
/// </summary>
public interface IFinalReportFollowUp
{
    Task<Refusal?> FinalisedAsync(Review review, WorkflowActor actor, CancellationToken cancellationToken);
}
