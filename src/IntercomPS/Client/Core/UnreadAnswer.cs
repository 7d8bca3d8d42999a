using System;
using System.Threading;

namespace IntercomPS.Client
{
    /// <summary>
    /// An answer received whose body has not been read yet (<see cref="ApiTransport.SendUnreadAsync"/>): its bytes wait
    /// in a buffer borrowed from the shared pool, which <see cref="Read"/> or <see cref="Dispose"/> gives back. Read
    /// once; an answer never read must be disposed, or its buffer is left to the collector instead of reused.
    /// </summary>
    internal sealed class UnreadAnswer<T> : IDisposable
    {
        private readonly Func<AnswerBody, T> _read;
        private AnswerBody? _body;

        public UnreadAnswer(AnswerBody body, Func<AnswerBody, T> read)
        {
            _body = body;
            _read = read;
        }

        /// <summary>The answer read (a JSON answer that is not what was asked for is the transport's invalid_response error); the buffer goes back either way.</summary>
        public T Read()
        {
            using var body = Interlocked.Exchange(ref _body, null) ?? throw new ObjectDisposedException(nameof(UnreadAnswer<T>));
            return _read(body);
        }

        public void Dispose() => Interlocked.Exchange(ref _body, null)?.Dispose();
    }
}
