using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;

namespace Uppsikt.Domain.QualityReports;

public enum ReportState
{
    [Display(Name = "Utkast")] Draft,
    [Display(Name = "Inskickad")] Submitted,
    [Display(Name = "Komplettering begärd")] CompletionRequested,
    [Display(Name = "Kompletterad")] Resubmitted,
    [Display(Name = "Godkänd")] Approved,
}

/// <summary>Kvalitetsrapport: one provider's answers to an activated template.</summary>
public sealed class QualityReport : Entity
{
    public Guid TemplateId { get; set; }

    public QualityReportTemplate? Template { get; set; }

    /// <summary>The provider that answers; the query filter scopes provider users by it.</summary>
    public Guid ProviderId { get; set; }

    public ReportState State { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public DateTimeOffset? ApprovedAt { get; set; }

    public string? ApprovedBy { get; set; }

    public List<QualityAnswer> Answers { get; } = [];

    public List<CompletionRequest> CompletionRequests { get; } = [];

    /// <summary>
    /// The states in which a report is open for its provider: the provider may fill it in, it is one of the provider's
    /// requests, and past the deadline it is late. A draft, or a report sent back for completion.
    /// </summary>
    public static IReadOnlyList<ReportState> OpenStates { get; } = [ReportState.Draft, ReportState.CompletionRequested];

    /// <summary>Whether a report in this state is open for its provider (<see cref="OpenStates"/>).</summary>
    public static bool IsOpen(ReportState state) => OpenStates.Contains(state);

    /// <summary><see cref="OpenStates"/> as a condition a database query can use.</summary>
    public static Expression<Func<QualityReport, bool>> Open { get; } = OpenCondition();

    /// <summary>
    /// A report on a quality report template, never one on a review checklist (decision 0020): activating a checklist makes no
    /// report, and every report query also says so, so a checklist cannot reach the providers or the report pages.
    /// </summary>
    public static Expression<Func<QualityReport, bool>> OnReportTemplate { get; } = report => report.Template!.ReviewType == null;

    /// <summary>Whether the provider may change its answers now.</summary>
    public bool IsOpenForProvider => IsOpen(State);

    private static Expression<Func<QualityReport, bool>> OpenCondition()
    {
        var report = Expression.Parameter(typeof(QualityReport), "report");
        var state = Expression.Property(report, nameof(State));
        var any = OpenStates.Select(s => (Expression)Expression.Equal(state, Expression.Constant(s))).Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<QualityReport, bool>>(any, report);
    }

    public IReadOnlyDictionary<string, string> AnswerMap() =>
        Answers.ToDictionary(a => a.QuestionCode, a => a.Value, StringComparer.Ordinal);

    /// <summary>
    /// Stores the answers to the questions shown by these very answers; a hidden question's answer is dropped, and an
    /// empty answer removes the stored one. Refused when the report is not open for the provider.
    /// </summary>
    public Refusal? SaveAnswers(QualityReportTemplate template, IReadOnlyDictionary<string, string?> answers)
    {
        if (!IsOpenForProvider)
        {
            return Refusal.WrongState("Rapporten är inskickad och kan inte ändras nu.");
        }
        var given = answers.Where(a => !string.IsNullOrWhiteSpace(a.Value))
            .ToDictionary(a => a.Key, a => a.Value!.Trim(), StringComparer.Ordinal);
        var shown = QuestionVisibility.Shown(template, given);
        Answers.RemoveAll(a => !shown.Contains(a.QuestionCode) || !given.ContainsKey(a.QuestionCode));
        foreach (var question in template.Questions.Where(q => shown.Contains(q.Code) && given.ContainsKey(q.Code)))
        {
            var value = given[question.Code];
            if (Answers.Find(a => a.QuestionCode == question.Code) is { } existing)
            {
                existing.Value = value;
            }
            else
            {
                Answers.Add(new QualityAnswer { ReportId = Id, QuestionCode = question.Code, Value = value });
            }
        }
        return null;
    }

    /// <summary>The stored answers that do not fit their question (<see cref="TemplateQuestion.Check"/>), each by its question's code.</summary>
    public IReadOnlyList<Refusal> CheckAnswers(QualityReportTemplate template)
    {
        var answers = AnswerMap();
        return [.. template.Ordered.Where(q => answers.ContainsKey(q.Code)).Select(q => q.Check(answers[q.Code])).OfType<Refusal>()];
    }

    /// <summary>The required questions, shown by the current answers, that have no answer, each by its question's code.</summary>
    public IReadOnlyList<Refusal> MissingRequired(QualityReportTemplate template, bool hasFiles)
    {
        var answers = AnswerMap();
        var shown = QuestionVisibility.Shown(template, answers);
        return [.. template.Ordered
            .Where(q => q.Required && shown.Contains(q.Code)
                && (q.Kind == QuestionKind.File ? !hasFiles : !answers.ContainsKey(q.Code)))
            .Select(q => Refusal.Invalid(q.Kind == QuestionKind.File
                ? $"Fråga {q.Code} kräver en bifogad fil."
                : $"Besvara fråga {q.Code}: {q.Text}", q.Code))];
    }

    /// <summary>Submits (or resubmits after a completion request) when every required question is answered.</summary>
    public IReadOnlyList<Refusal> Submit(QualityReportTemplate template, bool hasFiles, DateTimeOffset now)
    {
        if (!IsOpenForProvider)
        {
            return [Refusal.WrongState("Rapporten är redan inskickad.")];
        }
        var missing = MissingRequired(template, hasFiles);
        if (missing.Count > 0)
        {
            return missing;
        }
        if (State == ReportState.CompletionRequested)
        {
            State = ReportState.Resubmitted;
            foreach (var request in CompletionRequests.Where(r => r.ResolvedAt is null))
            {
                request.ResolvedAt = now;
            }
        }
        else
        {
            State = ReportState.Submitted;
        }
        SubmittedAt = now;
        return [];
    }

    /// <summary>The reviewer asks for completion of some questions, each with a comment.</summary>
    public Refusal? RequestCompletion(IReadOnlyList<(string Code, string Comment)> requests, string requestedBy, DateTimeOffset now)
    {
        if (State is not (ReportState.Submitted or ReportState.Resubmitted))
        {
            return Refusal.WrongState("Komplettering kan bara begäras av en inskickad rapport.");
        }
        if (requests.Count == 0)
        {
            return Refusal.Invalid("Markera minst en fråga och skriv vad som ska kompletteras.");
        }
        foreach (var (code, comment) in requests)
        {
            CompletionRequests.Add(new CompletionRequest
            {
                ReportId = Id,
                QuestionCode = code,
                Comment = comment,
                RequestedAt = now,
                RequestedBy = requestedBy,
            });
        }
        State = ReportState.CompletionRequested;
        return null;
    }

    public Refusal? Approve(string approvedBy, DateTimeOffset now)
    {
        if (State is not (ReportState.Submitted or ReportState.Resubmitted))
        {
            return Refusal.WrongState("Bara en inskickad rapport kan godkännas.");
        }
        State = ReportState.Approved;
        ApprovedAt = now;
        ApprovedBy = approvedBy;
        return null;
    }

    /// <summary>
    /// Starts from last year's answers: copies each answer whose question code is in this year's template, keeping answers
    /// already given. Returns how many were copied.
    /// </summary>
    public int CopyFrom(QualityReport lastYear, QualityReportTemplate template)
    {
        if (!IsOpenForProvider)
        {
            return 0;
        }
        var codes = template.Questions.Where(q => q.Kind != QuestionKind.File).Select(q => q.Code).ToHashSet(StringComparer.Ordinal);
        var copied = 0;
        foreach (var answer in lastYear.Answers.Where(a => codes.Contains(a.QuestionCode)))
        {
            if (Answers.Exists(a => a.QuestionCode == answer.QuestionCode))
            {
                continue;
            }
            Answers.Add(new QualityAnswer { ReportId = Id, QuestionCode = answer.QuestionCode, Value = answer.Value });
            copied++;
        }
        return copied;
    }
}

/// <summary>One answer, by question code. A multiple choice is its choices on separate lines; a table is JSON rows of cells.</summary>
public sealed class QualityAnswer : Entity
{
    public Guid ReportId { get; set; }

    public required string QuestionCode { get; set; }

    public required string Value { get; set; }
}

/// <summary>Begäran om komplettering: the reviewer's comment on one question the provider must complete.</summary>
public sealed class CompletionRequest : Entity
{
    public Guid ReportId { get; set; }

    public required string QuestionCode { get; set; }

    public required string Comment { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public required string RequestedBy { get; set; }

    /// <summary>When the provider resubmitted after the request.</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
}

/// <summary>Which questions are shown: a conditional question only when its earlier question is shown and answered as it names.</summary>
public static class QuestionVisibility
{
    public const string Yes = "Ja";
    public const string No = "Nej";

    public static HashSet<string> Shown(QualityReportTemplate template, IReadOnlyDictionary<string, string> answers)
    {
        var shown = new HashSet<string>(StringComparer.Ordinal);
        foreach (var question in template.Ordered)
        {
            if (question.ShownWhenCode is not { } code
                || (shown.Contains(code) && answers.TryGetValue(code, out var answer) && Matches(answer, question.ShownWhenAnswer)))
            {
                shown.Add(question.Code);
            }
        }
        return shown;
    }

    /// <summary>A single answer equals the expected one; a multiple choice (one per line) contains it.</summary>
    private static bool Matches(string answer, string? expected) =>
        expected is not null && answer.Split('\n').Any(part => string.Equals(part.Trim(), expected, StringComparison.OrdinalIgnoreCase));
}
