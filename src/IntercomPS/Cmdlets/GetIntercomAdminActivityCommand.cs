using System;
using System.Collections.Generic;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Gets the workspace's admin activity log (REST API 2.x): who went away, signed in, changed a permission... from
    /// -Since (30 days ago by default, as later API versions default) to -Until (the end of the second it started in), newest first, streamed page by
    /// page. The window is pinned when the command starts, so a pipeline that makes activities (| Set-IntercomAdmin)
    /// does not read its own. -ActivityType (wildcards) and -AdminId, or piped admins, keep the activities about them;
    /// the 2.x API cannot filter, so the whole window is read either way. -First, -Skip and -IncludeTotalCount count the
    /// activities written (<see cref="PagedOutput"/>; the log gives no total).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "IntercomAdminActivity", SupportsPaging = true)]
    [OutputType(typeof(AdminActivity))]
    public sealed class GetIntercomAdminActivityCommand : IntercomCmdlet
    {
        /// <summary>How far back the log is read when -Since is not given.</summary>
        internal static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

        private readonly PagedOutput _paged;
        private readonly PipedObject _piped;
        private readonly HashSet<string> _admins = new HashSet<string>(StringComparer.Ordinal);
        private DateTime _defaultUntil;
        private string[]? _commandLineAdmins;

        public GetIntercomAdminActivityCommand()
        {
            _paged = new PagedOutput(this, "activities");
            _piped = new PipedObject(Composed, PipedKind.Admin);
        }

        /// <summary>The earliest activity to get (inclusive; local time unless it says UTC).</summary>
        [Parameter]
        public DateTime? Since { get; set; }

        /// <summary>The time the activities got end before (exclusive); the end of the second the command started in by default.</summary>
        [Parameter]
        public DateTime? Until { get; set; }

        /// <summary>Keeps the activities of these types (admin_away_mode_change, admin_login_*...; wildcards, case ignored).</summary>
        [Parameter(Position = 0)]
        [Alias("Type")]
        [ValidateNotNullOrEmpty]
        [SupportsWildcards]
        public string[]? ActivityType { get; set; }

        /// <summary>Keeps the activities about these admins; binds from piped admins' Id.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "admin_id")]
        [ValidateNotNullOrEmpty]
        public string[]? AdminId { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            _commandLineAdmins = MyInvocation.BoundParameters.ContainsKey(nameof(AdminId)) ? AdminId : null;
            // The log counts in whole seconds and -Until is exclusive: the window ends with the second the command started in.
            var now = DateTime.UtcNow;
            _defaultUntil = new DateTime((now.Ticks / TimeSpan.TicksPerSecond + 1) * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }

        protected override void ProcessRecord()
        {
            if (_piped.Refuses(Requests)) return;
            if (_piped.InputObject is { } input)
            {
                var piped = input.BaseObject.GetType().Assembly == typeof(Admin).Assembly ? PipedObject.Describe(input.BaseObject) : "The piped object";
                // Piped, an object that binds no admin's Id read nothing at all, and said nothing.
                if (AdminId is null)
                {
                    Requests.Refuse(input, new PSArgumentException($"{piped} names no admin by Id: pipe admins (Get-IntercomAdmin), or pass -AdminId."));
                    return;
                }
                // PowerShell binds the command line's -AdminId and skips the piped admin's own: the piped one was not read.
                if (_commandLineAdmins is not null && OwnAdminId(input) is { } own && !Array.Exists(_commandLineAdmins, id => string.Equals(id.Trim(), own, StringComparison.Ordinal)))
                {
                    Requests.Refuse(input, new PSArgumentException(
                        $"{piped} names its admin ({own}), and -AdminId names another ({string.Join(", ", _commandLineAdmins)}): pipe it alone, or name the admins by -AdminId alone."));
                    return;
                }
            }
            if (AdminId is null) return;
            foreach (var id in AdminId) _admins.Add(id.Trim());
        }

        /// <summary>The admin id a piped object carries itself, under -AdminId's name or an alias.</summary>
        private static string? OwnAdminId(PSObject input)
        {
            foreach (var name in new[] { "AdminId", "Id", "admin_id" })
            {
                if (input.Properties[name]?.Value is { } value && value.ToString() is { Length: > 0 } text) return text.Trim();
            }
            return null;
        }

        protected override void EndProcessing()
        {
            base.EndProcessing();
            if (Requests.Refuses(null) || _piped.InputObject is not null && _admins.Count == 0) return;
            var until = Until?.ToUniversalTime() ?? _defaultUntil;
            var since = Since?.ToUniversalTime() ?? until - DefaultWindow;
            var types = ActivityType is null ? null : Array.ConvertAll(ActivityType, type => new WildcardPattern(type, WildcardOptions.IgnoreCase));
            IPageReader<AdminActivity> all;
            try
            {
                all = Client.As<IActivityLog>().ListAdminActivity(since, until, Requests.StopToken);
            }
            catch (ArgumentException refused)
            {
                Requests.WriteFailure(refused, null);
                return;
            }
            using var reader = types is null && _admins.Count == 0 ? all : new KeptPages<AdminActivity>(all, activity =>
                (types is null || Array.Exists(types, type => type.IsMatch(activity.ActivityType ?? string.Empty)))
                && (_admins.Count == 0 || activity.AdminId is { } admin && _admins.Contains(admin)));
            try
            {
                _paged.Write(reader, Requests, WriteObject);
            }
            catch (IntercomApiException failure)
            {
                // A failed page ends the listing: what comes after it would be a silent gap.
                Requests.WriteFailure(failure, failure.RequestUri);
            }
        }
    }
}
