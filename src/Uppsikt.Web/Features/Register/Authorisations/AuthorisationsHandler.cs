using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Authorisations;

/// <summary>An authorisation in a list. Built with an object initialiser, not a constructor, so that EF Core can sort by its properties in SQL.</summary>
public sealed record AuthorisationRow
{
    public required Guid Id { get; init; }
    public Guid ProviderId { get; init; }
    public required string ProviderName { get; init; }
    public Guid ChoiceSystemId { get; init; }
    public required string ChoiceSystemName { get; init; }
    public AgreementKind Kind { get; init; }
    public AuthorisationStatus Status { get; init; }
    public string? CaseNumber { get; init; }
    public DateOnly? ValidFrom { get; init; }
    public DateOnly? ValidTo { get; init; }
}

public sealed record AuthorisationDetails(
    Guid Id, Guid ProviderId, string ProviderName, Guid ChoiceSystemId, string ChoiceSystemName, Guid CommitteeId, string CommitteeName,
    DateOnly? ChoiceSystemPhasedOutOn, bool ChoiceSystemPhasedOut, AgreementKind Kind, AuthorisationStatus Status, string? CaseNumber,
    DateOnly? DecidedOn, DateOnly? ValidFrom, DateOnly? ValidTo, string? Notes, bool InForceToday, int Version);

/// <summary>What a person or integration sends to create or change an authorisation or contract.</summary>
public sealed record AuthorisationInput(
    Guid? ProviderId, Guid? ChoiceSystemId, AgreementKind? Kind, AuthorisationStatus? Status, string? CaseNumber,
    DateOnly? DecidedOn, DateOnly? ValidFrom, DateOnly? ValidTo, [DataType(DataType.MultilineText)] string? Notes, int Version = 0);

/// <summary>
/// Reads and writes authorisations and contracts; the pages and <c>/api/v1/authorisations</c> both call it.
/// Every query goes through the scoped context, so a provider user only ever finds its own.
/// </summary>
public sealed class AuthorisationsHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>The statuses in which an authorisation is still open: applied for, in force or paused.</summary>
    private static readonly AuthorisationStatus[] Open = [AuthorisationStatus.Applied, AuthorisationStatus.Active, AuthorisationStatus.Suspended];

    public static readonly SortColumns<AuthorisationRow> Sort = new SortColumns<AuthorisationRow>("provider")
        .Add("provider", a => a.ProviderName)
        .Add("choiceSystem", a => a.ChoiceSystemName)
        .AddInDeclaredOrder("status", a => a.Status)
        .Add("validFrom", a => a.ValidFrom);

    public Task<PagedList<AuthorisationRow>> ListAsync(ListQuery list, AuthorisationStatus? status, Guid? choiceSystemId, Guid? providerId,
        CancellationToken cancellationToken)
    {
        var authorisations = db.Authorisations.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(list.Search))
        {
            // The authorisation's own words (case number, notes) or its provider's name.
            var pattern = SearchText.Pattern(list.Search);
            authorisations = authorisations.Where(a =>
                EF.Functions.Like(EF.Property<string>(a, SearchText.Column), pattern, "\\")
                || EF.Functions.Like(EF.Property<string>(a.Provider!, SearchText.Column), pattern, "\\"));
        }
        if (status is { } s)
        {
            authorisations = authorisations.Where(a => a.Status == s);
        }
        if (choiceSystemId is { } cid)
        {
            authorisations = authorisations.Where(a => a.ChoiceSystemId == cid);
        }
        if (providerId is { } pid)
        {
            authorisations = authorisations.Where(a => a.ProviderId == pid);
        }
        return authorisations
            .Select(a => new AuthorisationRow
            {
                Id = a.Id,
                ProviderId = a.ProviderId,
                ProviderName = a.Provider!.Name,
                ChoiceSystemId = a.ChoiceSystemId,
                ChoiceSystemName = a.ChoiceSystem!.Name,
                Kind = a.Kind,
                Status = a.Status,
                CaseNumber = a.CaseNumber,
                ValidFrom = a.ValidFrom,
                ValidTo = a.ValidTo,
            })
            .ToPageAsync(list, Sort, a => a.Id, cancellationToken);
    }

    public async Task<AuthorisationDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var found = await db.Authorisations.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new
            {
                Authorisation = a,
                Provider = a.Provider!.Name,
                ChoiceSystem = a.ChoiceSystem!.Name,
                a.ChoiceSystem.CommitteeId,
                Committee = a.ChoiceSystem.Committee!.Name,
                a.ChoiceSystem.PhasedOutOn,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }
        var a = found.Authorisation;
        var today = clock.SwedishToday();
        return new AuthorisationDetails(
            a.Id, a.ProviderId, found.Provider, a.ChoiceSystemId, found.ChoiceSystem, found.CommitteeId, found.Committee, found.PhasedOutOn,
            found.PhasedOutOn <= today, a.Kind, a.Status, a.CaseNumber, a.DecidedOn, a.ValidFrom, a.ValidTo, a.Notes, a.IsInForce(today), a.Version);
    }

    public async Task<SaveResult> SaveAsync(Guid? id, AuthorisationInput input, CancellationToken cancellationToken)
    {
        var authorisation = id is null ? null : await db.Authorisations.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (id is not null && authorisation is null)
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        if (input.ProviderId is null)
        {
            check.Add(nameof(AuthorisationInput.ProviderId), "Välj anordnare.");
        }
        else if (!await db.Providers.AnyAsync(p => p.Id == input.ProviderId, cancellationToken))
        {
            check.Add(nameof(AuthorisationInput.ProviderId), "Anordnaren finns inte.");
        }
        var choice = input.ChoiceSystemId is null ? null
            : await db.ChoiceSystems.AsNoTracking().FirstOrDefaultAsync(c => c.Id == input.ChoiceSystemId, cancellationToken);
        if (choice is null)
        {
            check.Add(nameof(AuthorisationInput.ChoiceSystemId), input.ChoiceSystemId is null ? "Välj kundval." : "Kundvalet finns inte.");
        }
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
        {
            check.Add(nameof(AuthorisationInput.Kind), "Välj om det är en auktorisation eller ett avtal.");
        }
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            check.Add(nameof(AuthorisationInput.Status), "Välj status.");
        }
        string? caseNumber = null;
        if (!string.IsNullOrWhiteSpace(input.CaseNumber))
        {
            if (CaseNumber.TryParse(input.CaseNumber, out var parsed, out var error))
            {
                caseNumber = parsed.Value;
            }
            else
            {
                check.Add(nameof(AuthorisationInput.CaseNumber), error);
            }
        }
        if (new Authorisation { ValidFrom = input.ValidFrom, ValidTo = input.ValidTo }.ValidateDates() is { } datesError)
        {
            check.Add(nameof(AuthorisationInput.ValidTo), datesError.Message);
        }
        var notes = check.Optional(nameof(AuthorisationInput.Notes), "anteckningarna", input.Notes, 4000);

        if (choice is not null && input.Status == AuthorisationStatus.Active && choice.IsPhasedOut(clock.SwedishToday())
            && (authorisation is null || authorisation.Status != AuthorisationStatus.Active || authorisation.ChoiceSystemId != choice.Id))
        {
            // An authorisation that was already active when its choice system was phased out may still be edited (to note its end, say).
            check.Add(nameof(AuthorisationInput.Status),
                $"Kundvalet ”{choice.Name}” avvecklades {SwedishText.Date(choice.PhasedOutOn)}, så en auktorisation eller ett avtal i det kan inte bli aktivt. "
                + "Välj en annan status eller ett kundval som pågår.");
        }
        if (choice is not null && input.ProviderId is { } providerId && input.Status is { } wanted && Open.Contains(wanted)
            && await db.Authorisations.AsNoTracking()
                .Where(a => a.ProviderId == providerId && a.ChoiceSystemId == choice.Id && a.Id != id && Open.Contains(a.Status))
                .Select(a => new { a.Kind, a.Status, a.CaseNumber }).FirstOrDefaultAsync(cancellationToken) is { } existing)
        {
            check.Add(nameof(AuthorisationInput.ChoiceSystemId),
                $"Anordnaren har redan {(existing.Kind == AgreementKind.Contract ? "ett avtal" : "en auktorisation")} i kundvalet ”{choice.Name}” "
                + $"({(existing.CaseNumber is null ? "utan diarienummer" : "diarienummer " + existing.CaseNumber)}, status {existing.Status.Name().ToLowerInvariant()}). "
                + "Ändra den i stället, eller avsluta den innan en ny läggs till.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (authorisation is null)
        {
            authorisation = new Authorisation();
            db.Authorisations.Add(authorisation);
        }
        else
        {
            db.ExpectVersion(authorisation, input.Version);
        }
        authorisation.ProviderId = input.ProviderId!.Value;
        authorisation.ChoiceSystemId = choice!.Id;
        authorisation.Kind = input.Kind!.Value;
        authorisation.Status = input.Status!.Value;
        authorisation.CaseNumber = caseNumber;
        authorisation.DecidedOn = input.DecidedOn;
        authorisation.ValidFrom = input.ValidFrom;
        authorisation.ValidTo = input.ValidTo;
        authorisation.Notes = notes;
        return await db.SaveOrConflictAsync(authorisation.Id, cancellationToken);
    }
}
