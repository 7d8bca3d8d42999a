using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the data events of each user given or piped in, or with -Summary how often they did each (REST API 2.x).
    /// Up to -ThrottleLimit users' events are read at once; with -Skip, -First or -IncludeTotalCount they are streamed a
    /// user and a page at a time instead, counted across every user (<see cref="PagedOutput"/>), so no page is read past
    /// -First. An events list says no total: -IncludeTotalCount writes an unknown one per user.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomEvent", SupportsPaging = true)]
    [OutputType(typeof(DataEvent), typeof(EventSummary))]
    public sealed class GetIntercomEventCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;
        private readonly PagedOutput _paged;

        public GetIntercomEventCommand()
        {
            _users = new UserTargets(Composed);
            _paged = new PagedOutput(this, "events");
        }

        /// <summary>Per event name, how many times and when first and last, instead of the events.</summary>
        [Parameter]
        public SwitchParameter Summary { get; set; }

        protected override void ProcessRecord()
        {
            if (Summary && _paged.Limits)
                ThrowTerminatingError(new ErrorRecord(new PSArgumentException("-Skip, -First and -IncludeTotalCount count a user's events; they cannot be used with -Summary."),
                    "Intercom.invalid_argument", ErrorCategory.InvalidArgument, null));
            foreach (var user in _users.Of(Requests))
            {
                if (Summary) Requests.Submit(user.Target, token => Client.As<IDataEvents>().GetEventSummariesAsync(user.Identity(), token), found => WriteObject(found, enumerateCollection: true));
                else if (!_paged.Limits) Requests.Submit(user.Target, token => ReadAllAsync(user.Identity(), token), found => WriteObject(found, enumerateCollection: true));
                else Stream(user.Identity(), user.Target);
            }
        }

        /// <summary>A user's events, a page at a time, while -First wants more; a failed page ends that user's listing with its error.</summary>
        private void Stream(UserIdentity user, object? target)
        {
            Requests.Drain(); // the users submitted before come out first, in input order
            if (_paged.Done) return;
            using var reader = Client.As<IDataEvents>().ListEvents(user, Requests.StopToken);
            try
            {
                _paged.Write(reader, Requests, WriteObject);
            }
            catch (System.Exception failure) when (failure is IntercomApiException || failure is System.ArgumentException)
            {
                // A failed page ends this user's listing: what comes after it would be a silent gap.
                Requests.WriteFailure(failure, target);
            }
        }

        /// <summary>All of a user's events (a user's 90 days), for the concurrent read of many users.</summary>
        private async Task<List<DataEvent>> ReadAllAsync(UserIdentity user, CancellationToken token)
        {
            using var reader = Client.As<IDataEvents>().ListEvents(user, token);
            var events = new List<DataEvent>();
            while (await reader.NextAsync().ConfigureAwait(false) is { } page) events.AddRange(page);
            return events;
        }
    }
}
