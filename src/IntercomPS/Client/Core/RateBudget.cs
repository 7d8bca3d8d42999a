using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client
{
    /// <summary>
    /// What is left of an app's rate-limit window, shared by every session of that app in this process (one per host
    /// and app: <see cref="For"/>), so no request goes that the last answer says would be refused. A request waits
    /// until fewer are in flight than the window has left (each in flight counts as spent until its answer says what
    /// remains); once the window is spent, until X-RateLimit-Reset; and while a 429's Retry-After runs, until it ends
    /// (<see cref="ServerWait"/> is the one rule for those waits). After waiting out a spent window, one request goes
    /// alone until its answer shows the new window, so a server whose clock is behind refuses one request, not one
    /// per request in flight. Before any answer carried the headers, nothing is held back.
    /// </summary>
    internal sealed class RateBudget
    {
        private static readonly ConcurrentDictionary<string, RateBudget> Apps = new ConcurrentDictionary<string, RateBudget>(StringComparer.Ordinal);

        /// <summary>What <see cref="WaitNow"/> says when those in flight use up what is left: wait for an answer, not a time.</summary>
        private static readonly TimeSpan UntilAnswered = TimeSpan.MaxValue;

        private readonly object _gate = new object();
        private int _inFlight;
        private RateLimitStatus? _window;
        private bool _probe;          // the window was waited out: one request alone until an answer shows the new one
        private ServerWait? _pause;   // a 429's Retry-After, until the answer to a request sent after it
        private long _sent;           // requests let go so far: their tickets
        private long _pausedAt;       // the ticket count when the pause was set
        private long _windowTicket;   // the ticket of the request whose answer told the window
        private TaskCompletionSource<bool> _answered = NewSignal();

        /// <summary>The budget of the app <paramref name="app"/> names (never a secret: an app id or a hash) at <paramref name="baseUri"/>'s host.</summary>
        public static RateBudget For(Uri baseUri, string app) =>
            Apps.GetOrAdd(baseUri.GetLeftPart(UriPartial.Authority) + "\n" + app, _ => new RateBudget());

        /// <summary>The window as the last answer of this app described it, or null before any did.</summary>
        public RateLimitStatus? Window => _window;

        /// <summary>Requests of this app in flight now, from every session: for tests.</summary>
        internal int InFlight => Volatile.Read(ref _inFlight);

        /// <summary>Lets a request go at once when nothing holds it back (the common case, without an allocation); else false.</summary>
        public bool TryEnter(out long ticket)
        {
            lock (_gate)
            {
                if (WaitNow(DateTime.UtcNow).Wait <= TimeSpan.Zero)
                {
                    _inFlight++;
                    ticket = ++_sent;
                    return true;
                }
            }
            ticket = 0;
            return false;
        }

        /// <summary>
        /// Waits until a request may go, then counts it in flight until <see cref="Answered"/> (or <see cref="Abandoned"/>)
        /// is given the ticket it returns.
        /// A wait longer than <paramref name="maxWait"/> is not taken: the request goes, and its refusal says how long.
        /// <paramref name="waiting"/> is told once why a wait begins.
        /// </summary>
        public async Task<long> EnterAsync(TimeSpan maxWait, Action<TimeSpan, string> waiting, CancellationToken cancellationToken)
        {
            var told = false;
            while (true)
            {
                Task answered;
                TimeSpan wait;
                string setBy;
                lock (_gate)
                {
                    (wait, setBy) = WaitNow(DateTime.UtcNow);
                    if (wait <= TimeSpan.Zero || (wait > maxWait && wait != UntilAnswered))
                    {
                        _inFlight++;
                        return ++_sent;
                    }
                    answered = _answered.Task;
                }
                if (!told && wait != UntilAnswered)
                {
                    waiting(wait, setBy);
                    told = true;
                }
                // Until an answer changes what is known, or the wait is over (a reset, a Retry-After's end).
                using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                // At most an hour at a time (Task.Delay takes no more than 24 days); the loop looks again.
                var delay = Task.Delay(wait == UntilAnswered ? Timeout.InfiniteTimeSpan : wait < TimeSpan.FromHours(1) ? wait : TimeSpan.FromHours(1), stop.Token);
                await Task.WhenAny(answered, delay).ConfigureAwait(false);
                stop.Cancel();
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        /// <summary>
        /// How long a request must wait now (zero: it may go; <see cref="UntilAnswered"/>: until an answer comes, since
        /// those in flight already use what is left) and the header that says so.
        /// </summary>
        private (TimeSpan Wait, string SetBy) WaitNow(DateTime now)
        {
            if (_pause is { } pause)
            {
                // The server's own word outranks the window's (ServerWait's rule); once it has run, one request goes alone.
                if (pause.Until > now) return (pause.Until - now, pause.SetBy);
                return _inFlight == 0 ? (TimeSpan.Zero, string.Empty) : (UntilAnswered, pause.SetBy);
            }
            if (_window is not { } window) return (TimeSpan.Zero, string.Empty);
            var reset = ServerWait.AfterReset(window);
            if (now < reset)
            {
                if (window.Remaining - _inFlight > 0) return (TimeSpan.Zero, string.Empty);
                // Spent, or spoken for by those in flight: their answers may say more is left (a new window), else the reset.
                if (_inFlight > 0 && window.Remaining > 0) return (UntilAnswered, ServerWait.ResetHeader);
                _probe = true;
                return (reset - now, ServerWait.ResetHeader);
            }
            // A new window: the limit is what it allows, but after a spent one only one request goes until an answer says so.
            if (_probe) return _inFlight == 0 ? (TimeSpan.Zero, string.Empty) : (UntilAnswered, ServerWait.ResetHeader);
            return window.Limit - _inFlight > 0 ? (TimeSpan.Zero, string.Empty) : (UntilAnswered, ServerWait.ResetHeader);
        }

        /// <summary>
        /// A request's answer came: what it says of the window (null when it carried no headers) and, for a 429, the wait it asks for.
        /// Answers arrive out of order: within one window the lowest Remaining is the truth, and another window's counts
        /// only when its request was sent after the one that told the window known (so a stale answer cannot bring an
        /// ended window back).
        /// A Retry-After holds every request until it ends, then one goes alone; the answer to it resets what is known.
        /// </summary>
        public void Answered(long ticket, RateLimitStatus? status, ServerWait? wait)
        {
            TaskCompletionSource<bool> answered;
            lock (_gate)
            {
                _inFlight--;
                if (wait?.SetBy == ServerWait.RetryAfterHeader)
                {
                    if (_pause is null || wait.Until > _pause.Until) (_pause, _pausedAt) = (wait, _sent);
                }
                else if (_pause is not null && ticket > _pausedAt)
                {
                    // The first answer to a request sent after a Retry-After: the window is what it says now (even the
                    // same window's, or nothing), not what the refusal said.
                    (_pause, _window, _windowTicket, _probe) = (null, status, ticket, false);
                }
                else if (status is not null)
                {
                    if (_window is null || (status.ResetAt != _window.ResetAt && ticket > _windowTicket))
                    {
                        // Another window (the next one, or one of another length), told by a request sent after the one that told the last.
                        (_window, _windowTicket, _probe) = (status, ticket, false);
                    }
                    else if (status.ResetAt == _window.ResetAt && status.Remaining < _window.Remaining)
                    {
                        (_window, _windowTicket) = (status, Math.Max(ticket, _windowTicket));
                    }
                }
                answered = NextSignal();
            }
            answered.TrySetResult(true);
        }

        /// <summary>A request that got no answer (timed out, cancelled, the connection failed): no longer in flight.</summary>
        public void Abandoned()
        {
            TaskCompletionSource<bool> answered;
            lock (_gate)
            {
                _inFlight--;
                answered = NextSignal();
            }
            answered.TrySetResult(true);
        }

        /// <summary>Under the lock: the signal those waiting now hold, replaced for the next; the caller sets it after the lock.</summary>
        private TaskCompletionSource<bool> NextSignal()
        {
            var answered = _answered;
            _answered = NewSignal();
            return answered;
        }

        private static TaskCompletionSource<bool> NewSignal() => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
