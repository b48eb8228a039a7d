using System.ComponentModel.DataAnnotations;

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

    public TemplateState State { get; set; }

    /// <summary>The last day to submit; set when the template is activated.</summary>
    public DateOnly? DueOn { get; set; }

    public List<TemplateQuestion> Questions { get; } = [];

    /// <summary>The questions in the order the provider meets them.</summary>
    public IEnumerable<TemplateQuestion> Ordered => Questions.OrderBy(q => q.Position);

    /// <summary>Activates the template with a deadline; returns a Swedish message when it cannot be.</summary>
    public string? Activate(DateOnly dueOn, DateOnly today)
    {
        if (State == TemplateState.Active)
        {
            return "Mallen är redan aktiverad.";
        }
        if (Questions.Count == 0)
        {
            return "Mallen har inga frågor.";
        }
        if (dueOn <= today)
        {
            return "Sista dag måste vara efter i dag.";
        }
        State = TemplateState.Active;
        DueOn = dueOn;
        return null;
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
}
