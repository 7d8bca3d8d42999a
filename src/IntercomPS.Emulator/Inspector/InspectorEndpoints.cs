using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Emulator.Admin;
using IntercomPS.Emulator.Endpoints;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntercomPS.Emulator.Inspector;

/// <summary>
/// The inspector at /_inspector/: one page (HTML, CSS and JavaScript embedded in this assembly, nothing fetched from
/// elsewhere) and the JSON it reads under /_inspector/api/: the apps, their data (<see cref="InspectorViews"/>), the
/// request log (a page of it, a live stream as Server-Sent Events, one exchange) and the controls /admin has (reset,
/// seed, faults), served by /admin's own handlers so each check and message exists once. Every JSON answer passes
/// through <see cref="Secrets"/>; <see cref="InspectorGuard"/> keeps other pages away.
/// </summary>
internal sealed class InspectorEndpoints(EmulatorServices services, RequestLog log, Secrets secrets, AdminEndpoints admin)
{
    public const string Root = "/_inspector";

    /// <summary>The embedded files by name, with their media types.</summary>
    private static readonly Dictionary<string, string> Assets = new(StringComparer.Ordinal)
    {
        ["index.html"] = "text/html; charset=utf-8",
        ["inspector.css"] = "text/css; charset=utf-8",
        ["inspector.js"] = "text/javascript; charset=utf-8",
        ["favicon.svg"] = "image/svg+xml", // its own icon, so the browser never asks the 2.x face for /favicon.ico
    };

    /// <summary>How often the live stream says it is alive while no request arrives, so proxies and the page see a dead one.</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static bool IsPage(PathString path) => path == Root || path == Root + "/" || path == Root + "/index.html";

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet(Root, new RequestDelegate(context => AssetAsync(context, "index.html")));
        app.MapGet(Root + "/{asset}", new RequestDelegate(context => AssetAsync(context, (string)context.Request.RouteValues["asset"]!)));
        app.MapGet(Root + "/api/apps", ApiRoutes.Handle(_ => Task.FromResult(Apps())));
        app.MapGet(Root + "/api/apps/{app_id}/{resource}", ApiRoutes.Handle(ListAsync));
        app.MapGet(Root + "/api/apps/{app_id}/{resource}/{id}", ApiRoutes.Handle(ShowAsync));
        app.MapGet(Root + "/api/log", ApiRoutes.Handle(context => Task.FromResult(Answer(w => Entries(w, log.Since(After(context)))))));
        app.MapGet(Root + "/api/log/stream", new RequestDelegate(StreamAsync));
        app.MapGet(Root + "/api/log/{id}", ApiRoutes.Handle(context => Task.FromResult(Exchange(context))));
        admin.MapControls(app, Root + "/api/admin");
    }

    private static async Task AssetAsync(HttpContext context, string name)
    {
        if (!Assets.TryGetValue(name, out var type))
        {
            throw ApiError.NotFound($"No such inspector file: {name}");
        }

        await using var stream = typeof(InspectorEndpoints).Assembly.GetManifestResourceStream("inspector/" + name)
            ?? throw new InvalidOperationException($"The inspector's {name} is not embedded in the emulator");
        context.Response.ContentType = type;
        context.Response.ContentLength = stream.Length;
        await stream.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>The apps (never their keys), what the log keeps, and the resources each app's views can list.</summary>
    private IResult Apps() => Answer(w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("apps");
        foreach (var app in services.Apps.Apps.Keys.Order(StringComparer.Ordinal))
        {
            var profile = services.Profiles.Of(app);
            w.WriteStartObject();
            w.WriteString("id", app);
            w.WriteString("version", profile.Version.Name);
            w.WriteString("timezone", profile.TimeZoneName);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("resources");
        foreach (var resource in InspectorViews.Resources.Keys)
        {
            w.WriteStringValue(resource);
        }

        w.WriteEndArray();
        w.WriteStartObject("log");
        w.WriteNumber("capacity", log.Capacity);
        w.WriteNumber("body_limit", RequestLog.BodyLimit);
        w.WriteNumber("inspectors_open", log.Watching); // while any is, headers and bodies are kept
        w.WriteEndObject();
        w.WriteEndObject();
    });

    private async Task<IResult> ListAsync(HttpContext context)
    {
        var (resource, request) = Resolve(context);
        return Answer(await resource.List(request));
    }

    private async Task<IResult> ShowAsync(HttpContext context)
    {
        var (resource, request) = Resolve(context);
        var show = resource.Show ?? throw ApiError.NotFound($"The inspector lists {context.Request.RouteValues["resource"]} but shows no single one");
        return Answer(await show(request, (string)context.Request.RouteValues["id"]!));
    }

    private (InspectorResource Resource, InspectorRequest Request) Resolve(HttpContext context)
    {
        var values = context.Request.RouteValues;
        var app = (string)values["app_id"]!;
        if (!services.Apps.Apps.ContainsKey(app))
        {
            throw ApiError.NotFound($"No app '{app}' is configured (configured: {string.Join(", ", services.Apps.Apps.Keys.Order(StringComparer.Ordinal))})");
        }

        var name = (string)values["resource"]!;
        var resource = InspectorViews.Resources.GetValueOrDefault(name)
            ?? throw ApiError.NotFound($"The inspector has no view '{name}': {string.Join(", ", InspectorViews.Resources.Keys)}");
        return (resource, new InspectorRequest(services.Stored(app), app, services.Profiles.Of(app).TimeZone, context.Request.Query));
    }

    /// <summary>
    /// The live log as Server-Sent Events: the entries the ring holds after Last-Event-ID (an EventSource resends the
    /// last id it saw when it reconnects) or ?after=, then each new one as it is answered. While a stream is open the
    /// log captures headers and bodies.
    /// </summary>
    private async Task StreamAsync(HttpContext context)
    {
        using var watch = log.Open(); // before reading the ring, so no entry falls between the two
        var stopping = context.RequestServices.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stopping);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpResponseBodyFeature>()?.DisableBuffering();
        var last = After(context);
        try
        {
            await response.WriteAsync("retry: 2000\n\n", done.Token); // a page that lost the stream reconnects after 2 s
            foreach (var entry in log.Since(last))
            {
                last = await SendAsync(response, entry, done.Token);
            }

            await response.Body.FlushAsync(done.Token);
            while (true)
            {
                using (var beat = CancellationTokenSource.CreateLinkedTokenSource(done.Token))
                {
                    beat.CancelAfter(KeepAlive);
                    try
                    {
                        if (!await watch.Entries.WaitToReadAsync(beat.Token))
                        {
                            return;
                        }
                    }
                    catch (OperationCanceledException) when (!done.IsCancellationRequested)
                    {
                        await response.WriteAsync(": alive\n\n", done.Token); // nothing came for a while: say the stream is alive
                        await response.Body.FlushAsync(done.Token);
                        continue;
                    }
                }

                while (watch.Entries.TryRead(out var entry))
                {
                    if (entry.Id > last)
                    {
                        last = await SendAsync(response, entry, done.Token);
                    }
                }

                await response.Body.FlushAsync(done.Token);
            }
        }
        catch (Exception e) when (done.IsCancellationRequested && e is OperationCanceledException or IOException)
        {
            // The page closed, or the emulator is stopping: the stream simply ends.
        }
    }

    private async Task<long> SendAsync(HttpResponse response, LoggedRequest entry, CancellationToken cancellation)
    {
        var json = Masked(w => Entry(w, entry));
        await response.WriteAsync($"id: {entry.Id.ToString(CultureInfo.InvariantCulture)}\ndata: {Encoding.UTF8.GetString(json.Span)}\n\n", cancellation);
        return entry.Id;
    }

    private static long After(HttpContext context) =>
        long.TryParse(context.Request.Headers["Last-Event-ID"].ToString() is { Length: > 0 } resumed ? resumed : Input.Query(context.Request.Query, "after"),
            NumberStyles.None, CultureInfo.InvariantCulture, out var after) ? after : 0;

    private void Entries(Utf8JsonWriter w, IReadOnlyList<LoggedRequest> entries)
    {
        w.WriteStartObject();
        w.WriteStartArray("items");
        foreach (var entry in entries)
        {
            Entry(w, entry);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private void Entry(Utf8JsonWriter w, LoggedRequest e)
    {
        w.WriteStartObject();
        w.WriteNumber("id", e.Id);
        w.WriteString("at", e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        w.WriteString("app", e.App);
        w.WriteString("method", e.Method);
        w.WriteString("path", secrets.HidePath(e.Path));
        w.WriteString("route", ApiRoutes.RouteOf(e.Method, e.Path.Split('?')[0]));
        w.WriteString("face", e.Face);
        w.WriteString("version", e.Version);
        w.WriteNumber("status", e.Status);
        w.WriteString("fault", e.Fault);
        w.WriteNumber("ms", Math.Round(e.Milliseconds, 1));
        w.WriteString("user_agent", e.UserAgent);
        w.WriteString("request_id", e.RequestId);
        w.WriteBoolean("captured", e.Exchange is not null);
        w.WriteEndObject();
    }

    /// <summary>One exchange: the entry, then its headers and bodies if an inspector was open when it happened.</summary>
    private IResult Exchange(HttpContext context)
    {
        var text = (string)context.Request.RouteValues["id"]!;
        var entry = (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? log.Find(id) : null)
            ?? throw ApiError.NotFound($"Request {text} is not in the log: it keeps the last {log.Capacity} requests");
        return Answer(w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("entry");
            Entry(w, entry);
            if (entry.Exchange is { } exchange)
            {
                Side(w, "request", exchange.RequestHeaders, exchange.RequestBody);
                Side(w, "response", exchange.ResponseHeaders, exchange.ResponseBody);
            }
            else
            {
                w.WriteString("not_captured", "No inspector was open when this request came: headers and bodies are kept only while one is.");
            }

            w.WriteEndObject();
        });
    }

    private void Side(Utf8JsonWriter w, string name, IReadOnlyList<KeyValuePair<string, string>> headers, CapturedBody body)
    {
        w.WriteStartObject(name);
        w.WriteStartArray("headers");
        foreach (var (header, value) in headers)
        {
            w.WriteStartArray();
            w.WriteStringValue(header);
            w.WriteStringValue(secrets.HideHeader(header, value));
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteString("body", body.Cut ? secrets.Hide(body.Text) : secrets.HideBody(body.Text));
        w.WriteNumber("length", body.Length);
        w.WriteBoolean("cut", body.Cut);
        w.WriteString("unreadable", body.Unreadable);
        w.WriteEndObject();
    }

    /// <summary>A JSON answer with every string masked (<see cref="Secrets.Write"/>): the one way the inspector answers data.</summary>
    private IResult Answer(Writes write)
    {
        var json = Masked(write);
        return Json.Ok(w => w.WriteRawValue(json.Span, skipInputValidation: true));
    }

    private ReadOnlyMemory<byte> Masked(Writes write)
    {
        var raw = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(raw))
        {
            write(w);
        }

        using var document = JsonDocument.Parse(raw.WrittenMemory);
        var masked = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(masked, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            secrets.Write(w, document.RootElement);
        }

        return masked.WrittenMemory;
    }
}
