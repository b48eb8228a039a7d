using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Uppsikt.Data;
using Uppsikt.Domain.QualityReports;
using Uppsikt.Web.Infrastructure;
using Uppsikt.Web.Infrastructure.Import;

namespace Uppsikt.Web.Features.QualityReports;

/// <summary>What an import did: the problems (then nothing changed), or how many questions were added, changed and removed.</summary>
public sealed record TemplateImportResult(IReadOnlyList<string> Problems, int Added, int Changed, int Removed, bool NotFound = false)
{
    public bool Succeeded => !NotFound && Problems.Count == 0;
}

/// <summary>
/// A template as one worksheet, one row per question, for editing in Excel: exported, edited and imported again. An import is
/// all or nothing, matches questions by code, refuses formula cells and reports each problem by row and column in Swedish.
/// </summary>
public sealed class TemplateSpreadsheet(AppDbContext db)
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const string Separator = ";";

    public static readonly string[] Columns = ["Avsnitt", "Kod", "Fråga", "Typ", "Alternativ eller kolumner", "Obligatorisk", "Villkor", "Visas när"];

    private static readonly Dictionary<string, QuestionKind> Kinds =
        Enum.GetValues<QuestionKind>().ToDictionary(k => k.Name(), k => k, StringComparer.OrdinalIgnoreCase);

    /// <summary>The template as XLSX, or null when there is no such template.</summary>
    public async Task<(byte[] Content, string FileName)?> ExportAsync(Guid templateId, CancellationToken cancellationToken)
    {
        var template = await db.QualityReportTemplates.AsNoTracking().Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return null;
        }
        var codes = await ConditionCodesAsync(template.ChoiceSystemId, cancellationToken);
        var byId = codes.ToDictionary(c => c.Value, c => c.Key);
        var rows = template.Ordered.Select(q => new[]
        {
            q.Section, q.Code, q.Text, q.Kind.Name(), string.Join(Separator + " ", q.Choices), q.Required ? QuestionVisibility.Yes : QuestionVisibility.No,
            string.Join(Separator + " ", q.ConditionIds.Where(byId.ContainsKey).Select(id => byId[id]).Order(StringComparer.Ordinal)),
            q.ShownWhenCode is null ? "" : $"{q.ShownWhenCode} = {q.ShownWhenAnswer}",
        });
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            foreach (var values in rows.Prepend(Columns))
            {
                data.Append(new Row(values.Select(v => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(v)) })));
            }
            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = "Frågor" }));
            workbook.Workbook.Save();
        }
        return (stream.ToArray(), $"kvalitetsrapport-{template.Year}-{template.Id:N}.xlsx");
    }

    /// <summary>Imports an edited sheet into a draft template: every row valid, or nothing changes.</summary>
    public async Task<TemplateImportResult> ImportAsync(Guid templateId, Stream content, CancellationToken cancellationToken)
    {
        var template = await db.QualityReportTemplates.Include(t => t.Questions).SingleOrDefaultAsync(t => t.Id == templateId, cancellationToken);
        if (template is null)
        {
            return new([], 0, 0, 0, NotFound: true);
        }
        if (template.State != TemplateState.Draft)
        {
            return Refused("Mallen är aktiverad och kan inte längre ändras.");
        }
        var path = Path.GetTempFileName();
        try
        {
            await using (var file = File.Create(path))
            {
                await content.CopyToAsync(file, cancellationToken);
            }
            var codes = await ConditionCodesAsync(template.ChoiceSystemId, cancellationToken);
            List<TemplateQuestion> read;
            var problems = new List<string>();
            using (var reader = new XlsxTableReader(path))
            {
                read = Read(reader, codes, problems);
            }
            if (problems.Count > 0)
            {
                return new(problems, 0, 0, 0);
            }
            return await ApplyAsync(template, read, cancellationToken);
        }
        catch (ImportRefusedException refused)
        {
            return Refused(refused.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static TemplateImportResult Refused(string message) => new([message], 0, 0, 0);

    private static List<TemplateQuestion> Read(XlsxTableReader reader, IReadOnlyDictionary<string, Guid> conditionCodes, List<string> problems)
    {
        var missing = Columns.Where(c => !reader.Header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"Rad 1: kolumnerna {string.Join(", ", missing)} saknas. Utgå från en exporterad mall.");
            return [];
        }
        var index = Columns.ToDictionary(c => c, c => reader.Header.ToList().FindIndex(h => string.Equals(h, c, StringComparison.OrdinalIgnoreCase)), StringComparer.Ordinal);
        var questions = new List<TemplateQuestion>();
        while (reader.Read())
        {
            var line = reader.Line;
            void Problem(string column, string message) => problems.Add($"Rad {line}, kolumn {column}: {message}");
            string Cell(string column)
            {
                if (reader.IsFormula(index[column]))
                {
                    Problem(column, "cellen innehåller en formel. Skriv in värdet i stället.");
                    return "";
                }
                return reader.Cell(index[column]).ToString().Trim();
            }
            var section = Cell("Avsnitt");
            var code = Cell("Kod");
            var text = Cell("Fråga");
            var kindText = Cell("Typ");
            var choices = Cell("Alternativ eller kolumner").Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            var requiredText = Cell("Obligatorisk");
            var conditionText = Cell("Villkor");
            var shownWhen = Cell("Visas när");

            if (section.Length is 0 or > 200) Problem("Avsnitt", "ange ett avsnitt (högst 200 tecken).");
            if (code.Length is 0 or > 40) Problem("Kod", "ange en kod (högst 40 tecken).");
            else if (questions.Exists(q => q.Code == code)) Problem("Kod", $"koden {code} finns redan på en tidigare rad.");
            if (text.Length is 0 or > 4000) Problem("Fråga", "ange frågan (högst 4 000 tecken).");
            if (!Kinds.TryGetValue(kindText, out var kind)) Problem("Typ", $"”{kindText}” är ingen frågetyp. Använd någon av: {string.Join(", ", Kinds.Keys)}.");
            else if (kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Table && choices.Count < (kind == QuestionKind.Table ? 1 : 2))
                Problem("Alternativ eller kolumner", kind == QuestionKind.Table ? "ange tabellens kolumner, åtskilda med semikolon." : "ange minst två alternativ, åtskilda med semikolon.");
            else if (kind is not (QuestionKind.SingleChoice or QuestionKind.MultipleChoice or QuestionKind.Table) && choices.Count > 0)
                Problem("Alternativ eller kolumner", "bara val- och tabellfrågor har alternativ eller kolumner.");
            bool? required = requiredText.ToUpperInvariant() switch { "JA" => true, "NEJ" or "" => false, _ => null };
            if (required is null) Problem("Obligatorisk", "skriv Ja eller Nej.");
            var conditionIds = new List<Guid>();
            foreach (var conditionCode in conditionText.Split(Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (conditionCodes.TryGetValue(conditionCode, out var conditionId)) conditionIds.Add(conditionId);
                else Problem("Villkor", $"villkoret {conditionCode} finns inte för kundvalet.");
            }
            string? whenCode = null, whenAnswer = null;
            if (shownWhen.Length > 0)
            {
                var parts = shownWhen.Split('=', 2, StringSplitOptions.TrimEntries);
                var earlier = parts.Length == 2 ? questions.Find(q => q.Code == parts[0]) : null;
                if (earlier is null)
                    Problem("Visas när", "skriv koden för en tidigare fråga och svaret, till exempel ”2.1 = Nej”.");
                else if (earlier.Kind is not (QuestionKind.YesNo or QuestionKind.SingleChoice or QuestionKind.MultipleChoice))
                    Problem("Visas när", $"fråga {earlier.Code} är inte en ja/nej- eller valfråga.");
                else if (earlier.Kind == QuestionKind.YesNo ? parts[1] is not (QuestionVisibility.Yes or QuestionVisibility.No) : !earlier.Choices.Contains(parts[1]))
                    Problem("Visas när", $"”{parts[1]}” är inget möjligt svar på fråga {earlier.Code}.");
                else
                    (whenCode, whenAnswer) = (earlier.Code, parts[1]);
            }
            questions.Add(new TemplateQuestion
            {
                Position = questions.Count + 1, Section = section, Code = code, Text = text, Kind = kind, Choices = choices,
                Required = required ?? false, ConditionIds = conditionIds, ShownWhenCode = whenCode, ShownWhenAnswer = whenAnswer,
            });
        }
        if (questions.Count == 0 && problems.Count == 0)
        {
            problems.Add("Filen har inga frågor.");
        }
        return questions;
    }

    /// <summary>Updates the template's questions by code: only what differs is touched, so an unchanged sheet changes nothing.</summary>
    private async Task<TemplateImportResult> ApplyAsync(QualityReportTemplate template, List<TemplateQuestion> read, CancellationToken cancellationToken)
    {
        int added = 0, changed = 0;
        var removed = template.Questions.Where(q => !read.Exists(r => r.Code == q.Code)).ToList();
        foreach (var question in removed)
        {
            template.Questions.Remove(question);
        }
        foreach (var row in read)
        {
            var existing = template.Questions.Find(q => q.Code == row.Code);
            if (existing is null)
            {
                row.TemplateId = template.Id;
                template.Questions.Add(row);
                added++;
                continue;
            }
            if (existing.Position != row.Position || existing.Section != row.Section || existing.Text != row.Text || existing.Kind != row.Kind
                || !existing.Choices.SequenceEqual(row.Choices) || existing.Required != row.Required || !existing.ConditionIds.Order().SequenceEqual(row.ConditionIds.Order())
                || existing.ShownWhenCode != row.ShownWhenCode || existing.ShownWhenAnswer != row.ShownWhenAnswer)
            {
                (existing.Position, existing.Section, existing.Text, existing.Kind, existing.Choices, existing.Required, existing.ConditionIds, existing.ShownWhenCode, existing.ShownWhenAnswer) =
                    (row.Position, row.Section, row.Text, row.Kind, row.Choices, row.Required, row.ConditionIds, row.ShownWhenCode, row.ShownWhenAnswer);
                changed++;
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        return new([], added, changed, removed.Count);
    }

    /// <summary>The codes of the conditions that apply to the choice system: its own and the general ones.</summary>
    private async Task<Dictionary<string, Guid>> ConditionCodesAsync(Guid choiceSystemId, CancellationToken cancellationToken)
    {
        var conditions = await db.Conditions.AsNoTracking().Where(c => c.ChoiceSystemId == choiceSystemId || c.ChoiceSystemId == null)
            .OrderBy(c => c.ChoiceSystemId == null).Select(c => new { c.Code, c.Id }).ToListAsync(cancellationToken);
        var codes = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var condition in conditions)
        {
            codes.TryAdd(condition.Code, condition.Id);
        }
        return codes;
    }
}
