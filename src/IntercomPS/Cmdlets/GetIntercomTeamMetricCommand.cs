using System;
using System.Management.Automation;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets teams' real-time metrics (REST API 2.16's GET /teams/{id}/metrics): one line per admin of each team, the
    /// conversations assigned to them that are open, idle and snoozed. Teams by -Name (wildcards, from one listing;
    /// all teams when neither is given) or by -TeamId, piped teams too. -IdleThreshold is how long an open conversation
    /// must be quiet to count as idle (Intercom's 30 minutes when not given).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomTeamMetric", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(TeamMetric))]
    public sealed class GetIntercomTeamMetricCommand : IntercomCmdlet
    {
        private const string NameSet = "Name";
        private const string IdSet = "Id";

        private readonly TeammateLookup<Team> _lookup = new TeammateLookup<Team>("team", "teams", team => team.Name, email: null);
        private readonly PipedObject _piped;
        private int? _idleSeconds;

        public GetIntercomTeamMetricCommand() => _piped = new PipedObject(Composed, PipedKind.Team, IdSet);

        /// <summary>The teams' ids; binds from piped teams (Get-IntercomTeam) and a thread's TeamAssigneeId.</summary>
        [Parameter(Mandatory = true, ParameterSetName = IdSet, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "team_id", "TeamAssigneeId")]
        [AllowNull, AllowEmptyString, AllowEmptyCollection] // a piped thread assigned to no team binds a null id, which gets nothing
        public string[]? TeamId { get; set; }

        /// <summary>The teams' names (wildcards, case ignored); every team when neither this nor -TeamId is given.</summary>
        [Parameter(ParameterSetName = NameSet, Position = 0)]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? Name { get; set; }

        /// <summary>How long an open conversation must be quiet to count as idle: 1 second to 1 day, whole seconds.</summary>
        [Parameter]
        public TimeSpan? IdleThreshold { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (IdleThreshold is not { } idle) return;
            if (idle < TimeSpan.FromSeconds(1) || idle > TimeSpan.FromDays(1) || idle.Ticks % TimeSpan.TicksPerSecond != 0)
                ThrowTerminatingError(ErrorRecords.For(new PSArgumentException(
                    $"-IdleThreshold is whole seconds from 1 second to 1 day (Intercom's range), not {idle}."), IdleThreshold));
            _idleSeconds = (int)idle.TotalSeconds;
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != IdSet || _piped.Refuses(Requests)) return;
            var name = (_piped.InputObject?.BaseObject as Team)?.Name;
            foreach (var id in TeamId ?? Array.Empty<string>())
            {
                if (!string.IsNullOrWhiteSpace(id)) Submit(id.Trim(), name, (object?)_piped.InputObject ?? id);
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName == NameSet && !Requests.Refuses(null))
            {
                var inbox = Client.As<IConversationInbox>();
                foreach (var team in _lookup.Find(Requests, Client, inbox.ListTeamsAsync, Name, emails: null) ?? Array.Empty<Team>())
                {
                    Submit(team.Id!, team.Name, team);
                }
            }
            base.EndProcessing(); // hands on every team's answer, in order
        }

        private void Submit(string teamId, string? teamName, object target) =>
            Requests.Submit(target, token => Client.As<IConversationInbox>().GetTeamMetricsAsync(teamId, _idleSeconds, token), metrics =>
            {
                foreach (var metric in metrics)
                {
                    metric.TeamName = teamName;
                    WriteObject(metric);
                }
            });
    }
}
