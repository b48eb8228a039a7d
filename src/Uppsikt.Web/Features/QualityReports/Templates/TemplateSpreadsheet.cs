using System.Text.Json.Serialization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Conditions;
using Uppsikt.Web.Infrastructure.Documents;
using Uppsikt.Web.Infrastructure.Import;

namespace Uppsikt.Web.Features.QualityReports.Templates;

/// <summary>
/// What an import did: the refusals (then nothing changed) — an activated template, or each problem by row and column — or how
/// many questions were added, changed and removed.
/// </summary>
public sealed record TemplateImportResult([property: JsonIgnore] IReadOnlyList<Refusal> Refusals, int Added, int Changed, int Removed, bool NotFound = false)
{
    public bool Succeeded => !NotFound && Refusals.Count == 0;

    /// <summary>The refusals' messages, as the page lists them and the API's problem names them.</summary>
    public IReadOnlyList<string> Problems => [.. Refusals.Select(r => r.Message)];

    /// <summary>The refusals as a save's, for the API's answer: 409 for an activated template, 400 for problems in the file.</summary>
    public SaveResult AsSave() => NotFound ? SaveResult.Missing() : SaveResult.Refused(Refusals);
}

/// <summary>
/// A template as one worksheet, one row per question, for editing in Excel: exported, edited and imported again. An import is
/// all or nothing, matches questions by code, refuses formula cells and reports each problem by row and column in Swedish.
/// The rules the questions follow are <see cref="TemplateRules"/>, the same as in the browser's question form.
/// </summary>
public sealed class TemplateSpreadsheet(AppDbContext db, ConditionsInForce conditions, ImportSettings importLimits)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Separator = ";";

    private const string HelpColumn = "Hjälptext";

    /// <summary>The columns an imported sheet must have.</summary>
    public static readonly string[] Columns = ["Avsnitt", "Kod", "Fråga", "Typ", "Alternativ eller kolumner", "Obligatorisk", "Villkor", "Visas när"];

    /// <summary>The columns of an exported sheet: the required ones and the help text, which a sheet from before it may lack.</summary>
    private static readonly string[] Exported = [.. Columns, HelpColumn];

    private static readonly Dictionary<QuestionField, string> ColumnOf = new()
    {
        [QuestionField.Section] = "Avsnitt",
        [QuestionField.Code] = "Kod",
        [QuestionField.Text] = "Fråga",
        [QuestionField.HelpText] = HelpColumn,
        [QuestionField.Kind] = "Typ",
        [QuestionField.Choices] = "Alternativ eller kolumner",
        [QuestionField.Conditions] = "Villkor",
        [QuestionField.ShownWhen] = "Visas när",
    };

    /// <summary>The template as XLSX, or null when there is no such template.</summary>
    public async Task<(byte[] Content, string FileName)?> ExportAsync(Guid templateId, CancellationToken cancellationToken)
    {
        var template = await db.QualityReportTemplates.AsNoTracking().Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return null;
        }
        var byId = await db.Conditions.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, cancellationToken);
        var rows = template.Ordered.Select(q => new[]
        {
            q.Section, q.Code, q.Text, q.Kind.Name(), string.Join(Separator + " ", q.Choices), q.Required ? QuestionVisibility.Yes : QuestionVisibility.No,
            string.Join(Separator + " ", q.ConditionIds.Where(byId.ContainsKey).Select(id => byId[id]).Order(StringComparer.Ordinal)),
            q.ShownWhenCode is null ? "" : $"{q.ShownWhenCode} = {q.ShownWhenAnswer}", q.HelpText ?? "",
        });
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var values in rows.Prepend(Exported))
            {
                data.Append(new Row(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(DocumentText.Safe(v))) })));
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Frågor" }));
            workbook.Workbook.Save();
        }
        return (stream.ToArray(), $"{(template.IsChecklist ? "checklista" : "kvalitetsrapport")}-{template.Year}-{template.Id:N}.xlsx");
    }

    /// <summary>Imports an edited sheet into a draft template: every row valid, or nothing changes.</summary>
    public async Task<TemplateImportResult> ImportAsync(Guid templateId, Stream content, CancellationToken cancellationToken)
    {
        var template = await db.QualityReportTemplates.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return new([], 0, 0, 0, NotFound: true);
        }
        if (!template.IsDraft)
        {
            return Refused(template.Locked);
        }
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(path))
            {
                await content.CopyToAsync(file, cancellationToken);
            }
            var inForce = await conditions.DuringAsync(template.ChoiceSystemId, template.Year, cancellationToken);
            var codes = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
            foreach (var condition in inForce)
            {
                codes.TryAdd(condition.Code, condition.Id);
            }
            var problems = new List<Refusal>();
            List<(int Line, QuestionDraft Draft)> rows;
            using (var reader = new XlsxTableReader(path, importLimits))
            {
                rows = Read(reader, codes, template, problems);
            }
            var (questions, ruleProblems) = TemplateRules.Check([.. rows.Select(r => r.Draft)], codes.Values.ToHashSet());
            problems.AddRange(ruleProblems.Select(p => TemplateRules.TryQuestionField(p, out var index, out var field)
                ? Problem(rows[index].Line, ColumnOf[field], p.Message)
                : p));
            if (problems.Count > 0)
            {
                return new(problems, 0, 0, 0);
            }
            var (added, changed, removed, refused) = template.ReplaceQuestions(questions);
            if (refused is not null)
            {
                return Refused(refused);
            }
            await db.SaveChangesAsync(cancellationToken);
            return new([], added, changed, removed);
        }
        catch (ImportRefusedException refused)
        {
            return Refused(Refusal.Invalid(refused.Line is { } line ? $"Rad {line}: {refused.Message}" : refused.Message));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static TemplateImportResult Refused(Refusal refusal) => new([refusal], 0, 0, 0);

    /// <summary>A problem in the sheet, by row and column: bad input named by where it is in the file.</summary>
    private static Refusal Problem(int line, string column, string message) => Refusal.Invalid($"Rad {line}, kolumn {column}: {message}");

    /// <summary>
    /// Reads the rows as drafts; what only a sheet can get wrong (formulas, Ja/Nej, condition codes, the "2.1 = Nej" form) is
    /// a problem here, the rest is left to <see cref="TemplateRules"/>. A sheet without the help text column keeps the stored ones.
    /// </summary>
    private static List<(int Line, QuestionDraft Draft)> Read(XlsxTableReader reader, IReadOnlyDictionary<string, Guid> conditionCodes, QualityReportTemplate template, List<Refusal> problems)
    {
        var missing = Columns.Where(c => !reader.Header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            problems.Add(Refusal.Invalid($"Rad 1: kolumnerna {string.Join(", ", missing)} saknas. Utgå från en exporterad mall."));
            return [];
        }
        var index = Exported.ToDictionary(c => c, c => reader.Header.ToList().FindIndex(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)), StringComparer.Ordinal);
        var rows = new List<(int Line, QuestionDraft Draft)>();
        while (reader.Read())
        {
            var line = reader.Line;
            void Problem(string column, string message) => problems.Add(TemplateSpreadsheet.Problem(line, column, message));
            string Cell(string column)
            {
                if (index[column] < 0)
                {
                    return "";
                }
                if (reader.IsFormula(index[column]))
                {
                    Problem(column, "cellen innehåller en formel. Skriv in värdet i stället.");
                    return "";
                }
                return reader.Cell(index[column]).ToString().Trim();
            }
            var code = Cell("Kod");
            var help = index[HelpColumn] >= 0 ? Cell(HelpColumn) : template.Questions.Find(q => q.Code == code)?.HelpText;
            var requiredText = Cell("Obligatorisk");
            bool? required = requiredText.ToUpperInvariant() switch { "JA" => true, "NEJ" or "" => false, _ => null };
            if (required is null) Problem("Obligatorisk", "skriv Ja eller Nej.");
            var conditionIds = new List<Guid>();
            foreach (var conditionCode in Cell("Villkor").Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (conditionCodes.TryGetValue(conditionCode, out var conditionId)) conditionIds.Add(conditionId);
                else Problem("Villkor", $"villkoret {conditionCode} gäller inte för kundvalet det året.");
            }
            var shownWhen = Cell("Visas när");
            string? whenCode = null, whenAnswer = null;
            if (shownWhen.Length > 0)
            {
                var parts = shownWhen.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length == 2 && parts[0].Length > 0) (whenCode, whenAnswer) = (parts[0], parts[1]);
                else Problem("Visas när", "skriv koden för en tidigare fråga och svaret, till exempel ”2.1 = Nej”.");
            }
            rows.Add((line, new QuestionDraft(Cell("Avsnitt"), code, Cell("Fråga"), help, Cell("Typ"),
                Cell("Alternativ eller kolumner").Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                required ?? false, conditionIds, whenCode, whenAnswer)));
        }
        if (rows.Count == 0 && problems.Count == 0)
        {
            problems.Add(Refusal.Invalid("Filen har inga frågor."));
        }
        return rows;
    }
}
