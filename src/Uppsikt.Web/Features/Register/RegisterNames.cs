namespace Uppsikt.Web.Features.Register;

public static class RegisterNames
{
    /// <summary>
    /// The name among <paramref name="names"/> that is the same as <paramref name="name"/> ignoring case, or null: to a
    /// reader "Kulturnämnden" and "kulturnämnden" are one name. Compared in memory because SQLite folds only ASCII.
    /// </summary>
    public static string? SameNameAs(this IEnumerable<string> names, string name) =>
        names.FirstOrDefault(n => string.Equals(n.Trim(), name, StringComparison.OrdinalIgnoreCase));
}
