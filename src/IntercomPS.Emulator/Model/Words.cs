using System.Buffers;
using System.Text;
using System.Text.Json;

namespace IntercomPS.Emulator.Model;

/// <summary>
/// The words of a message body: its plain text split wherever a character is neither a letter nor a digit, lowercased.
/// 2.14's conversation search matches source.body against each of them, not the whole text ("support" finds "I need
/// support"; "need support" finds nothing).
/// </summary>
internal static class Words
{
    public static string Json(string html)
    {
        var text = Html.PlainText(html);
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartArray();
            var word = new StringBuilder();
            foreach (var c in (text + " ").EnumerateRunes())
            {
                if (Rune.IsLetterOrDigit(c))
                {
                    word.Append(Rune.ToLowerInvariant(c).ToString());
                }
                else if (word.Length > 0)
                {
                    w.WriteStringValue(word.ToString());
                    word.Clear();
                }
            }

            w.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
