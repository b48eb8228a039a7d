using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.Cycle;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Auth;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.Cycle;

/// <summary>A task in a list. Built with an object initialiser so that EF Core can sort by its properties in SQL.</summary>
public sealed record TaskRow
{
    public required Guid Id { get; init; }
    /// <summary>The cycle of a cycle step; null, with the committee, the cycle's name and year, for a task a signal raised.</summary>
    public Guid? CycleId { get; init; }
    public string? CommitteeName { get; init; }
    public string? CycleName { get; init; }
    public int? Year { get; init; }

    /// <summary>The unit of a task a signal raised, and the link to what it is about.</summary>
    public Guid? UnitId { get; init; }
    public string? UnitName { get; init; }
    public string? Link { get; init; }
    public int Position { get; init; }
    public required string Title { get; init; }
    public string? Description { get; init; }
    public required string OwnerUserId { get; init; }
    public string? OwnerName { get; init; }
    public DateOnly DueOn { get; init; }
    public CycleTaskStatus Status { get; init; }
    public bool Overdue { get; init; }
    public DateTimeOffset? CompletedAt { get; init; }
    public string? CompletionNote { get; init; }
    public int Version { get; init; }
}

/// <summary>Which tasks: open (overdue included), only the overdue, or done.</summary>
public enum TaskStatusFilter
{
    [Display(Name = "Öppna")] Open,
    [Display(Name = "Försenade")] Overdue,
    [Display(Name = "Klara")] Done,
}

public sealed record TaskFilter(Guid? CommitteeId = null, int? Year = null, TaskStatusFilter? Status = null, string? OwnerUserId = null);

/// <summary>Apply a template to a committee's year; the owner of each step, or null to take the default.</summary>
public sealed record ApplyInput(Guid? CommitteeId, Guid? TemplateId, int? Year, IReadOnlyDictionary<Guid, string?>? Owners);

public sealed record CompleteInput([DataType(DataType.MultilineText)] string? Note, int Version);

public sealed record Person(string Id, string Name, string Role);

/// <summary>A step about to become a task, with the owner it gets unless someone else is chosen.</summary>
public sealed record PlannedTask(Guid StepId, int Position, string Title, string OwnerRole, DateOnly DueOn, string? DefaultOwnerId);

/// <summary>Applies templates (årshjul) to committees and years, lists the tasks and marks them done. Pages and <c>/api/v1/tasks</c> call it.</summary>
public sealed class CycleTasksHandler(AppDbContext db, ICurrentActor actor, TimeProvider clock)
{
    public static readonly SortColumns<TaskRow> Sort = new SortColumns<TaskRow>("due")
        .Add("due", t => t.DueOn)
        .Add("title", t => t.Title)
        .Add("committee", t => t.CommitteeName)
        .Add("owner", t => t.OwnerName)
        .Add("status", t => t.Status);

    public Task<PagedList<TaskRow>> ListAsync(ListQuery list, TaskFilter filter, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var tasks = db.CycleTasks.AsNoTracking().Matching(list.Search);
        if (filter.CommitteeId is { } committeeId)
        {
            tasks = tasks.Where(t => t.Cycle!.CommitteeId == committeeId);
        }
        if (filter.Year is { } year)
        {
            tasks = tasks.Where(t => t.Cycle!.Year == year);
        }
        if (filter.OwnerUserId is { } owner)
        {
            tasks = tasks.Where(t => t.OwnerUserId == owner);
        }
        tasks = filter.Status switch
        {
            TaskStatusFilter.Open => tasks.Where(t => t.Status == CycleTaskStatus.Open),
            TaskStatusFilter.Overdue => tasks.Where(t => t.Status == CycleTaskStatus.Open && t.DueOn < today),
            TaskStatusFilter.Done => tasks.Where(t => t.Status == CycleTaskStatus.Done),
            _ => tasks,
        };
        return tasks
            .Select(t => new TaskRow
            {
                Id = t.Id,
                CycleId = t.CycleId,
                CycleName = t.Cycle != null ? t.Cycle.Name : null,
                Year = t.Cycle != null ? t.Cycle.Year : null,
                CommitteeName = t.Cycle != null ? db.Committees.Where(c => c.Id == t.Cycle.CommitteeId).Select(c => c.Name).First() : null,
                UnitId = t.UnitId,
                UnitName = db.Units.Where(u => u.Id == t.UnitId).Select(u => u.Name).FirstOrDefault(),
                Link = t.Link,
                Position = t.Position,
                Title = t.Title,
                Description = t.Description,
                OwnerUserId = t.OwnerUserId,
                OwnerName = db.Users.Where(u => u.Id == t.OwnerUserId).Select(u => u.DisplayName).FirstOrDefault(),
                DueOn = t.DueOn,
                Status = t.Status,
                Overdue = t.Status == CycleTaskStatus.Open && t.DueOn < today,
                CompletedAt = t.CompletedAt,
                CompletionNote = t.CompletionNote,
                Version = t.Version,
            })
            .ToPageAsync(list, Sort, t => t.Id, cancellationToken);
    }

    /// <summary>The user's open tasks, overdue first by being earliest due.</summary>
    public async Task<IReadOnlyList<TaskRow>> OpenTasksOfAsync(string userId, CancellationToken cancellationToken) =>
        (await ListAsync(new ListQuery(Sort: "due", PageSize: ListQuery.MaxPageSize), new TaskFilter(Status: TaskStatusFilter.Open, OwnerUserId: userId), cancellationToken)).Items;

    /// <summary>The municipality's people who can own tasks (everyone but provider users), by name.</summary>
    public Task<List<Person>> PeopleAsync(CancellationToken cancellationToken) =>
        (from user in db.Users
         join userRole in db.UserRoles on user.Id equals userRole.UserId
         join role in db.Roles on userRole.RoleId equals role.Id
         where role.Name != Roles.ProviderUser
         orderby user.DisplayName
         select new Person(user.Id, user.DisplayName, role.Name!))
        .ToListAsync(cancellationToken);

    /// <summary>What applying the template would create, each step with its default owner: someone of the step's role in the committee, its administration, or else anyone of the role.</summary>
    public async Task<IReadOnlyList<PlannedTask>?> PlanAsync(Guid committeeId, Guid templateId, int year, CancellationToken cancellationToken)
    {
        var committee = await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == committeeId, cancellationToken);
        var template = await db.AnnualCycleTemplates.AsNoTracking().Include(t => t.Steps).FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (committee is null || template is null || !FollowUpYear.IsValid(year))
        {
            return null;
        }
        var candidates = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            select new { user.Id, user.DisplayName, user.CommitteeId, user.AdministrationId, Role = role.Name })
            .ToListAsync(cancellationToken);
        return [.. template.OrderedSteps.Select(step => new PlannedTask(step.Id, step.Position, step.Title, step.OwnerRole, step.Due.In(year),
            candidates.Where(c => c.Role == step.OwnerRole)
                .OrderByDescending(c => c.CommitteeId == committee.Id)
                .ThenByDescending(c => committee.AdministrationId != null && c.AdministrationId == committee.AdministrationId)
                .ThenBy(c => c.DisplayName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("sv-SE"), ignoreCase: true))
                .Select(c => c.Id).FirstOrDefault()))];
    }

    /// <summary>Creates the committee's cycle for the year with one task per step; refused when the template is already applied to that year.</summary>
    public async Task<SaveResult> ApplyAsync(ApplyInput input, CancellationToken cancellationToken)
    {
        var check = new Validation();
        var committee = input.CommitteeId is { } cid ? await db.Committees.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cid, cancellationToken) : null;
        var template = input.TemplateId is { } tid
            ? await db.AnnualCycleTemplates.AsNoTracking().Include(t => t.Steps).FirstOrDefaultAsync(t => t.Id == tid, cancellationToken)
            : null;
        if (committee is null)
        {
            check.Add(nameof(ApplyInput.CommitteeId), input.CommitteeId is null ? "Välj nämnd." : "Nämnden finns inte.");
        }
        if (template is null)
        {
            check.Add(nameof(ApplyInput.TemplateId), input.TemplateId is null ? "Välj mall för årshjulet." : "Mallen finns inte.");
        }
        else if (template.Steps.Count == 0)
        {
            check.Add(nameof(ApplyInput.TemplateId), "Mallen har inga steg. Lägg till steg i mallen först.");
        }
        if (input.Year is not { } year || !FollowUpYear.IsValid(year))
        {
            check.Add(nameof(ApplyInput.Year), FollowUpYear.Message);
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        if (await db.AnnualCycles.AnyAsync(c => c.CommitteeId == committee!.Id && c.TemplateId == template!.Id && c.Year == input.Year, cancellationToken))
        {
            return check.Add(nameof(ApplyInput.TemplateId), AlreadyApplied(template!.Name, committee!.Name, input.Year!.Value)).Fail();
        }

        var plan = (await PlanAsync(committee!.Id, template!.Id, input.Year!.Value, cancellationToken))!;
        var people = (await PeopleAsync(cancellationToken)).Select(p => p.Id).ToHashSet(StringComparer.Ordinal);
        var owners = new Dictionary<Guid, string>();
        foreach (var task in plan)
        {
            var chosen = input.Owners?.GetValueOrDefault(task.StepId);
            var owner = string.IsNullOrWhiteSpace(chosen) ? task.DefaultOwnerId : chosen;
            if (owner is null)
            {
                check.Add(OwnerField(task.StepId), $"Välj ansvarig för steg {task.Position}, {task.Title}: ingen användare har rollen {Roles.SwedishName(task.OwnerRole).ToLowerInvariant()}.");
            }
            else if (!people.Contains(owner))
            {
                check.Add(OwnerField(task.StepId), $"Den valda ansvariga för steg {task.Position} finns inte bland kommunens användare.");
            }
            else
            {
                owners[task.StepId] = owner;
            }
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }

        var cycle = AnnualCycle.Apply(template, committee.Id, input.Year.Value, step => owners[step.Id], clock.GetUtcNow());
        // The step that analyses the current state is done in the committee's risk analyses of the year.
        foreach (var task in cycle.Tasks.Where(t => t.Title.Contains("riskanalys", StringComparison.OrdinalIgnoreCase)))
        {
            task.Link = $"/Risk/Analyses?CommitteeId={committee.Id}&Year={cycle.Year}";
        }
        db.AnnualCycles.Add(cycle);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Someone applied the same template in between: the unique index refused the second.
            if (!await AppliedMeanwhileAsync(cycle, cancellationToken))
            {
                throw;
            }
            return new Validation().Add(nameof(ApplyInput.TemplateId), AlreadyApplied(template.Name, committee.Name, input.Year.Value)).Fail();
        }
        return SaveResult.Saved(cycle.Id);
    }

    /// <summary>Marks a task done with an optional note. Its owner may, and so may those who run the cycle.</summary>
    public async Task<SaveResult> CompleteAsync(Guid id, CompleteInput input, CancellationToken cancellationToken)
    {
        var task = await db.CycleTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        var note = check.Optional(nameof(CompleteInput.Note), "anteckning", input.Note, 4000);
        // The owner completes a task; quality developers and administrators may complete anyone's.
        if (task.OwnerUserId != actor.UserId && !Policies.EditorRoles.Any(actor.IsInRole))
        {
            check.Add(nameof(CompleteInput.Note), "Bara den ansvariga kan markera uppgiften som klar.");
        }
        else if (task.Status == CycleTaskStatus.Done)
        {
            check.Add(nameof(CompleteInput.Note), "Uppgiften är redan markerad som klar.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        db.ExpectVersion(task, input.Version);
        task.Complete(note, clock.GetUtcNow());
        return await db.SaveOrConflictAsync(task.Id, cancellationToken);
    }

    public static string OwnerField(Guid stepId) => $"Owners[{stepId}]";

    private static string AlreadyApplied(string template, string committee, int year) =>
        $"Årshjulet ”{template}” är redan tillämpat för {committee} år {year}. Varje mall kan tillämpas en gång per nämnd och år.";

    private async Task<bool> AppliedMeanwhileAsync(AnnualCycle cycle, CancellationToken cancellationToken)
    {
        db.Entry(cycle).State = EntityState.Detached;
        foreach (var task in cycle.Tasks)
        {
            db.Entry(task).State = EntityState.Detached;
        }
        return await db.AnnualCycles.AnyAsync(c => c.CommitteeId == cycle.CommitteeId && c.TemplateId == cycle.TemplateId && c.Year == cycle.Year, cancellationToken);
    }
}
