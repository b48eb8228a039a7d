using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Uppsikt.Web.Infrastructure.Import;

/// <summary>
/// Streams the items of one array property of a JSON document's root object (such as Kolada's
/// <c>{"values":[…],"next_url":…}</c>) without reading the whole document: only the item being parsed is buffered.
/// </summary>
public static class JsonArrayReader
{
    private enum Stage { SeekingProperty, ExpectingArray, InArray, Done }

    public static async IAsyncEnumerable<T?> ReadAsync<T>(Stream stream, string property, JsonSerializerOptions options, int maxItemBytes,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        var filled = 0;
        var final = false;
        var state = new JsonReaderState();
        var stage = Stage.SeekingProperty;
        var items = new List<T?>();
        while (stage != Stage.Done)
        {
            if (filled == buffer.Length)
            {
                if (buffer.Length >= maxItemBytes)
                {
                    throw new ImportRefusedException($"En post i JSON-filen är större än {maxItemBytes:N0} byte.");
                }
                Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maxItemBytes));
            }
            var read = final ? 0 : await stream.ReadAsync(buffer.AsMemory(filled), cancellationToken);
            final = read == 0;
            filled += read;
            int consumed;
            try
            {
                consumed = Parse(buffer.AsSpan(0, filled), final, ref state, ref stage, property, options, items);
            }
            catch (JsonException exception)
            {
                throw new ImportRefusedException($"Filen är inte giltig JSON: {exception.Message}");
            }
            foreach (var item in items)
            {
                yield return item;
            }
            items.Clear();
            Buffer.BlockCopy(buffer, consumed, buffer, 0, filled - consumed);
            filled -= consumed;
            if (final && stage != Stage.Done)
            {
                throw new ImportRefusedException($"JSON-filen saknar listan ”{property}” eller tar slut mitt i den.");
            }
        }
    }

    /// <summary>Reads whole tokens and items from <paramref name="data"/>; returns how many bytes were used.</summary>
    private static int Parse<T>(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, ref Stage stage, string property,
        JsonSerializerOptions options, List<T?> items)
    {
        var reader = new Utf8JsonReader(data, final, state);
        var consumed = 0;
        while (stage != Stage.Done)
        {
            var checkpoint = reader;
            if (!reader.Read())
            {
                break;
            }
            var complete = true;
            switch (stage)
            {
                case Stage.SeekingProperty when reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1:
                    if (reader.ValueTextEquals(property))
                    {
                        stage = Stage.ExpectingArray;
                    }
                    else
                    {
                        complete = reader.TrySkip();
                    }
                    break;
                case Stage.SeekingProperty when reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0:
                    throw new ImportRefusedException($"JSON-filen saknar listan ”{property}”.");
                case Stage.ExpectingArray:
                    stage = reader.TokenType == JsonTokenType.StartArray
                        ? Stage.InArray
                        : throw new ImportRefusedException($"”{property}” i JSON-filen är inte en lista.");
                    break;
                case Stage.InArray when reader.TokenType == JsonTokenType.EndArray:
                    stage = Stage.Done;
                    break;
                case Stage.InArray:
                    var probe = reader;
                    complete = probe.TrySkip();
                    if (complete)
                    {
                        items.Add(JsonSerializer.Deserialize<T>(ref reader, options));
                    }
                    break;
            }
            if (!complete)
            {
                reader = checkpoint;
                break;
            }
            consumed = (int)reader.BytesConsumed;
            state = reader.CurrentState;
        }
        return consumed;
    }
}
