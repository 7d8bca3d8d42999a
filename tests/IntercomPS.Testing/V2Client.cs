using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace IntercomPS.Testing;

/// <summary>
/// A client of the 2.14 face that sends what the official SDK sends (Bearer token, Intercom-Version 2.14, JSON) and
/// hands EVERY answer, success or error, to <see cref="Judge"/> before a test sees it. The 2.14 conformance suite sets
/// the judge once for its whole assembly (the OpenAPI description's check), so none of its tests can skip it.
/// </summary>
public sealed class V2Client(HttpClient http, Uri baseUri, string? token, string? version = V2Client.Version)
{
    /// <summary>The version sent by default: the one the emulator serves.</summary>
    public const string Version = "2.14";

    /// <summary>What every answer of every 2.14 client is held to (method, path as sent, answer); set once per test assembly.</summary>
    public static Action<string, string, Reply>? Judge { get; set; }

    public V2Client WithVersion(string? other) => new(http, baseUri, token, other);

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Reply> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    public Task<Reply> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path.TrimStart('/')));
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (version is not null)
        {
            request.Headers.Add("Intercom-Version", version);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var answer = await Reply.SendAsync(http, request, body, configure);
        Judge?.Invoke(method.Method, path, answer);
        return answer;
    }
}
