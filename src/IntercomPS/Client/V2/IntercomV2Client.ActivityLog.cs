using System;
using System.Collections;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>The admin activity log: GET /admins/activity_logs between two times, by numbered pages.</summary>
    public sealed partial class IntercomV2Client : IActivityLog
    {
        /// <summary>Activities asked for a page: the most the emulator serves; a service that serves fewer is read as it pages.</summary>
        internal const int ActivityPageSize = 150;

        public IPageReader<AdminActivity> ListAdminActivity(DateTime since, DateTime until, CancellationToken cancellationToken = default)
        {
            var (after, before) = (UnixTime.FromDateTime(since), UnixTime.FromDateTime(until));
            if (after < 0) throw new ArgumentException("The activity log starts in 1970: -Since must be later.");
            if (before <= after) throw new ArgumentException($"-Until ({until:u}) must be later than -Since ({since:u}).");
            var window = $"created_at_after={after}&created_at_before={before}";
            return new NumberedWalk<ActivityLogObject, AdminActivity>(new Uri(BaseUri, "admins/activity_logs"), "an activity", ActivityPageSize, async (page, token) =>
            {
                var list = await SendAsync(HttpMethod.Get, $"admins/activity_logs?{window}&page={page}&per_page={ActivityPageSize}", null,
                    V2JsonContext.Default.ActivityLogList, idempotent: true, token).ConfigureAwait(false);
                return (list.ActivityLogs ?? Array.Empty<ActivityLogObject>(), null, list.Pages?.TotalPages);
            }, item => item.Id, item => item.ToActivity(), cancellationToken);
        }
    }

    /// <summary>GET /admins/activity_logs' page: activity_logs and pages (no total_count).</summary>
    internal sealed class ActivityLogList
    {
        [JsonPropertyName("pages")] public ArticlePages? Pages { get; set; }
        [JsonPropertyName("activity_logs")] public ActivityLogObject[]? ActivityLogs { get; set; }
    }

    internal sealed class ActivityLogObject
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("activity_type")] public string? ActivityType { get; set; }
        [JsonPropertyName("activity_description")] public string? Description { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("performed_by")] public PerformedBy? PerformedBy { get; set; }
        [JsonPropertyName("metadata"), JsonConverter(typeof(CustomDataConverter))] public Hashtable? Metadata { get; set; }

        public AdminActivity ToActivity() => new AdminActivity
        {
            Id = Id,
            ActivityType = ActivityType,
            Description = Description,
            CreatedAt = CreatedAt,
            AdminId = PerformedBy?.Id,
            AdminEmail = PerformedBy?.Email,
            Metadata = Metadata ?? CustomDataConverter.NewTable(),
        };
    }

    internal sealed class PerformedBy
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
    }
}
