using System;
using System.Collections.Generic;
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

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var web = new Recorder(endpoints);
        web.MapGet("/me", Handle(AdminsEndpoints.MeAsync));
        web.MapGet("/admins", Handle(AdminsEndpoints.ListAsync));
        web.MapGet("/admins/{admin_id}", Handle(AdminsEndpoints.GetAsync));

        web.MapGet("/contacts", Handle(ContactsEndpoints.ListAsync));
        web.MapPost("/contacts", Handle(ContactsEndpoints.CreateAsync));
        web.MapPost("/contacts/search", Handle(ContactsEndpoints.SearchAsync));
        web.MapGet("/contacts/find_by_external_id/{external_id}", Handle(ContactsEndpoints.FindByExternalIdAsync));
        web.MapGet("/contacts/{contact_id}", Handle(ContactsEndpoints.GetAsync));
        web.MapPut("/contacts/{contact_id}", Handle(ContactsEndpoints.UpdateAsync));
        web.MapDelete("/contacts/{contact_id}", Handle(ContactsEndpoints.DeleteAsync));
        web.MapPost("/contacts/{contact_id}/archive", Handle(ctx => ContactsEndpoints.ArchiveAsync(ctx, archived: true)));
        web.MapPost("/contacts/{contact_id}/unarchive", Handle(ctx => ContactsEndpoints.ArchiveAsync(ctx, archived: false)));

        web.MapGet("/contacts/{contact_id}/tags", Handle(TagsEndpoints.ListForContactAsync));
        web.MapPost("/contacts/{contact_id}/tags", Handle(TagsEndpoints.AddToContactAsync));
        web.MapDelete("/contacts/{contact_id}/tags/{tag_id}", Handle(TagsEndpoints.RemoveFromContactAsync));
        web.MapGet("/tags", Handle(TagsEndpoints.ListAsync));
        web.MapPost("/tags", Handle(TagsEndpoints.SaveAsync));
        web.MapGet("/tags/{tag_id}", Handle(TagsEndpoints.GetAsync));
        web.MapDelete("/tags/{tag_id}", Handle(TagsEndpoints.DeleteAsync));

        web.MapGet("/contacts/{contact_id}/notes", Handle(NotesEndpoints.ListAsync));
        web.MapPost("/contacts/{contact_id}/notes", Handle(NotesEndpoints.CreateAsync));
        web.MapGet("/notes/{note_id}", Handle(NotesEndpoints.GetAsync));

        web.MapGet("/conversations", Handle(ConversationsEndpoints.ListAsync));
        web.MapPost("/conversations", Handle(ConversationsEndpoints.CreateAsync));
        web.MapPost("/conversations/search", Handle(ConversationsEndpoints.SearchAsync));
        web.MapGet("/conversations/{conversation_id}", Handle(ConversationsEndpoints.GetAsync));
        web.MapPut("/conversations/{conversation_id}", Handle(ConversationsEndpoints.UpdateAsync));
        web.MapPost("/conversations/{conversation_id}/reply", Handle(ConversationsEndpoints.ReplyAsync));
        web.MapPost("/conversations/{conversation_id}/parts", Handle(ConversationsEndpoints.ManageAsync));

        web.MapPost("/events", Handle(EventsEndpoints.SubmitAsync));
        web.MapGet("/events", Handle(EventsEndpoints.ListAsync));

        web.MapGet("/data_attributes", Handle(DataAttributesEndpoints.ListAsync));
        web.MapPost("/data_attributes", Handle(DataAttributesEndpoints.CreateAsync));
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

    public static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    /// <summary>A numeric id from the path (tags, notes); anything else cannot name one, so it is not found.</summary>
    public static long NumericId(HttpContext context, string name, Func<ApiError> notFound) =>
        long.TryParse(Route(context, name), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) && id > 0
            ? id : throw notFound();
}
