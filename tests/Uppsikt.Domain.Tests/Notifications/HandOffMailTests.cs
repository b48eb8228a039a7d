using CsCheck;
using Uppsikt.Domain.Notifications;

namespace Uppsikt.Domain.Tests.Notifications;

public sealed class HandOffMailTests
{
    private const string Settings = "https://uppsikt.kommun.example/Account/Notifications";

    private static HandOffLine Line(int n) => new($"Sak nummer {n} väntar (fiktiv).", $"https://uppsikt.kommun.example/Plans/Details/{n}");

    [Fact]
    public void TheDefaultIsTheDailySummary() => Assert.Equal(MailFrequency.DailyDigest, HandOffMail.Default);

    [Theory]
    [InlineData(1, "1 sak väntar på dig i Uppsikt")]
    [InlineData(2, "2 saker väntar på dig i Uppsikt")]
    [InlineData(12, "12 saker väntar på dig i Uppsikt")]
    public void TheSummarysSubjectCountsInSingularAndPlural(int count, string subject) =>
        Assert.Equal(subject, HandOffMail.DigestSubject(count));

    [Fact]
    public void ASummaryOfOneSaysOneThing()
    {
        var body = HandOffMail.Digest("Gustav Gruppchef (fiktiv)", [Line(1)], Settings);

        Assert.StartsWith("Hej Gustav Gruppchef (fiktiv)!", body, StringComparison.Ordinal);
        Assert.Contains("har det kommit en sak som väntar på dig", body, StringComparison.Ordinal);
        Assert.Contains("– Sak nummer 1 väntar (fiktiv).\n  https://uppsikt.kommun.example/Plans/Details/1", body, StringComparison.Ordinal);
        Assert.Contains(Settings, body, StringComparison.Ordinal);
    }

    [Fact]
    public void ASummaryListsEveryLineWithItsLinkInTheOrderGiven()
    {
        Gen.Int[1, 30].Sample(count =>
        {
            var lines = Enumerable.Range(1, count).Select(Line).ToList();
            var body = HandOffMail.Digest("Sara Sekreterare (fiktiv)", lines, null);

            Assert.Contains(count == 1 ? "en sak som väntar" : $"{count} saker som väntar", body, StringComparison.Ordinal);
            var positions = lines.Select(l => body.IndexOf(l.Link!, StringComparison.Ordinal)).ToList();
            Assert.All(positions, p => Assert.True(p > 0));
            Assert.Equal(positions.Order(), positions);
            Assert.Equal(count, body.Split('\n').Count(l => l.StartsWith("– ", StringComparison.Ordinal)));
        });
    }

    [Fact]
    public void AnEmptySummaryIsNeverWritten() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => HandOffMail.Digest("Gustav Gruppchef (fiktiv)", [], Settings));

    [Fact]
    public void AMailAtOnceHasTheTextTheLinkAndHowToChange()
    {
        var body = HandOffMail.Immediate("Gustav Gruppchef (fiktiv)", Line(7), Settings);

        Assert.Contains("Sak nummer 7 väntar (fiktiv).\nhttps://uppsikt.kommun.example/Plans/Details/7\n", body, StringComparison.Ordinal);
        Assert.Contains("E-postaviseringar", body, StringComparison.Ordinal);
        Assert.Contains(Settings, body, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAKnownAddressTheMailHasNoEmptyLinkLine()
    {
        var body = HandOffMail.Immediate("Gustav Gruppchef (fiktiv)", new HandOffLine("En plan väntar (fiktiv).", null), null);

        Assert.DoesNotContain("\n\n\n", body, StringComparison.Ordinal);
        Assert.DoesNotContain("http", body, StringComparison.Ordinal);
    }
}
