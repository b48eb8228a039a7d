namespace Uppsikt.Domain.Evidence;

/// <summary>
/// An indicator's results for one year released for publication (decision 0044): only released results reach the public pages
/// and the open data, and never one from fewer answers than the minimum. Withdrawing the release removes the record; the audit
/// trail keeps who released and who withdrew.
/// </summary>
public sealed class ResultRelease : Entity
{
    public Guid IndicatorId { get; init; }

    public int Year { get; init; }

    public string? ReleasedByUserId { get; init; }

    public required string ReleasedByName { get; init; }

    public DateTimeOffset ReleasedAt { get; init; }

    /// <summary>Only a quality developer or an administrator releases or withdraws results.</summary>
    public static Refusal? RefuseReleaser(WorkflowActor actor) =>
        actor.IsIn(Identity.Roles.QualityDeveloper, Identity.Roles.Administrator) ? null
            : Refusal.NotAllowed("Bara en kvalitetsutvecklare eller administratör får frisläppa resultat för publicering.");
}
