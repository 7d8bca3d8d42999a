using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// The 2.14 answers, written with Utf8JsonWriter in the field order of the description's examples. Ids are
/// strings, timestamps UNIX seconds; what the emulator does not store is written as the API writes an unset value.
/// </summary>
internal static class Writer
{
    public static void ErrorList(Utf8JsonWriter w, string? requestId, string code, string message, string? field)
    {
        w.WriteStartObject();
        w.WriteString("type", "error.list");
        w.WriteString("request_id", requestId);
        w.WriteStartArray("errors");
        w.WriteStartObject();
        w.WriteString("code", code);
        w.WriteString("message", message);
        if (field is not null)
        {
            w.WriteString("field", field);
        }

        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>
    /// An admin as <paramref name="model"/>'s version shows it; on GET /me also its avatar and the app (workspace): id,
    /// time zone and when it was created.
    /// </summary>
    public static void Admin(Utf8JsonWriter w, AdminRecord admin, ApiModel model, string? app = null, string? timeZone = null, long appCreatedAt = 0)
    {
        w.WriteStartObject();
        w.WriteString("type", "admin");
        w.WriteString("id", admin.Id);
        w.WriteString("name", admin.Name);
        w.WriteString("email", admin.Email);
        w.WriteString("job_title", "");
        w.WriteBoolean("away_mode_enabled", admin.Away);
        w.WriteBoolean("away_mode_reassign", admin.Reassign);
        w.WriteBoolean("has_inbox_seat", true);
        if (model.AwayReasons)
        {
            Nullable(w, "away_status_reason_id", admin.AwayReasonId);
        }

        w.WriteStartArray("team_ids");
        foreach (var team in admin.TeamIds ?? [])
        {
            w.WriteNumberValue(team);
        }

        w.WriteEndArray();
        if (app is null)
        {
            w.WriteNull("avatar");
        }
        else
        {
            // /me: the admin with its avatar object, verified email and the app (workspace) the token belongs to.
            w.WriteStartObject("avatar");
            w.WriteString("type", "avatar");
            w.WriteNull("image_url");
            w.WriteEndObject();
            w.WriteBoolean("email_verified", true);
            w.WriteStartObject("app");
            w.WriteString("type", "app");
            w.WriteString("id_code", app);
            w.WriteString("name", app);
            w.WriteString("region", "US");
            w.WriteString("timezone", timeZone);
            w.WriteNumber("created_at", appCreatedAt);
            w.WriteBoolean("identity_verification", false);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>The most tag references a contact carries inline (contact_tags: "Up to 10 will be displayed here").</summary>
    public const int InlinedTags = ContactRecord.InlinedReferences;

    /// <summary>A contact: the user's row as 2.14 names it, with what only 2.14 stores.</summary>
    /// <remarks>
    /// Every answer to a contact write or read writes this, so its names and constant values are encoded once
    /// (<see cref="N"/>) rather than transcoded and escape-checked on every call; the bytes are the same.
    /// </remarks>
    public static void Contact(Utf8JsonWriter w, ContactRecord c, string workspace)
    {
        var u = c.User;
        var url = "/contacts/" + u.IntercomId;
        w.WriteStartObject();
        w.WriteString(N.Type, N.Contact);
        w.WriteString(N.Id, u.IntercomId);
        w.WriteString(N.WorkspaceId, workspace);
        w.WriteString(N.ExternalId, u.UserId);
        w.WriteString(N.Role, c.Role);
        w.WriteString(N.Email, u.Email ?? ""); // the API writes "" for a contact without an email
        w.WriteString(N.EmailDomain, u.Email is { } email && email.IndexOf('@', StringComparison.Ordinal) is var at and >= 0 ? email.AsSpan(at + 1) : "");
        w.WriteString(N.Phone, c.Phone);
        w.WriteString(N.Name, u.Name);
        w.WriteNull(N.OwnerId);
        w.WriteBoolean(N.HasHardBounced, false);
        w.WriteBoolean(N.MarkedEmailAsSpam, false);
        w.WriteBoolean(N.UnsubscribedFromEmails, u.UnsubscribedFromEmails);
        w.WriteNumber(N.CreatedAt, u.CreatedAt ?? 0);
        w.WriteNumber(N.UpdatedAt, c.UpdatedAt);
        w.WriteNumber(N.SignedUpAt, u.CreatedAt ?? 0);
        if (u.LastImpressionAt is { } lastSeen)
        {
            w.WriteNumber(N.LastSeenAt, lastSeen);
        }
        else
        {
            w.WriteNull(N.LastSeenAt);
        }

        foreach (var unset in N.UnsetTimes)
        {
            w.WriteNull(unset);
        }

        w.WriteString(N.Browser, u.LastSeenUserAgent);
        foreach (var unset in N.UnsetClient)
        {
            w.WriteNull(unset);
        }

        w.WriteStartObject(N.Location);
        w.WriteString(N.Type, N.Location);
        foreach (var part in N.LocationParts)
        {
            w.WriteNull(part);
        }

        w.WriteEndObject();
        foreach (var unset in N.UnsetMobile)
        {
            w.WriteNull(unset);
        }

        w.WriteNull(N.Avatar);
        w.WritePropertyName(N.CustomAttributes);
        w.WriteRawValue(u.CustomData, skipInputValidation: true);
        // As the description shapes it: up to 10 references (no names), the whole count, and has_more for the rest,
        // which GET /contacts/{id}/tags lists.
        w.WriteStartObject(N.Tags);
        w.WriteString(N.Type, N.List);
        w.WriteStartArray(N.Data);
        for (var i = 0; i < c.Tags.Count && i < InlinedTags; i++)
        {
            var id = Face.ToString(c.Tags[i].Tag.NumericId);
            w.WriteStartObject();
            w.WriteString(N.Type, N.Tag);
            w.WriteString(N.Id, id);
            w.WriteString(N.Url, "/tags/" + id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString(N.Url, url + "/tags");
        w.WriteNumber(N.TotalCount, c.Tags.Count);
        w.WriteBoolean(N.HasMore, c.Tags.Count > InlinedTags);
        w.WriteEndObject();
        References(w, N.Notes, url + "/notes", c.NoteCount, c.FirstNoteIds, "note", "/notes/");
        References(w, N.Companies, url + "/companies", c.CompanyCount, c.FirstCompanyIds, "company", "/companies/");
        w.WriteStartObject(N.SocialProfiles);
        w.WriteString(N.Type, N.List);
        w.WriteStartArray(N.Data);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteNull(N.EnabledPushMessaging);
        w.WriteEndObject();
    }

    /// <summary>A contact's notes or companies: its first ones as references, the count, and has_more for the rest, which the url lists.</summary>
    private static void References(Utf8JsonWriter w, JsonEncodedText name, string url, long count, IReadOnlyList<string>? first, string type, string itemUrl)
    {
        w.WriteStartObject(name);
        w.WriteString(N.Type, N.List);
        w.WriteStartArray(N.Data);
        foreach (var id in first ?? [])
        {
            w.WriteStartObject();
            w.WriteString(N.Type, type);
            w.WriteString(N.Id, id);
            w.WriteString(N.Url, itemUrl + id);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteString(N.Url, url);
        w.WriteNumber(N.TotalCount, count);
        w.WriteBoolean(N.HasMore, count > (first?.Count ?? 0));
        w.WriteEndObject();
    }

    /// <summary>The contact's names and constant values, encoded once.</summary>
    private static class N
    {
        public static readonly JsonEncodedText Type = E("type"), Id = E("id"), Url = E("url"), Data = E("data"), TotalCount = E("total_count"), HasMore = E("has_more");
        public static readonly JsonEncodedText Contact = E("contact"), List = E("list"), Tag = E("tag"), Location = E("location");
        public static readonly JsonEncodedText WorkspaceId = E("workspace_id"), ExternalId = E("external_id"), Role = E("role"), Email = E("email"), EmailDomain = E("email_domain");
        public static readonly JsonEncodedText Phone = E("phone"), Name = E("name"), OwnerId = E("owner_id"), HasHardBounced = E("has_hard_bounced"), MarkedEmailAsSpam = E("marked_email_as_spam");
        public static readonly JsonEncodedText UnsubscribedFromEmails = E("unsubscribed_from_emails"), CreatedAt = E("created_at"), UpdatedAt = E("updated_at"), SignedUpAt = E("signed_up_at");
        public static readonly JsonEncodedText LastSeenAt = E("last_seen_at"), Browser = E("browser"), Avatar = E("avatar"), CustomAttributes = E("custom_attributes");
        public static readonly JsonEncodedText Tags = E("tags"), Notes = E("notes"), Companies = E("companies"), SocialProfiles = E("social_profiles");
        public static readonly JsonEncodedText[] UnsetTimes = [.. new[] { "last_replied_at", "last_contacted_at", "last_email_opened_at", "last_email_clicked_at", "language_override" }.Select(E)];
        public static readonly JsonEncodedText[] UnsetClient = [.. new[] { "browser_version", "browser_language", "os" }.Select(E)];
        public static readonly JsonEncodedText EnabledPushMessaging = E("enabled_push_messaging");

        /// <summary>What the mobile SDKs report, which no contact here has: null, as the API sends it.</summary>
        public static readonly JsonEncodedText[] UnsetMobile = [.. new[] { "android", "ios" }.SelectMany(os =>
            new[] { "app_name", "app_version", "device", "os_version", "sdk_version", "last_seen_at" }.Select(field => E($"{os}_{field}")))];
        public static readonly JsonEncodedText[] LocationParts = [.. new[] { "country", "region", "city", "country_code", "continent_code" }.Select(E)];

        private static JsonEncodedText E(string text) => JsonEncodedText.Encode(text);
    }

    public static void ContactList(Utf8JsonWriter w, ContactPage page, string workspace)
    {
        w.WriteStartObject();
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var contact in page.Contacts)
        {
            Contact(w, contact, workspace);
        }

        w.WriteEndArray();
        w.WriteNumber("total_count", page.TotalCount);
        Pages(w, page.Page, page.PerPage, page.TotalCount, page.Next);
        w.WriteEndObject();
    }

    public static void Pages(Utf8JsonWriter w, int page, int perPage, long total, string? next)
    {
        w.WriteStartObject("pages");
        w.WriteString("type", "pages");
        if (next is not null)
        {
            w.WriteStartObject("next");
            w.WriteNumber("per_page", perPage);
            w.WriteString("starting_after", next);
            w.WriteEndObject();
        }

        w.WriteNumber("page", page);
        w.WriteNumber("per_page", perPage);
        w.WriteNumber("total_pages", (total + perPage - 1) / perPage);
        w.WriteEndObject();
    }

    /// <summary>The short form delete and archive answer with: type, id, external_id and one flag.</summary>
    public static void ContactReference(Utf8JsonWriter w, ContactRecord c, string flag, bool value)
    {
        w.WriteStartObject();
        w.WriteString("id", c.User.IntercomId);
        w.WriteString("external_id", c.User.UserId);
        w.WriteString("type", "contact");
        w.WriteBoolean(flag, value);
        w.WriteEndObject();
    }

    public static void Tag(Utf8JsonWriter w, TagRecord tag)
    {
        w.WriteStartObject();
        w.WriteString("type", "tag");
        w.WriteString("id", Face.ToString(tag.NumericId));
        w.WriteString("name", tag.Name);
        w.WriteEndObject();
    }

    /// <summary>A tag on a contact or a conversation: the tag, when it was applied and by which admin (null where not known).</summary>
    public static void AppliedTag(Utf8JsonWriter w, AppliedTag applied)
    {
        w.WriteStartObject();
        w.WriteString("type", "tag");
        w.WriteString("id", Face.ToString(applied.Tag.NumericId));
        w.WriteString("name", applied.Tag.Name);
        Nullable(w, "applied_at", applied.AppliedAt);
        if (applied.AdminId is { } admin)
        {
            w.WriteStartObject("applied_by");
            w.WriteString("type", "admin");
            w.WriteString("id", admin);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("applied_by");
        }

        w.WriteEndObject();
    }

    public static void Team(Utf8JsonWriter w, TeamRecord team)
    {
        w.WriteStartObject();
        w.WriteString("type", "team");
        w.WriteString("id", Face.ToString(team.Id));
        w.WriteString("name", team.Name);
        w.WriteStartArray("admin_ids");
        foreach (var admin in team.AdminIds)
        {
            w.WriteNumberValue(long.Parse(admin, System.Globalization.CultureInfo.InvariantCulture));
        }

        w.WriteEndArray();
        w.WriteNull("assignment_limit");
        w.WriteString("distribution_method", "round_robin");
        w.WriteEndObject();
    }

    public static void TagList(Utf8JsonWriter w, IEnumerable<TagRecord> tags) => List(w, tags, Tag);

    /// <summary>A contact's tags (GET /contacts/{id}/tags), each as applied.</summary>
    public static void TagList(Utf8JsonWriter w, IEnumerable<AppliedTag> tags) => List(w, tags, AppliedTag);

    private static void List<T>(Utf8JsonWriter w, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        w.WriteStartObject();
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var item in items)
        {
            write(w, item);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void Note(Utf8JsonWriter w, NoteRecord note, AdminRecord author, ApiModel model)
    {
        w.WriteStartObject();
        w.WriteString("type", "note");
        w.WriteString("id", Face.ToString(note.Id));
        w.WriteNumber("created_at", note.CreatedAt ?? 0);
        var (about, id) = note.Company is { } company ? ("company", company.Id) : ("contact", note.User!.IntercomId);
        w.WriteStartObject(about); // 2.16: "attached to either a contact or a company, never both"
        w.WriteString("type", about);
        w.WriteString("id", id);
        w.WriteEndObject();
        w.WritePropertyName("author");
        Admin(w, author, model);
        w.WriteString("body", note.Html);
        w.WriteEndObject();
    }

    public static void DataAttribute(Utf8JsonWriter w, DataAttributeRecord a)
    {
        w.WriteStartObject();
        w.WriteString("type", "data_attribute");
        if (a.Id is { } id)
        {
            w.WriteNumber("id", id);
        }

        w.WriteString("name", a.Name);
        w.WriteString("full_name", a.Custom && a.Model == "contact" ? "custom_attributes." + a.Name : a.Name);
        w.WriteString("label", a.Name);
        w.WriteString("description", a.Description ?? "");
        w.WriteString("data_type", a.DataType);
        if (a.Options is { } options)
        {
            w.WriteStartArray("options");
            foreach (var option in options)
            {
                w.WriteStringValue(option);
            }

            w.WriteEndArray();
        }

        w.WriteBoolean("api_writable", true);
        w.WriteBoolean("messenger_writable", false);
        w.WriteBoolean("ui_writable", true);
        w.WriteBoolean("custom", a.Custom);
        w.WriteBoolean("archived", a.Archived);
        if (a.CreatedAt is { } created)
        {
            w.WriteNumber("created_at", created);
            w.WriteNumber("updated_at", a.UpdatedAt ?? created);
        }

        w.WriteString("model", a.Model);
        w.WriteEndObject();
    }

    /// <summary>A ticket's or conversation's linked_objects: the linked_object_list of the first 1,000, as the description says the list holds.</summary>
    public static void LinkedObjects(Utf8JsonWriter w, IReadOnlyList<TicketLink> links)
    {
        w.WriteStartObject("linked_objects");
        w.WriteString("type", "list");
        w.WriteStartArray("data");
        foreach (var link in links.Take(1000))
        {
            LinkedObject(w, link);
        }

        w.WriteEndArray();
        w.WriteNumber("total_count", links.Count);
        w.WriteBoolean("has_more", links.Count > 1000);
        w.WriteEndObject();
    }

    /// <summary>A linked_object: a ticket (with its category) or a conversation.</summary>
    private static void LinkedObject(Utf8JsonWriter w, TicketLink link)
    {
        w.WriteStartObject();
        w.WriteString("type", link.Type);
        w.WriteString("id", link.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (link.Category is not null)
        {
            w.WriteString("category", link.Category);
        }

        w.WriteEndObject();
    }

    public static void ConversationList(Utf8JsonWriter w, ConversationPage page, ConversationView view)
    {
        w.WriteStartObject();
        w.WriteString("type", "conversation.list");
        w.WriteStartArray("conversations");
        foreach (var conversation in page.Conversations)
        {
            Conversation(w, conversation, view, withParts: false);
        }

        w.WriteEndArray();
        w.WriteNumber("total_count", page.TotalCount);
        Pages(w, page.Page, page.PerPage, page.TotalCount, page.Next);
        w.WriteEndObject();
    }

    /// <summary>
    /// The first message is the source (a user's, when the contact started it); the rest are conversation_parts,
    /// in order. Lists leave the parts out, as Intercom's list does.
    /// </summary>
    public static void Conversation(Utf8JsonWriter w, ConversationRecord c, ConversationView view, bool withParts = true)
    {
        w.WriteStartObject();
        w.WriteString("type", "conversation");
        w.WriteString("id", Face.ToString(c.Id));
        w.WriteString("title", c.Title); // null when untitled
        w.WriteNumber("created_at", c.CreatedAt);
        w.WriteNumber("updated_at", c.UpdatedAt);
        Nullable(w, "waiting_since", c.WaitingSince);
        Nullable(w, "snoozed_until", c.SnoozedUntil);
        w.WriteBoolean("open", c.State != "closed");
        w.WriteString("state", c.State);
        w.WriteBoolean("read", c.Read);
        w.WriteString("priority", view.Model.UnsetPriority);
        Nullable(w, "admin_assignee_id", c.AdminAssigneeId is { } adminAssignee ? long.Parse(adminAssignee, System.Globalization.CultureInfo.InvariantCulture) : view.Model.UnassignedId);
        Nullable(w, "team_assignee_id", c.TeamAssigneeId ?? view.Model.UnassignedId);
        w.WriteStartObject("tags");
        w.WriteString("type", "tag.list");
        w.WriteStartArray("tags");
        foreach (var tag in c.Tags ?? [])
        {
            AppliedTag(w, tag);
        }

        w.WriteEndArray();
        w.WriteEndObject();
        var source = c.Messages.Count > 0 ? c.Messages[0] : null;
        w.WriteStartObject("source");
        w.WriteString("type", c.MessageType == "email" ? "email" : "conversation");
        w.WriteString("id", source is null ? "" : Face.ToString(source.Id));
        w.WriteString("delivered_as", c.CreatedByUser ? "customer_initiated" : "admin_initiated");
        w.WriteString("subject", c.Subject ?? "");
        w.WriteString("body", source is null ? "" : view.Body(source.Html));
        w.WritePropertyName("author");
        PartAuthor(w, source, source is null ? c.Contact : c.ContactOf(source), view);
        w.WriteStartArray("attachments");
        w.WriteEndArray();
        w.WriteString("url", source?.Url);
        w.WriteBoolean("redacted", source?.Redacted == true);
        w.WriteEndObject();
        w.WriteStartObject("contacts");
        w.WriteString("type", "contact.list");
        w.WriteStartArray("contacts");
        foreach (var contact in c.Contacts)
        {
            w.WriteStartObject();
            w.WriteString("type", "contact");
            w.WriteString("id", contact.User.IntercomId);
            w.WriteString("external_id", contact.User.UserId);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        if (c.FirstContactReply is { } first)
        {
            w.WriteStartObject("first_contact_reply");
            w.WriteNumber("created_at", first.CreatedAt);
            w.WriteString("type", "conversation");
            w.WriteString("url", first.Url);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("first_contact_reply");
        }

        // What the emulator has none of (SLAs, reporting statistics, ratings): null, as the description's examples send them.
        w.WriteNull("sla_applied");
        w.WriteNull("statistics");
        w.WriteNull("conversation_rating");
        w.WriteStartObject("teammates");
        w.WriteString("type", "admin.list");
        w.WriteStartArray("teammates");
        foreach (var teammate in c.Messages.Where(p => p.FromAdmin).Select(p => view.Author(p.AdminId).Id).Distinct())
        {
            w.WriteStartObject();
            w.WriteString("type", "admin");
            w.WriteString("id", teammate);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
        w.WritePropertyName("custom_attributes");
        w.WriteRawValue(c.CustomAttributes, skipInputValidation: true);
        if (view.Model.ConversationsCarryTopics)
        {
            w.WriteStartObject("topics");
            w.WriteEndObject();
        }

        // The ticket it was converted to, null when none, and what it is linked to: both as the description's examples write them.
        if (c.Ticket is { } ticket)
        {
            w.WritePropertyName("ticket");
            LinkedObject(w, ticket);
        }
        else
        {
            w.WriteNull("ticket");
        }

        LinkedObjects(w, c.Links ?? []);
        w.WriteNull("ai_agent");
        w.WriteBoolean("ai_agent_participated", false);
        if (withParts)
        {
            w.WriteStartObject("conversation_parts");
            w.WriteString("type", "conversation_part.list");
            w.WriteStartArray("conversation_parts");
            foreach (var part in c.Messages.Skip(1))
            {
                w.WriteStartObject();
                w.WriteString("type", "conversation_part");
                w.WriteString("id", Face.ToString(part.Id));
                w.WriteString("part_type", part.PartType);
                if (part.Html.Length == 0 && part.PartType != "comment")
                {
                    w.WriteNull("body"); // a state change or assignment without words, as the description's examples write it
                }
                else
                {
                    w.WriteString("body", view.Body(part.Html));
                }

                w.WriteNumber("created_at", part.CreatedAt);
                w.WriteNumber("updated_at", part.UpdatedAt);
                w.WriteNumber("notified_at", part.CreatedAt);
                if (part.AssignedTo?.Split(':') is [var kind, var assignee])
                {
                    w.WriteStartObject("assigned_to");
                    w.WriteString("type", kind);
                    w.WriteString("id", assignee);
                    w.WriteEndObject();
                }
                else
                {
                    w.WriteNull("assigned_to");
                }

                w.WritePropertyName("author");
                PartAuthor(w, part, c.ContactOf(part), view);
                w.WriteStartArray("attachments");
                w.WriteEndArray();
                w.WriteNull("external_id");
                w.WriteBoolean("redacted", part.Redacted);
                // No email, no tags on parts, no app events or packages here: as the description's examples write a part without them.
                w.WriteNull("email_message_metadata");
                w.WriteStartArray("tags");
                w.WriteEndArray();
                w.WriteNull("event_details");
                w.WriteNull("app_package_code");
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteNumber("total_count", c.Messages.Count > 0 ? c.Messages.Count - 1 : 0);
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    /// <summary>Who wrote a part: the admin who did (the app's first admin for v1's admin messages), else the contact who did.</summary>
    private static void PartAuthor(Utf8JsonWriter w, MessageRecord? part, ContactRecord contact, ConversationView view)
    {
        var fromAdmin = part?.FromAdmin == true;
        var admin = view.Author(part?.AdminId);
        w.WriteStartObject();
        w.WriteString("type", fromAdmin ? "admin" : contact.Role);
        w.WriteString("id", fromAdmin ? admin.Id : contact.User.IntercomId);
        w.WriteString("name", fromAdmin ? admin.Name : contact.User.Name);
        if ((fromAdmin ? admin.Email : contact.User.Email) is { Length: > 0 } email)
        {
            w.WriteString("email", email);
        }

        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, long? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }
}

/// <summary>
/// How conversations are written for one request: the app's admins (its first admin first: the author of v1's admin
/// messages), the version's model, and whether bodies are plain text (display_as=plaintext) or HTML as stored.
/// </summary>
internal sealed record ConversationView(IReadOnlyList<AdminRecord> Admins, ApiModel Model, bool Plaintext)
{
    public string Body(string html) => Plaintext ? Html.PlainText(html) : html;

    /// <summary>The admin of that id (an admin removed since is shown as the first admin), or the first admin for null.</summary>
    public AdminRecord Author(string? adminId) => (adminId is null ? null : Admins.FirstOrDefault(a => a.Id == adminId)) ?? Admins[0];
}
