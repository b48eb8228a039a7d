using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;

namespace Uppsikt.Web.Infrastructure.Deficiencies;

/// <summary>
/// What follows when a follow-up finds a deficiency still there, in the same unit of work: the sanctions feature proposes the
/// next step of the ladder (rule 2). The deficiencies feature asks every registered one after the domain has recorded the
/// verification and before it saves.
/// </summary>
public interface IPersistingDeficiency
{
    Task PersistedAsync(ActionPlan plan, Guid deficiencyId, WorkflowActor actor, CancellationToken cancellationToken);
}
