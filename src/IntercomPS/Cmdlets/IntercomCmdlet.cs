using System;
using System.Collections.Concurrent;
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
    /// What every API cmdlet shares, and nothing more: the session, running requests while relaying their
    /// Verbose/Debug lines on the pipeline thread, Ctrl+C, and turning a failed request into an ErrorRecord.
    /// Failures stay per item (non-terminating); only a missing session and rejected credentials stop the pipeline.
    /// </summary>
    public abstract class IntercomCmdlet : PSCmdlet
    {
        private readonly CancellationTokenSource _stopping = new CancellationTokenSource();
        private readonly OrderedRequests _submitted = new OrderedRequests();
        private RequestScheduler? _scheduler;
        private IIntercomApi? _client;
        private CmdletTrace? _trace;
        private IReadOnlyList<Capability>? _capabilities;

        /// <summary>The session to use instead of the one Connect-Intercom made.</summary>
        [Parameter]
        public IntercomSession? Session { get; set; }

        protected IIntercomApi Client => _client ??= ResolveClient();

        /// <summary>
        /// The one place this command's requests are bounded: made once, from the cmdlet's -ThrottleLimit (a parameter
        /// that does not bind from the pipeline) when it has one, else the default. Calls that fan out get it too.
        /// </summary>
        protected RequestScheduler Scheduler => _scheduler ??= new RequestScheduler(
            ParameterValues.Has(this, ThrottleLimitParameter) ? (int)ParameterValues.Of(this, ThrottleLimitParameter)! : Concurrency.DefaultThrottleLimit);

        private const string ThrottleLimitParameter = "ThrottleLimit";

        /// <summary>Cancelled when the pipeline is stopped (Ctrl+C) or must end.</summary>
        protected CancellationToken StopToken => _stopping.Token;

        protected override void BeginProcessing()
        {
            _client = ResolveClient();
            _trace = new CmdletTrace(this);
        }

        protected override void EndProcessing() => DrainSubmitted();

        protected override void StopProcessing() => _stopping.Cancel();

        /// <summary>
        /// Runs one request to completion and returns its answer, or writes a non-terminating error with
        /// <paramref name="target"/> as its TargetObject and returns null.
        /// </summary>
        protected T? Invoke<T>(object? target, Func<CancellationToken, Task<T>> request) where T : class
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

        /// <summary>Waits for a request on the pipeline thread, relaying its trace as it happens.</summary>
        protected T Await<T>(Func<CancellationToken, Task<T>> request) => Finish(Start(request));

        /// <summary>
        /// Starts the request as soon as the <see cref="Scheduler"/> has room, and hands its answer to
        /// <paramref name="onAnswer"/> (or its failure to the error stream, with <paramref name="target"/>) once every
        /// earlier submission has been handed on. Returns with the request in flight, so the pipeline binds its next
        /// input meanwhile.
        /// </summary>
        protected void Submit<T>(object? target, Func<CancellationToken, Task<T>> request, Action<T> onAnswer) =>
            Submit(request, onAnswer, failure => WriteFailure(failure, target));

        /// <summary>As above, with the failure handed to <paramref name="onFailure"/> (e.g. one error per user of a batch).</summary>
        protected void Submit<T>(Func<CancellationToken, Task<T>> request, Action<T> onAnswer, Action<Exception> onFailure)
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
        /// What this input asks for that the session cannot do (<see cref="Capabilities"/>), as the not_supported error
        /// its request would have been; null when the session can do it all. Checked before a request is built.
        /// </summary>
        private NotSupportedException? Refusal()
        {
            var capabilities = _capabilities ??= Capabilities.Of(MyInvocation.MyCommand.Name);
            if (capabilities.Count == 0) return null;
            var asked = new List<Capability>(capabilities.Count);
            foreach (var capability in capabilities)
            {
                if (capability.IsAskedFor(capability.Parameter is { } name && ParameterValues.IsGiven(this, name))) asked.Add(capability);
            }
            return Capabilities.Refusal(asked, Client);
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

        /// <summary>Hands on every submitted answer, in order.</summary>
        protected void DrainSubmitted() => _submitted.Drain();

        /// <summary>Starts a request now; its Verbose/Debug lines, if wanted, wait in its own queue until it is finished.</summary>
        private protected Started<T> Start<T>(Func<CancellationToken, Task<T>> request)
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
        private protected T Finish<T>(Started<T> started)
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

        /// <summary>
        /// Reads a stream of answers (a listing) on the pipeline thread until <paramref name="next"/> gives null.
        /// Requests the stream runs ahead share one trace, relayed as far as it has come each time an answer arrives.
        /// </summary>
        private protected IEnumerable<T> Stream<T>(Func<CancellationToken, Task<T?>> next) where T : class
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

        // Made in BeginProcessing; a cmdlet whose BeginProcessing a subclass replaced gets it on first use.
        private CmdletTrace Trace => _trace ??= new CmdletTrace(this);

        /// <summary>Cancels every request still running, e.g. when the pipeline must stop.</summary>
        private protected void CancelRequests() => _stopping.Cancel();

        /// <summary>A request under way and the messages it has traced so far (null when nobody would see them).</summary>
        private protected readonly struct Started<T>
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

        /// <summary>Writes a user, with a warning for each value Intercom sent that it could not show.</summary>
        protected void WriteUser(User user)
        {
            foreach (var problem in user.Unreadable) WriteWarning($"User {user}: {problem}.");
            WriteObject(user);
        }

        /// <summary>True when -WhatIf (or $WhatIfPreference) is in effect.</summary>
        protected bool IsWhatIf =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var whatIf)
                ? LanguagePrimitives.IsTrue(whatIf)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        private IIntercomApi ResolveClient()
        {
            var session = Session ?? CurrentSession.Get();
            if (session is null || session.IsClosed) ThrowTerminatingError(ErrorRecords.NoSession(session));
            return session!.Client;
        }
    }
}
