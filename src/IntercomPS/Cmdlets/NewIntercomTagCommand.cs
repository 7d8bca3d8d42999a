using System;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>Creates a tag (or updates the one with that name) and optionally tags users with it.</summary>
    [Cmdlet(VerbsCommon.New, "IntercomTag", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(Tag))]
    public sealed class NewIntercomTagCommand : IntercomCmdlet
    {
        private readonly TagColor _color;

        private readonly PipedObject _piped;

        public NewIntercomTagCommand()
        {
            _color = new TagColor(Composed, byPropertyName: true);
            _piped = new PipedObject(Composed, PipedKind.Tag);
        }

        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [ValidateNotNullOrEmpty]
        public string Name { get; set; } = string.Empty;

        /// <summary>Users to tag, by user id.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] UserId { get; set; } = Array.Empty<string>();

        /// <summary>Users to tag, by email.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[] Email { get; set; } = Array.Empty<string>();

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            if (!ShouldProcess(Name, "Create Intercom tag")) return;
            var saved = Requests.Invoke(Name, token =>
            {
                var changes = new TagChanges(Name) { Color = _color.Value };
                foreach (var id in UserId) changes.Users.Add(new UserIdentity(id, null));
                foreach (var email in Email) changes.Users.Add(new UserIdentity(null, email));
                return Client.SaveTagAsync(changes, Requests.Scheduler, token);
            });
            if (saved is null) return;
            // A user REST API 2.x could not find was not tagged: each says so with its own error.
            foreach (var refused in saved.Refused) Requests.WriteFailure(refused.Failure, (object?)refused.User.UserId ?? refused.User.Email);
            WriteObject(saved.Tag);
        }
    }
}
