using System.IO.Compression;
using System.Text;

namespace Uppsikt.Web.Infrastructure.Files;

/// <summary>
/// The file types people may attach, each recognised by its extension AND by its content: the first bytes of PDF, PNG
/// and JPEG; the zip container with the parts that make a Word or Excel document; valid UTF-8 without markup for text.
/// A browser or program later trusts the type, so a name alone proves nothing.
/// </summary>
public static class FileContentCheck
{
    public sealed record FileKind(string Extension, string ContentType, string SwedishName);

    private static readonly FileKind Pdf = new(".pdf", "application/pdf", "PDF");
    private static readonly FileKind Docx = new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "Word-dokument (.docx)");
    private static readonly FileKind Xlsx = new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "Excel-arbetsbok (.xlsx)");
    private static readonly FileKind Png = new(".png", "image/png", "PNG-bild");
    private static readonly FileKind Jpeg = new(".jpg", "image/jpeg", "JPEG-bild");
    private static readonly FileKind Text = new(".txt", "text/plain; charset=utf-8", "textfil");

    private static readonly Dictionary<string, FileKind> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = Pdf,
        [".docx"] = Docx,
        [".xlsx"] = Xlsx,
        [".png"] = Png,
        [".jpg"] = Jpeg,
        [".jpeg"] = Jpeg,
        [".txt"] = Text,
    };

    public const string AllowedText = "PDF, Word (.docx), Excel (.xlsx), PNG, JPEG och textfiler (.txt)";

    /// <summary>For the file input's accept attribute: a hint to the browser, never a check.</summary>
    public static string Accept => string.Join(',', ByExtension.Keys);

    public static FileKind? ForExtension(string fileName) => ByExtension.GetValueOrDefault(Path.GetExtension(fileName));

    /// <summary>Null when the content is what the extension says; otherwise why not (Swedish).</summary>
    public static string? Verify(FileKind kind, Stream content)
    {
        content.Position = 0;
        var matches = kind switch
        {
            _ when kind == Pdf => StartsWith(content, "%PDF-"u8),
            _ when kind == Png => StartsWith(content, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            _ when kind == Jpeg => StartsWith(content, [0xFF, 0xD8, 0xFF]),
            _ when kind == Docx => IsOfficeDocument(content, "word/document.xml"),
            _ when kind == Xlsx => IsOfficeDocument(content, "xl/workbook.xml"),
            _ when kind == Text => IsPlainText(content),
            _ => false,
        };
        content.Position = 0;
        return matches ? null : $"Innehållet är inte en {kind.SwedishName}, som filnamnet säger. Kontrollera att det är rätt fil.";
    }

    private static bool StartsWith(Stream content, ReadOnlySpan<byte> signature)
    {
        Span<byte> head = stackalloc byte[signature.Length];
        return content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(signature);
    }

    /// <summary>An OOXML package: a zip with [Content_Types].xml and the main part. Only the directory is read, nothing is unpacked.</summary>
    private static bool IsOfficeDocument(Stream content, string mainPart)
    {
        if (!StartsWith(content, "PK\u0003\u0004"u8))
        {
            return false;
        }
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            return names.Contains("[Content_Types].xml") && names.Contains(mainPart);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>UTF-8 text without NUL bytes, and not a web page or script in disguise.</summary>
    private static bool IsPlainText(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (bytes.Contains((byte)0))
        {
            return false;
        }
        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
        var start = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        string[] markup = ["<!doctype", "<html", "<script", "<svg", "<?xml", "<body", "<iframe"];
        return !markup.Any(m => start.StartsWith(m, StringComparison.OrdinalIgnoreCase));
    }
}
