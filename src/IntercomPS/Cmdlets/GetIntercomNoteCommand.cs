using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the notes left on each user given or piped in, newest first, or notes by -NoteId (REST API 2.x). Up to
    /// -ThrottleLimit users' notes are read at once; with -Skip, -First or -IncludeTotalCount they are streamed a user and
    /// a page at a time instead, counted across every user (<see cref="PagedOutput"/>), so no page is read past -First.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomNote", SupportsPaging = true)]
    [OutputType(typeof(Note))]
    public sealed class GetIntercomNoteCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;
        private readonly PagedOutput _paged;

        public GetIntercomNoteCommand()
        {
            _users = new UserTargets(Composed);
            _paged = new PagedOutput(this, "notes");
        }

        /// <summary>Notes by their Id, whoever they are about.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? NoteId { get; set; }

        protected override void ProcessRecord()
        {
            if (NoteId is not null)
            {
                if (_users.NamesUser)
                {
                    Requests.Refuse(_users.InputObject, new PSArgumentException("-NoteId names notes whoever they are about: give it without a user."));
                    return;
                }
                foreach (var id in NoteId) Requests.Submit(id, token => Notes.GetNoteAsync(id, token), WriteObject);
                return;
            }
            if (!_users.NamesUser)
                ThrowTerminatingError(ErrorRecords.For(new PSArgumentException("Name the users whose notes to get (-Email, -UserId, -Id, or piped users), or the notes (-NoteId)."), null));
            foreach (var user in _users.Of(Requests))
            {
                if (!_paged.Limits) Requests.Submit(user.Target, token => ReadAllAsync(user.Identity(), token), found => WriteObject(found, enumerateCollection: true));
                else Stream(user.Identity(), user.Target);
            }
        }

        private INoteListing Notes => Client.As<INoteListing>();

        /// <summary>A user's notes, a page at a time, while -First wants more; a failed page ends that user's listing with its error.</summary>
        private void Stream(UserIdentity user, object? target)
        {
            Requests.Drain(); // the users submitted before come out first, in input order
            if (_paged.Done) return;
            using var reader = Notes.ListNotes(user, _paged.PageSize(int.MaxValue), Requests.StopToken);
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

        /// <summary>All of a user's notes, for the concurrent read of many users.</summary>
        private async Task<List<Note>> ReadAllAsync(UserIdentity user, CancellationToken token)
        {
            using var reader = Notes.ListNotes(user, cancellationToken: token);
            var notes = new List<Note>();
            while (await reader.NextAsync().ConfigureAwait(false) is { } page) notes.AddRange(page);
            return notes;
        }
    }
}
