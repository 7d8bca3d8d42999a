using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Testing;

namespace IntercomPS.Emulator.Tests.Inspector;

/// <summary>
/// Calls the inspector as its own page does in Chromium: Sec-Fetch-Site same-origin on every call, and the page's
/// Origin on every write. A test that plays another page overrides a header (or removes it with a null value).
/// </summary>
internal sealed class InspectorClient(HttpClient http, Uri baseUri)
{
    public Uri BaseUri => baseUri;

    /// <summary>http://127.0.0.1:PORT: the page's origin.</summary>
    public string Origin => baseUri.GetLeftPart(UriPartial.Authority);

    public Task<Reply> GetAsync(string path, params (string Name, string? Value)[] headers) => SendAsync(HttpMethod.Get, path, null, null, headers);

    public Task<Reply> PutAsync(string path, string json, params (string Name, string? Value)[] headers) => SendAsync(HttpMethod.Put, path, json, "application/json", headers);

    public Task<Reply> PostAsync(string path, string json, params (string Name, string? Value)[] headers) => SendAsync(HttpMethod.Post, path, json, "application/json", headers);

    public Task<Reply> DeleteAsync(string path, params (string Name, string? Value)[] headers) => SendAsync(HttpMethod.Delete, path, null, null, headers);

    public async Task<Reply> SendAsync(HttpMethod method, string path, string? body, string? contentType, params (string Name, string? Value)[] headers)
    {
        using var request = Request(method, path, headers);
        if (body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return new Reply(response.StatusCode, text, response);
    }

    /// <summary>The answer's text whatever its type (the page, its script, its style sheet).</summary>
    public async Task<(int Status, string Text, HttpResponseMessage Response)> GetTextAsync(string path, params (string Name, string? Value)[] headers)
    {
        using var request = Request(HttpMethod.Get, path, headers);
        var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync(), response);
    }

    /// <summary>Opens the live log and reads its events until <paramref name="until"/> holds for one, or the time is up.</summary>
    /// <param name="after">The last entry already seen: the stream starts after it (0: with everything the log holds).</param>
    /// <param name="stop">Closes the stream early (the read then throws OperationCanceledException).</param>
    public async Task<List<JsonElement>> ReadStreamAsync(long after, Func<JsonElement, bool> until, TimeSpan timeout, Func<Task>? whileOpen = null, List<string>? raw = null, CancellationToken stop = default)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(stop);
        cancel.CancelAfter(timeout);
        using var request = Request(HttpMethod.Get, $"_inspector/api/log/stream?after={after}", []);
        request.Headers.TryAddWithoutValidation("Accept", "text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = new List<JsonElement>();
        var opened = whileOpen is null ? Task.CompletedTask : Task.Run(whileOpen, cancel.Token);
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            raw?.Add(line);
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                var entry = JsonDocument.Parse(line[6..]).RootElement.Clone();
                events.Add(entry);
                if (until(entry))
                {
                    break;
                }
            }
        }

        await opened;
        return events;
    }

    /// <summary>
    /// Keeps the live log open, as an open inspector page does (so exchanges are captured), until disposed; returns
    /// once the emulator counts it.
    /// </summary>
    public async Task<IAsyncDisposable> WatchAsync(long after)
    {
        var stop = new CancellationTokenSource();
        var stream = ReadStreamAsync(after, _ => false, TimeSpan.FromMinutes(5), stop: stop.Token);
        for (var i = 0; i < 250 && !stream.IsCompleted && (await GetAsync("_inspector/api/apps")).Ok()["log"].GetProperty("inspectors_open").GetInt32() == 0; i++)
        {
            await Task.Delay(20);
        }

        if (stream.IsCompleted)
        {
            await stream; // it failed: say why
        }

        return new Watching(stop, stream);
    }

    private sealed class Watching(CancellationTokenSource stop, Task stream) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            try
            {
                await stream;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The stream ends by being cancelled: that is how a watch closes.
            }

            stop.Dispose();
        }
    }

    private HttpRequestMessage Request(HttpMethod method, string path, (string Name, string? Value)[] headers)
    {
        var request = new HttpRequestMessage(method, new Uri(baseUri, path));
        var all = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { ["Sec-Fetch-Site"] = "same-origin" };
        if (method != HttpMethod.Get)
        {
            all["Origin"] = Origin;
        }

        foreach (var (name, value) in headers)
        {
            all[name] = value;
        }

        foreach (var (name, value) in all.Where(h => h.Value is not null))
        {
            if (name.Equals("Host", StringComparison.OrdinalIgnoreCase))
            {
                request.Headers.Host = value;
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }
}
