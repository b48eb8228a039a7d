using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Deficiencies;
using Uppsikt.Domain.Evidence;
using Uppsikt.Domain.Identity;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Data;
using Uppsikt.Web.Features.Evidence.Indicators;

namespace Uppsikt.Bench;

/// <summary>
/// What raises a generated unit's risk besides its review history (decision 0031), so that every signal table the risk score
/// reads holds rows at the register's scale: complaints and incidents of the last two years spread over the units, an action
/// plan with an open deficiency and an overdue action from a serious complaint at some of them, changes reported by some
/// providers, attestations of most providers in the demo's latest attestation round (the rest are missing), and indicator
/// results against targets for the elderly-care choice systems. Sanctions and quality reports are left to the demo data: their
/// workflows need documents and templates the register has no use for. The history unit gets none of it, so its timeline stays
/// as the load benchmark measures it. Seeded, so every run makes the same data; written through <see cref="AppDbContext"/>.
/// </summary>
public sealed class RiskSignalGenerator(AppDbContext db)
{
    private const int Seed = 20261215;
    private const int BatchSize = 1_000;

    private static readonly WorkflowActor Developer = new(null, "Generator (fiktiv)", [Roles.QualityDeveloper]);

    private readonly Random _random = new(Seed);

    public sealed record Counts(int Complaints, int Incidents, int ActionPlans, int ChangeReports, int Attestations, int Outcomes);

    /// <param name="unitIds">The generated open units; the first is the history unit and is left alone.</param>
    public async Task<Counts> FillAsync(IReadOnlyList<Guid> unitIds, DateOnly today, CancellationToken cancellationToken)
    {
        var chosen = unitIds.Skip(1).ToHashSet();
        var units = (await db.Units.AsNoTracking().Where(u => u.ProviderId != null)
                .Select(u => new { u.Id, ProviderId = u.ProviderId!.Value, u.Ownership, ChoiceSystems = u.ChoiceSystems.Select(c => c.Id).ToList() })
                .ToListAsync(cancellationToken))
            .Where(u => chosen.Contains(u.Id)).OrderBy(u => u.Id).ToList();

        int complaints = 0, incidents = 0, plans = 0;
        foreach (var batch in units.Chunk(BatchSize))
        {
            foreach (var unit in batch)
            {
                for (var i = _random.Next(10) switch { < 6 => 0, < 8 => 1, 8 => 2, _ => 3 }; i > 0; i--)
                {
                    var received = today.AddDays(-1 - _random.Next(730));
                    var complaint = new Complaint
                    {
                        UnitId = unit.Id,
                        ReceivedOn = received,
                        Channel = (ComplaintChannel)(1 + _random.Next(Enum.GetValues<ComplaintChannel>().Length)),
                        Category = (ComplaintCategory)(1 + _random.Next(Enum.GetValues<ComplaintCategory>().Length)),
                        Severity = _random.Next(8) == 0 ? Severity.Serious : (Severity)(1 + _random.Next(2)),
                        Summary = "Klagomål på insatsen (genererat).",
                    };
                    db.Complaints.Add(complaint);
                    complaints++;
                    if (complaint.Severity == Severity.Serious && _random.Next(2) == 0 && received.AddDays(90) < today
                        && unit.Ownership != Ownership.InHouse)
                    {
                        db.ActionPlans.Add(ActionPlanFrom(complaint, unit.ProviderId, received));
                        plans++;
                    }
                }
                for (var i = _random.Next(10) switch { < 7 => 0, < 9 => 1, _ => 2 }; i > 0; i--)
                {
                    var occurred = today.AddDays(-1 - _random.Next(730));
                    db.Incidents.Add(new Incident
                    {
                        UnitId = unit.Id,
                        OccurredOn = occurred,
                        ReportedOn = occurred.AddDays(1),
                        Kind = _random.Next(6) == 0 ? IncidentKind.LexSarah : IncidentKind.Deviation,
                        Severity = _random.Next(10) == 0 ? Severity.Serious : (Severity)(1 + _random.Next(2)),
                        Summary = "Avvikelse i verksamheten (genererad).",
                        ReportedBy = IncidentReporter.Provider,
                    });
                    incidents++;
                }
            }
            await SaveAsync(cancellationToken);
        }

        var changes = 0;
        foreach (var providerId in units.Select(u => u.ProviderId).Distinct().Order())
        {
            if (_random.Next(20) != 0)
            {
                continue;
            }
            for (var i = 1 + _random.Next(2); i > 0; i--)
            {
                var on = today.AddDays(-1 - _random.Next(540));
                db.DutyToInformReports.Add(new DutyToInformReport
                {
                    ProviderId = providerId,
                    Category = (DutyToInformCategory)(1 + _random.Next(Enum.GetValues<DutyToInformCategory>().Length)),
                    Text = "Anmäld förändring hos anordnaren (genererad).",
                    ReportedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero),
                    ReportedBy = "Verksamhetschef (fiktiv)",
                });
                changes++;
            }
        }
        await SaveAsync(cancellationToken);

        var attestations = await AttestAsync([.. units.Select(u => u.ProviderId).Distinct()], today, cancellationToken);
        var outcomes = await AddOutcomesAsync([.. units.Select(u => (u.Id, u.ChoiceSystems))], today, cancellationToken);
        return new Counts(complaints, incidents, plans, changes, attestations, outcomes);
    }

    /// <summary>
    /// The plan a serious complaint gives: one deficiency, registered a week after the complaint, fixed within three months; the
    /// provider's action planned, the plan submitted and approved; the action not reported done, so it is overdue once its date
    /// has passed and the deficiency stays open.
    /// </summary>
    private ActionPlan ActionPlanFrom(Complaint complaint, Guid providerId, DateOnly received)
    {
        var registered = received.AddDays(7);
        var (plan, refusal) = ActionPlan.FromMatter(
            new DeficiencyMatter(DeficiencyOrigin.Complaint, complaint.Id, "Allvarligt klagomål (genererat)", providerId, complaint.UnitId, false, false, true),
            new DeficiencyInput(_random.Next(3) == 0 ? Assessment.SeriousDeficiency : Assessment.MinorDeficiency, "Trygghet och säkerhet",
                "Brist som klagomålet visade (genererad).", "Åtgärda bristen (genererad).", 3, null),
            Developer, Moment(registered), registered, 30);
        Check(refusal);
        var provider = new WorkflowActor(null, "Verksamhetschef (fiktiv)", [Roles.ProviderUser], null, providerId);
        Check(plan!.AddAction(provider, plan.Deficiencies[0].Id, "Ta fram och inför en rutin (genererad).", "Verksamhetschef (fiktiv)",
            registered.AddDays(30 + _random.Next(50)), registered).Refusal);
        Check(plan.Submit(provider, Moment(registered.AddDays(10)), null));
        Check(plan.Approve(Developer, Moment(registered.AddDays(14)), null));
        return plan;
    }

    /// <summary>Signed attestations in the latest round whose last day has passed, for about nine in ten of the providers' choice systems.</summary>
    private async Task<int> AttestAsync(HashSet<Guid> providerIds, DateOnly today, CancellationToken cancellationToken)
    {
        var round = await db.AttestationRounds.AsNoTracking().Where(r => r.DueOn < today).OrderByDescending(r => r.DueOn).FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return 0;
        }
        var conditions = await db.Conditions.AsNoTracking().Where(c => c.ChoiceSystemId == null).OrderBy(c => c.Code)
            .Select(c => new { c.Id, c.Code, Title = c.Versions.OrderByDescending(v => v.Number).Select(v => v.Title).First() })
            .ToListAsync(cancellationToken);
        var expected = (await db.Authorisations.AsNoTracking().Where(a => a.Status == AuthorisationStatus.Active)
                .Select(a => new { a.ProviderId, a.ChoiceSystemId }).Distinct().ToListAsync(cancellationToken))
            .Where(a => providerIds.Contains(a.ProviderId)).OrderBy(a => a.ProviderId).ThenBy(a => a.ChoiceSystemId).ToList();
        var count = 0;
        foreach (var pair in expected)
        {
            if (_random.Next(10) == 0)
            {
                continue;
            }
            var attestation = new Attestation
            {
                RoundId = round.Id,
                ProviderId = pair.ProviderId,
                ChoiceSystemId = pair.ChoiceSystemId,
                Answers = [.. conditions.Select(c => new AttestationAnswer { ConditionId = c.Id, ConditionCode = c.Code, ConditionTitle = c.Title, Met = true })],
            };
            if (attestation.Sign("Verksamhetschef (fiktiv)", "Verksamhetschef", Moment(round.DueOn.AddDays(-1 - _random.Next(20)))) is [var refused, ..])
            {
                throw new InvalidOperationException($"A generated attestation was refused: {refused.Message}");
            }
            db.Attestations.Add(attestation);
            if (++count % BatchSize == 0)
            {
                await SaveAsync(cancellationToken);
            }
        }
        await SaveAsync(cancellationToken);
        return count;
    }

    /// <summary>
    /// The demo's elderly-care indicators get targets in the generated choice systems of the same kind (Kolada's unit types V21,
    /// V23), and their units results for the last two years, about one in four below target.
    /// </summary>
    private async Task<int> AddOutcomesAsync(List<(Guid Id, List<Guid> ChoiceSystems)> units, DateOnly today, CancellationToken cancellationToken)
    {
        var indicators = await db.Indicators.AsNoTracking().Include(i => i.Targets).ToDictionaryAsync(i => i.Code, cancellationToken);
        var byKind = new Dictionary<string, string[]> { ["V21"] = [DemoIndicators.HomeCareSatisfaction, "HT-KONT"], ["V23"] = ["SABO-NOJD", "SABO-VANT"] };
        if (byKind.Values.SelectMany(c => c).Any(code => !indicators.ContainsKey(code)))
        {
            return 0;
        }
        var generated = units.SelectMany(u => u.ChoiceSystems).ToHashSet();
        var choiceSystems = (await db.ChoiceSystems.AsNoTracking().Where(c => c.KoladaUnitTypes == "V21" || c.KoladaUnitTypes == "V23")
                .Select(c => new { c.Id, c.KoladaUnitTypes }).ToListAsync(cancellationToken))
            .Where(c => generated.Contains(c.Id)).ToDictionary(c => c.Id, c => byKind[c.KoladaUnitTypes!]);
        foreach (var (choiceSystemId, codes) in choiceSystems.OrderBy(c => c.Key))
        {
            foreach (var code in codes)
            {
                db.Targets.Add(new Target { IndicatorId = indicators[code].Id, ChoiceSystemId = choiceSystemId, Value = indicators[code].Targets[0].Value });
            }
        }
        int count = 0, pending = 0;
        foreach (var unit in units)
        {
            var codes = unit.ChoiceSystems.Where(choiceSystems.ContainsKey).SelectMany(c => choiceSystems[c]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (var code in codes)
            {
                var indicator = indicators[code];
                var target = indicator.Targets[0].Value;
                for (var year = today.Year - 2; year < today.Year; year++)
                {
                    // From a tenth below the target to three tenths above it (for the better), so one in four is below it.
                    var value = Math.Round(target * (0.9 + _random.NextDouble() * 0.4), 1);
                    db.Outcomes.Add(new Outcome
                    {
                        IndicatorId = indicator.Id,
                        UnitId = unit.Id,
                        Year = year,
                        PeriodKind = PeriodKind.Year,
                        Value = indicator.Direction == Direction.HigherIsBetter ? value : Math.Round(target * 2 - value, 1),
                    });
                    count++;
                    pending++;
                }
            }
            if (pending >= BatchSize)
            {
                await SaveAsync(cancellationToken);
                pending = 0;
            }
        }
        await SaveAsync(cancellationToken);
        await OutcomeAverages.RebuildAsync(db, [.. byKind.Values.SelectMany(c => c).Select(code => indicators[code].Id)], cancellationToken);
        return count;
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    private static DateTimeOffset Moment(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);

    private static void Check(Refusal? refusal)
    {
        if (refusal is not null)
        {
            throw new InvalidOperationException($"A generated risk signal was refused: {refusal.Message}");
        }
    }
}
