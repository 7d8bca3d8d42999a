using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading.Tasks;

namespace IntercomPS.Testing;

/// <summary>
/// A JSON HTTP client for one app of a running emulator's v1 face, by HTTP Basic (null credentials: no Authorization
/// header). Paths are relative to <see cref="BaseUri"/>: the emulator's root ("v1/users") or its /v1/ ("users").
/// </summary>
public sealed class Api(HttpClient http, Uri baseUri, string? appId, string? apiKey)
{
    public Uri BaseUri { get; } = baseUri;

    public Task<Reply> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Reply> PostAsync(string path, object body) => SendAsync(HttpMethod.Post, path, body);

    public Task<Reply> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Reply> DeleteAsync(string path, object? body = null) => SendAsync(HttpMethod.Delete, path, body);

    /// <summary>Sends <paramref name="body"/>: a string is sent as-is, anything else serialised (snake_case names as written).</summary>
    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseUri, path));
        if (appId is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue(
                "Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{apiKey}")));
        }

        return await Reply.SendAsync(http, request, body, configure);
    }
}
