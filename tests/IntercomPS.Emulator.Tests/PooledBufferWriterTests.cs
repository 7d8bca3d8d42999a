using System;
using System.Text;
using System.Text.Json;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>The pooled buffer every JSON answer is written into: whatever grows it, the bytes come out as written.</summary>
public sealed class PooledBufferWriterTests
{
    [Fact]
    public void A_page_sized_answer_written_through_Utf8JsonWriter_comes_out_whole()
    {
        // 20,000 properties (about 400 KB) grow the buffer from its first 4 KB many times while the writer holds spans.
        using var buffer = new PooledBufferWriter();
        var expected = new StringBuilder("{");
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            for (var i = 0; i < 20_000; i++)
            {
                writer.WriteString("p" + i, "value " + i);
                expected.Append(i == 0 ? "" : ",").Append("\"p").Append(i).Append("\":\"value ").Append(i).Append('"');
            }

            writer.WriteEndObject();
        }

        Assert.Equal(expected.Append('}').ToString(), Encoding.UTF8.GetString(buffer.WrittenMemory.Span));
    }

    [Fact]
    public void Each_span_given_out_holds_at_least_the_hint_and_lies_after_the_bytes_written()
    {
        using var buffer = new PooledBufferWriter(initialSize: 16);
        var random = new Random(27);
        var expected = new byte[100_000];
        random.NextBytes(expected);
        var at = 0;
        while (at < expected.Length)
        {
            var hint = Math.Min(random.Next(0, 9_000), expected.Length - at);
            var span = buffer.GetSpan(hint);
            Assert.True(span.Length >= Math.Max(hint, 1));
            var count = Math.Min(Math.Max(hint, 1), expected.Length - at);
            expected.AsSpan(at, count).CopyTo(span);
            buffer.Advance(count);
            at += count;
        }

        Assert.Equal(expected, buffer.WrittenMemory.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(buffer.GetSpan().Length + 1));
    }
}
