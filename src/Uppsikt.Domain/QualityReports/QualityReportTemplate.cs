using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Uppsikt.Domain.QualityReports;

public enum QuestionKind
{
    [Display(Name = "Text")] Text,
    [Display(Name = "Tal")] Number,
    [Display(Name = "Ja/nej")] YesNo,
    [Display(Name = "Ett val")] SingleChoice,
    [Display(Name = "Flera val")] MultipleChoice,
    [Display(Name = "Tabell")] Table,
    [Display(Name = "Fil")] File,
}

public enum TemplateState
{
    [Display(Name = "Utkast")] Draft,
    [Display(Name = "Aktiverad")] Active,
}

/// <summary>
/// Mall för kvalitetsrapport: the questions a choice system's providers answer for a year, in sections, each linked to the
/// conditions it follows up. Activated with a deadline, it gives every authorised provider a <see cref="QualityReport"/>.
/// </summary>
public sealed class QualityReportTemplate : Entity
{
    public Guid ChoiceSystemId { get; set; }

    public int Year { get; set; }

    public required string Title { get; set; }

    /// <summary>
    /// Set when the template is a review checklist (decision 0020): the review type its questions are answered for, by the
    /// reviewer rather than the provider. <see cref="Year"/> is then the version's year.
    /// </summary>
    public Reviews.ReviewType? ReviewType { get; set; }

    public bool IsChecklist => ReviewType is not null;

    public TemplateState State { get; set; }

    /// <summary>The last day to submit; set when the template is activated.</summary>
    public DateOnly? DueOn { get; set; }

    public List<TemplateQuestion> Questions { get; } = [];

    /// <summary>The questions in the order the provider meets them.</summary>
    public IEnumerable<TemplateQuestion> Ordered => Questions.OrderBy(q => q.Position);

    /// <summary>Activates the template with a deadline; refused when it is already active, has no questions or the deadline has passed.</summary>
    public Refusal? Activate(DateOnly dueOn, DateOnly today)
    {
        if (IsChecklist)
        {
            return Refusal.WrongState("En checklista aktiveras utan sista dag: den används av granskningar, inte besvaras av anordnare.");
        }
        if (State == TemplateState.Active)
        {
            return Refusal.WrongState("Mallen är redan aktiverad.");
        }
        if (Questions.Count == 0)
        {
            return Refusal.Invalid("Mallen har inga frågor.");
        }
        if (dueOn <= today)
        {
            return Refusal.Invalid("Sista dag måste vara efter i dag.", nameof(DueOn));
        }
        State = TemplateState.Active;
        DueOn = dueOn;
        return null;
    }

    /// <summary>
    /// Activates a checklist: reviews planned from now on use it, and its questions can no longer change (a new year's version
    /// is made for changes). Refused for a quality report template, an active checklist or one without questions.
    /// </summary>
    public Refusal? ActivateChecklist()
    {
        if (!IsChecklist)
        {
            return Refusal.WrongState("Det här är en mall för kvalitetsrapport, inte en checklista. Aktivera den med sista dag för svar.");
        }
        if (State == TemplateState.Active)
        {
            return Refusal.WrongState("Checklistan är redan aktiverad.");
        }
        if (Questions.Count == 0)
        {
            return Refusal.Invalid("Checklistan har inga frågor.");
        }
        State = TemplateState.Active;
        return null;
    }

    /// <summary>Why an activated template's questions cannot change: providers are already answering them.</summary>
    public const string ActivatedMessage = "Mallen är aktiverad och kan inte längre ändras. Anordnarna besvarar redan frågorna.";

    /// <summary>The refusal of any change to an activated template's questions.</summary>
    public static Refusal Activated { get; } = Refusal.WrongState(ActivatedMessage);

    /// <summary>Why an activated checklist's questions cannot change: reviews keep the version they were planned with.</summary>
    public const string ChecklistActivatedMessage =
        "Checklistan är aktiverad och kan inte längre ändras, eftersom granskningar använder den. Gör en ny version av checklistan för ändringar.";

    /// <summary>The refusal of any change to an activated checklist's questions.</summary>
    public static Refusal ChecklistActivated { get; } = Refusal.WrongState(ChecklistActivatedMessage);

    /// <summary>The refusal of a change to this template's questions once it is activated, in the words of its kind.</summary>
    public Refusal Locked => IsChecklist ? ChecklistActivated : Activated;

    public bool IsDraft => State == TemplateState.Draft;

    /// <summary>The section names in the order they first appear.</summary>
    public IReadOnlyList<string> Sections => [.. Ordered.Select(q => q.Section).Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// Adds a question (<paramref name="questionId"/> null) last in its section, or last of all in a new section, or changes
    /// one; a question moved to another section goes last in it, and a changed code is followed by the questions shown
    /// depending on it. Every question is checked again by <see cref="TemplateRules"/>; on any problem nothing changes.
    /// Returns the question's place in the template order (0-based) and the refusals, each naming the question's field as
    /// <see cref="TemplateRules"/> does.
    /// </summary>
    public (int Index, IReadOnlyList<Refusal> Problems) SaveQuestion(Guid? questionId, QuestionDraft draft, IReadOnlySet<Guid> allowedConditions)
    {
        var ordered = Ordered.ToList();
        var existing = questionId is null ? null : ordered.Find(q => q.Id == questionId);
        if (!IsDraft)
        {
            return (-1, [Locked]);
        }
        if (questionId is not null && existing is null)
        {
            return (-1, [Refusal.Invalid("Frågan finns inte i mallen.")]);
        }
        var others = ordered.Where(q => q != existing).ToList();
        var section = draft.Section?.Trim() ?? "";
        int index;
        if (existing is not null && existing.Section == section)
        {
            index = ordered.IndexOf(existing);
        }
        else
        {
            var last = others.FindLastIndex(q => q.Section == section);
            index = last < 0 ? others.Count : last + 1;
        }
        var newCode = draft.Code?.Trim() ?? "";
        var drafts = others.Select(q => QuestionDraft.Of(q) is var d && existing is not null && newCode.Length > 0 && q.ShownWhenCode == existing.Code
            ? d with { ShownWhenCode = newCode } : d).ToList();
        drafts.Insert(index, draft);
        var (questions, problems) = TemplateRules.Check(drafts, allowedConditions);
        if (problems.Count > 0)
        {
            return (index, problems);
        }
        var targets = others.ToList();
        var target = existing ?? new TemplateQuestion { TemplateId = Id, Section = "", Code = "", Text = "" };
        targets.Insert(index, target);
        if (existing is null)
        {
            Questions.Add(target);
        }
        for (var i = 0; i < questions.Count; i++)
        {
            CopyTo(questions[i], targets[i]);
        }
        return (index, []);
    }

    /// <summary>
    /// Replaces the questions by questions checked by <see cref="TemplateRules"/>, matching them by code: a stored question
    /// missing from <paramref name="questions"/> is removed, a new code added, and only what differs is touched, so the same
    /// questions again change nothing. Returns how many were added, changed and removed, or why nothing changed.
    /// </summary>
    public (int Added, int Changed, int Removed, Refusal? Refused) ReplaceQuestions(IReadOnlyList<TemplateQuestion> questions)
    {
        if (!IsDraft)
        {
            return (0, 0, 0, Locked);
        }
        var removed = Questions.RemoveAll(q => !questions.Any(r => r.Code == q.Code));
        int added = 0, changed = 0;
        foreach (var question in questions)
        {
            if (Questions.Find(q => q.Code == question.Code) is { } existing)
            {
                changed += CopyTo(question, existing) ? 1 : 0;
            }
            else
            {
                question.TemplateId = Id;
                Questions.Add(question);
                added++;
            }
        }
        return (added, changed, removed, null);
    }

    /// <summary>Moves a question one place up (−1) or down (+1) within its section; refused when that would put a question before the one it depends on.</summary>
    public Refusal? Move(Guid questionId, int offset)
    {
        if (!IsDraft)
        {
            return Locked;
        }
        var ordered = Ordered.ToList();
        var from = ordered.FindIndex(q => q.Id == questionId);
        if (from < 0)
        {
            return Refusal.Invalid("Frågan finns inte i mallen.");
        }
        var to = from + Math.Sign(offset);
        if (offset == 0 || to < 0 || to >= ordered.Count || ordered[to].Section != ordered[from].Section)
        {
            return Refusal.Invalid(offset < 0 ? "Frågan står redan först i sitt avsnitt." : "Frågan står redan sist i sitt avsnitt.");
        }
        (ordered[from], ordered[to]) = (ordered[to], ordered[from]);
        if (OrderProblem(ordered) is { } problem)
        {
            return Refusal.Invalid(problem);
        }
        Renumber(ordered);
        return null;
    }

    /// <summary>Removes a question no other question depends on.</summary>
    public Refusal? Remove(Guid questionId)
    {
        if (!IsDraft)
        {
            return Locked;
        }
        if (Questions.Find(q => q.Id == questionId) is not { } question)
        {
            return Refusal.Invalid("Frågan finns inte i mallen.");
        }
        if (Questions.Find(q => q.ShownWhenCode == question.Code) is { } dependent)
        {
            return Refusal.Invalid($"Fråga {dependent.Code} visas bara beroende på svaret på fråga {question.Code}. Ändra eller ta bort fråga {dependent.Code} först.");
        }
        Questions.Remove(question);
        Renumber([.. Ordered]);
        return null;
    }

    /// <summary>Gives a section a new name on every question in it; a refused name names the field <c>NewName</c>.</summary>
    public Refusal? RenameSection(string section, string? newName)
    {
        if (!IsDraft)
        {
            return Locked;
        }
        var name = newName?.Trim() ?? "";
        if (name.Length is 0 or > TemplateRules.SectionMax)
        {
            return Refusal.Invalid($"Ange avsnittets nya namn (högst {TemplateRules.SectionMax} tecken).", "NewName");
        }
        if (!Questions.Exists(q => q.Section == section))
        {
            return Refusal.Invalid("Avsnittet finns inte i mallen.");
        }
        if (name != section && Questions.Exists(q => q.Section == name))
        {
            return Refusal.Invalid($"Det finns redan ett avsnitt som heter ”{name}”. Välj ett annat namn.", "NewName");
        }
        foreach (var question in Questions.Where(q => q.Section == section))
        {
            question.Section = name;
        }
        return null;
    }

    /// <summary>
    /// The questions as a new version's (decision 0020): sections, codes, texts, help texts, kinds, choices and "shown only
    /// when" rules as they are, linked only to the conditions of <paramref name="allowedConditions"/> (those in force for the new
    /// version), so the copy follows <see cref="TemplateRules"/> as the original did.
    /// </summary>
    public IEnumerable<TemplateQuestion> CopyQuestions(Guid templateId, IReadOnlySet<Guid> allowedConditions) =>
        Ordered.Select((q, i) => new TemplateQuestion
        {
            TemplateId = templateId,
            Position = i + 1,
            Section = q.Section,
            Code = q.Code,
            Text = q.Text,
            HelpText = q.HelpText,
            Kind = q.Kind,
            Choices = [.. q.Choices],
            Required = q.Required,
            ConditionIds = [.. q.ConditionIds.Where(allowedConditions.Contains)],
            ShownWhenCode = q.ShownWhenCode,
            ShownWhenAnswer = q.ShownWhenAnswer,
        });

    /// <summary>The first question, in this order, shown depending on a question that does not come before it.</summary>
    private static string? OrderProblem(List<TemplateQuestion> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            var question = ordered[i];
            if (question.ShownWhenCode is { } code && !ordered.Take(i).Any(q => q.Code == code))
            {
                return $"Fråga {question.Code} visas bara beroende på svaret på fråga {code} och måste stå efter den.";
            }
        }
        return null;
    }

    private static void Renumber(List<TemplateQuestion> ordered)
    {
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }
    }

    /// <summary>Copies a checked question's content and place onto a stored one, touching only what differs.</summary>
    private static bool CopyTo(TemplateQuestion from, TemplateQuestion to)
    {
        if (to.Position == from.Position && to.Section == from.Section && to.Code == from.Code && to.Text == from.Text && to.HelpText == from.HelpText
            && to.Kind == from.Kind && to.Choices.SequenceEqual(from.Choices) && to.Required == from.Required
            && to.ConditionIds.Order().SequenceEqual(from.ConditionIds.Order()) && to.ShownWhenCode == from.ShownWhenCode && to.ShownWhenAnswer == from.ShownWhenAnswer)
        {
            return false;
        }
        (to.Position, to.Section, to.Code, to.Text, to.HelpText, to.Kind, to.Choices, to.Required, to.ConditionIds, to.ShownWhenCode, to.ShownWhenAnswer) =
            (from.Position, from.Section, from.Code, from.Text, from.HelpText, from.Kind, from.Choices, from.Required, from.ConditionIds, from.ShownWhenCode, from.ShownWhenAnswer);
        return true;
    }
}

/// <summary>One question of a template. Its code is stable across years: last year's answers are copied by it, and an import updates by it.</summary>
public sealed class TemplateQuestion : Entity
{
    public Guid TemplateId { get; set; }

    public int Position { get; set; }

    /// <summary>The section heading the question is shown under, such as "Volym".</summary>
    public required string Section { get; set; }

    /// <summary>Unique within the template, such as "1.2".</summary>
    public required string Code { get; set; }

    public required string Text { get; set; }

    /// <summary>Guidance shown with the question to the provider who answers it.</summary>
    public string? HelpText { get; set; }

    public QuestionKind Kind { get; set; }

    /// <summary>The choices of a choice question, or the fixed columns of a table.</summary>
    public List<string> Choices { get; set; } = [];

    public bool Required { get; set; }

    /// <summary>The conditions the question follows up.</summary>
    public List<Guid> ConditionIds { get; set; } = [];

    /// <summary>The code of an earlier yes/no or choice question this one depends on; null when always shown.</summary>
    public string? ShownWhenCode { get; set; }

    /// <summary>The answer to <see cref="ShownWhenCode"/> that shows this question ("Ja"/"Nej" or one of its choices).</summary>
    public string? ShownWhenAnswer { get; set; }

    private static readonly CultureInfo Swedish = CultureInfo.GetCultureInfo("sv-SE");

    /// <summary>
    /// Whether a given answer fits the question: a number is a number (Swedish style, spaces between thousands allowed), yes/no
    /// is "Ja" or "Nej", a single choice is one of the choices and a multiple choice (one per line) only its choices. Text,
    /// tables and files take any answer. The refusal names the question's code as its field.
    /// </summary>
    public Refusal? Check(string answer)
    {
        var message = Kind switch
        {
            QuestionKind.Number when !decimal.TryParse(answer.Replace(" ", "", StringComparison.Ordinal), NumberStyles.Number, Swedish, out _)
                => $"Svaret på fråga {Code} ska vara ett tal.",
            QuestionKind.YesNo when answer is not (QuestionVisibility.Yes or QuestionVisibility.No) => $"Svara ja eller nej på fråga {Code}.",
            QuestionKind.SingleChoice when !Choices.Contains(answer) => $"Välj ett av alternativen på fråga {Code}.",
            QuestionKind.MultipleChoice when answer.Split('\n').Any(v => !Choices.Contains(v.Trim())) => $"Välj bland alternativen på fråga {Code}.",
            _ => null,
        };
        return message is null ? null : Refusal.Invalid(message, Code);
    }
}
