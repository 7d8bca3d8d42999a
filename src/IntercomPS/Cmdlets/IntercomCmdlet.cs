using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// What every API cmdlet shares, and nothing more: the session, waiting for a request while relaying its
    /// Verbose/Debug lines on the pipeline thread, Ctrl+C, and turning a failed request into an ErrorRecord.
    /// Failures stay per item (non-terminating); only a missing session and rejected credentials stop the pipeline.
    /// </summary>
    public abstract class IntercomCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private IntercomClient? _client;

        /// <summary>The session to use instead of the one Connect-Intercom made.</summary>
        [Parameter]
        public IntercomSession? Session { get; set; }

        protected IntercomClient Client => _client ??= ResolveClient();

        protected override void BeginProcessing() => _client = ResolveClient();

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs one request to completion and returns its answer, or writes a non-terminating error with
        /// <paramref name="target"/> as its TargetObject and returns null.
        /// </summary>
        protected T? Invoke<T>(object? target, Func<CancellationToken, Task<T>> request) where T : class
        {
            try
            {
                return Await(request);
            }
            catch (Exception failure) when (failure is IntercomApiException || failure is ArgumentException)
            {
                WriteFailure(failure, target);
                return null;
            }
        }

        /// <summary>Waits for a request on the pipeline thread, relaying its trace as it happens.</summary>
        protected T Await<T>(Func<CancellationToken, Task<T>> request) => Finish(Start(request));

        /// <summary>Starts a request now; its Verbose/Debug lines wait in its own queue until it is finished.</summary>
        private protected Started<T> Start<T>(Func<CancellationToken, Task<T>> request)
        {
            var trace = new QueuedTrace();
            Task<T> task;
            using (RequestTrace.Begin(trace))
            {
                task = StartSafely(request, _stopping.Token);
            }
            task.ContinueWith(_ => trace.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new Started<T>(task, trace);
        }

        /// <summary>On the pipeline thread: relays the request's trace while it runs, then returns its answer or throws.</summary>
        private protected T Finish<T>(Started<T> started)
        {
            foreach (var (isDebug, message) in started.Trace.Drain())
            {
                if (isDebug) WriteDebug(message);
                else WriteVerbose(message);
            }
            try
            {
                return started.Task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        /// <summary>Cancels every request still running, e.g. when the pipeline must stop.</summary>
        private protected void CancelRequests() => _stopping.Cancel();

        /// <summary>A request under way and the messages it has traced so far.</summary>
        private protected readonly struct Started<T>
        {
            public Started(Task<T> task, QueuedTrace trace)
            {
                Task = task;
                Trace = trace;
            }

            public Task<T> Task { get; }
            public QueuedTrace Trace { get; }
        }

        // A request that throws before its first await must still complete the trace, not hang the drain.
        private static Task<T> StartSafely<T>(Func<CancellationToken, Task<T>> request, CancellationToken token)
        {
            try
            {
                return request(token);
            }
            catch (Exception failure)
            {
                var failed = new TaskCompletionSource<T>();
                failed.SetException(failure);
                return failed.Task;
            }
        }

        /// <summary>Per-item failures are non-terminating; rejected credentials end the pipeline.</summary>
        protected void WriteFailure(Exception failure, object? target)
        {
            var record = ErrorRecords.For(failure, target);
            if (failure is IntercomApiException { StatusCode: HttpStatusCode.Unauthorized })
            {
                CancelRequests();
                ThrowTerminatingError(record);
            }
            WriteError(record);
        }

        /// <summary>True when -WhatIf (or $WhatIfPreference) is in effect.</summary>
        protected bool IsWhatIf =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        private IntercomClient ResolveClient()
        {
            var session = Session ?? CurrentSession.Get();
            if (session is null || session.IsClosed) ThrowTerminatingError(ErrorRecords.NoSession(session));
            return session!.Client;
        }

        /// <summary>Messages from any thread, read in order on the pipeline thread.</summary>
        private protected sealed class QueuedTrace : IRequestTraceSink
        {
            private readonly BlockingCollection<(bool IsDebug, string Message)> _messages = new BlockingCollection<(bool, string)>();

            public void Verbose(string message) => Add(false, message);
            public void Debug(string message) => Add(true, message);
            public void Complete() => _messages.CompleteAdding();
            public System.Collections.Generic.IEnumerable<(bool IsDebug, string Message)> Drain() => _messages.GetConsumingEnumerable();

            private void Add(bool isDebug, string message)
            {
                if (!_messages.IsAddingCompleted) _messages.Add((isDebug, message));
            }
        }
    }
}
