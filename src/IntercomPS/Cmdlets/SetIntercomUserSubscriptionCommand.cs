using System;
using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Says whether users (given or piped in) receive a subscription type (REST API 2.x), without the caller knowing its
    /// consent mechanics: -Receive $true or $false, and <see cref="SubscriptionChange"/> decides per user whether that
    /// is an attach, a detach or nothing (the user's choices are read first). The type is named by -SubscriptionType
    /// (an id or a name, resolved against one listing per command, after -WhatIf/-Confirm and before any user's
    /// request), by a piped SubscriptionType, or by a piped UserSubscription's SubscriptionTypeId. A name given on the
    /// command line that names no type, or several, ends the command before anything is sent, since it would fail for
    /// every user; a type named by an input is that input's own error. Inputs naming the same user run in input order.
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomUserSubscription", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(UserSubscription))]
    public sealed class SetIntercomUserSubscriptionCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;
        private readonly SameUserOrder _order = new SameUserOrder();
        private readonly Dictionary<string, SubscriptionType> _resolved = new Dictionary<string, SubscriptionType>(StringComparer.Ordinal);
        private SubscriptionTypeFinder? _find;
        private bool _typeOnCommandLine;

        public SetIntercomUserSubscriptionCommand() => _users = new UserTargets(Composed, namesOwn: new[] { typeof(SubscriptionType) });

        /// <summary>The subscription type: its id or its name (case ignored); binds a piped UserSubscription's SubscriptionTypeId.</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("SubscriptionTypeId", "subscription_type")]
        [AllowNull, AllowEmptyString]
        public string? SubscriptionType { get; set; }

        /// <summary>Whether the users should receive the subscription type.</summary>
        [Parameter(Mandatory = true)]
        public bool Receive { get; set; }

        /// <summary>Write each user's subscription as it now is (Changed says whether a request changed it).</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _typeOnCommandLine = MyInvocation.BoundParameters.ContainsKey(nameof(SubscriptionType));
        }

        protected override void ProcessRecord()
        {
            var users = _users.Of(Requests);
            if (users.Count == 0) return;
            var piped = _users.InputObject?.BaseObject as SubscriptionType;
            var given = string.IsNullOrWhiteSpace(SubscriptionType) ? null : SubscriptionType!;
            var refusal = piped is not null && given is not null
                ? "Name the subscription type once: pipe it or pass -SubscriptionType, not both."
                : piped is null && given is null
                    ? "Name the subscription type: -SubscriptionType <id or name> (Get-IntercomSubscriptionType lists them), or pipe one."
                    : null;
            if (refusal is not null)
            {
                Requests.Refuse(_users.InputObject ?? (object?)users[0].Target, new ArgumentException(refusal));
                return;
            }
            var value = piped?.Id ?? given!;
            var shown = piped?.Name ?? given!;
            var receive = Receive;
            var action = receive ? $"Receive subscription type '{shown}'" : $"Stop receiving subscription type '{shown}'";
            foreach (var user in users)
            {
                if (!ShouldProcess(user.Describe(), action)) continue;
                if (Resolve(value, fromCommandLine: piped is null && _typeOnCommandLine, user.Target) is not { } type) continue;
                var identity = user.Identity();
                // A read then a write: two inputs naming the same user run one after the other, in input order (SameUserOrder),
                // so the second reads what the first wrote.
                Requests.Submit(user.Target, token => _order.Run(user, () => Client.As<ISubscriptions>().SetUserSubscriptionAsync(identity, type, receive, token)), answer =>
                {
                    if (answer.Changed == false)
                        WriteVerbose($"{identity} already {(receive ? "receives" : "does not receive")} '{type.Name}' ({type.Id}): nothing was sent.");
                    if (PassThru) WriteObject(answer);
                });
            }
        }

        /// <summary>
        /// The type <paramref name="value"/> names, found once per value out of one listing per command; null after its
        /// error was written (the session cannot, the listing failed, or the input's value names none).
        /// </summary>
        private SubscriptionType? Resolve(string value, bool fromCommandLine, object? target)
        {
            if (_resolved.TryGetValue(value, out var known)) return known;
            IntercomLookupException? unknown = null;
            var type = Requests.Invoke(target, async token =>
            {
                try
                {
                    return await (_find ??= Client.As<ISubscriptions>().NewSubscriptionTypeFinder())(value, token).ConfigureAwait(false);
                }
                catch (IntercomLookupException lookup) when (fromCommandLine)
                {
                    unknown = lookup;
                    return null!;
                }
            });
            if (unknown is not null)
            {
                Requests.Stop();
                ThrowTerminatingError(ErrorRecords.For(unknown, value));
            }
            if (type is not null) _resolved[value] = type;
            return type;
        }
    }
}
