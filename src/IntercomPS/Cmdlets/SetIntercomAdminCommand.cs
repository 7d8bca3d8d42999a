using System;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Sets an admin away (-Away, with -Reassign and a -ReasonId or -Reason) or back (-Back) on REST API 2.x, one
    /// PUT /admins/{id}/away each; binds piped admins by their Id. Switches rather than a boolean, because a pipeline
    /// then reads as what it does (| Set-IntercomAdmin -Away -Reassign) and -Back cannot be mistaken for -Away:$false
    /// with leftover away options; -Back sends away_mode_reassign false, since the API requires one. A piped object that
    /// is no admin (a team, a user...) is refused rather than its Id taken for an admin's (<see cref="PipedObject"/>).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "IntercomAdmin", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = AwaySet)]
    [OutputType(typeof(Admin))]
    public sealed class SetIntercomAdminCommand : IntercomCmdlet
    {
        private const string AwaySet = "Away";
        private const string BackSet = "Back";

        private readonly PipedObject _piped;
        private AwayReason[]? _reasons;

        public SetIntercomAdminCommand() => _piped = new PipedObject(Composed, PipedKind.Admin);

        /// <summary>The admin's id; binds from piped admins' Id.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
        [Alias("Id", "admin_id")]
        [ValidateNotNullOrEmpty]
        public string AdminId { get; set; } = string.Empty;

        [Parameter(ParameterSetName = AwaySet)]
        public SwitchParameter Away { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = BackSet)]
        public SwitchParameter Back { get; set; }

        /// <summary>While away, new replies to the admin's conversations go to the default inbox.</summary>
        [Parameter(ParameterSetName = AwaySet)]
        public SwitchParameter Reassign { get; set; }

        /// <summary>Why the admin is away: an AwayReason's Id (Get-IntercomAwayReason lists them).</summary>
        [Parameter(ParameterSetName = AwaySet)]
        [ValidateRange(1, long.MaxValue)]
        public long? ReasonId { get; set; }

        /// <summary>Why the admin is away, by the reason's label (case ignored), found with one listing per command.</summary>
        [Parameter(ParameterSetName = AwaySet)]
        [ValidateNotNullOrEmpty]
        public string? Reason { get; set; }

        /// <summary>Return the admin as it is now.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var away = ParameterSetName == AwaySet;
            if (_piped.Refusal() is { } notAnAdmin)
            {
                Requests.WriteFailure(notAnAdmin, _piped.InputObject);
                return;
            }
            try
            {
                if (away && !Away) throw new ArgumentException("Say what to set: -Away (with -Reassign, -ReasonId or -Reason) or -Back.");
                if (ReasonId is not null && Reason is not null) throw new ArgumentException("Give the reason once: -ReasonId or -Reason, not both.");
            }
            catch (ArgumentException refused)
            {
                Requests.WriteFailure(refused, AdminId);
                return;
            }
            var why = ReasonId is { } id ? $" (reason {id})" : Reason is null ? string.Empty : $" ({Reason})";
            // A piped admin's name is what a person recognises in a prompt; its id alone is not.
            var described = _piped.InputObject?.BaseObject is Admin { Name: { Length: > 0 } name } piped && piped.Id == AdminId ? $"admin {name} ({AdminId})" : $"admin {AdminId}";
            if (!ShouldProcess(described, away ? $"Set away{(Reassign ? ", reassigning new replies" : string.Empty)}{why}" : "Set back")) return;
            var admin = Requests.Invoke(AdminId, async token =>
                await Client.As<IAwayMode>().SetAwayAsync(AdminId, away, away && Reassign, await ReasonIdAsync(token).ConfigureAwait(false), token).ConfigureAwait(false));
            if (admin is not null && PassThru) WriteObject(admin);
        }

        /// <summary>The reason's id: -ReasonId, or the reason labelled -Reason, looked up once per command; null for none.</summary>
        private async Task<long?> ReasonIdAsync(CancellationToken token)
        {
            if (Reason is null) return ReasonId;
            _reasons ??= await Client.As<IAwayMode>().ListAwayReasonsAsync(token).ConfigureAwait(false);
            var found = _reasons.FirstOrDefault(reason => !reason.Deleted && string.Equals(reason.Label, Reason, StringComparison.OrdinalIgnoreCase))
                ?? _reasons.FirstOrDefault(reason => string.Equals(reason.Label, Reason, StringComparison.OrdinalIgnoreCase));
            if (found is null)
                throw new IntercomLookupException("GET", new Uri(Client.BaseUri, "away_status_reasons"), IntercomApiException.NotFoundType,
                    $"No away status reason is labelled '{Reason}': Get-IntercomAwayReason lists them ({string.Join(", ", _reasons.Where(reason => !reason.Deleted).Select(reason => reason.Label))}).");
            if (found.Deleted) throw new ArgumentException($"The away status reason '{found.Label}' ({found.Id}) is deleted: choose another (Get-IntercomAwayReason lists them).");
            return found.Id;
        }
    }
}
