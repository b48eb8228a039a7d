using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Uppsikt.Web.Infrastructure.Documents;

/// <summary>
/// Writes a Word document (DOCX), the format municipal offices edit decision memos in. Headings are real heading
/// styles (so Word's navigation pane and screen readers see the structure), tables have a repeated header row, and the
/// text is marked as Swedish. Every text goes through <see cref="DocumentText.Safe"/>, so stored text of any kind cannot break the
/// document's XML or reorder what is shown.
/// </summary>
public sealed class WordDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private readonly List<OpenXmlElement> _blocks = [];

    private string? _header;

    /// <summary>A line at the top of every page, such as the case number and "Utkast".</summary>
    public WordDocument Header(string text)
    {
        _header = text;
        return this;
    }

    public WordDocument Title(string text) => Add(Styled(text, "Title"));

    /// <summary>A heading of level 1 to 3.</summary>
    public WordDocument Heading(int level, string text)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(level, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 3);
        return Add(Styled(text, $"Heading{level}"));
    }

    /// <summary>A paragraph; line breaks in <paramref name="text"/> become line breaks in Word.</summary>
    public WordDocument Paragraph(string text) => Add(new Paragraph(TextRun(text, bold: false)));

    /// <summary>A paragraph in bold, for what must not be missed, such as "Utkast".</summary>
    public WordDocument Strong(string text) => Add(new Paragraph(TextRun(text, bold: true)));

    /// <summary>A paragraph that starts with a bold label, such as "Diarienummer: KFKS-2026-00012".</summary>
    public WordDocument Labelled(string label, string value) =>
        Add(new Paragraph(TextRun(label + ": ", bold: true), TextRun(value, bold: false)));

    public WordDocument Bullets(IEnumerable<string> items)
    {
        foreach (var item in items)
        {
            Add(new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "ListParagraph" }), TextRun("•\t" + item, bold: false)));
        }
        return this;
    }

    /// <summary>A table whose first row is the header, repeated on every page.</summary>
    public WordDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            new TableGrid(headers.Select(_ => new GridColumn())));
        table.Append(Row(headers, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, header: false));
        }
        Add(table);
        // Word needs a paragraph between two tables, and after a table at the end of a document.
        return Add(new Paragraph());
    }

    /// <summary>The finished document; <paramref name="title"/> goes into its properties.</summary>
    public byte[] ToBytes(string title)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body(_blocks.Select(b => b.CloneNode(true)));
            main.Document = new Document(body);
            main.AddNewPart<StyleDefinitionsPart>().Styles = Styles();
            if (_header is not null)
            {
                var header = main.AddNewPart<HeaderPart>();
                header.Header = new Header(new Paragraph(
                    new ParagraphProperties(new Justification { Val = JustificationValues.Right }),
                    TextRun(_header, bold: false)));
                // The section's properties come last in the body; they put the header on every page.
                body.Append(new SectionProperties(new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) }));
            }
            document.PackageProperties.Title = DocumentText.Safe(title);
            document.PackageProperties.Creator = "Uppsikt";
            document.PackageProperties.Language = "sv-SE";
        }
        return stream.ToArray();
    }

    private WordDocument Add(OpenXmlElement block)
    {
        _blocks.Add(block);
        return this;
    }

    private static Paragraph Styled(string text, string style) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text, bold: false));

    private static Run TextRun(string text, bool bold)
    {
        var run = new Run();
        if (bold)
        {
            run.Append(new RunProperties(new Bold()));
        }
        var lines = DocumentText.Safe(text).ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                run.Append(new Break());
            }
            run.Append(new Text(lines[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        foreach (var cell in cells)
        {
            row.Append(new TableCell(new Paragraph(TextRun(cell, bold: header))));
        }
        return row;
    }

    private static Styles Styles()
    {
        var styles = new Styles(new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial" },
                new FontSize { Val = "22" },
                new Languages { Val = "sv-SE" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
        styles.Append(HeadingStyle("Title", "Title", size: 40, outline: null));
        styles.Append(HeadingStyle("Heading1", "heading 1", size: 32, outline: 0));
        styles.Append(HeadingStyle("Heading2", "heading 2", size: 26, outline: 1));
        styles.Append(HeadingStyle("Heading3", "heading 3", size: 22, outline: 2));
        styles.Append(new Style(
            new StyleName { Val = "List Paragraph" },
            new BasedOn { Val = "Normal" },
            new StyleParagraphProperties(new SpacingBetweenLines { After = "60" }, new Indentation { Left = "360", Hanging = "360" }))
        { Type = StyleValues.Paragraph, StyleId = "ListParagraph" });
        return styles;
    }

    private static Style HeadingStyle(string id, string name, int size, int? outline)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level });
        }
        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
