using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.QualityBonus;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Lists;

namespace Uppsikt.Web.Features.QualityBonus;

/// <summary>
/// A quality developer creates or changes a bonus model. The criteria are rows of the form (usable without JavaScript): a few empty
/// rows follow the filled ones, and empty rows at the end are left out; every problem is told at once, by row.
/// </summary>
public sealed class EditModel(QualityBonusHandler handler, RegisterLookups lookups, AppDbContext db) : EditPageModel<EditModel.Form>
{
    public sealed class Form
    {
        public string? Name { get; set; }
        public Guid? ChoiceSystemId { get; set; }
        public BonusBasis? Basis { get; set; }
        public int? HoursPerPlace { get; set; }
        public decimal? CeilingPerUnit { get; set; }
        public List<Criterion> Criteria { get; set; } = [];
        public int Version { get; set; }
    }

    public sealed class Criterion
    {
        public Guid? IndicatorId { get; set; }
        public BonusRule? Rule { get; set; }
        public double? Limit { get; set; }
        public decimal? Amount { get; set; }

        public bool IsEmpty => IndicatorId is null && Rule is null && Limit is null && Amount is null;
    }

    public List<SelectListItem> ChoiceSystems { get; private set; } = [];

    public List<SelectListItem> Indicators { get; private set; } = [];

    public Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken) => FormAsync(id, cancellationToken);

    protected override async Task<Form?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        await handler.GetAsync(id, cancellationToken) is { } m
            ? new Form
            {
                Name = m.Name,
                ChoiceSystemId = m.ChoiceSystemId,
                Basis = m.Basis,
                HoursPerPlace = m.HoursPerPlace,
                CeilingPerUnit = m.CeilingPerUnit,
                Criteria = [.. m.Criteria.Select(c => new Criterion { IndicatorId = c.IndicatorId, Rule = c.Rule, Limit = c.Limit, Amount = c.Amount })],
                Version = m.Version,
            }
            : null;

    protected override Task<SaveResult> SaveAsync(Guid? id, Form form, CancellationToken cancellationToken)
    {
        var filled = form.Criteria.Count - form.Criteria.AsEnumerable().Reverse().TakeWhile(c => c.IsEmpty).Count();
        var input = new BonusModelForm(form.Name, form.ChoiceSystemId, form.Basis, form.HoursPerPlace, form.CeilingPerUnit,
            [.. form.Criteria.Take(filled).Select(c => new BonusCriterionInput(c.IndicatorId, c.Rule, c.Limit, c.Amount))], form.Version);
        return id is { } existing ? handler.EditAsync(existing, input, cancellationToken) : handler.CreateAsync(input, cancellationToken);
    }

    protected override IActionResult Saved(Guid id) => Redirect(QualityBonusHandler.Url(id));

    protected override string SavedMessage(Form form) => Id is null ? "Bonusmodellen är skapad." : "Bonusmodellen är ändrad.";

    protected override async Task LoadChoicesAsync(CancellationToken cancellationToken)
    {
        ChoiceSystems = await lookups.ChoiceSystemsAsync(cancellationToken);
        Indicators = await db.Indicators.AsNoTracking().OrderBy(i => i.Name)
            .Select(i => new SelectListItem(i.Name + " (" + i.Code + ")", i.Id.ToString()))
            .ToListAsync(cancellationToken);
        var rows = Math.Min(BonusModel.MaxCriteria, Math.Max(3, Input.Criteria.Count(c => !c.IsEmpty) + 2));
        while (Input.Criteria.Count < rows)
        {
            Input.Criteria.Add(new Criterion());
        }
    }
}
