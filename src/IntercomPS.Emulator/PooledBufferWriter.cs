using System;
using System.Buffers;

namespace IntercomPS.Emulator;

/// <summary>
/// An answer's bytes in arrays rented from the shared pool. A page of 150 contacts is about 200 KB: a fresh
/// ArrayBufferWriter grew to it by doubling from 512 bytes, allocating each step and the last ones on the large
/// object heap, which the garbage collector only frees in full collections; rented arrays come back for the next answer.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] buffer;
    private int written;

    public PooledBufferWriter(int initialSize = 4096) => buffer = ArrayPool<byte>.Shared.Rent(initialSize);

    public ReadOnlyMemory<byte> WrittenMemory => buffer.AsMemory(0, written);

    public int WrittenCount => written;

    public void Advance(int count)
    {
        if (count < 0 || written + count > buffer.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "Advanced past the buffer given out.");
        }

        written += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint); // first: it may replace the buffer
        return buffer.AsMemory(written);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return buffer.AsSpan(written);
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> bytes (one when 0) after those written.</summary>
    private void Reserve(int sizeHint)
    {
        var needed = written + Math.Max(sizeHint, 1);
        if (needed > buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, checked(buffer.Length * 2)));
            buffer.AsSpan(0, written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = larger;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        written = 0;
    }
}
