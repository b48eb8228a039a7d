using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Domain.Register;
using Uppsikt.Web.Infrastructure;

namespace Uppsikt.Web.Data;

/// <summary>
/// Demo quality reports for home care: last year's template with every report approved (so "start from last year's" can be
/// tried), and this year's activated with a deadline three weeks ahead, Omsorgshuset's report a draft with some answers and
/// Trygga Händer's submitted, and next year's still a draft for the quality developer to edit. Every step goes through the
/// report's own rules.
/// </summary>
public static class DemoQualityReports
{
    private const string Reviewer = "Klara Kvalitet (fiktiv)";

    public static async Task SeedAsync(AppDbContext db, ChoiceSystem homeCare, Provider omsorgshuset, Provider trygga, TimeProvider clock, CancellationToken cancellationToken)
    {
        var today = clock.SwedishToday();
        var now = clock.GetUtcNow();
        var conditionIds = await db.Conditions.Where(c => c.ChoiceSystemId == homeCare.Id).OrderBy(c => c.Code).Select(c => c.Id).ToListAsync(cancellationToken);
        var providers = await db.Authorisations.Where(a => a.ChoiceSystemId == homeCare.Id && a.Status == AuthorisationStatus.Active)
            .Select(a => a.ProviderId).Distinct().ToListAsync(cancellationToken);

        var lastYear = Template(homeCare, today.Year - 1, conditionIds);
        lastYear.State = TemplateState.Active;
        lastYear.DueOn = new DateOnly(today.Year - 1, 3, 31);
        var thisYear = Template(homeCare, today.Year, conditionIds);
        var nextYear = Template(homeCare, today.Year + 1, conditionIds);
        nextYear.Questions.Single(q => q.Code == "1.1").HelpText = "Räkna brukare med beslut om hemtjänst hos er, även de som bara hade trygghetslarm (fiktiv anvisning).";
        db.QualityReportTemplates.AddRange(lastYear, thisYear, nextYear);
        Check(thisYear.Activate(today.AddDays(21), today));

        foreach (var providerId in providers)
        {
            var earlier = new QualityReport { TemplateId = lastYear.Id, ProviderId = providerId };
            Answer(earlier, lastYear, providerId == trygga.Id ? 118 : 64);
            Check(earlier.Submit(lastYear, hasFiles: false, now.AddYears(-1)));
            Check(earlier.Approve(Reviewer, now.AddYears(-1).AddDays(20)));
            db.QualityReports.Add(earlier);

            var current = new QualityReport { TemplateId = thisYear.Id, ProviderId = providerId };
            if (providerId == omsorgshuset.Id)
            {
                current.SaveAnswers(thisYear, new Dictionary<string, string?>
                {
                    ["1.1"] = "71",
                    ["2.1"] = "Ja",
                    ["2.3"] = "Digitalt verksamhetssystem",
                });
            }
            else if (providerId == trygga.Id)
            {
                Answer(current, thisYear, 124);
                Check(current.Submit(thisYear, hasFiles: false, now.AddDays(-2)));
            }
            db.QualityReports.Add(current);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static QualityReportTemplate Template(ChoiceSystem homeCare, int year, List<Guid> conditionIds)
    {
        var template = new QualityReportTemplate { ChoiceSystemId = homeCare.Id, Year = year, Title = $"Kvalitetsrapport hemtjänst {year}" };
        template.Questions.AddRange(StarterQuestions.For(template.Id));
        if (conditionIds.Count > 0)
        {
            foreach (var question in template.Questions)
            {
                question.ConditionIds = [conditionIds[question.Position % conditionIds.Count]];
            }
        }
        return template;
    }

    private static void Answer(QualityReport report, QualityReportTemplate template, int users) =>
        report.SaveAnswers(template, new Dictionary<string, string?>
        {
            ["1.1"] = users.ToString(SwedishText.Culture),
            ["1.2"] = (users * 310).ToString(SwedishText.Culture),
            ["2.1"] = "Ja",
            ["2.3"] = "Digitalt verksamhetssystem",
            ["3.1"] = """[["Undersköterskor","34","34"],["Vårdbiträden","12","3"]]""",
            ["3.2"] = "Demens\nLäkemedel",
            ["4.1"] = "Ja",
            ["4.3"] = "Tolv avvikelser och fyra klagomål (fiktiva). Rutinen för nyckelhantering har skärpts.",
            ["5.1"] = "Nej",
        });

    private static void Check(IReadOnlyList<Refusal> problems)
    {
        if (problems.Count > 0)
        {
            throw new InvalidOperationException(problems[0].Message);
        }
    }

    private static void Check(Refusal? problem)
    {
        if (problem is not null)
        {
            throw new InvalidOperationException(problem.Message);
        }
    }
}
