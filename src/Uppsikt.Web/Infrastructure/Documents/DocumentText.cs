using System.Text;
using Uppsikt.Domain;

namespace Uppsikt.Web.Infrastructure.Documents;

/// <summary>
/// Stored text as a generated document (Word, Excel) or a download's file name may hold it. Text stored before the input rule
/// (decision 0033), or by a path that skips it, may hold anything, and one such character must not turn a download into an error.
/// </summary>
public static class DocumentText
{
    /// <summary>
    /// The text without what would break the document or mislead its reader: characters XML 1.0 cannot hold (NUL and the other
    /// control characters but tab and line breaks, unpaired surrogates, U+FFFE/U+FFFF), the C1 controls, and the bidirectional
    /// embeddings, overrides and isolates that would reorder the text after them (a case number or a name shown backwards). Tab,
    /// carriage return and line feed stay; a form feed or next-line character becomes a line feed. The marks LRM, RLM and ALM
    /// stay, as they reorder nothing beyond themselves.
    /// </summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        StringBuilder? kept = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                kept?.Append(c).Append(text[i + 1]);
                i++;
                continue;
            }
            char? replacement = c switch
            {
                '\t' or '\r' or '\n' => c,
                '\f' or '\u0085' => '\n',
                _ when char.IsControl(c) || char.IsSurrogate(c) || TextCharacters.IsNonCharacter(c) || TextCharacters.IsDirectionControl(c) => null,
                _ => c,
            };
            if (replacement == c)
            {
                kept?.Append(c);
                continue;
            }
            kept ??= new StringBuilder(text.Length).Append(text, 0, i);
            if (replacement is { } other)
            {
                kept.Append(other);
            }
        }
        return kept?.ToString() ?? text;
    }
}
