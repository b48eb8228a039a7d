using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Uppsikt.Domain.QualityReports;

/// <summary>
/// A question as someone entered it, in the browser's question form or on a row of an imported spreadsheet, before
/// <see cref="TemplateRules"/> has checked it. The kind is text: its Swedish name ("Ja/nej") or its code name ("YesNo").
/// </summary>
public sealed record QuestionDraft(
    string? Section, string? Code, string? Text, string? HelpText, string? Kind, IReadOnlyList<string> Choices, bool Required,
    IReadOnlyList<Guid> ConditionIds, string? ShownWhenCode, string? ShownWhenAnswer)
{
    /// <summary>A stored question as a draft, to check it again together with a changed one.</summary>
    public static QuestionDraft Of(TemplateQuestion q) =>
        new(q.Section, q.Code, q.Text, q.HelpText, q.Kind.ToString(), q.Choices, q.Required, q.ConditionIds, q.ShownWhenCode, q.ShownWhenAnswer);
}

/// <summary>What a problem is about, so the form can show it by its field and the import by its column.</summary>
public enum QuestionField
{
    Section,
    Code,
    Text,
    HelpText,
    Kind,
    Choices,
    Conditions,
    ShownWhen,
}


/// <summary>
/// The rules every template's questions follow, however they are edited (in the browser or by importing a spreadsheet):
/// section, code and text given and short enough, codes unique, a known kind, choices for choice questions and columns for
/// tables, conditions among those allowed, and a "shown only when" rule naming an EARLIER yes/no or choice question and one
/// of its possible answers.
/// </summary>
public static class TemplateRules
{
    public const int SectionMax = 200;
    public const int CodeMax = 40;
    public const int TextMax = 4000;
    public const int HelpTextMax = 4000;
    public const int ChoiceMax = 200;

    /// <summary>Each kind by its Swedish name and by its code name, either case.</summary>
    private static readonly Dictionary<string, QuestionKind> Kinds = BuildKinds();

    /// <summary>The Swedish names of the kinds, in declaration order, as the import and its messages use them.</summary>
    public static IReadOnlyList<string> KindNames { get; } = [.. Enum.GetValues<QuestionKind>().Select(SwedishName)];

    public static string SwedishName(QuestionKind kind) => DisplayNames.Of(kind);

    public static bool HasChoices(QuestionKind kind) => kind is QuestionKind.SingleChoice or QuestionKind.MultipleChoice;

    /// <summary>Whether a later question may be shown depending on the answer to a question of this kind.</summary>
    public static bool CanControl(QuestionKind kind) => kind == QuestionKind.YesNo || HasChoices(kind);

    /// <summary>The answers that can show a later question: "Ja"/"Nej" for yes/no, the choices of a choice question.</summary>
    public static IReadOnlyList<string> Answers(TemplateQuestion question) =>
        question.Kind == QuestionKind.YesNo ? [QuestionVisibility.Yes, QuestionVisibility.No] : HasChoices(question.Kind) ? question.Choices : [];

    /// <summary>The list a problem's field names: <c>Questions[3].Text</c> is the text of the fourth question in template order.</summary>
    public const string QuestionList = "Questions";

    /// <summary>The field key of a problem with the question at <paramref name="index"/> (0-based, in template order).</summary>
    public static string FieldKey(int index, QuestionField field) => Refusal.ItemField(QuestionList, index, field.ToString());

    /// <summary>Which question and field a problem found by <see cref="Check"/> is about.</summary>
    public static bool TryQuestionField(Refusal problem, out int index, out QuestionField field)
    {
        field = default;
        return Refusal.TryItemField(problem.Field, QuestionList, out index, out var name) && Enum.TryParse(name, out field) && Enum.IsDefined(field);
    }

    /// <summary>
    /// Checks the questions in template order. With no problems, the questions come back as checked (trimmed, positions
    /// 1, 2, 3 …); otherwise every problem found, each a refusal of bad input naming its question and field (<see cref="FieldKey"/>);
    /// the messages start in lower case, to follow a row or a question code.
    /// </summary>
    public static (List<TemplateQuestion> Questions, List<Refusal> Problems) Check(IReadOnlyList<QuestionDraft> drafts, IReadOnlySet<Guid> allowedConditions)
    {
        var problems = new List<Refusal>();
        var questions = new List<TemplateQuestion>(drafts.Count);
        var codeCounts = drafts.Select(d => d.Code?.Trim() ?? "").Where(c => c.Length > 0).GroupBy(c => c, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        for (var i = 0; i < drafts.Count; i++)
        {
            var index = i;
            var draft = drafts[i];
            void Problem(QuestionField field, string message) => problems.Add(Refusal.Invalid(message, FieldKey(index, field)));

            var section = draft.Section?.Trim() ?? "";
            var code = draft.Code?.Trim() ?? "";
            var text = draft.Text?.Trim() ?? "";
            var help = string.IsNullOrWhiteSpace(draft.HelpText) ? null : draft.HelpText.Trim();
            var choices = draft.Choices.Select(c => c.Trim()).Where(c => c.Length > 0).ToList();

            if (section.Length is 0 or > SectionMax) Problem(QuestionField.Section, $"ange ett avsnitt (högst {SectionMax} tecken).");
            if (code.Length is 0 or > CodeMax) Problem(QuestionField.Code, $"ange en kod (högst {CodeMax} tecken).");
            else if (codeCounts[code] > 1) Problem(QuestionField.Code, $"koden {code} används av mer än en fråga i mallen. Varje fråga behöver en egen kod.");
            if (text.Length is 0 or > TextMax) Problem(QuestionField.Text, "ange frågan (högst 4 000 tecken).");
            if (help is { Length: > HelpTextMax }) Problem(QuestionField.HelpText, "hjälptexten får vara högst 4 000 tecken.");

            var knownKind = Kinds.TryGetValue(draft.Kind?.Trim() ?? "", out var kind);
            if (!knownKind)
            {
                Problem(QuestionField.Kind, string.IsNullOrWhiteSpace(draft.Kind)
                    ? $"välj en frågetyp: {string.Join(", ", KindNames)}."
                    : $"”{draft.Kind.Trim()}” är ingen frågetyp. Använd någon av: {string.Join(", ", KindNames)}.");
            }
            else if (HasChoices(kind) && choices.Count < 2) Problem(QuestionField.Choices, "ange minst två alternativ.");
            else if (kind == QuestionKind.Table && choices.Count == 0) Problem(QuestionField.Choices, "ange tabellens kolumner.");
            else if (!HasChoices(kind) && kind != QuestionKind.Table && choices.Count > 0) Problem(QuestionField.Choices, "bara val- och tabellfrågor har alternativ eller kolumner.");
            if (choices.Any(c => c.Length > ChoiceMax)) Problem(QuestionField.Choices, $"ett alternativ eller en kolumn får vara högst {ChoiceMax} tecken.");
            else if (choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() < choices.Count) Problem(QuestionField.Choices, "samma alternativ eller kolumn står två gånger.");

            if (draft.ConditionIds.Any(id => !allowedConditions.Contains(id)))
            {
                Problem(QuestionField.Conditions, "välj bland villkoren som gäller för kundvalet det året.");
            }

            string? whenCode = null, whenAnswer = null;
            var wantedCode = draft.ShownWhenCode?.Trim() ?? "";
            var wantedAnswer = draft.ShownWhenAnswer?.Trim() ?? "";
            if (wantedCode.Length > 0 || wantedAnswer.Length > 0)
            {
                var earlier = questions.Find(q => q.Code == wantedCode);
                if (earlier is null)
                    Problem(QuestionField.ShownWhen, wantedCode.Length == 0
                        ? "välj vilken tidigare fråga svaret gäller."
                        : $"fråga {wantedCode} finns inte före den här frågan. Välj en tidigare fråga.");
                else if (!CanControl(earlier.Kind))
                    Problem(QuestionField.ShownWhen, $"fråga {earlier.Code} är inte en ja/nej- eller valfråga.");
                else if (!Answers(earlier).Contains(wantedAnswer, StringComparer.Ordinal))
                    Problem(QuestionField.ShownWhen, $"”{wantedAnswer}” är inget möjligt svar på fråga {earlier.Code}. Möjliga svar: {string.Join(", ", Answers(earlier))}.");
                else
                    (whenCode, whenAnswer) = (earlier.Code, wantedAnswer);
            }

            questions.Add(new TemplateQuestion
            {
                Position = i + 1,
                Section = section,
                Code = code,
                Text = text,
                HelpText = help,
                Kind = kind,
                Choices = choices,
                Required = draft.Required,
                ConditionIds = [.. draft.ConditionIds.Distinct()],
                ShownWhenCode = whenCode,
                ShownWhenAnswer = whenAnswer,
            });
        }
        return (questions, problems);
    }

    private static Dictionary<string, QuestionKind> BuildKinds()
    {
        var kinds = new Dictionary<string, QuestionKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var kind in Enum.GetValues<QuestionKind>())
        {
            kinds[SwedishName(kind)] = kind;
            kinds[kind.ToString()] = kind;
        }
        return kinds;
    }
}
