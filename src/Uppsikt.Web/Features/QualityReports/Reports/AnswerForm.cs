using System.Text.Json;
using Uppsikt.Domain.QualityReports;

namespace Uppsikt.Web.Features.QualityReports.Reports;

/// <summary>How the fill-in form names its fields, and how a posted form becomes answers (a table as JSON rows, a multiple choice as lines).</summary>
public static class AnswerForm
{
    /// <summary>The form field (and element id) of a question.</summary>
    public static string Field(string code) => "q-" + code.Replace('.', '-');

    public static string Cell(string code, int row, int column) => $"{Field(code)}-r{row}-c{column}";

    public static IReadOnlyList<string[]> TableRows(string? value) =>
        string.IsNullOrEmpty(value) ? [] : JsonSerializer.Deserialize<string[][]>(value) ?? [];

    public static IReadOnlyList<string> Selected(string? value) =>
        string.IsNullOrEmpty(value) ? [] : value.Split('\n');

    /// <summary>The posted answers by question code; a table reads as many rows as were posted and drops empty ones.</summary>
    public static Dictionary<string, string?> Read(IFormCollection form, IEnumerable<QuestionView> questions)
    {
        var answers = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var question in questions)
        {
            answers[question.Code] = question.Kind switch
            {
                QuestionKind.File => null,
                QuestionKind.MultipleChoice => string.Join('\n', form[Field(question.Code)].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim())),
                QuestionKind.Table => ReadTable(form, question),
                _ => form[Field(question.Code)].FirstOrDefault(),
            };
        }
        return answers;
    }

    private static string? ReadTable(IFormCollection form, QuestionView question)
    {
        var rows = new List<string[]>();
        for (var row = 0; form.ContainsKey(Cell(question.Code, row, 0)); row++)
        {
            var cells = question.Choices.Select((_, column) => form[Cell(question.Code, row, column)].FirstOrDefault()?.Trim() ?? "").ToArray();
            if (cells.Any(c => c.Length > 0))
            {
                rows.Add(cells);
            }
        }
        return rows.Count == 0 ? null : JsonSerializer.Serialize(rows);
    }
}

/// <summary>One question as the fill-in form shows it.</summary>
public sealed record QuestionInput(QuestionView Question, string? Value, IReadOnlyList<CompletionView> OpenRequests);
