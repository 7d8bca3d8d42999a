using System;
using System.Threading;

namespace IntercomPS.Client
{
    /// <summary>Receives the client's diagnostic messages. Called from any thread.</summary>
    public interface IRequestTraceSink
    {
        /// <summary>One line per request: method, path, status, time, retries.</summary>
        void Verbose(string message);

        /// <summary>Request and response bodies. Never headers, so never the credentials.</summary>
        void Debug(string message);

        /// <summary>Whether Debug lines are wanted at all: decoding whole bodies into text is not free.</summary>
        bool IsDebugEnabled { get; }
    }

    /// <summary>
    /// The sink for the calls made in the current async flow. Ambient rather than a parameter on every method:
    /// one client serves nested pipelines (Get-IntercomUser | Set-IntercomUser), and each caller must see only
    /// the messages of its own requests, including those made on thread-pool continuations.
    /// </summary>
    public static class RequestTrace
    {
        private static readonly AsyncLocal<IRequestTraceSink?> CurrentSink = new AsyncLocal<IRequestTraceSink?>();

        internal static IRequestTraceSink? Current => CurrentSink.Value;

        /// <summary>Routes messages of calls started inside the scope to <paramref name="sink"/>.</summary>
        public static IDisposable Begin(IRequestTraceSink sink)
        {
            var previous = CurrentSink.Value;
            CurrentSink.Value = sink;
            return new Scope(previous);
        }

        private sealed class Scope : IDisposable
        {
            private readonly IRequestTraceSink? _previous;
            public Scope(IRequestTraceSink? previous) => _previous = previous;
            public void Dispose() => CurrentSink.Value = _previous;
        }
    }
}
