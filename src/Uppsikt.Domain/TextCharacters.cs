namespace Uppsikt.Domain;

/// <summary>
/// Which characters a text typed into Uppsikt may hold, and which a document may show. A text refuses the control characters
/// (C0 with NUL, DEL and C1; a multi-line text keeps tab, carriage return and line feed), the bidirectional embeddings, overrides
/// and isolates that show the text after them reordered, the zero-width characters that hide in a name, and what XML cannot
/// hold (unpaired surrogates, U+FFFE and U+FFFF). Decision 0033.
/// </summary>
public static class TextCharacters
{
    /// <summary>
    /// Why <paramref name="text"/> is refused, as a Swedish message naming <paramref name="label"/>; null when every character is
    /// allowed. The first forbidden character decides the message.
    /// </summary>
    public static string? Problem(string? text, bool multiline, string label)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            var kind = c switch
            {
                '\t' or '\r' or '\n' => multiline ? null : "radbrytning eller tabb",
                _ when char.IsControl(c) => "styrtecken",
                _ when IsDirectionControl(c) => "riktningstecken",
                _ when IsZeroWidth(c) => "osynliga tecken",
                _ when char.IsSurrogate(c) || IsNonCharacter(c) => "ogiltiga tecken",
                _ => null,
            };
            if (kind is not null)
            {
                return $"Texten i fältet ”{label}” innehåller otillåtna tecken ({kind}).";
            }
        }
        return null;
    }

    /// <summary>The embeddings and overrides U+202A–U+202E and the isolates U+2066–U+2069. The marks LRM, RLM and ALM are not among them.</summary>
    public static bool IsDirectionControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>Zero-width space, non-joiner and joiner (U+200B–U+200D), word joiner (U+2060) and the byte order mark (U+FEFF).</summary>
    public static bool IsZeroWidth(char c) => c is >= '\u200B' and <= '\u200D' or '\u2060' or '\uFEFF';

    /// <summary>U+FFFE and U+FFFF, which XML 1.0 cannot hold.</summary>
    public static bool IsNonCharacter(char c) => c is '\uFFFE' or '\uFFFF';
}
