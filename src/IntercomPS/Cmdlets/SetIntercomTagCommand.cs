using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Tags (or with -Untag, untags) the users piped in, in batches: N users cost ceil(N / BatchSize) requests,
    /// up to -ThrottleLimit of them in flight at once.
    /// Without users it only saves the tag (its colour, on v1). Tagging creates the tag when it does not exist yet,
    /// as Intercom's POST /tags does, so `Get-IntercomUser -Tag trial | Set-IntercomTag -Name vip` just works.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(Tag))]
    public sealed class SetIntercomTagCommand : IntercomCmdlet
    {
        /// <summary>Users per request unless -BatchSize says otherwise.</summary>
        public const int DefaultBatchSize = 100;

        private readonly UserTargets _users;
        private readonly TagColor _color;
        private readonly List<(UserIdentity User, object? Target)> _batch = new List<(UserIdentity, object?)>();
        private Tag? _lastTag;
        private int _batchesSent;
        private bool _usersGiven;

        /// <summary>-ThrottleLimit here is the batch requests in flight at once (1 sends them one by one); errors still come out in input order.</summary>
        public SetIntercomTagCommand()
        {
            _users = new UserTargets(Composed);
            _color = new TagColor(Composed, byPropertyName: false);
        }

        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Remove the tag from the users instead of adding it.</summary>
        [Parameter]
        public SwitchParameter Untag { get; set; }

        [Parameter]
        [ValidateRange(1, 500)]
        public int BatchSize { get; set; } = DefaultBatchSize;

        /// <summary>Return the tag after the last request, with its updated tagged user count.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            if (!_users.Given) return; // no user given: only the tag itself changes
            _usersGiven = true;
            foreach (var target in _users.Of(Requests))
            {
                UserIdentity user;
                try
                {
                    user = target.Identity();
                }
                catch (System.ArgumentException invalid)
                {
                    Requests.WriteFailure(invalid, target.Target);
                    continue;
                }
                if (!ShouldProcess(user.ToString(), Untag ? $"Remove tag '{Name}'" : $"Tag with '{Name}'")) continue;
                _batch.Add((user, target.Target));
                if (_batch.Count >= BatchSize) Flush();
            }
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (_batch.Count > 0) Flush();
            // Only when no user was given at all: users that were all refused or declined must not create the tag.
            else if (_batchesSent == 0 && !_usersGiven && ShouldProcess(Name, _color.Value is null ? "Save Intercom tag" : $"Set the colour of tag to {_color.Value}")) Send(new List<(UserIdentity, object?)>());
            Requests.Drain();
            if (PassThru && _lastTag is not null) WriteObject(_lastTag);
        }

        private void Flush()
        {
            var batch = new List<(UserIdentity User, object? Target)>(_batch);
            _batch.Clear();
            Send(batch);
        }

        /// <summary>
        /// Batches answered side by side each counted only the batches saved before it; the one saved last counted
        /// them all, and tagging only adds users (untagging only removes them), so it has the highest (lowest) count.
        /// </summary>
        private void Keep(Tag tag)
        {
            if (_lastTag?.TaggedUserCount is int kept && tag.TaggedUserCount is int count && (Untag ? count > kept : count < kept)) return;
            _lastTag = tag;
        }

        /// <summary>
        /// One save for the batch, in flight beside the others; if it fails, each user in it gets the error, so none
        /// goes unreported, and a user it could not include (REST API 2.x finds users one by one) gets its own. The
        /// batches share the command's scheduler, so the per-user requests 2.x needs stay within -ThrottleLimit too.
        /// </summary>
        private void Send(List<(UserIdentity User, object? Target)> batch)
        {
            _batchesSent++;
            var changes = new TagChanges(Name) { Color = _color.Value, Untag = Untag };
            foreach (var (user, _) in batch) changes.Users.Add(user);
            Requests.Submit(token => Client.SaveTagAsync(changes, Requests.Scheduler, token), saved =>
            {
                foreach (var refused in saved.Refused) Requests.WriteFailure(refused.Failure, batch.Find(item => item.User == refused.User).Target);
                Keep(saved.Tag);
            }, failure =>
            {
                if (batch.Count == 0) Requests.WriteFailure(failure, Name);
                foreach (var (_, target) in batch) Requests.WriteFailure(failure, target);
            });
        }
    }
}
