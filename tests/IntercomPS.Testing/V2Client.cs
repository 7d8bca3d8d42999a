using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading.Tasks;

namespace IntercomPS.Testing;

/// <summary>
/// A client of the 2.x face that sends what the official SDK sends (Bearer token, Intercom-Version 2.14 unless told
/// another, JSON) and hands EVERY answer, success or error, to <see cref="Judge"/> before a test sees it. The 2.x
/// conformance suite sets the judge once for its whole assembly (the OpenAPI description's check), so none of its
/// tests can skip it.
/// </summary>
public sealed class V2Client(HttpClient http, Uri baseUri, string? token, string? version = V2Client.Version, bool basic = false)
{
    /// <summary>The version sent by default: the emulator's default.</summary>
    public const string Version = "2.14";

    /// <summary>
    /// What every answer of every 2.x client is held to (method, path as sent, the version it is in: the one sent,
    /// else the answer's Intercom-Version; answer); set once per test assembly.
    /// </summary>
    public static Action<string, string, string, Reply>? Judge { get; set; }

    public V2Client WithVersion(string? other) => new(http, baseUri, token, other, basic);

    /// <summary>The same client sending its token as the Basic username with an empty password, as the Node SDK up to 5.x does.</summary>
    public V2Client WithBasicAuth() => new(http, baseUri, token, version, basic: true);

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Reply> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    public Task<Reply> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Reply> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path.TrimStart('/')));
        if (token is not null)
        {
            request.Headers.Authorization = basic
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(token + ":")))
                : new AuthenticationHeaderValue("Bearer", token);
        }

        if (version is not null)
        {
            request.Headers.Add("Intercom-Version", version);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        var answer = await Reply.SendAsync(http, request, body, configure);
        Judge?.Invoke(method.Method, path, version ?? answer.Header("Intercom-Version") ?? Version, answer);
        return answer;
    }
}
