using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Uppsikt.Web.Infrastructure.Documents;

namespace Uppsikt.Web.Tests;

public sealed class WordDocumentTests
{
    private static byte[] Sample() => new WordDocument()
        .Title("Samlad uppföljning 2026")
        .Labelled("Diarienummer", "KFKS-2026-00012")
        .Heading(1, "Förslag till beslut")
        .Paragraph("Kommunstyrelsen noterar informationen.\nAndra raden.")
        .Heading(2, "Äldrenämnden")
        .Bullets(["Plan antagen", "Rapporterad"])
        .Table(["Kundval", "Plan"], [["Hemtjänst", "Antagen"], ["Särskilt boende", "Saknas"]])
        .ToBytes("Samlad uppföljning 2026");

    [Fact]
    public void TheDocumentIsValidOpenXml()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample()), isEditable: false);
        var errors = new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public void HeadingsUseHeadingStylesAndTheTextIsKept()
    {
        using var document = WordprocessingDocument.Open(new MemoryStream(Sample()), isEditable: false);
        var body = document.MainDocumentPart!.Document!.Body!;
        var headings = body.Elements<Paragraph>()
            .Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value?.StartsWith("Heading", StringComparison.Ordinal) == true)
            .Select(p => (p.ParagraphProperties!.ParagraphStyleId!.Val!.Value, p.InnerText))
            .ToList();

        Assert.Equal([("Heading1", "Förslag till beslut"), ("Heading2", "Äldrenämnden")], headings);
        Assert.Contains("KFKS-2026-00012", body.InnerText, StringComparison.Ordinal);
        Assert.Equal(1, body.Descendants<Break>().Count(b => b.Parent is Run));
        var table = Assert.Single(body.Elements<Table>());
        Assert.Equal(3, table.Elements<TableRow>().Count());
        Assert.NotNull(table.Elements<TableRow>().First().TableRowProperties?.GetFirstChild<TableHeader>());
        Assert.Equal("Samlad uppföljning 2026", document.PackageProperties.Title);
    }

    [Fact]
    public void AHeaderIsOnEveryPageAndTheDocumentStaysValid()
    {
        var bytes = new WordDocument().Header("Granskningsrapport · UTKAST · Dnr SOC-2026-00012").Title("Granskningsrapport").Strong("UTKAST").Paragraph("Text.").ToBytes("Rapport");

        using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
        Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        var main = document.MainDocumentPart!;
        Assert.Equal("Granskningsrapport · UTKAST · Dnr SOC-2026-00012", Assert.Single(main.HeaderParts).Header!.InnerText);
        var section = Assert.IsType<SectionProperties>(main.Document!.Body!.LastChild);
        Assert.Equal(main.GetIdOfPart(main.HeaderParts.Single()), section.GetFirstChild<HeaderReference>()!.Id!.Value);
        Assert.NotNull(main.Document.Body.Elements<Paragraph>().Single(p => p.InnerText == "UTKAST").Descendants<Bold>().SingleOrDefault());
    }

    /// <summary>Text as stored, and what the document keeps of it (a fact, not a theory: lone surrogates do not survive serialised test data).</summary>
    private static readonly (string Text, string Kept)[] HostileTexts =
    [
        ("a\0b", "ab"),
        ("x\u0001\u0008\u000B\u001B[0m\u007F\u009By", "x[0my"),
        ("\u202Eevil\u202C \u2066iso\u2069 \u200Fmark", "evil iso \u200Fmark"),
        ("half\uD800 \uDC00pair \uD83D\uDE00", "half pair \uD83D\uDE00"),
        ("no\uFFFE\uFFFFnchar", "nonchar"),
        ("rad ett\r\nrad två\ttabb", "rad ett\r\nrad två\ttabb"),
    ];

    [Fact]
    public void DocumentTextDropsWhatXmlCannotHoldAndWhatReordersText()
    {
        foreach (var (text, kept) in HostileTexts)
        {
            Assert.Equal(kept, DocumentText.Safe(text));

            var bytes = new WordDocument().Header(text).Heading(1, text).Paragraph(text).Labelled(text, text).Bullets([text]).Table([text], [[text]]).ToBytes(text);
            using var document = WordprocessingDocument.Open(new MemoryStream(bytes), isEditable: false);
            Assert.Empty(new OpenXmlValidator().Validate(document, TestContext.Current.CancellationToken));
        }
    }
}
