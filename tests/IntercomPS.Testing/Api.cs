using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace IntercomPS.Testing;

/// <summary>A JSON HTTP client for one app of a running emulator (null credentials: no Authorization header).</summary>
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

        if (body is not null)
        {
            var text = body as string ?? JsonSerializer.Serialize(body);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, raw, response);
    }
}

/// <summary>A response, read fully: status, body text, parsed JSON and headers.</summary>
public sealed class Reply
{
    public Reply(HttpStatusCode status, string text, HttpResponseMessage response)
    {
        Status = status;
        Text = text;
        Headers = response.Headers;
        ContentType = response.Content.Headers.ContentType?.MediaType;
        Json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    public HttpStatusCode Status { get; }

    public string Text { get; }

    public JsonElement Json { get; }

    public HttpResponseHeaders Headers { get; }

    public string? ContentType { get; }

    public int Code => (int)Status;

    public JsonElement this[string name] => Json.GetProperty(name);

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>Asserts Intercom's error object with this status and type, and returns its message.</summary>
    public string AssertError(int status, string type)
    {
        Assert.True(Code == status, $"expected {status} {type}, got {Code}: {Text}");
        Assert.Equal("application/json", ContentType);
        var error = Json.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    public Reply AssertStatus(int status)
    {
        Assert.True(Code == status, $"expected {status}, got {Code}: {Text}");
        return this;
    }
}
