using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;
using IntercomPS.Emulator.Storage;

namespace IntercomPS.Emulator;

/// <summary>
/// One app's data, as both faces use it once a request is valid: the v1 face names users by <see cref="UserKey"/>,
/// the 2.14 face contacts by id, and both get the same records back. Two implementations: stored apps
/// (<see cref="AppStore"/>, SQLite) and the dummy app (<see cref="DummyApp"/>, canned answers, nothing kept), so the
/// endpoints refuse bad input identically for both and differ only in what they answer. Failures are thrown as
/// <see cref="ApiError"/>.
/// </summary>
internal interface IAppStore
{
    /// <summary>The app's first admin, whose token the app's key is (GET /me): the author of v1's admin messages and 2.14 notes.</summary>
    AdminRecord Admin { get; }

    // Admins and teams (2.14).

    /// <summary>Every admin of the app, its first admin first.</summary>
    Task<IReadOnlyList<AdminRecord>> ListAdminsAsync();

    /// <summary>The admin of that id, or the 404 admin_not_found.</summary>
    Task<AdminRecord> GetAdminAsync(string id);

    /// <summary>Sets the admin away (with a reason, kept only while away) or back, or the 404 admin_not_found.</summary>
    Task<AdminRecord> SetAwayAsync(string id, bool away, bool reassign, long? reasonId);

    /// <summary>The admins' activities from <paramref name="after"/> (inclusive) to <paramref name="before"/> (exclusive), newest first.</summary>
    Task<IReadOnlyList<ActivityLogRecord>> ListActivityLogsAsync(long after, long? before);

    Task<IReadOnlyList<TeamRecord>> ListTeamsAsync();

    /// <summary>The team of that id, or the 404 team_not_found.</summary>
    Task<TeamRecord> GetTeamAsync(long id);

    /// <summary>A team's metrics (2.16): each of its admins' open, idle (quiet for <paramref name="idleSeconds"/>) and snoozed conversations.</summary>
    Task<IReadOnlyList<TeamMetricRecord>> TeamMetricsAsync(long teamId, long idleSeconds);

    // Users and contacts.

    /// <summary>A v1 page of the users (of one tag, when <paramref name="tagId"/>, its 24-hex id, or a name is given).</summary>
    Task<UserPage> ListUsersAsync(int page, int perPage, string? tagId, string? tagName);

    Task<UserRecord> GetUserAsync(UserKey key);

    /// <summary>Updates the user, or creates it when <paramref name="create"/> is set; Created says which.</summary>
    Task<(UserRecord User, bool Created)> SaveUserAsync(UserInput input, bool create);

    Task<UserRecord> DeleteUserAsync(UserKey key);

    /// <summary>Records a visit and returns the number of admin messages the user has not read.</summary>
    Task<int> RecordImpressionAsync(UserKey key, string? userIp, string? userAgent);

    /// <summary>Unarchived contacts in creation order, a page after <paramref name="startingAfter"/>.</summary>
    Task<ContactPage> ListContactsAsync(int perPage, string? startingAfter);

    Task<ContactPage> SearchContactsAsync(ContactQuery query, int perPage, string? startingAfter);

    Task<ContactRecord> GetContactAsync(string id);

    Task<ContactRecord> FindContactByExternalIdAsync(string externalId);

    Task<ContactRecord> CreateContactAsync(ContactInput input);

    Task<ContactRecord> UpdateContactAsync(string id, ContactInput input);

    Task<ContactRecord> DeleteContactAsync(string id);

    Task<ContactRecord> ArchiveContactAsync(string id, bool archived);

    /// <summary>
    /// Blocks the contact: every conversation of it that is not closed is closed by the app's first admin (2.14: "conversations
    /// of the contact will also be archived"); the contact itself is left as it was. Blocking again closes what was opened since.
    /// </summary>
    Task<ContactRecord> BlockContactAsync(string id);

    /// <summary>
    /// Merges the lead <paramref name="fromId"/> into the user <paramref name="intoId"/>; the lead is gone after. With
    /// <paramref name="duplicatesOnly"/> (2.16), only when they share an email or a phone; else 400 invalid_merge.
    /// </summary>
    Task<ContactRecord> MergeContactsAsync(string fromId, string intoId, bool duplicatesOnly);

    /// <summary>2.16's GET /contacts/{id}/merge_history: a page of the contacts merged into the user.</summary>
    Task<MergeHistoryPage> ListMergeHistoryAsync(string contactId, int perPage, bool ascending, long? after);

    // Tags.

    /// <summary>The tag of that exact name (v1).</summary>
    Task<TagRecord> GetTagAsync(string name);

    /// <summary>v1's save: creates (when <paramref name="create"/>) or updates the tag, then tags or untags the users named.</summary>
    Task<(TagRecord Tag, bool Created)> SaveTagAsync(TagInput input, bool create);

    Task<IReadOnlyList<TagRecord>> ListTagsAsync();

    Task<TagRecord> GetTagAsync(long id);

    /// <summary>2.14's save: creates the tag, finds the one of that name (any case), or renames tag <paramref name="id"/>.</summary>
    Task<TagRecord> SaveTagAsync(string name, long? id);

    /// <summary>Tags (or untags) the contacts, creating the tag if needed; every contact must exist.</summary>
    Task<TagRecord> TagContactsAsync(string name, IReadOnlyList<(string ContactId, bool Untag)> contacts);

    /// <summary>Tags (or untags) the companies, creating the tag if needed; every company must exist, else nothing changes.</summary>
    Task<TagRecord> TagCompaniesAsync(string name, IReadOnlyList<CompanyTagging> companies);

    Task DeleteTagAsync(long id);

    Task<AppliedTag> AddContactTagAsync(string contactId, long tagId);

    Task<AppliedTag> RemoveContactTagAsync(string contactId, long tagId);

    // Notes.

    Task<NoteRecord> AddNoteAsync(UserKey key, string body);

    /// <summary>A 2.14 note by <paramref name="adminId"/>, an admin of the app (null: its first admin).</summary>
    Task<NoteRecord> AddNoteAsync(string contactId, string body, string? adminId);

    /// <summary>A contact's notes, newest first.</summary>
    Task<IReadOnlyList<NoteRecord>> ListNotesAsync(string contactId);

    Task<NoteRecord> GetNoteAsync(long id);

    /// <summary>A note on the company (2.16) by <paramref name="adminId"/>, an admin of the app (null: its first admin).</summary>
    Task<NoteRecord> AddCompanyNoteAsync(string companyId, string body, string? adminId);

    /// <summary>A company's notes, newest first.</summary>
    Task<IReadOnlyList<NoteRecord>> ListCompanyNotesAsync(string companyId);

    // Threads and conversations.

    Task<IReadOnlyList<ConversationRecord>> ListThreadsAsync(UserKey key);

    Task<ConversationRecord> GetThreadAsync(UserKey key, long threadId);

    Task<ConversationRecord> CreateThreadAsync(UserKey key, string body, string? url);

    /// <summary>A reply (from the user, or from an admin) and/or a read flag change on one of the user's threads.</summary>
    Task<ConversationRecord> UpdateThreadAsync(UserKey key, long threadId, string? body, string? url, bool? read, bool fromAdmin);

    Task<ConversationPage> ListConversationsAsync(int perPage, string? startingAfter);

    Task<ConversationPage> SearchConversationsAsync(ContactQuery query, int perPage, string? startingAfter);

    /// <summary>The id of the contact's newest conversation, for a reply to "last".</summary>
    Task<long> LastConversationIdAsync(string contactId);

    Task<ConversationRecord> GetConversationAsync(long id);

    /// <summary>A conversation the contact starts, and its first message.</summary>
    Task<(ConversationRecord Conversation, MessageRecord Message)> CreateConversationAsync(string contactId, string body);

    /// <summary>
    /// An admin's message (inapp or email, with an email's subject) to a contact: a conversation the admin starts, dated
    /// <paramref name="createdAt"/> when given, else now. Its body may be HTML (<see cref="Model.Html.Markup"/>).
    /// </summary>
    Task<ConversationRecord> SendMessageAsync(string adminId, string contactId, string messageType, string? subject, string body, long? createdAt);

    /// <summary>
    /// A reply as the conversation's own contact (<paramref name="contactId"/>; <paramref name="adminId"/> null), or as
    /// an admin of the app: a comment, or with <paramref name="note"/> a note only admins see. An admin's body may be
    /// HTML (<see cref="Model.Html.Markup"/>), a contact's is text; every other body of this interface is text.
    /// </summary>
    Task<ConversationRecord> ReplyAsync(long id, string body, string? contactId, string? adminId, bool note);

    /// <summary>Marks it read or unread, and sets its title and custom attributes, as the change says.</summary>
    Task<ConversationRecord> UpdateConversationAsync(long id, ConversationChange change);

    /// <summary>An admin's close, open or snooze (until a time): a part of that type, with the admin's words when given.</summary>
    Task<ConversationRecord> ManageAsync(long id, string adminId, string state, long? snoozedUntil, string? body);

    /// <summary>Assigns the conversation to an admin or (<paramref name="team"/>) a team, or with "0" to none of that kind.</summary>
    Task<ConversationRecord> AssignAsync(long id, string adminId, bool team, string assignee, string? body);

    Task<AppliedTag> TagConversationAsync(long id, long tagId, string adminId);

    Task<AppliedTag> UntagConversationAsync(long id, long tagId, string adminId);

    /// <summary>Adds a contact to the conversation, by an admin or on behalf of a contact taking part; the conversation.</summary>
    Task<ConversationRecord> AttachContactAsync(long id, TicketContactKey customer, string? adminId, TicketContactKey? onBehalfOf);

    /// <summary>Takes a contact taking part off the conversation, by an admin (never the last one); the conversation.</summary>
    Task<ConversationRecord> DetachContactAsync(long id, string contactId, string adminId);

    /// <summary>Deletes the conversation with its parts, state and tags: gone from every read of either face.</summary>
    Task DeleteConversationAsync(long id, bool retainMetrics);

    /// <summary>The app's deleted conversations' ids, when and how each was deleted; newest first unless <paramref name="ascending"/>.</summary>
    Task<IReadOnlyList<DeletedConversation>> ListDeletedConversationsAsync(bool ascending);

    /// <summary>Merges conversation <paramref name="secondary"/> into <paramref name="primary"/>: the secondary closed and linked to it; the primary.</summary>
    Task<ConversationRecord> MergeConversationAsync(long secondary, long primary);

    /// <summary>
    /// Redacts a part of the conversation (<paramref name="source"/> false) or its source message: the message stays,
    /// its words become <see cref="Model.Html.Redacted"/>. Ids as the request wrote them; a second redaction leaves it as it is.
    /// </summary>
    Task<ConversationRecord> RedactAsync(string conversationId, string messageId, bool source);

    // Data attributes and events (2.14).

    /// <summary>The attributes of a model (contact or company; null: both), archived ones only when asked.</summary>
    Task<IReadOnlyList<DataAttributeRecord>> ListAttributesAsync(string? model, bool includeArchived);

    Task<DataAttributeRecord> CreateAttributeAsync(DataAttributeInput input);

    Task<DataAttributeRecord> UpdateAttributeAsync(long id, DataAttributeChange change);

    /// <summary>The contact an event names: id (the contact id), else user_id (external id), else email.</summary>
    Task<ContactRecord> EventContactAsync(string? id, string? userId, string? email);

    Task SubmitEventAsync(ContactRecord contact, string name, long createdAt, string metadata);

    /// <summary>A contact's events, newest first.</summary>
    Task<IReadOnlyList<EventRecord>> ListEventsAsync(ContactRecord contact);

    /// <summary>Records a summary of a contact's events of one name, replacing an earlier one of that name.</summary>
    Task SubmitEventSummaryAsync(ContactRecord contact, string name, long count, long first, long last);

    /// <summary>Per event name, the contact's events and submitted summaries together.</summary>
    Task<IReadOnlyList<EventSummaryRecord>> SummarizeEventsAsync(ContactRecord contact);

    // Companies and segments (2.14).

    /// <summary>Creates the company with input's company_id, or updates the one that has it.</summary>
    Task<CompanyRecord> SaveCompanyAsync(CompanyInput input);

    Task<CompanyRecord> UpdateCompanyAsync(string id, CompanyInput input);

    Task<CompanyRecord> GetCompanyAsync(string id);

    /// <summary>The companies with the company_id and name given (either or both); none is a 404.</summary>
    Task<IReadOnlyList<CompanyRecord>> FindCompaniesAsync(string? companyId, string? name);

    /// <summary>A numbered page of the companies, or of those that have tag <paramref name="tagId"/>.</summary>
    Task<CompanyPage> ListCompaniesAsync(int page, int perPage, bool descending, long? tagId = null);

    /// <summary>The next page of the app's one scroll, or the first of a new one without <paramref name="param"/>.</summary>
    Task<(IReadOnlyList<CompanyRecord> Companies, string Param)> ScrollCompaniesAsync(string? param);

    Task<CompanyRecord> DeleteCompanyAsync(string id);

    /// <summary>Attaches (or detaches) a contact to a company; returns the company.</summary>
    Task<CompanyRecord> LinkCompanyAsync(string contactId, string companyId, bool attach);

    Task<IReadOnlyList<CompanyRecord>> ListContactCompaniesAsync(string contactId);

    Task<ContactPage> ListCompanyContactsAsync(string companyId, int page, int perPage);

    Task<IReadOnlyList<SegmentRecord>> ListSegmentsAsync();

    Task<SegmentRecord> GetSegmentAsync(string id);

    Task<IReadOnlyList<SegmentRecord>> ListContactSegmentsAsync(string contactId);

    Task<IReadOnlyList<SubscriptionTypeRecord>> ListSubscriptionTypesAsync();

    /// <summary>The subscription types the contact made an explicit choice about (attached to).</summary>
    Task<IReadOnlyList<SubscriptionTypeRecord>> ListContactSubscriptionsAsync(string contactId);

    /// <summary>Attaches the contact to the subscription type; <paramref name="consentType"/> must be the type's own.</summary>
    Task<SubscriptionTypeRecord> AttachSubscriptionAsync(string contactId, string typeId, string consentType);

    /// <summary>Detaches the contact from the subscription type (back to its default); returns the type.</summary>
    Task<SubscriptionTypeRecord> DetachSubscriptionAsync(string contactId, string typeId);

    /// <summary>The app's help center articles, the most recently updated first.</summary>
    Task<IReadOnlyList<ArticleRecord>> ListArticlesAsync();

    Task<ArticleRecord> GetArticleAsync(string id);

    /// <summary>A new article, by <see cref="ArticleRules"/>.</summary>
    Task<ArticleRecord> CreateArticleAsync(ArticleInput input);

    /// <summary>The article changed by <see cref="ArticleRules"/>.</summary>
    Task<ArticleRecord> UpdateArticleAsync(string id, ArticleInput input);

    /// <summary>Deletes the article; returns its id.</summary>
    Task<string> DeleteArticleAsync(string id);

    /// <summary>Tags the article (2.16), by the admin or else the app's first admin; the tag as applied.</summary>
    Task<AppliedTag> TagArticleAsync(string id, long tagId, string? adminId);

    /// <summary>Takes the tag off the article; the tag, no longer applied.</summary>
    Task<AppliedTag> UntagArticleAsync(string id, long tagId);

    /// <summary>Stages the write's versioned content as the published article's draft (2.16), by <see cref="ArticleRules.StageDraft"/>; the article, its draft beside it.</summary>
    Task<ArticleRecord> StageArticleDraftAsync(string id, ArticleInput input);

    /// <summary>Makes the article's draft live (2.16), by <see cref="ArticleRules.PublishDraft"/>; the article as published.</summary>
    Task<ArticleRecord> PublishArticleDraftAsync(string id, IReadOnlyList<string>? locales);

    /// <summary>The article's versions (2.16), the newest first.</summary>
    Task<IReadOnlyList<ArticleVersionRecord>> ListArticleVersionsAsync(string articleId);

    /// <summary>One version of the article (2.16); 404 when it is no version of that article.</summary>
    Task<ArticleVersionRecord> GetArticleVersionAsync(string articleId, string id);

    /// <summary>The app's help center collections and sections, the most recently updated first.</summary>
    Task<IReadOnlyList<CollectionRecord>> ListCollectionsAsync();

    Task<CollectionRecord> GetCollectionAsync(string id);

    Task<CollectionRecord> CreateCollectionAsync(CollectionInput input);

    Task<CollectionRecord> UpdateCollectionAsync(string id, CollectionInput input);

    /// <summary>Deletes the collection and its sections (their articles stay, standing alone); returns its id.</summary>
    Task<string> DeleteCollectionAsync(string id);

    /// <summary>The app's internal articles, the most recently updated first.</summary>
    Task<IReadOnlyList<InternalArticleRecord>> ListInternalArticlesAsync();

    Task<InternalArticleRecord> GetInternalArticleAsync(string id);

    /// <summary>A new internal article, by <see cref="InternalArticleRules"/>.</summary>
    Task<InternalArticleRecord> CreateInternalArticleAsync(InternalArticleInput input);

    /// <summary>The internal article changed by <see cref="InternalArticleRules"/>.</summary>
    Task<InternalArticleRecord> UpdateInternalArticleAsync(string id, InternalArticleInput input);

    /// <summary>Deletes the internal article; returns its id.</summary>
    Task<string> DeleteInternalArticleAsync(string id);

    /// <summary>Tags the internal article (2.16), by the admin or else the app's first admin; the tag as applied.</summary>
    Task<AppliedTag> TagInternalArticleAsync(string id, long tagId, string? adminId);

    /// <summary>Takes the tag off the internal article; the tag, no longer applied.</summary>
    Task<AppliedTag> UntagInternalArticleAsync(string id, long tagId);

    /// <summary>The app's content snippets (2.16), the most recently updated first.</summary>
    Task<IReadOnlyList<ContentSnippetRecord>> ListContentSnippetsAsync();

    /// <summary>The snippet of that id, or the 404 not_found.</summary>
    Task<ContentSnippetRecord> GetContentSnippetAsync(string id);

    /// <summary>A new snippet, by <see cref="ContentSnippetRules"/>.</summary>
    Task<ContentSnippetRecord> CreateContentSnippetAsync(ContentSnippetInput input);

    /// <summary>The snippet changed by <see cref="ContentSnippetRules"/>.</summary>
    Task<ContentSnippetRecord> UpdateContentSnippetAsync(string id, ContentSnippetInput input);

    /// <summary>Deletes the snippet and its tags; returns its id.</summary>
    Task<string> DeleteContentSnippetAsync(string id);

    /// <summary>Tags the snippet, by the admin or else the app's first admin; the tag as applied (404 content_snippet_not_found, tag_not_found).</summary>
    Task<AppliedTag> TagContentSnippetAsync(string id, long tagId, string? adminId);

    /// <summary>Takes the tag off the snippet; the tag, no longer applied.</summary>
    Task<AppliedTag> UntagContentSnippetAsync(string id, long tagId);

    /// <summary>The app's conversation attributes (2.16), in creation order.</summary>
    Task<IReadOnlyList<ConversationAttributeRecord>> ListConversationAttributesAsync(bool includeArchived);

    /// <summary>The conversation attribute of that id, or 2.16's 404 conversation_attribute_not_found.</summary>
    Task<ConversationAttributeRecord> GetConversationAttributeAsync(long id);

    /// <summary>A new conversation attribute (checked by the caller but for its name, which must be new to the app's attributes).</summary>
    Task<ConversationAttributeRecord> CreateConversationAttributeAsync(ConversationAttributeRecord input);

    /// <summary>
    /// Replaces the attribute of that id by what <paramref name="change"/> makes of it (which checks it, and may throw),
    /// in one write, and stamps updated_at; the 404 when there is none.
    /// </summary>
    Task<ConversationAttributeRecord> ChangeConversationAttributeAsync(long id, System.Func<ConversationAttributeRecord, ConversationAttributeRecord> change);

    /// <summary>Every macro of the app, whoever may see it (the caller applies visibility, order and paging).</summary>
    Task<IReadOnlyList<MacroRecord>> ListMacrosAsync();
    /// <summary>The app's office hours schedules (2.16), in creation order.</summary>
    Task<IReadOnlyList<OfficeHoursScheduleRecord>> ListOfficeHoursSchedulesAsync();

    Task<OfficeHoursScheduleRecord> GetOfficeHoursScheduleAsync(string id);

    /// <summary>A new schedule, by <see cref="OfficeHoursRules"/>.</summary>
    Task<OfficeHoursScheduleRecord> CreateOfficeHoursScheduleAsync(OfficeHoursScheduleInput input);

    Task<OfficeHoursScheduleRecord> UpdateOfficeHoursScheduleAsync(string id, OfficeHoursScheduleInput input);

    /// <summary>Deletes the schedule with its exceptions; returns its id.</summary>
    Task<string> DeleteOfficeHoursScheduleAsync(string id);

    /// <summary>The schedule's exceptions, by date.</summary>
    Task<IReadOnlyList<OfficeHoursExceptionRecord>> ListOfficeHoursExceptionsAsync(string scheduleId);

    Task<OfficeHoursExceptionRecord> GetOfficeHoursExceptionAsync(string scheduleId, string id);

    /// <summary>A new exception of the schedule, by <see cref="OfficeHoursRules"/>.</summary>
    Task<OfficeHoursExceptionRecord> CreateOfficeHoursExceptionAsync(string scheduleId, OfficeHoursExceptionInput input);

    Task<OfficeHoursExceptionRecord> UpdateOfficeHoursExceptionAsync(string scheduleId, string id, OfficeHoursExceptionInput input);

    /// <summary>Deletes the schedule's exception; returns its id.</summary>
    Task<string> DeleteOfficeHoursExceptionAsync(string scheduleId, string id);

    /// <summary>The app's ticket types, in creation order, each with its attributes.</summary>
    Task<IReadOnlyList<TicketTypeRecord>> ListTicketTypesAsync();

    Task<TicketTypeRecord> GetTicketTypeAsync(string id);

    /// <summary>A new ticket type (name and category checked by the caller), made with its two default attributes.</summary>
    Task<TicketTypeRecord> CreateTicketTypeAsync(TicketTypeInput input);

    Task<TicketTypeRecord> UpdateTicketTypeAsync(string id, TicketTypeInput change);

    /// <summary>A new attribute on the type: its name must be new to the type.</summary>
    Task<TicketTypeAttributeRecord> CreateTicketTypeAttributeAsync(string typeId, TicketTypeAttributeInput input);

    /// <summary>Changes the type's attribute under <see cref="TicketTypeRecord.CheckUpdate"/>.</summary>
    Task<TicketTypeAttributeRecord> UpdateTicketTypeAttributeAsync(string typeId, string attributeId, TicketTypeAttributeInput change);

    Task<TicketRecord> GetTicketAsync(string id);

    /// <summary>A page of the tickets a search matches (ContactSearch.Tickets), by the keyset cursor every search pages by.</summary>
    Task<TicketPage> SearchTicketsAsync(ContactQuery query, int perPage, string? startingAfter);

    /// <summary>A new ticket on its type, for its one contact (a new user for an email no contact has), its attributes checked against the type's.</summary>
    Task<TicketRecord> CreateTicketAsync(TicketInput input);

    /// <summary>POST /conversations/{id}/convert: a new ticket of a Customer type carrying the conversation's contacts and parts; a conversation converts once.</summary>
    Task<TicketRecord> ConvertConversationAsync(long conversationId, TicketConversion input);

    /// <summary>POST /tickets/enqueue: the ticket made at once, as CreateTicketAsync makes it; its job's id.</summary>
    Task<long> EnqueueTicketAsync(TicketInput input);

    /// <summary>The id of the ticket the job made.</summary>
    Task<long> TicketOfJobAsync(string jobId);

    /// <summary>Applies what the change gives, each change recorded as a part.</summary>
    Task<TicketRecord> UpdateTicketAsync(string id, TicketChange change);

    /// <summary>Deletes the ticket with its parts and tags; the ticket as it was.</summary>
    Task<TicketRecord> DeleteTicketAsync(string id);

    /// <summary>2.16's change_type: another type of the same category, in the state given, attributes carried over (Tickets.Carry) and checked.</summary>
    Task<TicketRecord> ChangeTicketTypeAsync(string id, TicketTypeChange change);

    /// <summary>2.16: links the conversation to the tracker ticket; the conversation.</summary>
    Task<ConversationRecord> LinkConversationAsync(string ticketId, long conversationId);

    /// <summary>2.16: unlinks the conversation from the tracker ticket; the conversation.</summary>
    Task<ConversationRecord> UnlinkConversationAsync(string ticketId, long conversationId);

    Task<TicketPartRecord> ReplyTicketAsync(string id, TicketReply reply);

    Task<AppliedTag> TagTicketAsync(string id, long tagId, string adminId);

    Task<AppliedTag> UntagTicketAsync(string id, long tagId, string adminId);
}
