using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

namespace IntercomPS.Testing;

/// <summary>
/// The emulator's /admin API, typed: reset, seed, faults, request counts, admin replies, company rules and segments. One client for every
/// test project, the Pester files and the bench, so none of them hand-writes admin JSON.
/// </summary>
public sealed class EmulatorAdmin : IDisposable
{
    private readonly HttpClient _http;

    /// <param name="baseUri">The emulator's root (http://127.0.0.1:PORT/) or its /v1/ API root; /admin is beside both.</param>
    /// <param name="adminToken">The emulator's --admin-token, which it requires when bound beyond loopback.</param>
    public EmulatorAdmin(Uri baseUri, string? adminToken = null)
    {
        BaseUri = new Uri(baseUri, "/");
        _http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(60) };
        if (adminToken is not null) _http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", adminToken);
    }

    public Uri BaseUri { get; }

    /// <summary>Wipes the data, request counts and rate-limit windows of one app, or of every app (faults stay).</summary>
    public Task ResetAsync(string? appId = null) =>
        SendAsync(HttpMethod.Post, "admin/reset" + AppQuery(appId), new Dictionary<string, object?>());

    /// <summary>Creates users {prefix}1..{prefix}{count} ({prefix}N@example.com) in one transaction, tagged when given a tag.</summary>
    public async Task<int> SeedAsync(string appId, int count, string? prefix = null, string? tag = null)
    {
        var body = new Dictionary<string, object?> { ["app_id"] = appId, ["count"] = count };
        if (prefix is not null) body["prefix"] = prefix;
        if (tag is not null) body["tag"] = tag;
        using var answer = await SendAsync(HttpMethod.Post, "admin/seed", body);
        return answer.RootElement.GetProperty("created").GetInt32();
    }

    /// <summary>
    /// Changes the fault settings of the whole emulator: any of the /admin/faults fields in snake_case
    /// (latency_ms, jitter_ms, failure_rate, drop_rate, failure_status, retry_after_seconds, rate_limit,
    /// rate_window_seconds, ...), as a dictionary, hashtable or anonymous object. Fields not given stay.
    /// </summary>
    public Task SetFaultsAsync(object faults) => SendAsync(HttpMethod.Put, "admin/faults", faults);

    public Task ClearFaultsAsync() => SendAsync(HttpMethod.Delete, "admin/faults", null);

    /// <summary>The current fault settings, as /admin/faults answers them.</summary>
    public async Task<JsonElement> GetFaultsAsync()
    {
        using var answer = await SendAsync(HttpMethod.Get, "admin/faults", null);
        return answer.RootElement.Clone();
    }

    /// <summary>API requests of one app (or all) since its last reset, failed ones included.</summary>
    public async Task<RequestCounts> GetRequestsAsync(string? appId = null)
    {
        using var answer = await SendAsync(HttpMethod.Get, "admin/requests" + AppQuery(appId), null);
        var routes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var route in answer.RootElement.GetProperty("by_route").EnumerateObject()) routes[route.Name] = route.Value.GetInt32();
        return new RequestCounts(answer.RootElement.GetProperty("total").GetInt32(), routes);
    }

    /// <summary>An admin's answer in a user's thread, unread for the user until they read the thread.</summary>
    public Task AddAdminReplyAsync(string appId, string email, long threadId, string body) =>
        SendAsync(HttpMethod.Post, "admin/message_threads/reply",
            new Dictionary<string, object?> { ["app_id"] = appId, ["email"] = email, ["thread_id"] = threadId, ["body"] = body });

    /// <summary>One more admin (teammate) of the app; answers its id.</summary>
    public async Task<string> AddAdminAsync(string appId, string name, string email, bool away = false)
    {
        using var answer = await SendAsync(HttpMethod.Post, "admin/admins",
            new Dictionary<string, object?> { ["app_id"] = appId, ["name"] = name, ["email"] = email, ["away_mode_enabled"] = away });
        return answer.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>An activity of one of the app's admins (its first by default) in its activity log; answers the entry's id.</summary>
    public async Task<string> AddActivityLogAsync(string appId, string activityType, string? adminId = null, object? metadata = null, long? createdAt = null)
    {
        var body = new Dictionary<string, object?> { ["app_id"] = appId, ["activity_type"] = activityType };
        if (adminId is not null) body["admin_id"] = adminId;
        if (metadata is not null) body["metadata"] = metadata;
        if (createdAt is not null) body["created_at"] = createdAt;
        using var answer = await SendAsync(HttpMethod.Post, "admin/activity_logs", body);
        return answer.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>A team of the app's admins; answers its id.</summary>
    public async Task<string> AddTeamAsync(string appId, string name, params string[] adminIds)
    {
        using var answer = await SendAsync(HttpMethod.Post, "admin/teams",
            new Dictionary<string, object?> { ["app_id"] = appId, ["name"] = name, ["admin_ids"] = adminIds });
        return answer.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Sets what the real service keeps per workspace for one app: its default Intercom-Version (what a request naming
    /// none gets) and its time zone (an IANA name); either or both. Answers the app's settings as they now are.
    /// </summary>
    public async Task<JsonElement> SetAppAsync(string appId, string? version = null, string? timezone = null)
    {
        var body = new Dictionary<string, object?>();
        if (version is not null) body["version"] = version;
        if (timezone is not null) body["timezone"] = timezone;
        using var answer = await SendAsync(HttpMethod.Put, "admin/apps/" + Uri.EscapeDataString(appId), body);
        return answer.RootElement.Clone();
    }

    /// <summary>
    /// Changes one app's company rules: any of list_limit (10,000), scroll_page_size (50), scroll_expiry_seconds (60)
    /// and fail_scroll_page (the page of the next scroll, 1 the first, that fails once with the real 500; null: none),
    /// as a dictionary, hashtable or anonymous object. Answers the settings as they now are.
    /// </summary>
    public async Task<JsonElement> SetCompaniesAsync(string appId, object settings)
    {
        using var answer = await SendAsync(HttpMethod.Put, "admin/apps/" + Uri.EscapeDataString(appId) + "/companies", settings);
        return answer.RootElement.Clone();
    }

    /// <summary>A new segment of the given contacts (person type user, or contact for leads); answers its id.</summary>
    public async Task<string> AddSegmentAsync(string appId, string name, IEnumerable<string> contactIds, string personType = "user")
    {
        using var answer = await SendAsync(HttpMethod.Post, "admin/apps/" + Uri.EscapeDataString(appId) + "/segments",
            new Dictionary<string, object?> { ["name"] = name, ["person_type"] = personType, ["contact_ids"] = contactIds });
        return answer.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>
    /// Defines a subscription type of the app (POST /admin/apps/{app_id}/subscription_types): opt_out or opt_in, for
    /// email and/or sms_message, live unless <paramref name="state"/> says draft or archived. Answers its id.
    /// </summary>
    public async Task<string> AddSubscriptionTypeAsync(string appId, string name, string consentType, string[]? contentTypes = null, string state = "live", string description = "")
    {
        using var answer = await SendAsync(HttpMethod.Post, "admin/apps/" + Uri.EscapeDataString(appId) + "/subscription_types",
            new Dictionary<string, object?>
            {
                ["name"] = name, ["consent_type"] = consentType, ["content_types"] = contentTypes ?? ["email"], ["state"] = state, ["description"] = description,
            });
        return answer.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>A macro of the app (the API only reads them), as /admin/apps/{app_id}/macros takes it; its id.</summary>
    public async Task<string> AddMacroAsync(string appId, string name, string body, string[]? teamIds = null, string[]? availableOn = null, long? updatedAt = null)
    {
        var fields = new Dictionary<string, object?> { ["name"] = name, ["body"] = body };
        if (teamIds is not null)
        {
            fields["visible_to"] = "specific_teams";
            fields["visible_to_team_ids"] = teamIds;
        }

        if (availableOn is not null)
        {
            fields["available_on"] = availableOn;
        }

        if (updatedAt is not null)
        {
            fields["created_at"] = updatedAt;
            fields["updated_at"] = updatedAt;
        }

        using var answer = await SendAsync(HttpMethod.Post, "admin/apps/" + Uri.EscapeDataString(appId) + "/macros", fields);
        return answer.RootElement.GetProperty("id").GetString()!;
    }

    /// <summary>True once the emulator answers /admin/health.</summary>
    public async Task<bool> IsHealthyAsync()
    {
        try
        {
            using var answer = await _http.GetAsync("admin/health");
            return answer.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    public void Dispose() => _http.Dispose();

    private static string AppQuery(string? appId) => appId is null ? string.Empty : "?app_id=" + Uri.EscapeDataString(appId);

    private async Task<JsonDocument> SendAsync(HttpMethod method, string path, object? body)
    {
        using var request = new HttpRequestMessage(method, path);
        // Admin writes are JSON (the emulator refuses anything else, so a web page cannot drive them).
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"admin {method} /{path} answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text.Length == 0 ? "{}" : text);
    }
}

/// <summary>What /admin/requests counted: the total and "METHOD /path" routes.</summary>
public sealed class RequestCounts(int total, IReadOnlyDictionary<string, int> byRoute)
{
    public int Total { get; } = total;

    public IReadOnlyDictionary<string, int> ByRoute { get; } = byRoute;

    /// <summary>Requests to one route ("GET /v1/users"), 0 when there were none.</summary>
    public int Of(string route) => ByRoute.TryGetValue(route, out var count) ? count : 0;
}
