using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Emulator.Auth;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>The 2.14 routes, at the root as Intercom serves them. Handlers parse everything themselves, as on /v1.</summary>
internal static class Routes
{
    /// <summary>Every 2.14 route, as "METHOD /template"; /admin/requests counts requests under these names only.</summary>
    private static readonly List<(string Method, string[] Segments, string Name)> Known = [];

    /// <summary>The route a request will reach ("GET /contacts/{contact_id}"), or null for any other path: bounded names.</summary>
    public static string? RouteOf(string method, string path)
    {
        var segments = path.Trim('/').Split('/');
        string? best = null;
        var bestParameters = int.MaxValue;
        foreach (var (knownMethod, template, name) in Known)
        {
            if (knownMethod != method || template.Length != segments.Length)
            {
                continue;
            }

            var parameters = 0;
            var matches = true;
            for (var i = 0; i < template.Length && matches; i++)
            {
                var isParameter = template[i].StartsWith('{');
                parameters += isParameter ? 1 : 0;
                matches = isParameter ? segments[i].Length > 0 : string.Equals(template[i], segments[i], StringComparison.OrdinalIgnoreCase);
            }

            if (matches && parameters < bestParameters)
            {
                (best, bestParameters) = (name, parameters);
            }
        }

        return best;
    }

    public static void Map(IEndpointRouteBuilder endpoints, EmulatorServices services)
    {
        var web = new Recorder(endpoints);
        var admins = new AdminsEndpoints(services);
        web.MapGet("/me", Handle(admins.MeAsync));
        web.MapGet("/admins", Handle(admins.ListAsync));
        web.MapGet("/admins/{admin_id}", Handle(admins.GetAsync));

        var contacts = new ContactsEndpoints(services);
        web.MapGet("/contacts", Handle(contacts.ListAsync));
        web.MapPost("/contacts", Handle(contacts.CreateAsync));
        web.MapPost("/contacts/search", Handle(contacts.SearchAsync));
        web.MapGet("/contacts/find_by_external_id/{external_id}", Handle(contacts.FindByExternalIdAsync));
        web.MapGet("/contacts/{contact_id}", Handle(contacts.GetAsync));
        web.MapPut("/contacts/{contact_id}", Handle(contacts.UpdateAsync));
        web.MapDelete("/contacts/{contact_id}", Handle(contacts.DeleteAsync));
        web.MapPost("/contacts/{contact_id}/archive", Handle(ctx => contacts.ArchiveAsync(ctx, archived: true)));
        web.MapPost("/contacts/{contact_id}/unarchive", Handle(ctx => contacts.ArchiveAsync(ctx, archived: false)));

        var tags = new TagsEndpoints(services);
        web.MapGet("/contacts/{contact_id}/tags", Handle(tags.ListForContactAsync));
        web.MapPost("/contacts/{contact_id}/tags", Handle(tags.AddToContactAsync));
        web.MapDelete("/contacts/{contact_id}/tags/{tag_id}", Handle(tags.RemoveFromContactAsync));
        web.MapGet("/tags", Handle(tags.ListAsync));
        web.MapPost("/tags", Handle(tags.SaveAsync));
        web.MapGet("/tags/{tag_id}", Handle(tags.GetAsync));
        web.MapDelete("/tags/{tag_id}", Handle(tags.DeleteAsync));

        var notes = new NotesEndpoints(services, admins);
        web.MapGet("/contacts/{contact_id}/notes", Handle(notes.ListAsync));
        web.MapPost("/contacts/{contact_id}/notes", Handle(notes.CreateAsync));
        web.MapGet("/notes/{note_id}", Handle(notes.GetAsync));

        var conversations = new ConversationsEndpoints(services, admins);
        web.MapGet("/conversations", Handle(conversations.ListAsync));
        web.MapPost("/conversations", Handle(conversations.CreateAsync));
        web.MapPost("/conversations/search", Handle(conversations.SearchAsync));
        web.MapGet("/conversations/{conversation_id}", Handle(conversations.GetAsync));
        web.MapPut("/conversations/{conversation_id}", Handle(conversations.UpdateAsync));
        web.MapPost("/conversations/{conversation_id}/reply", Handle(conversations.ReplyAsync));
        web.MapPost("/conversations/{conversation_id}/parts", Handle(conversations.ManageAsync));

        var events = new EventsEndpoints(services);
        web.MapPost("/events", Handle(events.SubmitAsync));
        web.MapGet("/events", Handle(events.ListAsync));

        var attributes = new DataAttributesEndpoints(services);
        web.MapGet("/data_attributes", Handle(attributes.ListAsync));
        web.MapPost("/data_attributes", Handle(attributes.CreateAsync));
    }

    private static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) => ApiRoutes.Handle(handler);

    /// <summary>Maps a route and remembers its name for <see cref="RouteOf"/>, so the two lists cannot differ.</summary>
    private sealed class Recorder(IEndpointRouteBuilder endpoints)
    {
        public void MapGet(string template, RequestDelegate handler) => Add("GET", template, () => endpoints.MapGet(template, handler));

        public void MapPost(string template, RequestDelegate handler) => Add("POST", template, () => endpoints.MapPost(template, handler));

        public void MapPut(string template, RequestDelegate handler) => Add("PUT", template, () => endpoints.MapPut(template, handler));

        public void MapDelete(string template, RequestDelegate handler) => Add("DELETE", template, () => endpoints.MapDelete(template, handler));

        private static void Add(string method, string template, Action map)
        {
            map();
            lock (Known)
            {
                if (!Known.Exists(k => k.Name == method + " " + template))
                {
                    Known.Add((method, template.Trim('/').Split('/'), method + " " + template));
                }
            }
        }
    }

    /// <summary>The 2.14 store of the request's app.</summary>
    public static AppStore Store(HttpContext context, EmulatorServices services) => new(services.Database, Caller.From(context).AppId);

    public static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    /// <summary>A numeric id from the path (tags, notes); anything else cannot name one, so it is not found.</summary>
    public static long NumericId(HttpContext context, string name, Func<ApiError> notFound) =>
        long.TryParse(Route(context, name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id : throw notFound();
}

/// <summary>GET /me, /admins, /admins/{id}: each app has one admin, named by --admin-name/--admin-email.</summary>
internal sealed class AdminsEndpoints(EmulatorServices services)
{
    public AdminRecord For(string app) => new(AdminId(app), services.AdminName, services.AdminEmail);

    public Task<IResult> MeAsync(HttpContext context)
    {
        var app = Caller.From(context).AppId;
        return Task.FromResult(Json.Ok(w => Writer.Admin(w, For(app), app, services.Profiles.Of(app).TimeZoneName, services.StartedAt)));
    }

    public Task<IResult> ListAsync(HttpContext context)
    {
        var admin = For(Caller.From(context).AppId);
        return Task.FromResult(Json.Ok(w =>
        {
            w.WriteStartObject();
            w.WriteString("type", "admin.list");
            w.WriteStartArray("admins");
            Writer.Admin(w, admin);
            w.WriteEndArray();
            w.WriteEndObject();
        }));
    }

    public Task<IResult> GetAsync(HttpContext context)
    {
        var admin = For(Caller.From(context).AppId);
        return Routes.Route(context, "admin_id") == admin.Id
            ? Task.FromResult(Json.Ok(w => Writer.Admin(w, admin)))
            : throw NotFound();
    }

    public static ApiError NotFound() => new(404, "not_found", "Admin not found") { Code = "admin_not_found" };

    /// <summary>A stable numeric id per app (Intercom's admin ids are numeric strings), the same on every run.</summary>
    private static string AdminId(string app) =>
        Face.ToString(100_000_000 + (BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(app)), 0) % 900_000_000));
}
