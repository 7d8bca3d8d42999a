using System;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Sends an admin's message to each user given or piped in (REST API 2.x): in the Messenger (-MessageType InApp,
    /// the default) or as an email, which needs -Subject. Writes each message as Intercom answered it (a SentMessage),
    /// which names its conversation only once there is one: when the user replies, or at once with -OpenConversation.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "IntercomMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(SentMessage))]
    public sealed class SendIntercomMessageCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;
        private OutboundMessage? _message;

        public SendIntercomMessageCommand() => _users = new UserTargets(Composed);

        /// <summary>The message's text; HTML and plain text are both taken.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string Body { get; set; } = string.Empty;

        /// <summary>An email's subject; an email needs one, an in-app message has none.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Subject { get; set; }

        [Parameter]
        [ValidateSet(OutboundMessage.InApp, OutboundMessage.Email, IgnoreCase = true)]
        public string MessageType { get; set; } = OutboundMessage.InApp;

        /// <summary>The admin who sends it, instead of the session's (Connect-Intercom -AdminId, else the token's).</summary>
        [Parameter]
        [Alias("AdminId")]
        [ValidateNotNullOrEmpty]
        public string? From { get; set; }

        /// <summary>Open the message's conversation in the inbox at once, instead of when the user replies.</summary>
        [Parameter]
        public SwitchParameter OpenConversation { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            // The same message goes to every user: a bad one ends the command before anything is asked or sent.
            try
            {
                _message = new OutboundMessage(Body, MessageType, Subject, From, OpenConversation);
            }
            catch (ArgumentException invalid)
            {
                ThrowTerminatingError(new ErrorRecord(invalid, "Intercom.invalid_argument", ErrorCategory.InvalidArgument, null));
            }
        }

        protected override void ProcessRecord()
        {
            var message = _message!;
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), message.ToString())) continue;
                Requests.Submit(user.Target, token => Client.As<IConversationInbox>().SendMessageAsync(user.Identity(), message, token), WriteObject);
            }
        }
    }
}
