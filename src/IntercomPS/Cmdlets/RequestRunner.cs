using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// How every cmdlet runs its requests, held by composition: Ctrl+C (one cancellation for all its requests), their
    /// Verbose/Debug lines relayed on the pipeline thread, the capability table checked before a request is built,
    /// the command's <see cref="RequestScheduler"/>, answers handed on in input order, and failures turned into
    /// ErrorRecords: per item (non-terminating), except rejected credentials, which end the pipeline.
    /// </summary>
    internal sealed class RequestRunner
    {
        private const string ThrottleLimitParameter = "ThrottleLimit";

        private readonly PSCmdlet _cmdlet;
        private readonly Func<IIntercomApi>? _session;
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly OrderedRequests _submitted = new OrderedRequests();
        private RequestScheduler? _scheduler;
        private CmdletTrace? _trace;
        private IReadOnlyList<Capability>? _capabilities;

        /// <param name="cmdlet">The cmdlet whose requests these are.</param>
        /// <param name="session">The client of the cmdlet's session, for the capability table; null before there is one (Connect-Intercom).</param>
        public RequestRunner(PSCmdlet cmdlet, Func<IIntercomApi>? session = null)
        {
            _cmdlet = cmdlet;
            _session = session;
        }

        /// <summary>Cancelled when the pipeline is stopped (Ctrl+C) or must end.</summary>
        public CancellationToken StopToken => _stopping.Token;

        /// <summary>
        /// The one place this command's requests are bounded: made once, from the cmdlet's -ThrottleLimit (a parameter
        /// that does not bind from the pipeline) when it has one, else the default. Calls that fan out get it too.
        /// </summary>
        public RequestScheduler Scheduler => _scheduler ??= new RequestScheduler(
            ParameterValues.Has(_cmdlet, ThrottleLimitParameter) ? (int)ParameterValues.Of(_cmdlet, ThrottleLimitParameter)! : Concurrency.DefaultThrottleLimit);

        /// <summary>In BeginProcessing: decides, once, whether anyone would see the requests' Verbose/Debug lines.</summary>
        public void Begin() => _trace = new CmdletTrace(_cmdlet);

        /// <summary>In StopProcessing (Ctrl+C), or when the pipeline must end: cancels every request still running.</summary>
        public void Stop() => _stopping.Cancel();

        /// <summary>
        /// Runs one request to completion and returns its answer, or writes a non-terminating error with
        /// <paramref name="target"/> as its TargetObject and returns null.
        /// </summary>
        public T? Invoke<T>(object? target, Func<CancellationToken, Task<T>> request) where T : class
        {
            try
            {
                if (Refusal() is { } refusal) throw refusal;
                return Await(request);
            }
            catch (Exception failure) when (IsItemFailure(failure))
            {
                WriteFailure(failure, target);
                return null;
            }
        }

        /// <summary>Waits for a request on the pipeline thread, relaying its trace as it happens; Ctrl+C stops the pipeline.</summary>
        public T Await<T>(Func<CancellationToken, Task<T>> request) => Finish(Start(request));

        /// <summary>
        /// Starts the request as soon as the <see cref="Scheduler"/> has room, and hands its answer to
        /// <paramref name="onAnswer"/> (or its failure to the error stream, with <paramref name="target"/>) once every
        /// earlier submission has been handed on. Returns with the request in flight, so the pipeline binds its next
        /// input meanwhile.
        /// </summary>
        public void Submit<T>(object? target, Func<CancellationToken, Task<T>> request, Action<T> onAnswer) =>
            Submit(request, onAnswer, failure => WriteFailure(failure, target));

        /// <summary>As above, with the failure handed to <paramref name="onFailure"/> (e.g. one error per user of a batch).</summary>
        public void Submit<T>(Func<CancellationToken, Task<T>> request, Action<T> onAnswer, Action<Exception> onFailure)
        {
            WaitForRoom();
            var refusal = Refusal();
            var started = Start(refusal is null ? request : _ => Task.FromException<T>(refusal));
            Scheduler.Started(started.Task);
            _submitted.Add(started.Task, () =>
            {
                T answer;
                try
                {
                    answer = Finish(started);
                }
                catch (Exception failure) when (IsItemFailure(failure))
                {
                    onFailure(failure);
                    return;
                }
                onAnswer(answer);
            });
        }

        /// <summary>
        /// Whether this input asks for what the session cannot do (the capability table), writing the not_supported
        /// error against <paramref name="target"/> if so: for what runs no request through <see cref="Invoke"/> or
        /// <see cref="Submit{T}(object, Func{CancellationToken, Task{T}}, Action{T})"/> (a listing, which streams).
        /// </summary>
        public bool Refuses(object? target)
        {
            if (Refusal() is not { } refusal) return false;
            WriteFailure(refusal, target);
            return true;
        }

        /// <summary>A failure known before any request, handed on in input order as a request's would be.</summary>
        public void Refuse(object? target, Exception failure) => Submit<object>(target, _ => Task.FromException<object>(failure), _ => { });

        /// <summary>Hands on every submitted answer, in order (EndProcessing, or before a cmdlet's last words).</summary>
        public void Drain() => _submitted.Drain();

        /// <summary>
        /// Reads a stream of answers (a listing) on the pipeline thread until <paramref name="next"/> gives null.
        /// Requests the stream runs ahead share one trace, relayed as far as it has come each time an answer arrives.
        /// </summary>
        public IEnumerable<T> Stream<T>(Func<CancellationToken, Task<T?>> next) where T : class
        {
            var trace = Trace.NewQueue();
            try
            {
                while (true)
                {
                    Task<T?> step;
                    using (trace is null ? null : RequestTrace.Begin(trace))
                    {
                        step = StartSafely(next, _stopping.Token);
                    }
                    var answer = Finish(new Started<T?>(step, null));
                    if (trace is not null) Trace.Relay(trace.TakeAvailable());
                    if (answer is null) yield break;
                    yield return answer;
                }
            }
            finally
            {
                if (trace is not null) Trace.Relay(trace.TakeAvailable());
            }
        }

        /// <summary>Per-item failures are non-terminating; rejected credentials end the pipeline.</summary>
        public void WriteFailure(Exception failure, object? target)
        {
            var record = ErrorRecords.For(failure, target);
            if (failure is IntercomApiException { StatusCode: HttpStatusCode.Unauthorized })
            {
                Stop();
                _cmdlet.ThrowTerminatingError(record);
            }
            _cmdlet.WriteError(record);
        }

        /// <summary>
        /// What this input asks for that the session cannot do (<see cref="Capabilities"/>), as the not_supported error
        /// its request would have been; null when the session can do it all. Checked before a request is built.
        /// </summary>
        private NotSupportedException? Refusal()
        {
            if (_session is null) return null;
            var capabilities = _capabilities ??= Capabilities.Of(_cmdlet.MyInvocation.MyCommand.Name);
            if (capabilities.Count == 0) return null;
            var asked = new List<Capability>(capabilities.Count);
            foreach (var capability in capabilities)
            {
                var given = capability.WithoutUser ? UserTargets.NamesUserIn(_cmdlet) : capability.Parameter is { } name && ParameterValues.IsGiven(_cmdlet, name);
                if (capability.IsAskedFor(given)) asked.Add(capability);
            }
            return Capabilities.Refusal(asked, _session());
        }

        /// <summary>
        /// Waits before a request starts, never after: while the scheduler has no room, hands on the oldest answer if
        /// that is what frees it (the held answers are at the scheduler's bound), else waits for any request to finish.
        /// </summary>
        private void WaitForRoom()
        {
            var scheduler = Scheduler;
            while (!scheduler.HasRoom(_submitted.Count))
            {
                if (_submitted.Count >= scheduler.MaxHeld && _submitted.HandOnOldest()) continue;
                scheduler.WaitForAny();
            }
        }

        /// <summary>Starts a request now; its Verbose/Debug lines, if wanted, wait in its own queue until it is finished.</summary>
        private Started<T> Start<T>(Func<CancellationToken, Task<T>> request)
        {
            if (Trace.NewQueue() is not { } trace) return new Started<T>(StartSafely(request, _stopping.Token), null);
            Task<T> task;
            using (RequestTrace.Begin(trace))
            {
                task = StartSafely(request, _stopping.Token);
            }
            task.ContinueWith(_ => trace.Complete(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return new Started<T>(task, trace);
        }

        /// <summary>On the pipeline thread: relays the request's trace while it runs, then returns its answer or throws.</summary>
        private T Finish<T>(Started<T> started)
        {
            if (started.Trace is { } trace) Trace.Relay(trace.Drain());
            try
            {
                return started.Task.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
            {
                throw new PipelineStoppedException();
            }
        }

        // Made in Begin; a cmdlet whose BeginProcessing did not call it gets it on first use.
        private CmdletTrace Trace => _trace ??= new CmdletTrace(_cmdlet);

        /// <summary>A request under way and the messages it has traced so far (null when nobody would see them).</summary>
        private readonly struct Started<T>
        {
            public Started(Task<T> task, QueuedTrace? trace)
            {
                Task = task;
                Trace = trace;
            }

            public Task<T> Task { get; }
            public QueuedTrace? Trace { get; }
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

        /// <summary>What a request's failure can be, reported against its item: the API's answer, bad input, or what this API cannot do.</summary>
        private static bool IsItemFailure(Exception failure) => failure is IntercomApiException || failure is ArgumentException || failure is NotSupportedException;
    }
}
