using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.Cycle;
using Uppsikt.Domain.Identity;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Cycle.Templates;

public sealed record TemplateRow(Guid Id, string Name, string? Description, int StepCount, int TimesApplied);

public sealed record TemplateDetails(Guid Id, string Name, string? Description, IReadOnlyList<StepDetails> Steps, int Version);

public sealed record StepDetails(Guid Id, int Position, string Title, string? Description, string OwnerRole, int DueMonth, int DueDay, int Version)
{
    public YearlyDate Due => new(DueMonth, DueDay);
}

public sealed record TemplateInput(string? Name, [DataType(DataType.MultilineText)] string? Description, int Version = 0);

/// <summary>A step as sent; <paramref name="TemplateVersion"/> guards adding a step, <paramref name="Version"/> changing one.</summary>
public sealed record StepInput(string? Title, [DataType(DataType.MultilineText)] string? Description, string? OwnerRole, int? DueMonth, int? DueDay, int Version = 0, int TemplateVersion = 0);

/// <summary>Reads and edits annual cycle templates: their name and their ordered steps.</summary>
public sealed class TemplatesHandler(AppDbContext db)
{
    /// <summary>The roles that may own a step: the municipality's own.</summary>
    public static IReadOnlyList<string> OwnerRoles => Roles.Municipal;

    public Task<List<TemplateRow>> ListAsync(CancellationToken cancellationToken) =>
        db.AnnualCycleTemplates.AsNoTracking().OrderBy(t => t.Name)
            .Select(t => new TemplateRow(t.Id, t.Name, t.Description, t.Steps.Count, db.AnnualCycles.Count(c => c.TemplateId == t.Id)))
            .ToListAsync(cancellationToken);

    public Task<TemplateDetails?> GetAsync(Guid id, CancellationToken cancellationToken) =>
        db.AnnualCycleTemplates.AsNoTracking().Where(t => t.Id == id)
            .Select(t => new TemplateDetails(t.Id, t.Name, t.Description,
                t.Steps.OrderBy(s => s.Position)
                    .Select(s => new StepDetails(s.Id, s.Position, s.Title, s.Description, s.OwnerRole, s.DueMonth, s.DueDay, s.Version)).ToList(),
                t.Version))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<SaveResult> SaveAsync(Guid? id, TemplateInput input, CancellationToken cancellationToken)
    {
        var template = id is null ? null : await db.AnnualCycleTemplates.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (id is not null && template is null)
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        var name = check.Required(nameof(TemplateInput.Name), "mallens namn", input.Name);
        var description = check.Optional(nameof(TemplateInput.Description), "beskrivning", input.Description, 4000);
        if (name.Length > 0 && await db.AnnualCycleTemplates.AnyAsync(t => t.Name == name && t.Id != id, cancellationToken))
        {
            check.Add(nameof(TemplateInput.Name), $"Det finns redan en mall som heter {name}.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        if (template is null)
        {
            template = new AnnualCycleTemplate { Name = name };
            db.AnnualCycleTemplates.Add(template);
        }
        else
        {
            db.ExpectVersion(template, input.Version);
        }
        template.Name = name;
        template.Description = description;
        return await db.SaveOrConflictAsync(template.Id, cancellationToken);
    }

    /// <summary>Adds a step last (<paramref name="stepId"/> null) or changes one.</summary>
    public async Task<SaveResult> SaveStepAsync(Guid templateId, Guid? stepId, StepInput input, CancellationToken cancellationToken)
    {
        var template = await db.AnnualCycleTemplates.Include(t => t.Steps).FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        var step = stepId is null ? null : template?.Steps.Find(s => s.Id == stepId);
        if (template is null || (stepId is not null && step is null))
        {
            return SaveResult.Missing();
        }
        var check = new Validation();
        var title = check.Required(nameof(StepInput.Title), "stegets rubrik", input.Title);
        var description = check.Optional(nameof(StepInput.Description), "beskrivning", input.Description, 4000);
        if (string.IsNullOrWhiteSpace(input.OwnerRole))
        {
            check.Add(nameof(StepInput.OwnerRole), "Välj ansvarig roll.");
        }
        else if (!OwnerRoles.Contains(input.OwnerRole))
        {
            check.Add(nameof(StepInput.OwnerRole), "Rollen finns inte bland kommunens roller.");
        }
        if (input.DueMonth is not (>= 1 and <= 12))
        {
            check.Add(nameof(StepInput.DueMonth), "Välj månad för klart senast.");
        }
        else if (input.DueDay is null || !new YearlyDate(input.DueMonth.Value, input.DueDay.Value).IsValid)
        {
            check.Add(nameof(StepInput.DueDay), $"Ange en dag mellan 1 och {DateTime.DaysInMonth(2024, input.DueMonth.Value)} för klart senast.");
        }
        if (!check.IsValid)
        {
            return check.Fail();
        }
        if (step is null)
        {
            step = template.Add(new AnnualCycleStep { TemplateId = template.Id, Title = title, OwnerRole = input.OwnerRole! });
            db.AnnualCycleSteps.Add(step);
            db.ExpectVersion(template, input.TemplateVersion);
        }
        else
        {
            db.ExpectVersion(step, input.Version);
        }
        step.Title = title;
        step.Description = description;
        step.OwnerRole = input.OwnerRole!;
        step.DueMonth = input.DueMonth!.Value;
        step.DueDay = input.DueDay!.Value;
        return await db.SaveOrConflictAsync(step.Id, cancellationToken);
    }

    public Task<SaveResult> RemoveStepAsync(Guid templateId, Guid stepId, int templateVersion, CancellationToken cancellationToken) =>
        ChangeStepsAsync(templateId, templateVersion, template => template.Remove(stepId), cancellationToken);

    /// <summary>Moves a step one place up (−1) or down (+1); at either end nothing changes.</summary>
    public Task<SaveResult> MoveStepAsync(Guid templateId, Guid stepId, int offset, int templateVersion, CancellationToken cancellationToken) =>
        ChangeStepsAsync(templateId, templateVersion, template => template.Move(stepId, offset) || template.Steps.Exists(s => s.Id == stepId), cancellationToken);

    /// <summary>A change to the order or set of steps, guarded by the template's version so two editors cannot reorder past each other.</summary>
    private async Task<SaveResult> ChangeStepsAsync(Guid templateId, int templateVersion, Func<AnnualCycleTemplate, bool> change, CancellationToken cancellationToken)
    {
        var template = await db.AnnualCycleTemplates.Include(t => t.Steps).FirstOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return SaveResult.Missing();
        }
        if (template.Version != templateVersion)
        {
            return SaveResult.Stale();
        }
        if (!change(template))
        {
            return SaveResult.Missing();
        }
        db.ExpectVersion(template, templateVersion);
        return await db.SaveOrConflictAsync(template.Id, cancellationToken);
    }
}
