using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Evidence;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Evidence.Observations;

public sealed record ObservationRow
{
    public required Guid Id { get; init; }
    public DateOnly ObservedOn { get; init; }
    public required string UnitName { get; init; }
    public ComplaintCategory Category { get; init; }
    public Severity Severity { get; init; }
    public required string Summary { get; init; }
    public EvidenceSource Source { get; init; }
    public string? RecordedBy { get; init; }
}

public sealed record ObservationInput(DateOnly? ObservedOn, Guid? UnitId, ComplaintCategory? Category, Severity? Severity, [DataType(DataType.MultilineText)] string? Summary);

/// <summary>Case workers' observations of units: recorded by case workers, read by the municipality's staff.</summary>
public sealed class ObservationsHandler(AppDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public static readonly SortColumns<ObservationRow> Sort = new SortColumns<ObservationRow>("observed")
        .Add("observed", o => o.ObservedOn)
        .Add("unit", o => o.UnitName)
        .Add("severity", o => o.Severity);

    /// <param name="recordedById">Only the observations this user recorded (the list's "Mine").</param>
    public Task<PagedList<ObservationRow>> ListAsync(ListQuery list, Guid? unitId, Guid? providerId, string? recordedById, CancellationToken cancellationToken)
    {
        var observations = db.CaseWorkerObservations.AsNoTracking();
        if (recordedById is not null)
        {
            observations = observations.Where(o => o.RecordedById == recordedById);
        }
        if (unitId is { } uid)
        {
            observations = observations.Where(o => o.UnitId == uid);
        }
        if (providerId is { } pid)
        {
            observations = observations.Where(o => o.Unit!.ProviderId == pid);
        }
        return observations
            .Select(o => new ObservationRow
            {
                Id = o.Id,
                ObservedOn = o.ObservedOn,
                UnitName = o.Unit!.Name,
                Category = o.Category,
                Severity = o.Severity,
                Summary = o.Summary,
                Source = o.Source,
                RecordedBy = o.RecordedBy,
            })
            .ToPageAsync(list with { Descending = list.Sort is null || list.Descending }, Sort, o => o.Id, cancellationToken);
    }

    public async Task<SaveResult> RecordAsync(ObservationInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        if (input.ObservedOn is not { } observed || observed > clock.SwedishToday())
        {
            check.Add(nameof(ObservationInput.ObservedOn), input.ObservedOn is null ? "Ange datum." : "Datumet kan inte ligga i framtiden.");
        }
        if (input.UnitId is null || !await db.Units.AnyAsync(u => u.Id == input.UnitId, cancellationToken))
        {
            check.Add(nameof(ObservationInput.UnitId), input.UnitId is null ? "Välj enhet." : "Enheten finns inte.");
        }
        if (input.Category is not { } category || !Enum.IsDefined(category))
        {
            check.Add(nameof(ObservationInput.Category), "Välj område.");
        }
        if (input.Severity is not { } severity || !Enum.IsDefined(severity))
        {
            check.Add(nameof(ObservationInput.Severity), "Välj allvarlighetsgrad.");
        }
        var summary = check.Required(nameof(ObservationInput.Summary), "iakttagelsen", input.Summary, 4000);
        check.NoPersonalIdentityNumber(nameof(ObservationInput.Summary), "iakttagelsen", summary);
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var observation = new CaseWorkerObservation
        {
            ObservedOn = input.ObservedOn!.Value,
            UnitId = input.UnitId!.Value,
            Category = input.Category!.Value,
            Severity = input.Severity!.Value,
            Summary = summary,
            RecordedBy = actor.DisplayName,
            RecordedById = actor.UserId,
        };
        db.CaseWorkerObservations.Add(observation);
        return await db.SaveOrConflictAsync(observation.Id, cancellationToken);
    }
}
