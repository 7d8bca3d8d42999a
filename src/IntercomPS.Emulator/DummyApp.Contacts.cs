using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>
/// The dummy app on the 2.14 face (Bearer token dummy-app-id): the canned users as contacts (tagged "Free Trial", one
/// note each, the spec's thread as their conversation), writes answered as if applied and never kept. Lists and
/// searches answer the three listed contacts whatever the query, paged by per_page. A contact id or external id the
/// dummy does not list is Ben's, as any v1 user is; an email follows the v1 conventions (not-found@example.com is a 404).
/// </summary>
internal sealed partial class DummyApp
{
    private const long CannedNoteId = 81000;
    private const string CannedNote = "<p>This is the text of my note.</p>";

    private static TagRecord CannedTag => new(TagId, 1, "Free Trial", "green", ListedUsers.Length);

    public Task<ContactPage> ListContactsAsync(int perPage, string? startingAfter)
    {
        var (contacts, page, next) = Slice(ListedUsers.Select(AsContact).ToList(), perPage, startingAfter);
        return Task.FromResult(new ContactPage(contacts, ListedUsers.Length, page, perPage, next));
    }

    public Task<ContactPage> SearchContactsAsync(ContactQuery query, int perPage, string? startingAfter) => ListContactsAsync(perPage, startingAfter);

    public Task<ContactRecord> GetContactAsync(string id) => Task.FromResult(AsContact(ById(id)));

    public Task<ContactRecord> FindContactByExternalIdAsync(string externalId) =>
        Task.FromResult(AsContact(ListedUsers.FirstOrDefault(u => u.UserId == externalId) ?? Resolve(new UserKey(externalId, null))));

    public Task<ContactRecord> CreateContactAsync(ContactInput input)
    {
        var now = Now;
        var user = new UserRecord(-1, input.ExternalId, input.Email, input.Name, input.SignedUpAt ?? now, input.LastSeenAt,
            CustomData.Merge(CustomData.Empty, input.CustomAttributes), null, null, 0, input.UnsubscribedFromEmails ?? false,
            CannedIntercomId(input.ExternalId ?? input.Email ?? input.Role ?? "lead"));
        return Task.FromResult(new ContactRecord(user, input.Role ?? "user", input.Phone, false, now, [], 0));
    }

    public Task<ContactRecord> UpdateContactAsync(string id, ContactInput input)
    {
        var contact = AsContact(ById(id));
        var u = contact.User;
        var user = u with
        {
            UserId = input.ExternalId ?? u.UserId,
            Email = input.Email ?? u.Email,
            Name = input.Name ?? u.Name,
            CreatedAt = input.SignedUpAt ?? u.CreatedAt,
            LastImpressionAt = input.LastSeenAt ?? u.LastImpressionAt,
            CustomData = CustomData.Merge(u.CustomData, input.CustomAttributes),
            UnsubscribedFromEmails = input.UnsubscribedFromEmails ?? u.UnsubscribedFromEmails,
        };
        return Task.FromResult(contact with { User = user, Role = input.Role ?? contact.Role, Phone = input.Phone ?? contact.Phone, UpdatedAt = Now });
    }

    public Task<ContactRecord> DeleteContactAsync(string id) => GetContactAsync(id);

    public Task<ContactRecord> ArchiveContactAsync(string id, bool archived) => Task.FromResult(AsContact(ById(id)) with { Archived = archived });

    public Task<ContactRecord> BlockContactAsync(string id) => Task.FromResult(AsContact(ById(id)));

    public Task<IReadOnlyList<TagRecord>> ListTagsAsync() => Task.FromResult<IReadOnlyList<TagRecord>>([CannedTag]);

    public Task<TagRecord> GetTagAsync(long id) => Task.FromResult(CannedTag with { NumericId = id });

    public Task<TagRecord> SaveTagAsync(string name, long? id) => Task.FromResult(CannedTag with { NumericId = id ?? CannedTag.NumericId, Name = name });

    public Task<TagRecord> TagContactsAsync(string name, IReadOnlyList<(string ContactId, bool Untag)> contacts) =>
        Task.FromResult(CannedTag with { Name = name, TaggedUserCount = contacts.Count(c => !c.Untag) });

    public Task<TagRecord> TagCompaniesAsync(string name, IReadOnlyList<CompanyTagging> companies) => Task.FromResult(CannedTag with { Name = name });

    public Task DeleteTagAsync(long id) => Task.CompletedTask;

    public async Task<AppliedTag> AddContactTagAsync(string contactId, long tagId) => new(await GetTagAsync(tagId), Now, Admin.Id);

    public Task<AppliedTag> RemoveContactTagAsync(string contactId, long tagId) => AddContactTagAsync(contactId, tagId);

    public Task<NoteRecord> AddNoteAsync(string contactId, string body, string? adminId) =>
        Task.FromResult(new NoteRecord(CannedNoteId + 1, Now, Html.Paragraphs(body), ById(contactId), adminId is null ? null : KnownAdmin(adminId)));

    public Task<IReadOnlyList<NoteRecord>> ListNotesAsync(string contactId) =>
        Task.FromResult<IReadOnlyList<NoteRecord>>([new NoteRecord(CannedNoteId, 1300000000, CannedNote, ById(contactId))]);

    public Task<NoteRecord> GetNoteAsync(long id) => Task.FromResult(new NoteRecord(id, 1300000000, CannedNote, ListedUsers[0]));

    public Task<NoteRecord> AddCompanyNoteAsync(string companyId, string body, string? adminId) =>
        Task.FromResult(new NoteRecord(CannedNoteId + 1, Now, Html.Paragraphs(body), null, adminId is null ? null : KnownAdmin(adminId), CannedCompany with { Id = companyId }));

    public Task<IReadOnlyList<NoteRecord>> ListCompanyNotesAsync(string companyId) =>
        Task.FromResult<IReadOnlyList<NoteRecord>>([new NoteRecord(CannedNoteId, 1300000000, CannedNote, null, Company: CannedCompany with { Id = companyId })]);

    public Task<ConversationPage> ListConversationsAsync(int perPage, string? startingAfter)
    {
        var (conversations, page, next) = Slice([CannedThread(ListedUsers[0], FirstThreadId)], perPage, startingAfter);
        return Task.FromResult(new ConversationPage(conversations, 1, page, perPage, next));
    }

    public Task<ConversationPage> SearchConversationsAsync(ContactQuery query, int perPage, string? startingAfter) => ListConversationsAsync(perPage, startingAfter);

    public Task<long> LastConversationIdAsync(string contactId) => Task.FromResult(FirstThreadId);

    public Task<ConversationRecord> GetConversationAsync(long id) => Task.FromResult(CannedThread(ListedUsers[0], id));

    public Task<(ConversationRecord Conversation, MessageRecord Message)> CreateConversationAsync(string contactId, string body)
    {
        var message = new MessageRecord(CannedMessageId, Now, null, Html.Paragraphs(body), false);
        return Task.FromResult((Thread(FirstThreadId, message.CreatedAt, true, [message], ById(contactId)), message));
    }

    /// <summary>The admin's message as if sent: the canned thread's id, the message unread, started by the admin.</summary>
    public Task<ConversationRecord> SendMessageAsync(string adminId, string contactId, string messageType, string? subject, string body, long? createdAt)
    {
        var message = new MessageRecord(CannedMessageId, createdAt ?? Now, null, Html.Markup(body), true, AdminId: KnownAdmin(adminId));
        return Task.FromResult(Thread(FirstThreadId, message.CreatedAt, false, [message], ById(contactId)) with
        {
            CreatedByUser = false,
            MessageType = messageType,
            Subject = subject,
        });
    }

    public Task<ConversationRecord> ReplyAsync(long id, string body, string? contactId, string? adminId, bool note)
    {
        var thread = CannedThread(ListedUsers[0], id);
        if (adminId is not null)
        {
            _ = KnownAdmin(adminId);
        }

        var html = Html.Reply(body, byAdmin: adminId is not null);
        return Task.FromResult(note
            ? WithPart(thread, html, "note", KnownAdmin(adminId!), null)
            : WithReply(thread, html, null, fromAdmin: adminId is not null) with { Read = adminId is null });
    }

    public Task<ConversationRecord> UpdateConversationAsync(long id, ConversationChange change)
    {
        var thread = CannedThread(ListedUsers[0], id);
        return Task.FromResult(thread with
        {
            Read = change.Read ?? thread.Read,
            Title = change.Title is null ? thread.Title : change.Title.Length == 0 ? null : change.Title,
            CustomAttributes = Storage.CustomData.Merge(thread.CustomAttributes, change.CustomAttributes),
        });
    }

    public Task<ConversationRecord> ManageAsync(long id, string adminId, string state, long? snoozedUntil, string? body)
    {
        var thread = CannedThread(ListedUsers[0], id);
        var partType = state switch { "closed" => "close", "open" => "open", _ => "snoozed" };
        return Task.FromResult(WithPart(thread, body is null ? "" : Html.Paragraphs(body), partType, KnownAdmin(adminId), null) with
        {
            State = state,
            SnoozedUntil = snoozedUntil,
        });
    }

    /// <summary>The dummy app has its one admin and no team: it can be assigned, or unassigned ("0").</summary>
    public Task<ConversationRecord> AssignAsync(long id, string adminId, bool team, string assignee, string? body)
    {
        var admin = KnownAdmin(adminId);
        if (assignee != "0" && (team || assignee != admin))
        {
            throw team ? AppStore.TeamNotFound() : AppStore.AdminNotFound();
        }

        var thread = CannedThread(ListedUsers[0], id);
        return Task.FromResult(WithPart(thread, body is null ? "" : Html.Paragraphs(body), "assignment", admin, assignee == "0" ? "nobody" : "admin:" + admin) with
        {
            AdminAssigneeId = team || assignee == "0" ? null : admin,
        });
    }

    public async Task<AppliedTag> TagConversationAsync(long id, long tagId, string adminId) =>
        new(await GetTagAsync(tagId), Now, KnownAdmin(adminId));

    /// <summary>Any tag but 0, which the path gives for a tag id that is no number (after the conversation and the admin, as the store).</summary>
    public async Task<AppliedTag> UntagConversationAsync(long id, long tagId, string adminId)
    {
        var admin = KnownAdmin(adminId);
        return tagId > 0 ? new(await GetTagAsync(tagId), Now, admin) : throw AppStore.ConversationTagNotFound();
    }

    /// <summary>The canned thread with the contact beside its own (by id, external id or email, as the dummy finds contacts); nothing is kept.</summary>
    public Task<ConversationRecord> AttachContactAsync(long id, TicketContactKey customer, string? adminId, TicketContactKey? onBehalfOf)
    {
        var thread = CannedThread(ListedUsers[0], id);
        if (adminId is not null)
        {
            _ = KnownAdmin(adminId);
        }

        var added = AsContact(customer.Id is { } contactId ? ById(contactId)
            : customer.ExternalId is { } externalId ? ListedUsers.FirstOrDefault(u => u.UserId == externalId) ?? Resolve(new UserKey(externalId, null))
            : ListedUsers.FirstOrDefault(u => u.Email == customer.Email) ?? Resolve(new UserKey(null, customer.Email)));
        return Task.FromResult(added.User.IntercomId == thread.Contact.User.IntercomId ? thread
            : thread with { Participants = [thread.Contact, added], UpdatedAt = Now });
    }

    /// <summary>The canned thread has its one contact, and the last one cannot be removed: the description's 422, or its 404 for another contact.</summary>
    public Task<ConversationRecord> DetachContactAsync(long id, string contactId, string adminId)
    {
        var thread = CannedThread(ListedUsers[0], id);
        _ = KnownAdmin(adminId);
        throw contactId == thread.Contact.User.IntercomId ? AppStore.LastCustomer() : AppStore.ContactNotFound();
    }

    /// <summary>Any conversation id is the canned thread's: deleting it answers as deleted, and nothing is kept.</summary>
    public Task DeleteConversationAsync(long id, bool retainMetrics) => Task.CompletedTask;

    /// <summary>Nothing is kept, so nothing was deleted.</summary>
    public Task<IReadOnlyList<DeletedConversation>> ListDeletedConversationsAsync(bool ascending) => Task.FromResult<IReadOnlyList<DeletedConversation>>([]);

    /// <summary>Any two conversation ids are the canned thread's: the primary answered with its merge part, nothing kept; a self-merge is refused as the store refuses it.</summary>
    public Task<ConversationRecord> MergeConversationAsync(long secondary, long primary) => secondary == primary
        ? throw AppStore.MergeFailed("Cannot merge a conversation into itself")
        : Task.FromResult(WithPart(CannedThread(ListedUsers[0], primary), "", "merged_primary_conversation", Admin.Id, null));

    /// <summary>The canned thread with that message redacted, by the store's rules; nothing is kept.</summary>
    public Task<ConversationRecord> RedactAsync(string conversationId, string messageId, bool source)
    {
        var thread = CannedThread(ListedUsers[0], AppStore.ParseId(conversationId) ?? throw AppStore.RedactNotFound());
        var message = AppStore.Redactable(thread, messageId, source);
        var now = Now;
        return Task.FromResult(thread with
        {
            UpdatedAt = now,
            Messages = [.. thread.Messages.Select(m => m.Id == message.Id && !m.Redacted ? m with { Html = Html.Redacted, RedactedAt = now } : m)],
        });
    }

    public Task<IReadOnlyList<AdminRecord>> ListAdminsAsync() => Task.FromResult<IReadOnlyList<AdminRecord>>([Admin]);

    public Task<AdminRecord> GetAdminAsync(string id) => Task.FromResult(id == Admin.Id ? Admin : throw AppStore.AdminNotFound());

    /// <summary>The admin as it would be: nothing is kept, so a later read shows it as before.</summary>
    public async Task<AdminRecord> SetAwayAsync(string id, bool away, bool reassign, long? reasonId) =>
        await GetAdminAsync(id) with { Away = away, Reassign = reassign, AwayReasonId = away ? reasonId : null };

    /// <summary>None: the dummy app keeps no away mode change, so it has nothing to log.</summary>
    public Task<IReadOnlyList<ActivityLogRecord>> ListActivityLogsAsync(long after, long? before) => Task.FromResult<IReadOnlyList<ActivityLogRecord>>([]);

    public Task<IReadOnlyList<TeamRecord>> ListTeamsAsync() => Task.FromResult<IReadOnlyList<TeamRecord>>([]);

    public Task<TeamRecord> GetTeamAsync(long id) => throw AppStore.TeamNotFound();

    public Task<IReadOnlyList<TeamMetricRecord>> TeamMetricsAsync(long teamId, long idleSeconds) => throw AppStore.TeamNotFound();

    /// <summary>The dummy app's one admin's id, when that is the one named; any other is the 404 admin_not_found.</summary>
    private string KnownAdmin(string adminId) => adminId == Admin.Id ? adminId : throw AppStore.AdminNotFound();

    /// <summary>The thread with one more admin part (a note, a state change, an assignment), written now.</summary>
    private static ConversationRecord WithPart(ConversationRecord thread, string html, string partType, string adminId, string? assignedTo)
    {
        var now = Now;
        return thread with
        {
            UpdatedAt = now,
            Messages = [.. thread.Messages, new MessageRecord(CannedMessageId + thread.Messages.Count, now, null, html, true, partType, adminId, assignedTo)],
        };
    }

    /// <summary>The standard attributes, and the custom ones the canned users' custom data has.</summary>
    public Task<IReadOnlyList<DataAttributeRecord>> ListAttributesAsync(string? model, bool includeArchived) => Task.FromResult<IReadOnlyList<DataAttributeRecord>>(
    [
        .. AppStore.StandardAttributes(model),
        .. model is null or "contact"
            ? new[]
            {
                new DataAttributeRecord(null, "contact", "app_name", "string", null, true, null),
                new DataAttributeRecord(null, "contact", "monthly_spend", "float", null, true, null),
                new DataAttributeRecord(null, "contact", "team_mates", "integer", null, true, null),
            }
            : Array.Empty<DataAttributeRecord>(),
    ]);

    public Task<DataAttributeRecord> CreateAttributeAsync(DataAttributeInput input) =>
        Task.FromResult(new DataAttributeRecord(1, input.Model, input.Name, input.DataType, input.Description, true, Now, Now, input.Options));

    /// <summary>The dummy app keeps nothing: the change is answered as applied to a canned attribute.</summary>
    public Task<DataAttributeRecord> UpdateAttributeAsync(long id, DataAttributeChange change) =>
        Task.FromResult(new DataAttributeRecord(id, "contact", "app_name", "string", change.Description, true, 1300000000, Now, change.Options, change.Archived ?? false));

    public Task<ContactRecord> EventContactAsync(string? id, string? userId, string? email) =>
        Task.FromResult(AsContact(id is not null ? ById(id) : Resolve(new UserKey(userId, email))));

    public Task SubmitEventAsync(ContactRecord contact, string name, long createdAt, string metadata) => Task.CompletedTask;

    public Task<IReadOnlyList<EventRecord>> ListEventsAsync(ContactRecord contact) =>
        Task.FromResult<IReadOnlyList<EventRecord>>([new EventRecord("invited-friend", 1300000000, """{"invitee_email":"pi@example.org"}""")]);

    private static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>A listed user by contact id, or else Ben with that id (as v1 answers any user it is asked for).</summary>
    private static UserRecord ById(string id) =>
        ListedUsers.FirstOrDefault(u => u.IntercomId == id) ?? Resolve(new UserKey(null, null)) with { IntercomId = id };

    /// <summary>
    /// A page of canned items: per_page of them after the cursor. The canned lists never change, so an item's place in
    /// its list is a stable key: the cursor is a stored app's (<see cref="SearchCursor"/>), with that place as its tiebreaker.
    /// </summary>
    private static (List<T> Items, int Page, string? Next) Slice<T>(IReadOnlyList<T> all, int perPage, string? startingAfter)
    {
        var fingerprint = SearchCursor.Fingerprint("dummy " + typeof(T).Name);
        var cursor = startingAfter is null ? null : SearchCursor.Decode(startingAfter, fingerprint);
        var offset = (int)Math.Clamp((cursor?.LastTiebreak ?? -1) + 1, 0, all.Count);
        var items = all.Skip(offset).Take(perPage).ToList();
        var next = offset + items.Count < all.Count ? SearchCursor.After(cursor, offset + items.Count - 1, null).Encode(fingerprint) : null;
        return (items, cursor?.Page ?? 1, next);
    }
}
