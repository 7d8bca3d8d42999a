using System.Management.Automation;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets each user's subscription preferences (REST API 2.x): the subscription types the user made an explicit
    /// choice about, each saying whether the user receives it; with -IncludeDefault also every other live type, with
    /// the default the user gets (the workspace's types listed once per command).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomUserSubscription")]
    [OutputType(typeof(UserSubscription))]
    public sealed class GetIntercomUserSubscriptionCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;
        private Task<SubscriptionType[]>? _types;

        public GetIntercomUserSubscriptionCommand() => _users = new UserTargets(Composed);

        /// <summary>Also each live type the user made no choice about, with its default (Explicit false).</summary>
        [Parameter]
        public SwitchParameter IncludeDefault { get; set; }

        protected override void ProcessRecord()
        {
            var includeDefault = IncludeDefault.IsPresent;
            foreach (var user in _users.Of(Requests))
            {
                var identity = user.Identity();
                Requests.Submit(user.Target, async token =>
                {
                    var subscriptions = Client.As<ISubscriptions>();
                    SubscriptionType[]? defaults = null;
                    if (includeDefault)
                    {
                        // One listing for the command; one that failed is asked again by the next user.
                        if (_types is null || _types.IsFaulted || _types.IsCanceled) _types = subscriptions.ListSubscriptionTypesAsync(token);
                        defaults = await _types.ConfigureAwait(false);
                    }
                    return await subscriptions.GetUserSubscriptionsAsync(identity, defaults, token).ConfigureAwait(false);
                }, answer => WriteObject(answer, enumerateCollection: true));
            }
        }
    }
}
