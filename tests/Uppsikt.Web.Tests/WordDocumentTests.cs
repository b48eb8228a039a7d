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
}
