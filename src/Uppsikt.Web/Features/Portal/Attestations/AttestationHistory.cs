using Uppsikt.Data;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Portal.Attestations;

/// <summary>
/// An attestation is its provider's, for one choice system and year; it shows on the timeline of each of the provider's units
/// that serve that choice system, when it was signed. The municipality and the provider itself read it (the query filter;
/// districts see none, as on the attestation pages).
/// </summary>
public sealed class AttestationHistory(AppDbContext db) : UnitHistorySource<AttestationHistory.Row>(r => r.At, r => r.Id)
{
    public static readonly UnitHistoryKind Attestations = new("attestation", "Egenintyganden", 70);

    public sealed class Row
    {
        public Guid Id { get; init; }
        public DateTimeOffset At { get; init; }
        public int Year { get; init; }
        public required string ChoiceSystemName { get; init; }
        public string? SignedByName { get; init; }
        public string? SignedByRole { get; init; }
    }

    public override string Key => "attestation";

    public override UnitHistoryKind Kind => Attestations;

    /// <summary>A unit without a provider has none: no attestation's provider equals null.</summary>
    protected override IQueryable<Row> Rows(HistoryUnit unit) =>
        from attestation in db.Attestations
        where attestation.ProviderId == unit.ProviderId && attestation.SignedAt != null && unit.ChoiceSystemIds.Contains(attestation.ChoiceSystemId)
        join round in db.AttestationRounds on attestation.RoundId equals round.Id
        join choice in db.ChoiceSystems on attestation.ChoiceSystemId equals choice.Id
        select new Row
        {
            Id = attestation.Id,
            At = attestation.SignedAt!.Value,
            Year = round.Year,
            ChoiceSystemName = choice.Name,
            SignedByName = attestation.SignedByName,
            SignedByRole = attestation.SignedByRole,
        };

    protected override UnitHistoryText Describe(Row row, HistoryUnit unit) => new(
        $"Egenintygande {row.Year} undertecknat",
        $"{row.ChoiceSystemName}. Undertecknat av {row.SignedByName}, {row.SignedByRole}.",
        $"/Portal/Attestations/Details/{row.Id}");
}
