using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Emulator.Endpoints;
using IntercomPS.Emulator.Endpoints.V2;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Inspector;

/// <summary>
/// What the inspector's data views show of an app, read from the one store through the calls the API faces make
/// (its searches, its records), never SQL of its own. Each resource is one entry of <see cref="Resources"/>: its name
/// (the URL segment and the view of the same name in inspector.js), how to list it and, if it has one, how to show
/// one item. A list answers {items, total, next}: next is the cursor of the following page, as the 2.x face pages.
/// Adding a resource the store gains is one entry here and one in inspector.js's views.
/// </summary>
internal static class InspectorViews
{
    private const int PerPage = 25;

    public static IReadOnlyDictionary<string, InspectorResource> Resources { get; } = new Dictionary<string, InspectorResource>(StringComparer.Ordinal)
    {
        ["contacts"] = new(ListContactsAsync, ShowContactAsync),
        ["tags"] = new(ListTagsAsync, null),
        ["conversations"] = new(ListConversationsAsync, ShowConversationAsync),
        ["admins"] = new(ListAdminsAsync, null),
        ["teams"] = new(ListTeamsAsync, null),
        ["companies"] = new(ListCompaniesAsync, ShowCompanyAsync),
        ["segments"] = new(ListSegmentsAsync, null), // a segment's members: the contact list's ?segment_id=
        ["subscription_types"] = new(ListSubscriptionTypesAsync, null), // a contact's choices: on its page
        ["ticket_types"] = new(ListTicketTypesAsync, null),
        ["data_attributes"] = new(ListAttributesAsync, null),
        ["events"] = new(ListEventsAsync, null),
    };

    /// <summary>
    /// Newest first; ?q= matches name, email, external id or phone (contains, any case) or the exact id; ?tag_id= one
    /// tag's contacts, ?segment_id= one segment's members.
    /// </summary>
    private static async Task<Writes> ListContactsAsync(InspectorRequest request)
    {
        var q = Input.Query(request.Query, "q")?.Trim();
        var tag = Input.Query(request.Query, "tag_id");
        var segment = Input.Query(request.Query, "segment_id");
        var search = Build(w =>
        {
            w.WriteStartObject("query");
            w.WriteString("operator", "AND");
            w.WriteStartArray("value");
            Filter(w, "id", "!=", ""); // every contact: the store's searches need a filter
            if (tag is not null)
            {
                Filter(w, "tag_id", "=", tag);
            }

            if (segment is not null)
            {
                Filter(w, "segment_id", "=", segment);
            }

            if (q is { Length: > 0 })
            {
                w.WriteStartObject();
                w.WriteString("operator", "OR");
                w.WriteStartArray("value");
                foreach (var field in new[] { "name", "email", "external_id", "phone" })
                {
                    Filter(w, field, "~", q);
                }

                Filter(w, "id", "=", q);
                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            Sort(w, "created_at");
        });
        var page = await request.Store.SearchContactsAsync(ContactSearch.Contacts(search, request.TimeZone), PerPage, Input.Query(request.Query, "starting_after"));
        return w => Page(w, page.Contacts, page.TotalCount, page.Next, c => ContactSummary(w, c));
    }

    /// <summary>Everything the store holds about one contact: its attributes as 2.x shows them, tags, notes, conversations, events, companies, segments.</summary>
    private static async Task<Writes> ShowContactAsync(InspectorRequest request, string id)
    {
        var store = request.Store;
        var contact = await store.GetContactAsync(id);
        var notes = await store.ListNotesAsync(id);
        var conversations = await store.SearchConversationsAsync(
            ContactSearch.Conversations(Build(w => { w.WritePropertyName("query"); Filter(w, "contact_ids", "=", id); Sort(w, "id"); })), Face.MaxPerPage, null);
        var events = await store.ListEventsAsync(contact);
        var inbox = await Inbox.ReadAsync(store);
        var companies = await store.ListContactCompaniesAsync(id);
        var segments = await store.ListContactSegmentsAsync(id);
        var subscriptions = await store.ListContactSubscriptionsAsync(id);
        return w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("contact");
            Writer.Contact(w, contact, request.App);
            w.WriteStartArray("tags");
            foreach (var tag in contact.Tags)
            {
                Tag(w, tag.Tag);
            }

            w.WriteEndArray();
            w.WriteStartArray("notes");
            foreach (var note in notes)
            {
                w.WriteStartObject();
                w.WriteString("id", Face.ToString(note.Id));
                w.WriteNumber("created_at", note.CreatedAt ?? 0);
                w.WriteString("body", Html.PlainText(note.Html));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("conversations");
            foreach (var conversation in conversations.Conversations)
            {
                ConversationSummary(w, conversation, inbox);
            }

            w.WriteEndArray();
            w.WriteNumber("conversations_total", conversations.TotalCount);
            w.WriteStartArray("events");
            foreach (var e in events)
            {
                w.WriteStartObject();
                w.WriteString("event_name", e.EventName);
                w.WriteNumber("created_at", e.CreatedAt);
                w.WritePropertyName("metadata");
                w.WriteRawValue(e.Metadata, skipInputValidation: true);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("companies");
            foreach (var company in companies)
            {
                CompanySummary(w, company);
            }

            w.WriteEndArray();
            w.WriteStartArray("segments");
            foreach (var segment in segments)
            {
                Segment(w, segment);
            }

            w.WriteEndArray();
            w.WriteStartArray("subscriptions"); // the types the contact chose about: opted out of (opt_out) or into (opt_in)
            foreach (var type in subscriptions)
            {
                SubscriptionType(w, type);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        };
    }

    private static async Task<Writes> ListTagsAsync(InspectorRequest request)
    {
        var tags = await request.Store.ListTagsAsync();
        return w => Page(w, tags, tags.Count, null, t => Tag(w, t));
    }

    /// <summary>Newest first.</summary>
    private static async Task<Writes> ListConversationsAsync(InspectorRequest request)
    {
        var search = Build(w => { w.WritePropertyName("query"); Filter(w, "id", "!=", ""); Sort(w, "id"); });
        var page = await request.Store.SearchConversationsAsync(ContactSearch.Conversations(search), PerPage, Input.Query(request.Query, "starting_after"));
        var inbox = await Inbox.ReadAsync(request.Store);
        return w => Page(w, page.Conversations, page.TotalCount, page.Next, c => ConversationSummary(w, c, inbox));
    }

    /// <summary>
    /// A conversation with every part as the team inbox stores it: its type (comment, note, close, open, snoozed,
    /// assignment...), its author named, whom an assignment went to, its words as text.
    /// </summary>
    private static async Task<Writes> ShowConversationAsync(InspectorRequest request, string id)
    {
        var conversation = await request.Store.GetConversationAsync(long.TryParse(id, out var number) ? number : throw ApiError.NotFound($"No conversation '{id}'"));
        var inbox = await Inbox.ReadAsync(request.Store);
        return w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("conversation");
            ConversationSummary(w, conversation, inbox);
            w.WriteStartArray("parts");
            foreach (var message in conversation.Messages)
            {
                w.WriteStartObject();
                w.WriteString("id", Face.ToString(message.Id));
                w.WriteString("type", message.PartType);
                w.WriteString("author_type", message.FromAdmin ? "admin" : conversation.ContactOf(message).Role);
                w.WriteString("author", message.FromAdmin ? inbox.Admin(message.AdminId) : Name(conversation.ContactOf(message)));
                if (message.AssignedTo is { } assigned)
                {
                    w.WriteString("assigned_to", inbox.Assignee(assigned));
                }

                w.WriteNumber("created_at", message.CreatedAt);
                w.WriteString("body", Html.PlainText(message.Html));
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        };
    }

    /// <summary>The app's admins, its first (whose token the app's key is) first, each with its away status and teams.</summary>
    private static async Task<Writes> ListAdminsAsync(InspectorRequest request)
    {
        var inbox = await Inbox.ReadAsync(request.Store);
        return w => Page(w, inbox.Admins, inbox.Admins.Count, null, a =>
        {
            w.WriteStartObject();
            w.WriteString("id", a.Id);
            w.WriteString("name", a.Name);
            w.WriteString("email", a.Email);
            w.WriteBoolean("away", a.Away);
            w.WriteBoolean("reassign", a.Reassign);
            w.WriteString("teams", string.Join(", ", (a.TeamIds ?? []).Select(inbox.Team)));
            w.WriteEndObject();
        });
    }

    private static async Task<Writes> ListTeamsAsync(InspectorRequest request)
    {
        var inbox = await Inbox.ReadAsync(request.Store);
        return w => Page(w, inbox.Teams, inbox.Teams.Count, null, t =>
        {
            w.WriteStartObject();
            w.WriteString("id", Face.ToString(t.Id));
            w.WriteString("name", t.Name);
            w.WriteString("members", string.Join(", ", t.AdminIds.Select(id => inbox.Admin(id))));
            w.WriteNumber("member_count", t.AdminIds.Count);
            w.WriteEndObject();
        });
    }

    /// <summary>Newest first, 25 a page, numbered as the store pages companies (the cursor is the next page's number).</summary>
    private static async Task<Writes> ListCompaniesAsync(InspectorRequest request)
    {
        var number = Input.QueryNumber(request.Query, "starting_after") is { } after and > 1 ? (int)Math.Min(after, int.MaxValue) : 1;
        var page = await request.Store.ListCompaniesAsync(number, PerPage, descending: true);
        var next = (long)number * PerPage < page.TotalCount ? Face.ToString(number + 1) : null;
        return w => Page(w, page.Companies, page.TotalCount, next, c => CompanySummary(w, c));
    }

    /// <summary>A company's attributes, custom ones too, its tags, and its contacts (the first <see cref="Face.MaxPerPage"/>, with how many in all).</summary>
    private static async Task<Writes> ShowCompanyAsync(InspectorRequest request, string id)
    {
        var company = await request.Store.GetCompanyAsync(id);
        var contacts = await request.Store.ListCompanyContactsAsync(id, 1, Face.MaxPerPage);
        return w =>
        {
            w.WriteStartObject();
            w.WritePropertyName("company");
            CompanySummary(w, company);
            w.WritePropertyName("custom_attributes");
            w.WriteRawValue(company.CustomAttributes, skipInputValidation: true);
            w.WriteStartArray("tags");
            foreach (var tag in company.Tags)
            {
                Tag(w, tag);
            }

            w.WriteEndArray();
            w.WriteStartArray("contacts");
            foreach (var contact in contacts.Contacts)
            {
                ContactSummary(w, contact);
            }

            w.WriteEndArray();
            w.WriteNumber("contacts_total", contacts.TotalCount);
            w.WriteEndObject();
        };
    }

    private static async Task<Writes> ListSegmentsAsync(InspectorRequest request)
    {
        var segments = await request.Store.ListSegmentsAsync();
        return w => Page(w, segments, segments.Count, null, g => Segment(w, g));
    }

    private static async Task<Writes> ListSubscriptionTypesAsync(InspectorRequest request)
    {
        var types = await request.Store.ListSubscriptionTypesAsync();
        return w => Page(w, types, types.Count, null, t => SubscriptionType(w, t));
    }

    private static void SubscriptionType(Utf8JsonWriter w, SubscriptionTypeRecord t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("name", t.Name);
        w.WriteString("description", t.Description);
        w.WriteString("consent_type", t.ConsentType);
        w.WriteString("content_types", string.Join(", ", t.ContentTypes));
        w.WriteString("state", t.State);
        w.WriteEndObject();
    }

    private static async Task<Writes> ListTicketTypesAsync(InspectorRequest request)
    {
        var types = await request.Store.ListTicketTypesAsync();
        return w => Page(w, types, types.Count, null, t =>
        {
            w.WriteStartObject();
            w.WriteString("id", t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            w.WriteString("name", $"{t.Icon} {t.Name}");
            w.WriteString("category", t.Category);
            w.WriteString("description", t.Description);
            w.WriteString("attributes", string.Join(", ", t.Attributes.Select(a => a.Archived ? $"{a.Name} ({a.DataType}, archived)" : $"{a.Name} ({a.DataType})")));
            w.WriteBoolean("archived", t.Archived);
            w.WriteNumber("created_at", t.CreatedAt);
            w.WriteEndObject();
        });
    }

    /// <summary>Every model's attributes (contact, company), the archived ones too, as the store lists them.</summary>
    private static async Task<Writes> ListAttributesAsync(InspectorRequest request)
    {
        var attributes = await request.Store.ListAttributesAsync(model: null, includeArchived: true);
        return w => Page(w, attributes, attributes.Count, null, a =>
        {
            w.WriteStartObject();
            w.WriteString("model", a.Model);
            w.WriteString("name", a.Name);
            w.WriteString("data_type", a.DataType);
            w.WriteBoolean("custom", a.Custom);
            w.WriteBoolean("archived", a.Archived);
            w.WriteString("options", string.Join(", ", a.Options ?? []));
            w.WriteString("description", a.Description ?? "");
            if (a.CreatedAt is { } created)
            {
                w.WriteNumber("created_at", created);
            }

            w.WriteEndObject();
        });
    }

    /// <summary>Newest first, each with its contact; paged by event id.</summary>
    private static async Task<Writes> ListEventsAsync(InspectorRequest request)
    {
        var before = Input.QueryNumber(request.Query, "starting_after");
        var (events, total) = await request.Store.ListAppEventsAsync(PerPage + 1, before);
        var next = events.Count > PerPage ? Face.ToString(events[PerPage - 1].Id) : null;
        return w => Page(w, events.Take(PerPage), total, next, e =>
        {
            w.WriteStartObject();
            w.WriteString("id", Face.ToString(e.Id));
            w.WriteString("event_name", e.Event.EventName);
            w.WriteString("contact", e.Contact);
            w.WriteString("contact_id", e.ContactId);
            w.WriteNumber("created_at", e.Event.CreatedAt);
            w.WriteString("metadata", e.Event.Metadata);
            w.WriteEndObject();
        });
    }

    private static void ContactSummary(Utf8JsonWriter w, ContactRecord c)
    {
        var u = c.User;
        w.WriteStartObject();
        w.WriteString("id", u.IntercomId);
        w.WriteString("role", c.Role);
        w.WriteString("name", u.Name);
        w.WriteString("email", u.Email);
        w.WriteString("external_id", u.UserId);
        w.WriteString("tags", string.Join(", ", c.Tags.Select(t => t.Tag.Name)));
        w.WriteNumber("notes", c.NoteCount);
        w.WriteBoolean("archived", c.Archived);
        w.WriteNumber("created_at", u.CreatedAt ?? 0);
        w.WriteNumber("updated_at", c.UpdatedAt);
        w.WriteEndObject();
    }

    private static void CompanySummary(Utf8JsonWriter w, CompanyRecord c)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        w.WriteString("company_id", c.CompanyId);
        w.WriteString("name", c.Name);
        w.WriteString("plan", c.Plan);
        w.WriteString("industry", c.Industry);
        w.WriteString("website", c.Website);
        if (c.Size is { } size)
        {
            w.WriteNumber("size", size);
        }

        w.WriteNumber("monthly_spend", c.MonthlySpend);
        w.WriteNumber("contacts", c.UserCount);
        w.WriteNumber("created_at", c.CreatedAt);
        w.WriteNumber("updated_at", c.UpdatedAt);
        w.WriteEndObject();
    }

    private static void Segment(Utf8JsonWriter w, SegmentRecord g)
    {
        w.WriteStartObject();
        w.WriteString("id", g.Id);
        w.WriteString("name", g.Name);
        w.WriteString("person_type", g.PersonType);
        w.WriteNumber("members", g.Count);
        w.WriteNumber("created_at", g.CreatedAt);
        w.WriteNumber("updated_at", g.UpdatedAt);
        w.WriteEndObject();
    }

    /// <summary>A conversation's row: assignee is its admin's and team's names joined, or null when neither is assigned.</summary>
    private static void ConversationSummary(Utf8JsonWriter w, ConversationRecord c, Inbox inbox)
    {
        w.WriteStartObject();
        w.WriteString("id", Face.ToString(c.Id));
        w.WriteString("contact", Name(c.Contact));
        w.WriteString("contact_id", c.Contact.User.IntercomId);
        w.WriteString("state", c.State);
        if (c.SnoozedUntil is { } snoozed)
        {
            w.WriteNumber("snoozed_until", snoozed);
        }

        w.WriteBoolean("read", c.Read);
        var admin = c.AdminAssigneeId is { } adminId ? inbox.Admin(adminId) : null;
        var team = c.TeamAssigneeId is { } teamId ? inbox.Team(teamId) : null;
        w.WriteString("admin_assignee", admin);
        w.WriteString("team_assignee", team);
        w.WriteString("assignee", admin is null && team is null ? null : string.Join(" · ", new[] { admin, team }.OfType<string>()));
        w.WriteString("tags", string.Join(", ", (c.Tags ?? []).Select(t => t.Tag.Name)));
        w.WriteNumber("parts", c.Messages.Count);
        w.WriteString("first_message", c.Messages.Count > 0 ? Html.PlainText(c.Messages[0].Html) : "");
        w.WriteNumber("created_at", c.CreatedAt);
        w.WriteNumber("updated_at", c.UpdatedAt);
        w.WriteEndObject();
    }

    private static void Tag(Utf8JsonWriter w, TagRecord tag)
    {
        w.WriteStartObject();
        w.WriteString("id", Face.ToString(tag.NumericId));
        w.WriteString("name", tag.Name);
        w.WriteString("color", tag.Color);
        w.WriteNumber("contacts", tag.TaggedUserCount);
        w.WriteEndObject();
    }

    private static string Name(ContactRecord c) => c.User.Name ?? c.User.Email ?? c.User.UserId ?? c.User.IntercomId;

    private static void Page<T>(Utf8JsonWriter w, IEnumerable<T> items, long total, string? next, Action<T> item)
    {
        w.WriteStartObject();
        w.WriteStartArray("items");
        foreach (var i in items)
        {
            item(i);
        }

        w.WriteEndArray();
        w.WriteNumber("total", total);
        w.WriteString("next", next);
        w.WriteEndObject();
    }

    private static void Filter(Utf8JsonWriter w, string field, string op, string value)
    {
        w.WriteStartObject();
        w.WriteString("field", field);
        w.WriteString("operator", op);
        w.WriteString("value", value);
        w.WriteEndObject();
    }

    private static void Sort(Utf8JsonWriter w, string field)
    {
        w.WriteStartObject("sort");
        w.WriteString("field", field);
        w.WriteString("order", "descending");
        w.WriteEndObject();
    }

    /// <summary>A search body as the 2.x face receives one, so the store's own search translates it.</summary>
    private static JsonElement Build(Action<Utf8JsonWriter> fields)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            fields(w);
            w.WriteEndObject();
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }
}

/// <summary>An app's admins and teams, read once per view, to name a conversation's assignees and its parts' authors.</summary>
internal sealed record Inbox(IReadOnlyList<AdminRecord> Admins, IReadOnlyList<TeamRecord> Teams)
{
    public static async Task<Inbox> ReadAsync(AppStore store) => new(await store.ListAdminsAsync(), await store.ListTeamsAsync());

    /// <summary>An admin's name; a part with no admin id is the app's first admin's (as the 2.x face shows it).</summary>
    public string Admin(string? id) => (id is null ? Admins[0] : Admins.FirstOrDefault(a => a.Id == id))?.Name ?? $"admin {id}";

    public string Team(long id) => Teams.FirstOrDefault(t => t.Id == id)?.Name ?? $"team {id}";

    /// <summary>Whom an assignment part went to: "admin:ID", "team:ID" or "nobody", as the store keeps it.</summary>
    public string Assignee(string assigned) => assigned.Split(':') switch
    {
        ["admin", var id] => Admin(id),
        ["team", var id] when long.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var team) => Team(team),
        _ => "nobody",
    };
}

/// <summary>Writes an answer's JSON.</summary>
internal delegate void Writes(Utf8JsonWriter w);

/// <summary>One resource the inspector shows: how to list it, and how to show one item (null: the list says all).</summary>
internal sealed record InspectorResource(Func<InspectorRequest, Task<Writes>> List, Func<InspectorRequest, string, Task<Writes>>? Show);

/// <summary>A view's request: the app's store, its id and time zone, and the query string (q, tag_id, starting_after).</summary>
internal sealed record InspectorRequest(AppStore Store, string App, TimeZoneInfo TimeZone, IQueryCollection Query);
