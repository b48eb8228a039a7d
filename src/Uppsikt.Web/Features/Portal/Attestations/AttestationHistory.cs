using Uppsikt.Data;
using Uppsikt.Domain.Portal;
using Uppsikt.Web.Infrastructure.Timeline;

namespace Uppsikt.Web.Features.Portal.Attestations;

/// <summary>
/// An attestation is its provider's, for one choice system and year; it shows on the timeline of each of the provider's units
/// that serve that choice system, when it was signed. The municipality and the provider itself read it; districts see none, as on
/// the attestation pages. A change to the attestation, or to a unit's provider or choice systems, rewrites the entries.
/// </summary>
public sealed class AttestationHistory() : UnitHistorySource<AttestationHistory.Row>(r => r.At, r => r.Id)
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

    public override void Touch(object entity, UnitHistoryTouches touches)
    {
        touches.Group<Attestation>(entity, a => a.Id);
        touches.UnitsServing(entity);
    }

    /// <summary>Each signed attestation with each unit of its provider that serves its choice system; none for a unit without a provider.</summary>
    protected override IQueryable<UnitHistoryRow<Row>> Rows(AppDbContext db) =>
        from attestation in db.Attestations
        where attestation.SignedAt != null
        join round in db.AttestationRounds on attestation.RoundId equals round.Id
        join choice in db.ChoiceSystems on attestation.ChoiceSystemId equals choice.Id
        from unit in db.Units
        where unit.ProviderId == attestation.ProviderId && unit.ChoiceSystems.Any(c => c.Id == choice.Id)
        select new UnitHistoryRow<Row>
        {
            UnitId = unit.Id,
            GroupId = attestation.Id,
            Row = new Row
            {
                Id = attestation.Id,
                At = attestation.SignedAt!.Value,
                Year = round.Year,
                ChoiceSystemName = choice.Name,
                SignedByName = attestation.SignedByName,
                SignedByRole = attestation.SignedByRole,
            },
        };

    protected override bool DistrictSees(Row row) => false;

    protected override UnitHistoryText Describe(Row row, Guid unitId) => new(
        $"Egenintygande {row.Year} undertecknat",
        $"{row.ChoiceSystemName}. Undertecknat av {row.SignedByName}, {row.SignedByRole}.",
        $"/Portal/Attestations/Details/{row.Id}");
}
