using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Portal;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Portal;

namespace Uppsikt.Web.Features.Portal.Attestations;

public sealed record RoundRow(Guid Id, int Year, DateOnly DueOn, DateOnly OpenedOn, int Expected, int Signed, bool PastDue);

/// <summary>One provider × choice system expected to attest in a round, and how far it has come.</summary>
public sealed record RoundEntry(Guid ProviderId, string ProviderName, Guid ChoiceSystemId, string ChoiceSystemName, Guid? AttestationId,
    DateTimeOffset? SignedAt, int NotMet, bool Missing);

/// <summary>A provider's attestation for a choice system that a round expects and that is not signed.</summary>
public sealed record MissingAttestation(Guid ProviderId, Guid ChoiceSystemId, string ChoiceSystemName);

public sealed record RoundStatus(RoundRow Round, IReadOnlyList<RoundEntry> Entries)
{
    public IEnumerable<RoundEntry> MissingEntries => Entries.Where(e => e.Missing);
}

public sealed record AttestationForm(Guid RoundId, int Year, DateOnly DueOn, Guid ChoiceSystemId, string ChoiceSystemName, IReadOnlyList<AttestationAnswerView> Answers);

/// <summary>A condition and the provider's answer; with the version of the condition the attestation's year asks about where it is shown in full.</summary>
public sealed record AttestationAnswerView(Guid ConditionId, string Code, string Title, bool? Met, string? Explanation, ConditionVersionRef? Version = null);

public sealed record AttestationView(Guid Id, int Year, Guid ProviderId, string ProviderName, Guid ChoiceSystemId, string ChoiceSystemName,
    string? SignedByName, string? SignedByRole, DateTimeOffset? SignedAt, IReadOnlyList<AttestationAnswerView> Answers);

public sealed record ConditionAnswerInput(Guid ConditionId, bool? Met, [DataType(DataType.MultilineText)] string? Explanation);

public sealed record AttestationInput(Guid RoundId, Guid ChoiceSystemId, IReadOnlyList<ConditionAnswerInput>? Answers, string? Name, string? Role);

public sealed record RoundInput(int? Year, DateOnly? DueOn);

/// <summary>
/// Annual attestation rounds: the municipality opens one per year with a deadline; every provider attests each choice system
/// it holds an active authorisation in, condition by condition, and signs by name and role.
/// </summary>
public sealed class AttestationsHandler(AppDbContext db, ConditionsInForce conditions, TimeProvider clock) : IPortalRequestSource, IPortalMatterSource
{
    /// <summary>The matter kind of a provider's signed attestation in a round, for portal threads about it.</summary>
    public const string MatterKind = nameof(Attestation);

    string IPortalMatterSource.MatterKind => MatterKind;

    async Task<PortalMatter?> IPortalMatterSource.FindMatterAsync(Guid id, CancellationToken cancellationToken) =>
        await db.Attestations.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                a.ProviderId,
                Year = db.AttestationRounds.Where(r => r.Id == a.RoundId).Select(r => r.Year).First(),
                ChoiceSystem = db.ChoiceSystems.Where(c => c.Id == a.ChoiceSystemId).Select(c => c.Name).First(),
            })
            .FirstOrDefaultAsync(cancellationToken) is { } a
            ? new PortalMatter(MatterKind, id, a.ProviderId, $"Egenintygande {a.Year}: {a.ChoiceSystem}", $"/Portal/Attestations/Details/{id}")
            : null;

    public async Task<List<RoundRow>> RoundsAsync(CancellationToken cancellationToken)
    {
        var rounds = await db.AttestationRounds.AsNoTracking().OrderByDescending(r => r.Year).ToListAsync(cancellationToken);
        var rows = new List<RoundRow>();
        foreach (var round in rounds)
        {
            rows.Add((await StatusAsync(round, cancellationToken)).Round);
        }
        return rows;
    }

    public async Task<RoundStatus?> RoundAsync(Guid id, CancellationToken cancellationToken) =>
        await db.AttestationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is { } round
            ? await StatusAsync(round, cancellationToken)
            : null;

    /// <summary>
    /// The latest round whose last day is before <paramref name="today"/>, and the attestations of its expected ones (a provider's
    /// active authorisation in a choice system, as the round's status counts them) still not signed, of the providers
    /// <paramref name="providerIds"/>; null when there is no such round. Two queries, which read only what is missing: the round's status
    /// would read every provider's attestation with its answers.
    /// </summary>
    public async Task<(AttestationRound Round, IReadOnlyList<MissingAttestation> Missing)?> MissingInLatestPastDueAsync(
        IReadOnlyCollection<Guid> providerIds, DateOnly today, CancellationToken cancellationToken)
    {
        var round = await db.AttestationRounds.AsNoTracking().Where(r => r.DueOn < today).OrderByDescending(r => r.DueOn).ThenByDescending(r => r.Year)
            .FirstOrDefaultAsync(cancellationToken);
        if (round is null)
        {
            return null;
        }
        var missing = await db.Authorisations.AsNoTracking()
            .Where(a => a.Status == AuthorisationStatus.Active && providerIds.Contains(a.ProviderId)
                && !db.Attestations.Any(t => t.RoundId == round.Id && t.ProviderId == a.ProviderId && t.ChoiceSystemId == a.ChoiceSystemId && t.SignedAt != null))
            .Select(a => new MissingAttestation(a.ProviderId, a.ChoiceSystemId, a.ChoiceSystem!.Name))
            .Distinct()
            .ToListAsync(cancellationToken);
        return (round, missing);
    }

    public async Task<SaveResult> OpenRoundAsync(RoundInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var today = clock.SwedishToday();
        if (input.Year is not { } year || year < 2000 || year > today.Year + 1)
        {
            check.Add(nameof(RoundInput.Year), $"Ange ett år mellan 2000 och {today.Year + 1}.");
        }
        else if (await db.AttestationRounds.AnyAsync(r => r.Year == year, cancellationToken))
        {
            check.Add(nameof(RoundInput.Year), $"Det finns redan en omgång för {year}.");
        }
        if (input.DueOn is not { } due)
        {
            check.Add(nameof(RoundInput.DueOn), "Ange sista dag att lämna egenintygandet.");
        }
        else if (due < today)
        {
            check.Add(nameof(RoundInput.DueOn), "Sista dagen kan inte ligga före dagens datum.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        var round = new AttestationRound { Year = input.Year!.Value, DueOn = input.DueOn!.Value, OpenedOn = today };
        db.AttestationRounds.Add(round);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(round.Id);
    }

    /// <summary>The empty form for a provider's attestation, or null when the provider has nothing to attest there (or already has).</summary>
    public async Task<AttestationForm?> FormAsync(Guid providerId, Guid roundId, Guid choiceSystemId, CancellationToken cancellationToken)
    {
        var round = await db.AttestationRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, cancellationToken);
        if (round is null || !await ExpectedAsync(providerId, choiceSystemId, cancellationToken)
            || await db.Attestations.AnyAsync(a => a.RoundId == roundId && a.ProviderId == providerId && a.ChoiceSystemId == choiceSystemId, cancellationToken))
        {
            return null;
        }
        var name = await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == choiceSystemId).Select(c => c.Name).FirstAsync(cancellationToken);
        var set = await conditions.VersionsDuringAsync(choiceSystemId, round.Year, cancellationToken);
        return new AttestationForm(round.Id, round.Year, round.DueOn, choiceSystemId, name,
            [.. set.OrderBy(c => c.Code, StringComparer.Ordinal).Select(c => new AttestationAnswerView(c.ConditionId, c.Code, c.Title, null, null, c))]);
    }

    /// <summary>Records and signs a provider's attestation; nothing is saved unless every condition is answered and it is signed.</summary>
    public async Task<SaveResult> AttestAsync(Guid providerId, AttestationInput input, CancellationToken cancellationToken)
    {
        if (await FormAsync(providerId, input.RoundId, input.ChoiceSystemId, cancellationToken) is not { } form)
        {
            return SaveResult.Missing();
        }
        var given = (input.Answers ?? []).GroupBy(a => a.ConditionId).ToDictionary(g => g.Key, g => g.First());
        var attestation = new Attestation
        {
            RoundId = input.RoundId,
            ProviderId = providerId,
            ChoiceSystemId = input.ChoiceSystemId,
            Answers = [.. form.Answers.Select(a => new AttestationAnswer
            {
                ConditionId = a.ConditionId,
                ConditionCode = a.Code,
                ConditionTitle = a.Title,
                Met = given.GetValueOrDefault(a.ConditionId)?.Met,
                Explanation = given.GetValueOrDefault(a.ConditionId)?.Explanation?.Trim() is { Length: > 0 } text ? text : null,
            })],
        };
        var refused = attestation.Sign(input.Name, input.Role, clock.GetUtcNow());
        var check = new Validation();
        for (var i = 0; i < attestation.Answers.Count; i++)
        {
            check.NoPersonalIdentityNumber(Attestation.AnswerField(i), "förklaringen", attestation.Answers[i].Explanation);
            if (attestation.Answers[i].Explanation?.Length > 4000)
            {
                check.Add(Attestation.AnswerField(i), "Förklaringen får vara högst 4000 tecken.");
            }
        }
        if (refused.Count > 0 || !check.IsValid)
        {
            return SaveResult.Refused([.. refused, .. check.Fail().Refusals]);
        }
        db.Attestations.Add(attestation);
        await db.SaveChangesAsync(cancellationToken);
        return SaveResult.Saved(attestation.Id);
    }

    public async Task<AttestationView?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var row = await db.Attestations.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Attestation = a,
                Year = db.AttestationRounds.Where(r => r.Id == a.RoundId).Select(r => r.Year).First(),
                Provider = db.Providers.Where(p => p.Id == a.ProviderId).Select(p => p.Name).First(),
                ChoiceSystem = db.ChoiceSystems.Where(c => c.Id == a.ChoiceSystemId).Select(c => c.Name).First(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (row is null)
        {
            return null;
        }
        var a = row.Attestation;
        return new AttestationView(a.Id, row.Year, a.ProviderId, row.Provider, a.ChoiceSystemId, row.ChoiceSystem, a.SignedByName, a.SignedByRole,
            a.SignedAt, [.. a.Answers.Select(x => new AttestationAnswerView(x.ConditionId, x.ConditionCode, x.ConditionTitle, x.Met, x.Explanation))]);
    }

    /// <summary>
    /// The attestation with each condition's version in force in its year (the wording the provider attested to), read in one
    /// query: for its page, not for the lists.
    /// </summary>
    public async Task<AttestationView?> GetWithConditionsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await GetAsync(id, cancellationToken) is not { } view)
        {
            return null;
        }
        var versions = await conditions.VersionsOfYearAsync(view.Answers.Select(a => a.ConditionId), view.Year, cancellationToken);
        return view with { Answers = [.. view.Answers.Select(a => a with { Version = versions.GetValueOrDefault(a.ConditionId) })] };
    }

    /// <summary>A provider's attestations, newest round first.</summary>
    public async Task<List<AttestationView>> ForProviderAsync(Guid providerId, CancellationToken cancellationToken)
    {
        var ids = await db.Attestations.AsNoTracking().Where(a => a.ProviderId == providerId).Select(a => a.Id).ToListAsync(cancellationToken);
        var views = new List<AttestationView>();
        foreach (var id in ids)
        {
            views.Add((await GetAsync(id, cancellationToken))!);
        }
        return [.. views.OrderByDescending(v => v.Year).ThenBy(v => v.ChoiceSystemName, StringComparer.Ordinal)];
    }

    /// <summary>Attestations the provider has yet to give in open rounds: one request per choice system.</summary>
    public async Task<IReadOnlyList<PortalRequest>> OpenRequestsAsync(Guid providerId, DateOnly today, CancellationToken cancellationToken)
    {
        var requests = new List<PortalRequest>();
        foreach (var round in await db.AttestationRounds.AsNoTracking().ToListAsync(cancellationToken))
        {
            var status = await StatusAsync(round, cancellationToken);
            requests.AddRange(status.Entries.Where(e => e.ProviderId == providerId && e.AttestationId is null)
                .Select(e => new PortalRequest("Egenintygande att lämna", $"Egenintygande {round.Year}: {e.ChoiceSystemName}", round.DueOn,
                    $"/Portal/Attestations/Attest/{round.Id}/{e.ChoiceSystemId}", round.IsPastDue(today))));
        }
        return requests;
    }

    private Task<bool> ExpectedAsync(Guid providerId, Guid choiceSystemId, CancellationToken cancellationToken) =>
        db.Authorisations.AnyAsync(a => a.ProviderId == providerId && a.ChoiceSystemId == choiceSystemId && a.Status == AuthorisationStatus.Active, cancellationToken);

    /// <summary>Every active authorisation is expected to attest; one without an attestation after the deadline is missing.</summary>
    private async Task<RoundStatus> StatusAsync(AttestationRound round, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var expected = await db.Authorisations.AsNoTracking().Where(a => a.Status == AuthorisationStatus.Active)
            .Select(a => new { a.ProviderId, Provider = a.Provider!.Name, a.ChoiceSystemId, ChoiceSystem = a.ChoiceSystem!.Name })
            .Distinct().ToListAsync(cancellationToken);
        // One attestation per provider and choice system in a round (a unique index): looked up, not searched, for a large city's
        // thousands of expected attestations.
        var given = await db.Attestations.AsNoTracking().Where(a => a.RoundId == round.Id)
            .ToDictionaryAsync(a => (a.ProviderId, a.ChoiceSystemId), cancellationToken);
        var entries = expected
            .Select(e => (Entry: e, Attestation: given.GetValueOrDefault((e.ProviderId, e.ChoiceSystemId))))
            .Select(x => new RoundEntry(x.Entry.ProviderId, x.Entry.Provider, x.Entry.ChoiceSystemId, x.Entry.ChoiceSystem, x.Attestation?.Id,
                x.Attestation?.SignedAt, x.Attestation?.Answers.Count(a => a.Met == false) ?? 0, x.Attestation is null && round.IsPastDue(today)))
            .OrderBy(e => e.ProviderName, StringComparer.Ordinal).ThenBy(e => e.ChoiceSystemName, StringComparer.Ordinal)
            .ToList();
        return new RoundStatus(new RoundRow(round.Id, round.Year, round.DueOn, round.OpenedOn, entries.Count, entries.Count(e => e.AttestationId is not null),
            round.IsPastDue(today)), entries);
    }
}
