using System;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace IntercomPS.Testing;

/// <summary>
/// An answer of either face, read fully: status, body text, parsed JSON and headers, with the assertions each face's
/// error shape needs (v1's {"error":{...}}, 2.14's error.list). Deconstructs into (status, JSON).
/// </summary>
public sealed class Reply
{
    public Reply(HttpStatusCode status, string text, HttpResponseMessage response)
    {
        Status = (int)status;
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

    /// <summary>
    /// Sends <paramref name="request"/> with <paramref name="body"/> as JSON (a string as-is, anything else serialised,
    /// snake_case names as written), after <paramref name="configure"/> has had its say, and reads the answer whole.
    /// </summary>
    public static async Task<Reply> SendAsync(HttpClient http, HttpRequestMessage request, object? body, Action<HttpRequestMessage>? configure)
    {
        if (body is not null)
        {
            request.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        }

        configure?.Invoke(request);
        using var response = await http.SendAsync(request);
        return new Reply(response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    public void Deconstruct(out int status, out JsonElement json) => (status, json) = (Status, Json);

    public string? Header(string name) => Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public Reply AssertStatus(int status)
    {
        Assert.True(Status == status, $"expected {status}, got {Status}: {Text}");
        return this;
    }

    /// <summary>The 2.14 tests' name for <see cref="AssertStatus"/>: the answer, once its status is the expected one.</summary>
    public Reply Ok(int status = 200) => AssertStatus(status);

    /// <summary>Asserts v1's error object with this status and type, and returns its message.</summary>
    public string AssertError(int status, string type)
    {
        Assert.True(Status == status, $"expected {status} {type}, got {Status}: {Text}");
        Assert.Equal("application/json", ContentType);
        var error = Json.GetProperty("error");
        Assert.Equal(type, error.GetProperty("type").GetString());
        var message = error.GetProperty("message").GetString();
        Assert.False(string.IsNullOrWhiteSpace(message));
        return message!;
    }

    /// <summary>Asserts a 2.14 error.list with this status and code and a request_id; returns the message.</summary>
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
