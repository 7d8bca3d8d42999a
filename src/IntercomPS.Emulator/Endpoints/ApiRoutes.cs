using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Endpoints.V2;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>One API route: its method, its path template as the API documents it, and its handler.</summary>
internal sealed record ApiRoute(string Method, string Template, Func<HttpContext, Task<IResult>> Handler)
{
    /// <summary>"GET /contacts/{contact_id}": how /admin/requests counts the route and fault rules name it.</summary>
    public string Name => Method + " " + Template;

    public bool IsV1 => Template.StartsWith("/v1/", StringComparison.Ordinal);
}

/// <summary>
/// The one route table of both API faces: /v1 under /v1, 2.14 at the root. Routing maps it, the request counter and
/// fault rules name its routes, and the conformance tests compare its 2.14 routes with Intercom's description; no
/// other list of routes exists. Handlers take the HttpContext and parse everything themselves, so every bad input
/// gets our error message instead of the framework's binding errors.
/// </summary>
internal static class ApiRoutes
{
    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("GET", "/v1/users", UsersEndpoints.GetAsync),
        new("POST", "/v1/users", ctx => UsersEndpoints.SaveAsync(ctx, create: true)),
        new("PUT", "/v1/users", ctx => UsersEndpoints.SaveAsync(ctx, create: false)),
        new("DELETE", "/v1/users", UsersEndpoints.DeleteAsync),
        new("POST", "/v1/users/notes", NotesEndpoints.CreateAsync),
        new("POST", "/v1/users/impressions", ImpressionsEndpoints.CreateAsync),
        new("GET", "/v1/users/message_threads", MessageThreadsEndpoints.GetAsync),
        new("POST", "/v1/users/message_threads", MessageThreadsEndpoints.PostAsync),
        new("PUT", "/v1/users/message_threads", MessageThreadsEndpoints.PutAsync),
        new("GET", "/v1/tags", TagsEndpoints.GetAsync),
        new("POST", "/v1/tags", ctx => TagsEndpoints.SaveAsync(ctx, create: true)),
        new("PUT", "/v1/tags", ctx => TagsEndpoints.SaveAsync(ctx, create: false)),

        new("GET", "/me", AdminsEndpoints.MeAsync),
        new("GET", "/admins", AdminsEndpoints.ListAsync),
        new("GET", "/admins/activity_logs", AdminsEndpoints.ListActivityLogsAsync),
        new("POST", "/admins/activity_logs/search", AdminsEndpoints.SearchActivityLogsAsync),
        new("GET", "/admins/activity_log_event_types", AdminsEndpoints.ListActivityEventTypesAsync),
        new("GET", "/admins/{admin_id}", AdminsEndpoints.GetAsync),
        new("PUT", "/admins/{admin_id}/away", AdminsEndpoints.SetAwayAsync),
        new("GET", "/away_status_reasons", AdminsEndpoints.ListAwayReasonsAsync),
        new("GET", "/teams", TeamsEndpoints.ListAsync),
        new("GET", "/teams/{team_id}", TeamsEndpoints.GetAsync),
        new("GET", "/teams/{team_id}/metrics", TeamsEndpoints.MetricsAsync),
        new("GET", "/brands", BrandsEndpoints.ListAsync),
        new("GET", "/brands/{id}", BrandsEndpoints.GetAsync),
        new("GET", "/content_snippets", ContentSnippetsEndpoints.ListAsync),
        new("POST", "/content_snippets", ContentSnippetsEndpoints.CreateAsync),
        new("GET", "/content_snippets/{id}", ContentSnippetsEndpoints.GetAsync),
        new("PUT", "/content_snippets/{id}", ContentSnippetsEndpoints.UpdateAsync),
        new("DELETE", "/content_snippets/{id}", ContentSnippetsEndpoints.DeleteAsync),
        new("POST", "/content_snippets/{content_snippet_id}/tags", ContentSnippetsEndpoints.TagAsync),
        new("DELETE", "/content_snippets/{content_snippet_id}/tags/{id}", ContentSnippetsEndpoints.UntagAsync),
        new("GET", "/office_hours_schedules", OfficeHoursEndpoints.ListSchedulesAsync),
        new("POST", "/office_hours_schedules", OfficeHoursEndpoints.CreateScheduleAsync),
        new("GET", "/office_hours_schedules/{id}", OfficeHoursEndpoints.GetScheduleAsync),
        new("PUT", "/office_hours_schedules/{id}", OfficeHoursEndpoints.UpdateScheduleAsync),
        new("DELETE", "/office_hours_schedules/{id}", OfficeHoursEndpoints.DeleteScheduleAsync),
        new("GET", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions", OfficeHoursEndpoints.ListExceptionsAsync),
        new("POST", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions", OfficeHoursEndpoints.CreateExceptionAsync),
        new("GET", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}", OfficeHoursEndpoints.GetExceptionAsync),
        new("PUT", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}", OfficeHoursEndpoints.UpdateExceptionAsync),
        new("DELETE", "/office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}", OfficeHoursEndpoints.DeleteExceptionAsync),

        new("GET", "/contacts", ContactsEndpoints.ListAsync),
        new("POST", "/contacts", ContactsEndpoints.CreateAsync),
        new("POST", "/contacts/search", ContactsEndpoints.SearchAsync),
        new("GET", "/contacts/find_by_external_id/{external_id}", ContactsEndpoints.FindByExternalIdAsync),
        new("GET", "/contacts/{contact_id}", ContactsEndpoints.GetAsync),
        new("PUT", "/contacts/{contact_id}", ContactsEndpoints.UpdateAsync),
        new("DELETE", "/contacts/{contact_id}", ContactsEndpoints.DeleteAsync),
        new("POST", "/contacts/{contact_id}/archive", ctx => ContactsEndpoints.ArchiveAsync(ctx, archived: true)),
        new("POST", "/contacts/{contact_id}/unarchive", ctx => ContactsEndpoints.ArchiveAsync(ctx, archived: false)),
        new("POST", "/contacts/{contact_id}/block", ContactsEndpoints.BlockAsync),
        new("POST", "/contacts/merge", MergeEndpoints.MergeAsync),
        new("GET", "/contacts/{id}/merge_history", MergeEndpoints.HistoryAsync),

        new("GET", "/contacts/{contact_id}/tags", V2.TagsEndpoints.ListForContactAsync),
        new("POST", "/contacts/{contact_id}/tags", V2.TagsEndpoints.AddToContactAsync),
        new("DELETE", "/contacts/{contact_id}/tags/{tag_id}", V2.TagsEndpoints.RemoveFromContactAsync),
        new("GET", "/tags", V2.TagsEndpoints.ListAsync),
        new("POST", "/tags", V2.TagsEndpoints.SaveAsync),
        new("GET", "/tags/{tag_id}", V2.TagsEndpoints.GetAsync),
        new("DELETE", "/tags/{tag_id}", V2.TagsEndpoints.DeleteAsync),

        new("GET", "/contacts/{contact_id}/notes", V2.NotesEndpoints.ListAsync),
        new("POST", "/contacts/{contact_id}/notes", V2.NotesEndpoints.CreateAsync),
        new("GET", "/notes/{note_id}", V2.NotesEndpoints.GetAsync),

        new("GET", "/conversations", ConversationsEndpoints.ListAsync),
        new("POST", "/conversations", ConversationsEndpoints.CreateAsync),
        new("POST", "/conversations/search", ConversationsEndpoints.SearchAsync),
        new("POST", "/conversations/redact", ConversationsEndpoints.RedactAsync),
        new("GET", "/conversations/deleted", ConversationsEndpoints.ListDeletedAsync),
        new("GET", "/conversations/{conversation_id}", ConversationsEndpoints.GetAsync),
        new("PUT", "/conversations/{conversation_id}", ConversationsEndpoints.UpdateAsync),
        new("DELETE", "/conversations/{conversation_id}", ConversationsEndpoints.DeleteAsync),
        new("POST", "/conversations/{conversation_id}/reply", ConversationsEndpoints.ReplyAsync),
        new("POST", "/conversations/{conversation_id}/parts", ConversationsEndpoints.ManageAsync),
        new("POST", "/conversations/{conversation_id}/tags", ConversationsEndpoints.TagAsync),
        new("DELETE", "/conversations/{conversation_id}/tags/{tag_id}", ConversationsEndpoints.UntagAsync),
        new("POST", "/conversations/{conversation_id}/customers", ConversationsEndpoints.AttachContactAsync),
        new("DELETE", "/conversations/{conversation_id}/customers/{contact_id}", ConversationsEndpoints.DetachContactAsync),
        new("POST", "/conversations/{conversation_id}/convert", TicketsEndpoints.ConvertAsync),
        new("POST", "/conversations/{id}/merge", ConversationsEndpoints.MergeAsync),
        new("GET", "/conversations/{id}/handling_events", ConversationHandlingEndpoints.HandlingEventsAsync),
        new("GET", "/conversations/{id}/side_conversations", ConversationHandlingEndpoints.SideConversationsAsync),
        new("POST", "/messages", MessagesEndpoints.CreateAsync),
        new("GET", "/conversations/attributes", ConversationAttributesEndpoints.ListAsync),
        new("POST", "/conversations/attributes", ConversationAttributesEndpoints.CreateAsync),
        new("GET", "/conversations/attributes/{id}", ConversationAttributesEndpoints.GetAsync),
        new("PUT", "/conversations/attributes/{id}", ConversationAttributesEndpoints.UpdateAsync),
        new("DELETE", "/conversations/attributes/{id}", ConversationAttributesEndpoints.DeleteAsync),
        new("POST", "/conversations/attributes/{id}/options", ConversationAttributesEndpoints.CreateOptionAsync),
        new("PUT", "/conversations/attributes/{id}/options/{option_id}", ConversationAttributesEndpoints.UpdateOptionAsync),
        new("DELETE", "/conversations/attributes/{id}/options/{option_id}", ConversationAttributesEndpoints.DeleteOptionAsync),
        new("GET", "/macros", MacrosEndpoints.ListAsync),
        new("GET", "/macros/{id}", MacrosEndpoints.GetAsync),

        new("POST", "/events", EventsEndpoints.SubmitAsync),
        new("GET", "/events", EventsEndpoints.ListAsync),
        new("POST", "/events/summaries", EventsEndpoints.SummariesAsync),

        new("POST", "/companies", CompaniesEndpoints.SaveAsync),
        new("GET", "/companies", CompaniesEndpoints.RetrieveAsync),
        new("POST", "/companies/list", CompaniesEndpoints.ListAsync),
        new("GET", "/companies/scroll", CompaniesEndpoints.ScrollAsync),
        new("GET", "/companies/{company_id}", CompaniesEndpoints.GetAsync),
        new("PUT", "/companies/{company_id}", CompaniesEndpoints.UpdateAsync),
        new("DELETE", "/companies/{company_id}", CompaniesEndpoints.DeleteAsync),
        new("GET", "/companies/{company_id}/contacts", CompaniesEndpoints.ContactsAsync),
        new("GET", "/companies/{company_id}/segments", CompaniesEndpoints.SegmentsAsync),
        new("GET", "/companies/{company_id}/notes", V2.NotesEndpoints.ListForCompanyAsync),
        new("POST", "/companies/{company_id}/notes", V2.NotesEndpoints.CreateForCompanyAsync),
        new("POST", "/contacts/{contact_id}/companies", CompaniesEndpoints.AttachAsync),
        new("GET", "/contacts/{contact_id}/companies", CompaniesEndpoints.OfContactAsync),
        new("DELETE", "/contacts/{contact_id}/companies/{company_id}", CompaniesEndpoints.DetachAsync),

        new("GET", "/segments", SegmentsEndpoints.ListAsync),
        new("GET", "/segments/{segment_id}", SegmentsEndpoints.GetAsync),
        new("GET", "/contacts/{contact_id}/segments", SegmentsEndpoints.OfContactAsync),

        new("GET", "/subscription_types", SubscriptionsEndpoints.ListTypesAsync),
        new("GET", "/contacts/{contact_id}/subscriptions", SubscriptionsEndpoints.OfContactAsync),
        new("POST", "/contacts/{contact_id}/subscriptions", SubscriptionsEndpoints.AttachAsync),
        new("DELETE", "/contacts/{contact_id}/subscriptions/{subscription_id}", SubscriptionsEndpoints.DetachAsync),

        new("GET", "/articles", HelpCenterEndpoints.ListArticlesAsync),
        new("POST", "/articles", HelpCenterEndpoints.CreateArticleAsync),
        new("GET", "/articles/search", HelpCenterEndpoints.SearchArticlesAsync),
        new("GET", "/articles/{article_id}", HelpCenterEndpoints.GetArticleAsync),
        new("PUT", "/articles/{article_id}", HelpCenterEndpoints.UpdateArticleAsync),
        new("DELETE", "/articles/{article_id}", HelpCenterEndpoints.DeleteArticleAsync),
        new("POST", "/articles/{article_id}/tags", HelpCenterEndpoints.TagArticleAsync),
        new("DELETE", "/articles/{article_id}/tags/{id}", HelpCenterEndpoints.UntagArticleAsync),
        new("GET", "/articles/{id}/draft", HelpCenterEndpoints.GetArticleDraftAsync),
        new("PUT", "/articles/{id}/draft", HelpCenterEndpoints.StageArticleDraftAsync),
        new("POST", "/articles/{id}/draft/publish", HelpCenterEndpoints.PublishArticleDraftAsync),
        new("GET", "/articles/{article_id}/versions", HelpCenterEndpoints.ListArticleVersionsAsync),
        new("GET", "/articles/{article_id}/versions/{id}", HelpCenterEndpoints.GetArticleVersionAsync),
        new("GET", "/help_center/collections", HelpCenterEndpoints.ListCollectionsAsync),
        new("POST", "/help_center/collections", HelpCenterEndpoints.CreateCollectionAsync),
        new("GET", "/help_center/collections/{collection_id}", HelpCenterEndpoints.GetCollectionAsync),
        new("PUT", "/help_center/collections/{collection_id}", HelpCenterEndpoints.UpdateCollectionAsync),
        new("DELETE", "/help_center/collections/{collection_id}", HelpCenterEndpoints.DeleteCollectionAsync),
        new("GET", "/help_center/help_centers", c => Task.FromResult(HelpCenterEndpoints.ListHelpCenters(c))),
        new("GET", "/help_center/help_centers/{help_center_id}", c => Task.FromResult(HelpCenterEndpoints.GetHelpCenter(c))),
        new("GET", "/internal_articles", InternalArticlesEndpoints.ListAsync),
        new("POST", "/internal_articles", InternalArticlesEndpoints.CreateAsync),
        new("GET", "/internal_articles/search", InternalArticlesEndpoints.SearchAsync),
        new("GET", "/internal_articles/{internal_article_id}", InternalArticlesEndpoints.GetAsync),
        new("PUT", "/internal_articles/{internal_article_id}", InternalArticlesEndpoints.UpdateAsync),
        new("DELETE", "/internal_articles/{internal_article_id}", InternalArticlesEndpoints.DeleteAsync),
        new("POST", "/internal_articles/{internal_article_id}/tags", InternalArticlesEndpoints.TagAsync),
        new("DELETE", "/internal_articles/{internal_article_id}/tags/{id}", InternalArticlesEndpoints.UntagAsync),
        new("GET", "/ticket_types", TicketTypesEndpoints.ListAsync),
        new("POST", "/ticket_types", TicketTypesEndpoints.CreateAsync),
        new("GET", "/ticket_types/{ticket_type_id}", TicketTypesEndpoints.GetAsync),
        new("PUT", "/ticket_types/{ticket_type_id}", TicketTypesEndpoints.UpdateAsync),
        new("POST", "/ticket_types/{ticket_type_id}/attributes", TicketTypesEndpoints.CreateAttributeAsync),
        new("PUT", "/ticket_types/{ticket_type_id}/attributes/{attribute_id}", TicketTypesEndpoints.UpdateAttributeAsync),
        new("GET", "/ticket_states", TicketTypesEndpoints.ListStatesAsync),
        new("POST", "/tickets", TicketsEndpoints.CreateAsync),
        new("POST", "/tickets/search", TicketsEndpoints.SearchAsync),
        new("POST", "/tickets/enqueue", TicketsEndpoints.EnqueueAsync),
        new("GET", "/jobs/status/{job_id}", TicketsEndpoints.JobAsync),
        new("GET", "/tickets/{ticket_id}", TicketsEndpoints.GetAsync),
        new("PUT", "/tickets/{ticket_id}", TicketsEndpoints.UpdateAsync),
        new("DELETE", "/tickets/{ticket_id}", TicketsEndpoints.DeleteAsync),
        new("POST", "/tickets/{ticket_id}/reply", TicketsEndpoints.ReplyAsync),
        new("POST", "/tickets/{ticket_id}/tags", TicketsEndpoints.TagAsync),
        new("DELETE", "/tickets/{ticket_id}/tags/{tag_id}", TicketsEndpoints.UntagAsync),
        new("POST", "/tickets/{ticket_id}/change_type", TicketsEndpoints.ChangeTypeAsync),
        new("POST", "/tickets/{ticket_id}/linked_conversations", TicketsEndpoints.LinkAsync),
        new("DELETE", "/tickets/{ticket_id}/linked_conversations/{id}", TicketsEndpoints.UnlinkAsync),

        new("GET", "/data_attributes", DataAttributesEndpoints.ListAsync),
        new("POST", "/data_attributes", DataAttributesEndpoints.CreateAsync),
        new("PUT", "/data_attributes/{data_attribute_id}", DataAttributesEndpoints.UpdateAsync),
    ];

    /// <summary>The routes without parameters, by "METHOD /path" in lower case: most requests are named by one lookup.</summary>
    private static readonly Dictionary<string, string> Literal = All.Where(r => !r.Template.Contains('{'))
        .ToDictionary(r => r.Method + " " + r.Template.ToLowerInvariant(), r => r.Name, StringComparer.Ordinal);

    /// <summary>The routes with parameters, fewest parameters first, each as its template's segments.</summary>
    private static readonly (string Method, string[] Segments, string Name)[] Parameterized = [.. All
        .Where(r => r.Template.Contains('{'))
        .OrderBy(r => r.Template.Count(c => c == '{'))
        .Select(r => (r.Method, r.Template.Trim('/').Split('/'), r.Name))];

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        foreach (var route in All)
        {
            // HEAD wherever GET is, as HTTP asks of every server (and the real v1, a Rails app, did): Kestrel sends
            // the headers GET would, Content-Length included, and drops the body.
            endpoints.MapMethods(route.Template, route.Method == "GET" ? ["GET", "HEAD"] : [route.Method], Handle(route.Handler));
        }
    }

    /// <summary>
    /// The route a request will reach ("PUT /v1/tags", "GET /contacts/{contact_id}"), or null for any other path, so
    /// what is counted by name stays bounded whatever paths arrive (a HEAD as its GET). Literal segments compare ignoring case, and a
    /// literal route wins over one with parameters (/contacts/search is not a contact id).
    /// </summary>
    public static string? RouteOf(string method, string path)
    {
        method = method == "HEAD" ? "GET" : method; // a HEAD is its GET without the body, counted and faulted as one
        var trimmed = path.Trim('/');
        if (Literal.TryGetValue(method + " /" + trimmed.ToLowerInvariant(), out var name))
        {
            return name;
        }

        var segments = trimmed.Split('/');
        foreach (var (routeMethod, template, routeName) in Parameterized)
        {
            if (routeMethod == method && template.Length == segments.Length && Matches(template, segments))
            {
                return routeName;
            }
        }

        return null;
    }

    /// <summary>Wraps a handler as a plain RequestDelegate: no reflection-based parameter binding.</summary>
    public static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);

    private static bool Matches(string[] template, string[] segments)
    {
        for (var i = 0; i < template.Length; i++)
        {
            var matches = template[i].StartsWith('{') ? segments[i].Length > 0 : string.Equals(template[i], segments[i], StringComparison.OrdinalIgnoreCase);
            if (!matches)
            {
                return false;
            }
        }

        return true;
    }
}
