using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>Records that a user visited the app; returns how many admin messages they have not read.</summary>
    [Cmdlet(VerbsCommon.New, "IntercomImpression", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
    [OutputType(typeof(ImpressionResult))]
    public sealed class NewIntercomImpressionCommand : IntercomCmdlet
    {
        private readonly UserTargets _users;

        public NewIntercomImpressionCommand() => _users = new UserTargets(Composed);

        /// <summary>The IP address the user came from (Intercom derives the location from it).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("user_ip")]
        public string? UserIp { get; set; }

        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("user_agent")]
        public string? UserAgent { get; set; }

        /// <summary>The page the user is on.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("current_url")]
        public string? CurrentUrl { get; set; }

        protected override void ProcessRecord()
        {
            foreach (var user in _users.Of(Requests))
            {
                if (!ShouldProcess(user.Describe(), "Record an impression")) continue;
                Requests.Submit(user.Target, token => Client.As<IImpressions>().CreateImpressionAsync(user.Identity(), Blank(UserIp), Blank(UserAgent), Blank(CurrentUrl), token), WriteObject);
            }
        }

        private static string? Blank(string? text) => string.IsNullOrEmpty(text) ? null : text;
    }
}
