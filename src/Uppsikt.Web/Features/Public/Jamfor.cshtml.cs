using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Features.Public;

/// <summary>
/// The citizens' comparison (decision 0044): choose a choice system, narrow it by area and language, pick up to three units and read
/// them side by side with their released results, latest final review and decided sanctions. A GET form throughout, so it works
/// without JavaScript and every comparison has its own address.
/// </summary>
public sealed class JamforModel(AppDbContext db, PublishedData data, TimeProvider clock) : PageModel
{
    public const int MaxUnits = 3;

    public sealed record Choice(Guid Id, string Name);

    /// <summary>A unit's column: its facts, its results of the latest released year per indicator, its review and sanctions.</summary>
    public sealed record Compared(PublicUnitFacts Unit, IReadOnlyList<PublicResult> Results, PublicReview? Review, IReadOnlyList<PublicSanction> Sanctions);

    [BindProperty(SupportsGet = true, Name = "kundval")] public Guid? ChoiceSystemId { get; set; }

    [BindProperty(SupportsGet = true, Name = "omrade")] public string? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "sprak")] public string? Language { get; set; }

    [BindProperty(SupportsGet = true, Name = "enhet")] public List<Guid> Chosen { get; set; } = [];

    public IReadOnlyList<Choice> ChoiceSystems { get; private set; } = [];

    public IReadOnlyList<string> Areas { get; private set; } = [];

    public IReadOnlyList<string> Languages { get; private set; } = [];

    /// <summary>The choice system's units that match the area and language, to pick from.</summary>
    public IReadOnlyList<PublicUnitFacts> Units { get; private set; } = [];

    public IReadOnlyList<Compared> Comparison { get; private set; } = [];

    public IReadOnlyDictionary<(Guid IndicatorId, int Year), MunicipalityResult> Municipality { get; private set; } =
        new Dictionary<(Guid, int), MunicipalityResult>();

    public int MinimumAnswers => data.MinimumAnswers;

    public string? ChoiceSystemName => ChoiceSystems.FirstOrDefault(c => c.Id == ChoiceSystemId)?.Name;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var swedish = StringComparer.Create(SwedishText.Culture, false);
        ChoiceSystems = [.. (await db.ChoiceSystems.AsNoTracking().Where(c => c.PhasedOutOn == null || c.PhasedOutOn > today)
            .Select(c => new Choice(c.Id, c.Name)).ToListAsync(cancellationToken)).OrderBy(c => c.Name, swedish)];
        if (!ModelState.IsValid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", "Adressen innehåller val som inte går att läsa. Välj kundval och enheter i formuläret nedan.");
            (ChoiceSystemId, Chosen) = (null, []);
            return;
        }
        if (ChoiceSystemId is not { } choiceSystemId)
        {
            return;
        }
        if (ChoiceSystems.All(c => c.Id != choiceSystemId))
        {
            ModelState.AddModelError("kundval", "Kundvalet finns inte. Välj ett kundval i listan.");
            ChoiceSystemId = null;
            return;
        }
        var all = await data.UnitsAsync(choiceSystemId, cancellationToken);
        Areas = [.. all.SelectMany(AreasOf).Distinct().Order(swedish)];
        Languages = [.. all.SelectMany(u => u.Languages).Distinct(StringComparer.OrdinalIgnoreCase).Order(swedish)];
        Units = [.. all.Where(u => (string.IsNullOrWhiteSpace(Area) || AreasOf(u).Contains(Area.Trim(), StringComparer.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(Language) || u.Languages.Contains(Language.Trim(), StringComparer.OrdinalIgnoreCase)))];
        if (Chosen.Count > MaxUnits)
        {
            ModelState.AddModelError("enhet", $"Välj högst {MaxUnits} enheter att jämföra. Du valde {Chosen.Count}.");
            return;
        }
        var chosen = all.Where(u => Chosen.Contains(u.Id)).ToList();
        if (chosen.Count < Chosen.Distinct().Count())
        {
            ModelState.AddModelError("enhet", "Någon av de valda enheterna finns inte i kundvalet. Välj enheter i listan.");
        }
        if (chosen.Count == 0)
        {
            return;
        }
        var ids = chosen.Select(u => u.Id).ToList();
        var results = await data.ResultsAsync(ids, cancellationToken);
        var reviews = await data.LatestReviewsAsync(ids, cancellationToken);
        var sanctions = await data.DecidedSanctionsAsync(ids, cancellationToken);
        Municipality = await data.MunicipalityAsync(cancellationToken);
        // Per indicator only its latest released year, the same for every unit compared.
        var latest = results.GroupBy(r => r.IndicatorId).ToDictionary(g => g.Key, g => g.Max(r => r.Year));
        Comparison = [.. chosen.Select(u => new Compared(u,
            [.. results.Where(r => r.UnitId == u.Id && r.Year == latest[r.IndicatorId])], reviews.GetValueOrDefault(u.Id), [.. sanctions[u.Id]]))];
    }

    /// <summary>Where a unit is, as citizens look for it: its district, where it has one, and its postal town.</summary>
    private static IEnumerable<string> AreasOf(PublicUnitFacts unit) =>
        new[] { unit.District, unit.City }.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a!.Trim());
}
