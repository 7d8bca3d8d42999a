using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.V2.Tests.Conformance;
using Xunit;

namespace IntercomPS.V2.Tests.Infrastructure;

/// <summary>
/// A client of the 2.x face that sends what the official SDK sends (Bearer token, Intercom-Version 2.14 unless told
/// another, JSON) and holds EVERY answer, success or error, to the OpenAPI description of the version it is in: the
/// status must be documented (or be an error, judged by the error schema) and the body must validate against its
/// schema. No test can skip it; only a run without a description does, and its skipped description tests say why
/// (<see cref="OpenApiContract.SkipReasonFor"/>).
/// </summary>
public sealed class V2Client(HttpClient http, Uri baseUri, string? token, string? version = OpenApiContract.Version, bool basic = false)
{
    public V2Client WithVersion(string? other) => new(http, baseUri, token, other, basic);

    /// <summary>The same client sending its token as the Basic username with an empty password, as the Node SDK up to 5.x does.</summary>
    public V2Client WithBasicAuth() => new(http, baseUri, token, version, basic: true);

    public Task<Answer> GetAsync(string path) => SendAsync(HttpMethod.Get, path);

    public Task<Answer> PostAsync(string path, object? body = null) => SendAsync(HttpMethod.Post, path, body ?? new { });

    public Task<Answer> PutAsync(string path, object body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Answer> DeleteAsync(string path) => SendAsync(HttpMethod.Delete, path);

    public async Task<Answer> SendAsync(HttpMethod method, string path, object? body = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, path.TrimStart('/')));
        if (token is not null)
        {
            request.Headers.Authorization = basic
                ? new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(token + ":")))
                : new AuthenticationHeaderValue("Bearer", token);
        }

        if (version is not null)
        {
            request.Headers.Add("Intercom-Version", version);
        }

        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        var answer = new Answer((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
        Conform(method.Method, path, answer, version ?? answer.Header("Intercom-Version") ?? OpenApiContract.Version);
        return answer;
    }

    /// <summary>
    /// The machine check: the answer's schema is the description's for (path template, method, status), in the
    /// description <paramref name="version"/> answers as (<see cref="OpenApiContract.JudgedBy"/>). Without that
    /// description (<see cref="OpenApiContract.IsAvailable"/>) only the media type is checked, and the run's skipped
    /// description tests say why; every assertion of the calling test still runs.
    /// </summary>
    public static void Conform(string method, string path, Answer answer, string version)
    {
        if (answer.Text.Length > 0)
        {
            Assert.Equal("application/json", answer.ContentType);
        }

        var described = OpenApiContract.JudgedBy(version, method, path);
        if (!OpenApiContract.IsAvailable(described))
        {
            return;
        }

        var contract = OpenApiContract.For(described);
        var template = contract.Template(method, path);
        if (template is null)
        {
            // Not an operation of the description (a wrong path or method): it must be an error.list.
            Assert.True(answer.Status >= 400, $"{method} {path} is not in the description, yet answered {answer.Status}");
            template = "/contacts/{contact_id}";
            method = "GET";
        }

        if (answer.Text.Length == 0)
        {
            var documented = contract.Operation(template, method)?["responses"]?[answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            Assert.True(documented is not null && documented["content"] is null,
                $"{method} {path} answered {answer.Status} with no body, which the description does not document");
            return;
        }

        var violations = contract.Violations(template, method, answer.Status, answer.Json);
        Assert.True(violations.Count == 0,
            $"{method} {path} -> {answer.Status} breaks the description:\n{string.Join("\n", violations)}\n{answer.Text}");
    }
}

/// <summary>An answer, read fully.</summary>
public sealed class Answer
{
    public Answer(int status, string text, HttpResponseMessage response)
    {
        Status = status;
        Text = text;
        Headers = response.Headers;
        ContentType = response.Content.Headers.ContentType?.MediaType;
        Json = text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default;
    }

    public int Status { get; }

    public string Text { get; }

    public JsonElement Json { get; }

    public HttpResponseHeaders Headers { get; }

    public string? ContentType { get; }

    public JsonElement this[string name] => Json.GetProperty(name);

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public Answer Ok(int status = 200)
    {
        Assert.True(Status == status, $"expected {status}, got {Status}: {Text}");
        return this;
    }

    /// <summary>Asserts an error.list with this status and code and a request_id; returns the message.</summary>
    public string Error(int status, string code)
    {
        Assert.True(Status == status, $"expected {status} {code}, got {Status}: {Text}");
        Assert.Equal("error.list", Json.GetProperty("type").GetString());
        Assert.False(string.IsNullOrEmpty(Json.GetProperty("request_id").GetString()));
        var error = Json.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("code").GetString());
        return error.GetProperty("message").GetString()!;
    }
}

/// <summary>The v1 face of an app (HTTP Basic), for writing or reading the same data the other way.</summary>
public sealed class V1Client(HttpClient http, Uri baseUri, string appId, string key)
{
    public async Task<(int Status, JsonElement Json)> SendAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(baseUri, "v1/" + path.TrimStart('/')));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{appId}:{key}")));
        if (body is not null)
        {
            request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement.Clone() : default);
    }
}
