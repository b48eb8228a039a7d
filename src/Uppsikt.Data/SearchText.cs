using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Uppsikt.Domain.Register;

namespace Uppsikt.Data;

/// <summary>
/// A lower-cased shadow column of the words a register list is searched by. SQLite's LIKE and lower()
/// fold only ASCII, so "örby" would not find "Örby"; folding in .NET before storing makes the search
/// the same on SQLite and PostgreSQL.
/// </summary>
public static class SearchText
{
    public const string Column = "SearchText";

    public static string Fold(string? text) => (text ?? "").Trim().ToLowerInvariant();

    /// <summary>The pattern for <c>EF.Functions.Like</c> that finds <paramref name="term"/> anywhere.</summary>
    public static string Pattern(string term) =>
        "%" + Fold(term).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";

    public static IQueryable<T> Matching<T>(this IQueryable<T> query, string? term) where T : class =>
        string.IsNullOrWhiteSpace(term) ? query
            : query.Where(e => EF.Functions.Like(EF.Property<string>(e, Column), Pattern(term), "\\"));

    internal static void Update(EntityEntry entry)
    {
        var text = entry.Entity switch
        {
            Provider p => Join(p.Name, p.OrganisationNumber, p.City),
            Unit u => Join(u.Name, u.StreetAddress, u.City, u.KoladaId),
            ChoiceSystem c => Join(c.Name, c.Description),
            Committee c => Join(c.Name, c.Description),
            Authorisation a => Join(a.CaseNumber, a.Notes),
            Uppsikt.Domain.Cycle.CycleTask t => Join(t.Title, t.Description),
            Uppsikt.Domain.Conditions.ConditionVersion v => Join(v.Title, v.Text),
            Uppsikt.Domain.Reviews.Review r => Join(r.Title, r.CaseNumber, r.LeadName),
            Uppsikt.Domain.Deficiencies.ActionPlan p => Join(p.Title, p.CaseNumber),
            Uppsikt.Domain.Deficiencies.Deficiency d => Join(d.Area, d.Description, d.RequiredAction, d.QuestionCode),
            Uppsikt.Domain.Sanctions.Sanction s => Join(s.Title, s.Motivation, s.DecisionCaseNumber),
            Uppsikt.Domain.Commissions.Commission c => Join(c.Title, c.Description, c.CaseNumber),
            Uppsikt.Domain.Evidence.Survey s => Join(s.Name, s.Conductor, s.Method),
            _ => null,
        };
        if (text is not null && entry.State is EntityState.Added or EntityState.Modified)
        {
            entry.Property(Column).CurrentValue = text;
        }
    }

    private static string Join(params string?[] parts) => Fold(string.Join(' ', parts.Where(p => !string.IsNullOrWhiteSpace(p))));
}
