using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Register.Committees;

/// <summary>A committee in a list. Built with an object initialiser, not a constructor, so that EF Core can sort by its properties in SQL.</summary>
public sealed record CommitteeRow
{
    public required Guid Id { get; init; }
    public required string Name { get; init; }
    public string? AdministrationName { get; init; }
    public int RunningChoiceSystems { get; init; }
}

public sealed record CommitteeDetails(
    Guid Id, string Name, string? Description, Guid? AdministrationId, string? AdministrationName,
    IReadOnlyList<CommitteeChoiceSystem> ChoiceSystems, int Version);

public sealed record CommitteeChoiceSystem(Guid Id, string Name, LegalBasis LegalBasis, OperatingForm OperatingForm, DateOnly? PhasedOutOn);

/// <summary>What a person or integration sends to create or change a committee.</summary>
public sealed record CommitteeInput(string? Name, [DataType(DataType.MultilineText)] string? Description, Guid? AdministrationId, int Version = 0);

/// <summary>Reads and writes committees; the pages and <c>/api/v1/committees</c> both call it.</summary>
public sealed class CommitteesHandler(AppDbContext db, TimeProvider clock)
{
    public static readonly SortColumns<CommitteeRow> Sort = new SortColumns<CommitteeRow>("name")
        .Add("name", c => c.Name);

    public Task<PagedList<CommitteeRow>> ListAsync(ListQuery list, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        return db.Committees.AsNoTracking().Matching(list.Search)
            .Select(c => new CommitteeRow
            {
                Id = c.Id,
                Name = c.Name,
                AdministrationName = c.Administration != null ? c.Administration.Name : null,
                RunningChoiceSystems = c.ChoiceSystems.Count(s => s.PhasedOutOn == null || s.PhasedOutOn > today),
            })
            .ToPageAsync(list, Sort, c => c.Id, cancellationToken);
    }

    public Task<CommitteeDetails?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.Committees.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new CommitteeDetails(
                c.Id, c.Name, c.Description, c.AdministrationId, c.Administration != null ? c.Administration.Name : null,
                c.ChoiceSystems.OrderBy(s => s.Name)
                    .Select(s => new CommitteeChoiceSystem(s.Id, s.Name, s.LegalBasis, s.OperatingForm, s.PhasedOutOn)).ToList(),
                c.Version))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SaveResult> SaveAsync(Guid? id, CommitteeInput input, CancellationToken cancellationToken)
    {
        var committee = id is null ? null : await db.Committees.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && committee is null)
        {
            return SaveResult.Missing();
        }

        var check = new Validation();
        var name = check.Required(nameof(CommitteeInput.Name), "nämndens namn", input.Name);
        if (name.Length > 0
            && (await db.Committees.Where(c => c.Id != id).Select(c => c.Name).ToListAsync(cancellationToken)).SameNameAs(name) is { } taken)
        {
            check.Add(nameof(CommitteeInput.Name), $"Det finns redan en nämnd som heter ”{taken}”. Två nämnder kan inte ha samma namn.");
        }
        var description = check.Optional(nameof(CommitteeInput.Description), "beskrivningen", input.Description, 4000);
        if (input.AdministrationId is { } aid && !await db.Administrations.AnyAsync(a => a.Id == aid, cancellationToken))
        {
            check.Add(nameof(CommitteeInput.AdministrationId), "Förvaltningen finns inte.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }

        if (committee is null)
        {
            committee = new Committee { Name = name };
            db.Committees.Add(committee);
        }
        else
        {
            db.ExpectVersion(committee, input.Version);
        }
        committee.Name = name;
        committee.Description = description;
        committee.AdministrationId = input.AdministrationId;
        return await db.SaveOrConflictAsync(committee.Id, cancellationToken);
    }
}
