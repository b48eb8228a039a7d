using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Domain.Reviews;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.ChoiceSystems;

/// <summary>A choice system in a list. Built with an object initialiser, not a constructor, so that EF Core can sort by its properties in SQL.</summary>
public sealed record ChoiceSystemRow
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public Guid CommitteeId { get; init; }
    public required string CommitteeName { get; init; }
    public LegalBasis LegalBasis { get; init; }
    public OperatingForm OperatingForm { get; init; }
    public DateOnly? PhasedOutOn { get; init; }

    /// <summary>Phased out by today; a choice system with a later date is still running.</summary>
    public bool PhasedOut { get; init; }
}

public sealed record ChoiceSystemDetails(
    Guid Id, string Name, Guid CommitteeId, string CommitteeName, LegalBasis LegalBasis, OperatingForm OperatingForm,
    string? Description, DateOnly? PhasedOutOn, bool PhasedOut, IReadOnlyList<string> KoladaUnitTypes,
    IReadOnlyList<ServiceDetails> Services, IReadOnlyList<ChoiceSystemAuthorisation> Authorisations, int UnitCount, int Version,
    int ReviewIntervalMonths);

public sealed record ServiceDetails(Guid Id, string Name, IReadOnlyList<ServiceLevelDetails> Levels, int Version);

public sealed record ServiceLevelDetails(Guid Id, string Code, string? Description, int Version);

/// <summary>A provider's authorisation or contract as the choice system lists it.</summary>
public sealed record ChoiceSystemAuthorisation(
    Guid Id, Guid ProviderId, string ProviderName, AgreementKind Kind, AuthorisationStatus Status, string? CaseNumber,
    DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>
/// What a person or integration sends to create or change a choice system. <paramref name="ReviewIntervalMonths"/> left out
/// keeps the choice system's interval (24 months for a new one), so clients that do not know it change nothing.
/// </summary>
public sealed record ChoiceSystemInput(
    string? Name, Guid? CommitteeId, LegalBasis? LegalBasis, OperatingForm? OperatingForm, [DataType(DataType.MultilineText)] string? Description,
    DateOnly? PhasedOutOn, string? KoladaUnitTypes, int Version = 0, int? ReviewIntervalMonths = null);

/// <summary>A service's name; the version matters when renaming.</summary>
public sealed record ServiceInput(string? Name, int Version = 0);

public sealed record ServiceLevelInput(string? Code, string? Description);

/// <summary>Reads and writes choice systems with their services and levels; the pages and <c>/api/v1/choice-systems</c> both call it.</summary>
public sealed partial class ChoiceSystemsHandler(AppDbContext db, TimeProvider clock)
{
    /// <summary>The column holds at most this many characters of comma-separated types.</summary>
    private const int KoladaUnitTypesLength = 40;

    public static readonly SortColumns<ChoiceSystemRow> Sort = new SortColumns<ChoiceSystemRow>("name")
        .Add("name", c => c.Name)
        .Add("committee", c => c.CommitteeName)
        .AddInDeclaredOrder("legalBasis", c => c.LegalBasis);

    public Task<PagedList<ChoiceSystemRow>> ListAsync(ListQuery list, Guid? committeeId, bool includePhasedOut, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var choices = db.ChoiceSystems.AsNoTracking().Matching(list.Search);
        if (committeeId is { } cid)
        {
            choices = choices.Where(c => c.CommitteeId == cid);
        }
        if (!includePhasedOut)
        {
            choices = choices.Where(c => c.PhasedOutOn == null || c.PhasedOutOn > today);
        }
        return choices
            .Select(c => new ChoiceSystemRow
            {
                Id = c.Id,
                Name = c.Name,
                CommitteeId = c.CommitteeId,
                CommitteeName = c.Committee!.Name,
                LegalBasis = c.LegalBasis,
                OperatingForm = c.OperatingForm,
                PhasedOutOn = c.PhasedOutOn,
                PhasedOut = c.PhasedOutOn != null && c.PhasedOutOn <= today,
            })
            .ToPageAsync(list, Sort, c => c.Id, cancellationToken);
    }

    public async Task<ChoiceSystemDetails?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var choice = await db.ChoiceSystems.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id,
                c.Name,
                c.CommitteeId,
                Committee = c.Committee!.Name,
                c.LegalBasis,
                c.OperatingForm,
                c.Description,
                c.PhasedOutOn,
                c.KoladaUnitTypes,
                c.Version,
                c.ReviewIntervalMonths,
                Services = c.Services.OrderBy(s => s.Name).Select(s => new ServiceDetails(s.Id, s.Name,
                    s.Levels.OrderBy(l => l.Code).Select(l => new ServiceLevelDetails(l.Id, l.Code, l.Description, l.Version)).ToList(),
                    s.Version)).ToList(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (choice is null)
        {
            return null;
        }
        // Both are scoped: a provider user sees its own authorisations and units here, nobody else's.
        var authorisations = await db.Authorisations.AsNoTracking().Where(a => a.ChoiceSystemId == id)
            .OrderBy(a => a.Provider!.Name).ThenBy(a => a.ValidFrom)
            .Select(a => new ChoiceSystemAuthorisation(a.Id, a.ProviderId, a.Provider!.Name, a.Kind, a.Status, a.CaseNumber, a.ValidFrom, a.ValidTo))
            .ToListAsync(cancellationToken);
        var unitCount = await db.Units.CountAsync(u => u.ChoiceSystems.Any(c => c.Id == id), cancellationToken);
        return new ChoiceSystemDetails(
            choice.Id, choice.Name, choice.CommitteeId, choice.Committee, choice.LegalBasis, choice.OperatingForm, choice.Description,
            choice.PhasedOutOn, choice.PhasedOutOn <= clock.SwedishToday(), KoladaTypes(choice.KoladaUnitTypes), choice.Services,
            authorisations, unitCount, choice.Version, choice.ReviewIntervalMonths);
    }

    public async Task<SaveResult> SaveAsync(Guid? id, ChoiceSystemInput input, CancellationToken cancellationToken)
    {
        var choice = id is null ? null : await db.ChoiceSystems.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && choice is null)
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        var name = check.Required(nameof(ChoiceSystemInput.Name), "kundvalets namn", input.Name);
        if (input.CommitteeId is not { } committeeId)
        {
            check.Add(nameof(ChoiceSystemInput.CommitteeId), "Välj den nämnd som äger kundvalet.");
        }
        else if (await db.Committees.AsNoTracking().Where(c => c.Id == committeeId).Select(c => c.Name).FirstOrDefaultAsync(cancellationToken)
            is not { } committeeName)
        {
            check.Add(nameof(ChoiceSystemInput.CommitteeId), "Nämnden finns inte.");
        }
        else if (name.Length > 0
            && (await db.ChoiceSystems.Where(c => c.CommitteeId == committeeId && c.Id != id).Select(c => c.Name).ToListAsync(cancellationToken))
                .SameNameAs(name) is { } taken)
        {
            check.Add(nameof(ChoiceSystemInput.Name), $"{committeeName} har redan ett kundval som heter ”{taken}”. Välj ett annat namn.");
        }
        if (input.LegalBasis is not { } legalBasis || !Enum.IsDefined(legalBasis))
        {
            check.Add(nameof(ChoiceSystemInput.LegalBasis), "Välj lagstöd.");
        }
        if (input.OperatingForm is not { } operatingForm || !Enum.IsDefined(operatingForm))
        {
            check.Add(nameof(ChoiceSystemInput.OperatingForm), "Välj driftform.");
        }
        var description = check.Optional(nameof(ChoiceSystemInput.Description), "beskrivningen", input.Description, 4000);
        var koladaTypes = await ValidateKoladaTypesAsync(check, id, input.KoladaUnitTypes, cancellationToken);
        if (input.ReviewIntervalMonths is < ReviewInterval.MinMonthsWithoutDeficiencies or > ReviewInterval.MaxMonthsWithoutDeficiencies)
        {
            check.Add(nameof(ChoiceSystemInput.ReviewIntervalMonths),
                $"Ange granskningsintervallet som ett antal månader från {ReviewInterval.MinMonthsWithoutDeficiencies} till {ReviewInterval.MaxMonthsWithoutDeficiencies}.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (choice is null)
        {
            choice = new ChoiceSystem { Name = name };
            db.ChoiceSystems.Add(choice);
        }
        else
        {
            db.ExpectVersion(choice, input.Version);
        }
        choice.Name = name;
        choice.CommitteeId = input.CommitteeId!.Value;
        choice.LegalBasis = input.LegalBasis!.Value;
        choice.OperatingForm = input.OperatingForm!.Value;
        choice.Description = description;
        choice.PhasedOutOn = input.PhasedOutOn;
        choice.KoladaUnitTypes = koladaTypes.Count == 0 ? null : string.Join(',', koladaTypes);
        choice.ReviewIntervalMonths = input.ReviewIntervalMonths ?? choice.ReviewIntervalMonths;
        return await db.SaveOrConflictAsync(choice.Id, cancellationToken);
    }

    public Task<ServiceDetails?> GetServiceAsync(Guid choiceSystemId, Guid serviceId, CancellationToken cancellationToken) =>
        db.Services.AsNoTracking().Where(s => s.Id == serviceId && s.ChoiceSystemId == choiceSystemId)
            .Select(s => new ServiceDetails(s.Id, s.Name,
                s.Levels.OrderBy(l => l.Code).Select(l => new ServiceLevelDetails(l.Id, l.Code, l.Description, l.Version)).ToList(), s.Version))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>Adds a service to the choice system (no <paramref name="serviceId"/>) or renames one.</summary>
    public async Task<SaveResult> SaveServiceAsync(Guid choiceSystemId, Guid? serviceId, ServiceInput input, CancellationToken cancellationToken)
    {
        if (!await db.ChoiceSystems.AnyAsync(c => c.Id == choiceSystemId, cancellationToken))
        {
            return SaveResult.Missing();
        }
        var service = serviceId is null ? null
            : await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId && s.ChoiceSystemId == choiceSystemId, cancellationToken);
        if (serviceId is not null && service is null)
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        var name = check.Required(nameof(ServiceInput.Name), "insatsens namn", input.Name);
        if (name.Length > 0
            && (await db.Services.Where(s => s.ChoiceSystemId == choiceSystemId && s.Id != serviceId).Select(s => s.Name).ToListAsync(cancellationToken))
                .SameNameAs(name) is { } taken)
        {
            check.Add(nameof(ServiceInput.Name), $"Kundvalet har redan en insats som heter ”{taken}”.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (service is null)
        {
            service = new Service { ChoiceSystemId = choiceSystemId, Name = name };
            db.Services.Add(service);
        }
        else
        {
            db.ExpectVersion(service, input.Version);
            service.Name = name;
        }
        return await db.SaveOrConflictAsync(service.Id, cancellationToken);
    }

    /// <summary>Removes a service and its levels; with a <paramref name="version"/>, only if nobody has changed the service since.</summary>
    public async Task<SaveResult> RemoveServiceAsync(Guid choiceSystemId, Guid serviceId, int? version, CancellationToken cancellationToken)
    {
        // The levels are loaded so that their removal is audited too, not left to the database's cascade.
        var service = await db.Services.Include(s => s.Levels)
            .FirstOrDefaultAsync(s => s.Id == serviceId && s.ChoiceSystemId == choiceSystemId, cancellationToken);
        if (service is null)
        {
            return SaveResult.Missing();
        }
        if (version is { } expected)
        {
            db.ExpectVersion(service, expected);
        }
        db.ServiceLevels.RemoveRange(service.Levels);
        db.Services.Remove(service);
        return await db.SaveOrConflictAsync(service.Id, cancellationToken);
    }

    public async Task<SaveResult> AddLevelAsync(Guid choiceSystemId, Guid serviceId, ServiceLevelInput input, CancellationToken cancellationToken)
    {
        if (!await db.Services.AnyAsync(s => s.Id == serviceId && s.ChoiceSystemId == choiceSystemId, cancellationToken))
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        var code = check.Required(nameof(ServiceLevelInput.Code), "nivåns kod", input.Code, 40);
        if (code.Length > 0
            && (await db.ServiceLevels.Where(l => l.ServiceId == serviceId).Select(l => l.Code).ToListAsync(cancellationToken)).SameNameAs(code) is { } taken)
        {
            check.Add(nameof(ServiceLevelInput.Code), $"Insatsen har redan nivån ”{taken}”.");
        }
        var description = check.Optional(nameof(ServiceLevelInput.Description), "beskrivningen", input.Description, 4000);
        if (!check.IsValid)
        {
            return check.Fail();
        }

        var level = new ServiceLevel { ServiceId = serviceId, Code = code, Description = description };
        db.ServiceLevels.Add(level);
        return await db.SaveOrConflictAsync(level.Id, cancellationToken);
    }

    /// <summary>Removes a level; with a <paramref name="version"/>, only if nobody has changed the level since.</summary>
    public async Task<SaveResult> RemoveLevelAsync(Guid choiceSystemId, Guid serviceId, Guid levelId, int? version, CancellationToken cancellationToken)
    {
        var level = await db.ServiceLevels
            .FirstOrDefaultAsync(l => l.Id == levelId && l.ServiceId == serviceId
                && db.Services.Any(s => s.Id == serviceId && s.ChoiceSystemId == choiceSystemId), cancellationToken);
        if (level is null)
        {
            return SaveResult.Missing();
        }
        if (version is { } expected)
        {
            db.ExpectVersion(level, expected);
        }
        db.ServiceLevels.Remove(level);
        return await db.SaveOrConflictAsync(level.Id, cancellationToken);
    }

    /// <summary>
    /// Checks the comma-separated Kolada unit types (V21, V23, …) and returns them upper-cased without repeats.
    /// A type may belong to one choice system only, or the Kolada import would not know where its units go.
    /// </summary>
    private async Task<List<string>> ValidateKoladaTypesAsync(Validation check, Guid? id, string? text, CancellationToken cancellationToken)
    {
        const string field = nameof(ChoiceSystemInput.KoladaUnitTypes);
        var types = KoladaTypes(text?.ToUpperInvariant()).Distinct(StringComparer.Ordinal).ToList();
        var wrong = types.Where(t => !KoladaUnitType().IsMatch(t)).ToList();
        if (wrong.Count > 0)
        {
            check.Add(field, $"”{string.Join(", ", wrong)}” är {(wrong.Count == 1 ? "ingen Kolada-enhetstyp" : "inga Kolada-enhetstyper")}: "
                + "skriv bokstaven V och två siffror, till exempel V21, och skilj flera typer åt med kommatecken: V21, V23.");
            return types;
        }
        if (string.Join(',', types).Length > KoladaUnitTypesLength)
        {
            check.Add(field, "Ange högst tio Kolada-enhetstyper.");
            return types;
        }
        if (types.Count > 0)
        {
            var others = await db.ChoiceSystems.AsNoTracking().Where(c => c.KoladaUnitTypes != null && c.Id != id)
                .Select(c => new { c.Name, c.KoladaUnitTypes }).ToListAsync(cancellationToken);
            foreach (var other in others)
            {
                var shared = KoladaTypes(other.KoladaUnitTypes).Intersect(types, StringComparer.OrdinalIgnoreCase).ToList();
                if (shared.Count > 0)
                {
                    check.Add(field, $"Enhetstypen {string.Join(", ", shared)} hör redan till kundvalet {other.Name}. "
                        + "En enhetstyp kan bara höra till ett kundval, annars vet Kolada-importen inte var enheterna ska läggas.");
                }
            }
        }
        return types;
    }

    /// <summary>The stored list read the way the domain reads it.</summary>
    private static List<string> KoladaTypes(string? text) =>
        [.. new ChoiceSystem { Name = "", KoladaUnitTypes = text }.KoladaUnitTypeList()];

    [GeneratedRegex("^V[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex KoladaUnitType();
}
