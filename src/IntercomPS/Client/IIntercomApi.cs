using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client.V2;
using IntercomPS.Client.V1;

namespace IntercomPS.Client
{
    /// <summary>The protocols a session can speak: the v1 API (app id and API key), or REST API 2.x (an access token).</summary>
    public enum IntercomProtocol
    {
        V1,
        V2,
    }

    /// <summary>
    /// What the cmdlets ask of Intercom that both protocols can do: v1 (<see cref="IntercomClient"/>) and REST API 2.x
    /// (<see cref="IntercomV2Client"/>) each map these onto their own resources. What only one protocol can do is a
    /// capability interface only its client implements (<see cref="IUserArchive"/>, <see cref="ITagListing"/>,
    /// <see cref="IConversationInbox"/>, <see cref="IImpressions"/>), and which cmdlet parameters each protocol serves
    /// is <see cref="Capabilities"/>, checked before any request: a client does not check it again, and an argument its
    /// protocol has no place for (a 2.x-only admin id on v1, a v1-only page URL on 2.x) is left out of its request.
    /// Failures of a request are <see cref="IntercomApiException"/>s, bad arguments <see cref="ArgumentException"/>s.
    /// Safe to use from many threads at once.
    /// </summary>
    public interface IIntercomApi : IDisposable
    {
        IntercomProtocol Protocol { get; }

        /// <summary>"1" for v1, else the REST API version sent as Intercom-Version (e.g. "2.14"): shown, never compared outside the client.</summary>
        string ApiVersion { get; }

        Uri BaseUri { get; }

        TimeSpan Timeout { get; }

        RetryPolicy Retry { get; }

        /// <summary>The most users one list request returns: 500 on v1, 150 on 2.x.</summary>
        int MaxUserPageSize { get; }

        /// <summary>The rate-limit window as the last answer described it, or null before any answer carried one.</summary>
        RateLimitStatus? RateLimit { get; }

        /// <summary>Any request of the API with this session's host, credential, headers, retries and pacing (Invoke-IntercomRequest).</summary>
        RawApi Raw { get; }

        /// <summary>Whether this session can do what <paramref name="capability"/> describes (its protocol, and on 2.x its Intercom-Version).</summary>
        bool Supports(Capability capability);

        /// <summary>What proves who connects, and where, as a Verbose line says it: "the access token at https://... (REST API 2.14)".</summary>
        string DescribeCredential();

        /// <summary>Whom <paramref name="connection"/> connects as, as Connect-Intercom's Verbose line says it, or briefly, as the session names itself.</summary>
        string Describe(ConnectionInfo connection, bool brief);

        /// <summary>One cheap request that proves the URL and the credential, and says whom they connect as.</summary>
        Task<ConnectionInfo> CheckConnectionAsync(CancellationToken cancellationToken = default);

        Task<User> GetUserAsync(UserIdentity user, CancellationToken cancellationToken = default);

        /// <summary>
        /// Streams the users (of a tag, when the query names one) page by page, in order, from
        /// <see cref="UserListQuery.Page"/> up to <paramref name="lastPage"/> (all when null). Dispose the reader when
        /// done: requests it started ahead are cancelled.
        /// </summary>
        IUserReader ListUsers(UserListQuery query, int? lastPage = null, CancellationToken cancellationToken = default);

        /// <summary>Creates the user, or updates the one with the same user id (else email).</summary>
        Task<User> CreateOrUpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default);

        /// <summary>Updates an existing user; an unknown user is a not_found error.</summary>
        Task<User> UpdateUserAsync(UserChanges changes, CancellationToken cancellationToken = default);

        /// <summary>Deletes the user for good; returns the user as it was.</summary>
        Task<User> DeleteUserAsync(UserIdentity user, CancellationToken cancellationToken = default);

        /// <summary>Leaves a note on the user, written by <paramref name="adminId"/> (2.x; v1 writes as the app), else the session's admin.</summary>
        Task<Note> AddNoteAsync(UserIdentity user, string body, string? adminId = null, CancellationToken cancellationToken = default);

        Task<Tag> GetTagAsync(string name, CancellationToken cancellationToken = default);

        /// <summary>
        /// Finds the tags of one command's names, each found (or failing) alone: 2.x lists GET /tags once, on the first
        /// name, and matches every later name against that listing; v1 cannot list, so it asks GET /tags?name= per name.
        /// For one thread's use, one batch of names: a later batch takes a new finder, so it sees tags made since.
        /// </summary>
        TagFinder NewTagFinder();

        /// <summary>
        /// Names a user's tags, for one command (2.x contacts list at most 10 tag references without names): one GET /tags
        /// for the whole command, and a contact's own tag list when it has more than it lists. v1 users list no tags.
        /// </summary>
        TagNamer NewTagNamer();

        /// <summary>The tag with how many users carry it: as it is on v1, which says; on 2.x one contact search counts them.</summary>
        Task<Tag> CountTaggedUsersAsync(Tag tag, CancellationToken cancellationToken = default);

        /// <summary>
        /// Creates the tag, or updates it when the name exists; tags or untags the given users, and says which it could
        /// not. The requests it fans out into (2.x looks users up one by one) run within <paramref name="scheduler"/>'s
        /// limit: the calling command's, so batches side by side share it (a scheduler of its own when null).
        /// </summary>
        Task<SavedTag> SaveTagAsync(TagChanges changes, RequestScheduler? scheduler = null, CancellationToken cancellationToken = default);

        /// <summary>All of a user's threads (their inbox); <paramref name="currentUrl"/> adds v1's auto messages for that page.</summary>
        Task<MessageThread[]> GetMessageThreadsAsync(UserIdentity user, string? currentUrl = null, CancellationToken cancellationToken = default);

        Task<MessageThread> GetMessageThreadAsync(UserIdentity user, long threadId, CancellationToken cancellationToken = default);

        /// <summary>Starts a thread from the user to the app; <paramref name="url"/> (v1) is the page they wrote from.</summary>
        Task<MessageThread> CreateMessageThreadAsync(UserIdentity user, string body, string? url = null, CancellationToken cancellationToken = default);

        /// <summary>Adds the user's reply to a thread; <paramref name="url"/> (v1) is the page they wrote from.</summary>
        Task<MessageThread> ReplyToMessageThreadAsync(UserIdentity user, long threadId, string body, string? url = null, CancellationToken cancellationToken = default);

        /// <summary>Marks a thread read (or unread again).</summary>
        Task<MessageThread> MarkMessageThreadAsync(UserIdentity user, long threadId, bool read, CancellationToken cancellationToken = default);
    }

    /// <summary>Archiving users, which only REST API 2.x has.</summary>
    public interface IUserArchive
    {
        /// <summary>Archives the user (or with <paramref name="archive"/> false, brings them back).</summary>
        Task<User> ArchiveUserAsync(UserIdentity user, bool archive, CancellationToken cancellationToken = default);
    }

    /// <summary>Blocking a user (Inbox spam), which only REST API 2.x has (Intercom-Version 2.13 on).</summary>
    public interface IUserBlocking
    {
        /// <summary>
        /// Blocks the user, which archives (closes) their conversations, and returns the user as found before: a block
        /// changes nothing the contact shows. Not idempotent as far as Intercom documents it: never repeated after it may
        /// have been applied.
        /// </summary>
        Task<User> BlockUserAsync(UserIdentity user, CancellationToken cancellationToken = default);
    }

    /// <summary>Reading notes, which only REST API 2.x can (v1 could only add them).</summary>
    public interface INoteListing
    {
        /// <summary>The user's notes, newest first, a page at a time (at most <paramref name="pageSize"/>, 50 a page at most).</summary>
        IPageReader<Note> ListNotes(UserIdentity user, int pageSize = int.MaxValue, CancellationToken cancellationToken = default);

        /// <summary>One note by its id.</summary>
        Task<Note> GetNoteAsync(string id, CancellationToken cancellationToken = default);
    }

    /// <summary>Listing every tag, which only REST API 2.x can (v1 finds tags by name).</summary>
    public interface ITagListing
    {
        Task<Tag[]> ListTagsAsync(CancellationToken cancellationToken = default);
    }

    /// <summary>Deleting a tag, which only REST API 2.x can (v1 can untag its users, not delete it).</summary>
    public interface ITagRemoval
    {
        /// <summary>Deletes the tag <paramref name="find"/> finds by name, and returns it as it was.</summary>
        Task<Tag> DeleteTagAsync(string name, TagFinder find, CancellationToken cancellationToken = default);
    }

    /// <summary>
    /// The team inbox, which only REST API 2.x has: the workspace's conversations listed by one server-side search and
    /// acted on by id, whoever's they are; their state, assignment and tags; replies and notes by admins; the admins
    /// and teams. Where a <see cref="UserIdentity"/> is given, the conversation must be that user's (not_found
    /// otherwise, and nothing is changed), as a thread id named a thread of its user on v1. Admin actions are written
    /// by <c>adminId</c>, else the session's admin (Connect-Intercom's -AdminId, else GET /me's).
    /// </summary>
    public interface IConversationInbox
    {
        /// <summary>The conversations the query asks for, oldest first, a page at a time, each read in full.</summary>
        IThreadReader ListConversations(ConversationQuery query, CancellationToken cancellationToken = default);

        /// <summary>One conversation with its parts; bodies as plain text when <paramref name="plainText"/>.</summary>
        Task<MessageThread> GetConversationAsync(long threadId, UserIdentity? user, bool plainText, CancellationToken cancellationToken = default);

        /// <summary>A reply by an admin that the user sees, or with <paramref name="note"/> a note only teammates see. Not idempotent.</summary>
        Task<MessageThread> ReplyAsAdminAsync(long threadId, UserIdentity? user, string body, string? adminId, bool note, CancellationToken cancellationToken = default);

        /// <summary>
        /// An admin's message to the user, in-app or an email, as Intercom answered sending it: its conversation is
        /// named only if Intercom opened one (<see cref="OutboundMessage.OpenConversation"/>). Not idempotent: never
        /// repeated once it may have been sent.
        /// </summary>
        Task<SentMessage> SendMessageAsync(UserIdentity user, OutboundMessage message, CancellationToken cancellationToken = default);

        /// <summary>A reply as the conversation's own contact, the user it is with. Not idempotent.</summary>
        Task<MessageThread> ReplyAsContactAsync(long threadId, string body, CancellationToken cancellationToken = default);

        /// <summary>
        /// Marks the conversation read (or unread again), titles it and sets its custom attributes, in one request; with
        /// <paramref name="user"/>, once the conversation is known to be that user's.
        /// </summary>
        Task<MessageThread> UpdateConversationAsync(long threadId, UserIdentity? user, ConversationChanges changes, CancellationToken cancellationToken = default);

        /// <summary>Opens, closes or snoozes (until <paramref name="snoozedUntil"/>) the conversation; a close may carry <paramref name="body"/>, words to the user.</summary>
        Task<MessageThread> SetConversationStateAsync(long threadId, UserIdentity? user, string state, DateTime? snoozedUntil, string? body, string? adminId, CancellationToken cancellationToken = default);

        /// <summary>Assigns the conversation to an admin, or (<paramref name="team"/>) a team; assignee "0" unassigns that kind.</summary>
        Task<MessageThread> AssignConversationAsync(long threadId, UserIdentity? user, bool team, string assigneeId, string? body, string? adminId, CancellationToken cancellationToken = default);

        /// <summary>Adds and removes the conversation's tags (their 2.x ids), one request each, then reads it back.</summary>
        Task<MessageThread> TagConversationAsync(long threadId, UserIdentity? user, IReadOnlyList<string> addTagIds, IReadOnlyList<string> removeTagIds, string? adminId, CancellationToken cancellationToken = default);

        /// <summary>
        /// Adds the user to the conversation's contacts (POST /conversations/{id}/customers), by <paramref name="adminId"/>
        /// or the session's admin; the user is found first, so a user that is not there is not_found (Intercom would make
        /// a lead of an unknown email). The conversation as it is after. Adding a user taking part changes nothing.
        /// </summary>
        Task<MessageThread> AddConversationUserAsync(long threadId, UserIdentity user, string? adminId, CancellationToken cancellationToken = default);

        /// <summary>
        /// Takes the user off the conversation's contacts (DELETE /conversations/{id}/customers/{contact_id}), by
        /// <paramref name="adminId"/> or the session's admin; never its last one. Not repeated once it may have been applied.
        /// </summary>
        Task<MessageThread> RemoveConversationUserAsync(long threadId, UserIdentity user, string? adminId, CancellationToken cancellationToken = default);

        /// <summary>
        /// Deletes the conversation for good (DELETE /conversations/{id}): its parts, tags and attributes go with it. Not
        /// idempotent: never repeated once it may have been applied (a repeat would be not_found).
        /// </summary>
        Task DeleteConversationAsync(long threadId, CancellationToken cancellationToken = default);

        /// <summary>
        /// Merges conversation <paramref name="threadId"/> (the secondary) into <paramref name="intoThreadId"/> (the
        /// primary) (2.16's POST /conversations/{id}/merge): the secondary is closed and linked to the primary, which is
        /// returned. Not idempotent: never repeated once it may have been applied (a repeat is "already merged").
        /// </summary>
        Task<MessageThread> MergeConversationAsync(long threadId, long intoThreadId, CancellationToken cancellationToken = default);

        /// <summary>
        /// The workspace's deleted conversations (2.16's GET /conversations/deleted), the most recently deleted first,
        /// walked by page number (up to 60 a page) until the last; each page checked as any paged read.
        /// </summary>
        IPageReader<DeletedThread> ListDeletedConversations(int pageSize = int.MaxValue, CancellationToken cancellationToken = default);

        /// <summary>
        /// The times teammates paused and resumed handling conversation <paramref name="threadId"/> (2.16's GET
        /// /conversations/{id}/handling_events, one list), oldest first as answered.
        /// </summary>
        Task<HandlingEvent[]> ListHandlingEventsAsync(long threadId, CancellationToken cancellationToken = default);

        /// <summary>
        /// The internal side conversations started from conversation <paramref name="threadId"/>, with their parts
        /// (2.16's GET /conversations/{id}/side_conversations), walked by page number (up to 50 a page) until the last.
        /// </summary>
        IPageReader<SideConversation> ListSideConversations(long threadId, int pageSize = int.MaxValue, CancellationToken cancellationToken = default);

        /// <summary>
        /// Redacts one part of the conversation (POST /conversations/redact, type conversation_part): the part stays, its
        /// words are deleted for good. The conversation as it is after. Not repeated once it may have been applied.
        /// </summary>
        Task<MessageThread> RedactPartAsync(long threadId, string partId, CancellationToken cancellationToken = default);

        /// <summary>Redacts the conversation's source message, its first (type source): the conversation is read first for the source's id.</summary>
        Task<MessageThread> RedactSourceAsync(long threadId, CancellationToken cancellationToken = default);

        Task<Admin[]> ListAdminsAsync(CancellationToken cancellationToken = default);

        Task<Admin> GetAdminAsync(string id, CancellationToken cancellationToken = default);

        Task<Team[]> ListTeamsAsync(CancellationToken cancellationToken = default);

        Task<Team> GetTeamAsync(string id, CancellationToken cancellationToken = default);

        /// <summary>
        /// GET /teams/{id}/metrics (Intercom-Version 2.16): each of the team's admins' open, idle and snoozed
        /// conversations now; <paramref name="idleSeconds"/> is how long an open one must be quiet to count as idle
        /// (Intercom's 30 minutes when null; it takes 1 to 86400, so others are refused here rather than clamped there).
        /// </summary>
        Task<TeamMetric[]> GetTeamMetricsAsync(string teamId, int? idleSeconds, CancellationToken cancellationToken = default);
    }

    /// <summary>Reads a conversation listing a page at a time; null after the last page.</summary>
    public interface IThreadReader
    {
        /// <summary>How many conversations the search matched, once its first page is read.</summary>
        long? TotalCount { get; }

        Task<MessageThread[]?> NextAsync();
    }

    /// <summary>Impressions (a user's visit, answered with their unread count), which only v1 has.</summary>
    public interface IImpressions
    {
        Task<ImpressionResult> CreateImpressionAsync(UserIdentity user, string? userIp = null, string? userAgent = null, string? currentUrl = null, CancellationToken cancellationToken = default);
    }

    /// <summary>Reads a listing page by page; null after the last page.</summary>
    public interface IUserReader : IDisposable
    {
        Task<UserPage?> NextAsync();
    }

    /// <summary>Makes the client for a session's credential: an access token means REST API 2.x, an app id and API key v1.</summary>
    public static class IntercomApi
    {
        public static IIntercomApi Create(IntercomClientOptions options) =>
            (options ?? throw new ArgumentNullException(nameof(options))).AccessToken is null ? new IntercomClient(options) : new IntercomV2Client(options);

        /// <summary>
        /// The client as the capability interface <typeparamref name="T"/> its protocol implements. Called once
        /// <see cref="Capabilities"/> said the session can: a client without it means the table and the clients disagree.
        /// </summary>
        public static T As<T>(this IIntercomApi client) where T : class =>
            client as T ?? throw new InvalidOperationException($"{client} has no {typeof(T).Name}, although the capability table let its protocol ask for it.");
    }
}
