using System.ComponentModel.DataAnnotations;

namespace Uppsikt.Domain.Notifications;

/// <summary>How a user wants to hear by e-mail that a step waits for them (decision 0025). Stored by name: never rename one.</summary>
public enum MailFrequency
{
    [Display(Name = "Direkt")] Immediately = 1,
    [Display(Name = "En gång om dagen (sammanfattning)")] DailyDigest = 2,
    [Display(Name = "Inte alls")] Never = 3,
}

/// <summary>One hand-off in a mail: what waits, and the absolute address of the page where it is done (null when none is known).</summary>
public sealed record HandOffLine(string Text, string? Link);

/// <summary>The wording of hand-off mail, one message at once or one daily summary; pure, so its singular and plural are tested alone.</summary>
public static class HandOffMail
{
    public const MailFrequency Default = MailFrequency.DailyDigest;

    private const string Footer = "Det här meddelandet skickades automatiskt av Uppsikt.";

    /// <summary>The mail sent at once for one hand-off.</summary>
    public static string Immediate(string name, HandOffLine line, string? settingsLink) =>
        $"""
        Hej {name}!

        {line.Text}{LinkLine(line.Link)}

        Du får det här meddelandet direkt eftersom du har valt det. Du kan i stället få en sammanfattning en gång om dagen, eller inga meddelanden alls, under E-postaviseringar i Uppsikt.{LinkLine(settingsLink)}

        {Footer}
        """;

    /// <summary>The subject of a daily summary: "1 sak väntar på dig i Uppsikt", "3 saker väntar …".</summary>
    public static string DigestSubject(int count) => $"{SwedishWording.Count(count, "sak", "saker")} väntar på dig i Uppsikt";

    /// <summary>The daily summary: every hand-off since the last one, oldest first, each with its link.</summary>
    public static string Digest(string name, IReadOnlyList<HandOffLine> lines, string? settingsLink)
    {
        ArgumentOutOfRangeException.ThrowIfZero(lines.Count);
        var items = string.Join("\n\n", lines.Select(l => "– " + l.Text + (l.Link is null ? "" : "\n  " + l.Link)));
        var intro = lines.Count == 1
            ? "Sedan förra sammanfattningen har det kommit en sak som väntar på dig i Uppsikt:"
            : $"Sedan förra sammanfattningen har det kommit {lines.Count.ToString("N0", SwedishWording.Culture)} saker som väntar på dig i Uppsikt:";
        return $"""
            Hej {name}!

            {intro}

            {items}

            Du får en sammanfattning en gång om dagen eftersom du har valt det. Du kan ändra det under E-postaviseringar i Uppsikt.{LinkLine(settingsLink)}

            {Footer}
            """;
    }

    private static string LinkLine(string? link) => link is null ? "" : "\n" + link;
}
