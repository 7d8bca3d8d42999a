using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client.V2
{
    /// <summary>Admins' away mode: PUT /admins/{id}/away and GET /away_status_reasons.</summary>
    public sealed partial class IntercomV2Client : IAwayMode
    {
        public async Task<Admin> SetAwayAsync(string adminId, bool away, bool reassign, long? reasonId, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrEmpty(adminId)) throw new ArgumentException("An admin id is required.", nameof(adminId));
            var admin = await SendAsync(HttpMethod.Put, "admins/" + Uri.EscapeDataString(adminId) + "/away", writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("away_mode_enabled", away);
                writer.WriteBoolean("away_mode_reassign", reassign);
                if (reasonId is { } reason) writer.WriteNumber("away_status_reason_id", reason);
                writer.WriteEndObject();
            }, V2JsonContext.Default.AdminObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return ToAdmin(admin);
        }

        public async Task<AwayReason[]> ListAwayReasonsAsync(CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, "away_status_reasons", null, V2JsonContext.Default.AwayReasonList, idempotent: true, cancellationToken).ConfigureAwait(false))
                .Data.Select(reason => new AwayReason
                {
                    Id = long.Parse(reason.Id!, NumberStyles.None, CultureInfo.InvariantCulture), // checked: ICheckedAnswer
                    Label = reason.Label,
                    Emoji = reason.Emoji,
                    Order = reason.Order ?? 0,
                    Deleted = reason.Deleted ?? false,
                })
                .OrderBy(reason => reason.Order)
                .ToArray();
    }

    /// <summary>GET /away_status_reasons: {"type": "list", "data": [away_status_reason]}; ids are strings of digits.</summary>
    internal sealed class AwayReasonList : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Data.Any(reason => !long.TryParse(reason.Id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? "an away status reason whose id is not a number"
            : null;

        [JsonPropertyName("data")] public AwayReasonObject[] Data { get; set; } = Array.Empty<AwayReasonObject>();
    }

    internal sealed class AwayReasonObject
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("label")] public string? Label { get; set; }
        [JsonPropertyName("emoji")] public string? Emoji { get; set; }
        [JsonPropertyName("order")] public int? Order { get; set; }
        [JsonPropertyName("deleted")] public bool? Deleted { get; set; }
    }
}
