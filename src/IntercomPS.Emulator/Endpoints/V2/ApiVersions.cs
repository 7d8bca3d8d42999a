using System;
using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.Emulator.Endpoints.V2;

/// <summary>
/// Every Intercom-Version the real service accepts (its descriptions' <c>intercom_version</c> enum: 1.0-1.4 and
/// 2.0-2.16, and the unstable version, named Unstable until 2026 and Preview since) and what the emulator answers
/// each as: THE version table, which the README restates. A version Intercom's descriptions in shared/reference
/// cover (2.11, 2.14, 2.15, 2.16) answers as itself; Unstable and Preview as the newest of them; any other as the
/// nearest described version below it (2.12 and 2.13 as 2.11), and 1.x and 2.0-2.10, below them all, as the oldest
/// (2.11). How a described version differs from 2.14 in what the emulator serves is its <see cref="ApiModel"/>.
/// </summary>
internal static class ApiVersions
{
    /// <summary>What an app answers in when a request names no version and nothing else was set for it.</summary>
    public const string DefaultName = "2.14";

    /// <summary>
    /// Operations the emulator serves that appeared after 2.0, with the version that brought them (Intercom's API
    /// changelog): an older version answers them with the real service's 400. Every other operation served is in
    /// the oldest description (2.11).
    /// </summary>
    private static readonly Dictionary<string, Version> Introduced = new(StringComparer.Ordinal)
    {
        ["GET /contacts/find_by_external_id/{external_id}"] = new(2, 13), // "Get Contact by External ID", changelog v2.13
        ["POST /contacts/{contact_id}/block"] = new(2, 13), // "Block contact API", changelog v2.13 (not in 2.11's description)
        ["GET /away_status_reasons"] = new(2, 14), // in the 2.14 description, not 2.11's; no changelog entry names it
        ["DELETE /conversations/{conversation_id}"] = new(2, 13), // "Delete a conversation", changelog v2.13
        ["DELETE /tickets/{ticket_id}"] = new(2, 14), // in the 2.14 description, not 2.11's (which has the rest of tickets); no changelog entry names it
        ["GET /ticket_states"] = new(2, 14),
        ["POST /tickets/enqueue"] = new(2, 14), // in the 2.14 description, not 2.11's; no changelog entry names it
        ["GET /jobs/status/{job_id}"] = new(2, 14), // the enqueued ticket's job, as POST /tickets/enqueue: in the 2.14 description, not 2.11's; no changelog entry names it
        ["GET /internal_articles"] = new(2, 14), // internal articles: in the 2.14 description, not 2.11's; no changelog entry names them
        ["POST /internal_articles"] = new(2, 14),
        ["GET /internal_articles/{internal_article_id}"] = new(2, 14),
        ["PUT /internal_articles/{internal_article_id}"] = new(2, 14),
        ["DELETE /internal_articles/{internal_article_id}"] = new(2, 14),
        ["GET /internal_articles/search"] = new(2, 14),
        ["POST /admins/activity_logs/search"] = new(2, 16), // the activity log's search and its types: in the 2.16 description, not 2.15's
        ["GET /admins/activity_log_event_types"] = new(2, 16),
        ["GET /companies/{company_id}/notes"] = new(2, 16), // notes on a company: in the 2.16 description, not 2.15's
        ["POST /companies/{company_id}/notes"] = new(2, 16),
        ["POST /articles/{article_id}/tags"] = new(2, 16), // tags on articles, help center and internal: in the 2.16 description, not 2.15's
        ["DELETE /articles/{article_id}/tags/{id}"] = new(2, 16),
        ["GET /articles/{id}/draft"] = new(2, 16), // an article's draft and versions: in the 2.16 description, not 2.15's
        ["PUT /articles/{id}/draft"] = new(2, 16),
        ["POST /articles/{id}/draft/publish"] = new(2, 16),
        ["GET /articles/{article_id}/versions"] = new(2, 16),
        ["GET /articles/{article_id}/versions/{id}"] = new(2, 16),
        ["POST /internal_articles/{internal_article_id}/tags"] = new(2, 16),
        ["DELETE /internal_articles/{internal_article_id}/tags/{id}"] = new(2, 16),
        ["GET /contacts/{id}/merge_history"] = new(2, 16), // a user's merged contacts: in the 2.16 description, not 2.15's
        ["GET /brands"] = new(2, 15), // brands: in the 2.15 description, not 2.14's (a new conversation's brand_id came with 2.16: ApiModel.ConversationBrands)
        ["GET /brands/{id}"] = new(2, 15),
        ["POST /tickets/{ticket_id}/change_type"] = new(2, 16), // changing a ticket's type, linking conversations to a tracker: in the 2.16 description, not 2.15's
        ["POST /tickets/{ticket_id}/linked_conversations"] = new(2, 16),
        ["DELETE /tickets/{ticket_id}/linked_conversations/{id}"] = new(2, 16),
        ["POST /conversations/{id}/merge"] = new(2, 16), // merging conversations: in the 2.16 description, not 2.15's
        ["GET /conversations/deleted"] = new(2, 16), // deleted conversations' ids: in the 2.16 description, not 2.15's
        ["GET /conversations/{id}/handling_events"] = new(2, 16), // a conversation's handling pauses and side conversations: in the 2.16 description, not 2.15's
        ["GET /conversations/{id}/side_conversations"] = new(2, 16),
        ["GET /teams/{team_id}/metrics"] = new(2, 16), // a team's real-time metrics: in the 2.16 description, not 2.15's
        ["GET /conversations/attributes"] = new(2, 16), // conversation attributes and their list options: in the 2.16 description, not 2.15's
        ["POST /conversations/attributes"] = new(2, 16),
        ["GET /conversations/attributes/{id}"] = new(2, 16),
        ["PUT /conversations/attributes/{id}"] = new(2, 16),
        ["DELETE /conversations/attributes/{id}"] = new(2, 16),
        ["POST /conversations/attributes/{id}/options"] = new(2, 16),
        ["PUT /conversations/attributes/{id}/options/{option_id}"] = new(2, 16),
        ["DELETE /conversations/attributes/{id}/options/{option_id}"] = new(2, 16),
        ["GET /macros"] = new(2, 16), // macros (saved replies), read only: in the 2.16 description, not 2.15's
        ["GET /macros/{id}"] = new(2, 16),
        ["GET /content_snippets"] = new(2, 16), // content snippets and their tags: in the 2.16 description, not 2.15's
        ["POST /content_snippets"] = new(2, 16),
        ["GET /content_snippets/{id}"] = new(2, 16),
        ["PUT /content_snippets/{id}"] = new(2, 16),
        ["DELETE /content_snippets/{id}"] = new(2, 16),
        ["POST /content_snippets/{content_snippet_id}/tags"] = new(2, 16),
        ["DELETE /content_snippets/{content_snippet_id}/tags/{id}"] = new(2, 16),
        ["GET /office_hours_schedules"] = new(2, 16), // office hours schedules and their exceptions: in the 2.16 description, not 2.15's
        ["POST /office_hours_schedules"] = new(2, 16),
        ["GET /office_hours_schedules/{id}"] = new(2, 16),
        ["PUT /office_hours_schedules/{id}"] = new(2, 16),
        ["DELETE /office_hours_schedules/{id}"] = new(2, 16),
        ["GET /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions"] = new(2, 16),
        ["POST /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions"] = new(2, 16),
        ["GET /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"] = new(2, 16),
        ["PUT /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"] = new(2, 16),
        ["DELETE /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"] = new(2, 16),
    };

    private static readonly ApiModel[] Models = [ApiModel.V2_11, ApiModel.V2_14, ApiModel.V2_15, ApiModel.V2_16];

    private static readonly Dictionary<string, ApiVersion> Known = Enumerable.Range(0, 5).Select(minor => $"1.{minor}")
        .Concat(Enumerable.Range(0, 17).Select(minor => $"2.{minor}"))
        .Select(name => new ApiVersion(name, Version.Parse(name), ModelOf(Version.Parse(name))))
        .Concat(new[] { "Unstable", "Preview" }.Select(name => new ApiVersion(name, null, Models[^1])))
        .ToDictionary(v => v.Name, StringComparer.Ordinal); // exact: the real service refuses "preview"

    /// <summary>Every version accepted, oldest first, the unstable ones last.</summary>
    public static IEnumerable<ApiVersion> All => Known.Values;

    public static ApiVersion Default { get; } = Known[DefaultName];

    /// <summary>The version named exactly <paramref name="name"/>, or null when the real service would not know it.</summary>
    public static ApiVersion? Find(string name) => Known.GetValueOrDefault(name);

    /// <summary>Whether <paramref name="version"/> lacks the operation <paramref name="route"/> ("GET /contacts/..."), which it then refuses.</summary>
    public static bool Lacks(ApiVersion version, string? route) =>
        route is not null && version.Number is { } number && Introduced.TryGetValue(route, out var since) && number < since;

    /// <summary>The version that brought the operation <paramref name="route"/> ("POST /admins/activity_logs/search"), or null for one every 2.x version has.</summary>
    public static Version? IntroducedIn(string route) => Introduced.GetValueOrDefault(route);

    /// <summary>The newest described version at or below <paramref name="number"/>, else the oldest.</summary>
    private static ApiModel ModelOf(Version number) => Models.LastOrDefault(m => Version.Parse(m.Name) <= number) ?? Models[0];
}

/// <summary>An Intercom-Version as asked (<see cref="Name"/>, answered in the Intercom-Version header) and the description it answers as.</summary>
internal sealed record ApiVersion(string Name, Version? Number, ApiModel Model)
{
    /// <summary>Whether the answers follow a description of another version (the README says what differs).</summary>
    public bool AnswersAsAnother => Model.Name != Name;
}

/// <summary>
/// A described version and how its answers differ from 2.14's in what the emulator serves (found by validating every
/// answer of the V2 suite against each description, and its examples where the description contradicts them): every
/// difference is one property here, read where the answer is written. 2.15 answers as 2.14 does, and takes one more request field.
/// </summary>
/// <param name="Name">The version whose description this is.</param>
/// <param name="ConversationsCarryTopics">A conversation has topics (an empty object, as 2.11's example has it): 2.11 requires it.</param>
/// <param name="UnsetPriority">A conversation's priority when none was set: not_priority, or 2.16's none (of none, low, medium, high, urgent).</param>
/// <param name="UnassignedId">What a conversation's admin_assignee_id and team_assignee_id are when unassigned: null, or 2.16's 0.</param>
/// <param name="AwayReasons">Admins have away status reasons (away_status_reason_id): 2.14 on, not 2.11, where PUT /admins/{id}/away names one sent as an unknown field.</param>
/// <param name="TicketStateObjects">A ticket's ticket_state is the ticket_state object (2.14 on); 2.11's is the state's category, its labels beside it (ticket_state_internal_label, ticket_state_external_label), and PUT /tickets/{id} takes 2.11's fields (state by category, assignment {admin_id, assignee_id}); a ticket type lists its ticket_states (2.11's ticket_type has none).</param>
/// <param name="TicketAssigneeNumbers">A ticket's admin_assignee_id and team_assignee_id are integers (2.16), not strings.</param>
/// <param name="TicketPreviousState">A ticket has previous_ticket_state_id (2.16): the state its most recent state change left, null before any.</param>
/// <param name="ConversationTitles">PUT /conversations/{id} takes title and company_id (2.14 on); 2.11's update_conversation_request has only read and custom_attributes, so there they are unknown fields, named and ignored.</param>
/// <param name="RetainMetrics">DELETE /conversations/{id} takes the query parameter retain_metrics (2.16): true (the default) keeps reporting data, false deletes it too; the emulator keeps no reporting data, so either deletes the same, and only its value is checked.</param>
/// <param name="AiArticles">Articles, internal and help center ones, have body_markdown, audience_ids and ai_chatbot/ai_copilot/ai_sales_agent_availability (2.16), in their writes and their answers (a help center article's answer has no audience_ids, which 2.16 gives it only per locale); help center articles also scheduled_publish_at and scheduled_unpublish_at, has_unpublished_changes and draft_updated_at (their staged draft, served with their versions from 2.16 only).</param>
/// <param name="MessageCopies">POST /messages knows cc and bcc (2.14 on), which it refuses as not emulated; 2.11's create_message_request has neither, so there they are unknown fields, named and ignored, and the message is sent.</param>
/// <param name="ReplySkipNotifications">POST /conversations/{id}/reply takes skip_notifications (2.15 on; before, only ticket replies do): checked, and changes nothing, as no notifications are sent here.</param>
/// <param name="TicketWriteOptions">POST /tickets takes assignment, conversation_to_link_id and skip_notifications, and POST /tickets/{id}/reply skip_notifications (2.14 on); 2.11's create_ticket_request and ticket replies have none of them, so there they are unknown fields, named and ignored (the ticket is made unassigned, no conversation linked).</param>
/// <param name="ConversationReplyOptions">POST /conversations/{id}/reply takes reply_options (2.14 on); 2.11's reply_conversation_request has none, so there it is an unknown field, named and ignored.</param>
/// <param name="ContactEmailVerified">POST /contacts and PUT /contacts/{id} take email_verified (2.16): a boolean or null, only beside an email in the same request; checked, not kept (2.16's contact answer has no such field).</param>
/// <param name="MergeDuplicatesOnly">POST /contacts/merge merges only duplicates, a lead and a user with the same email or phone, unless skip_duplicate_validation is true (2.16); else 400 invalid_merge.</param>
/// <param name="TicketReplyFiles">POST /tickets/{id}/reply takes attachment_files (2.16), refused as not emulated as attachment_urls is.</param>
/// <param name="ConversationBrands">POST /conversations takes brand_id (2.16; the brands themselves came with 2.15), which must name the app's brand.</param>
/// <param name="ConvertTicketState">POST /conversations/{id}/convert takes ticket_state_id (2.16): the state the ticket starts in, else submitted; before, an unknown field, named and ignored.</param>
/// <param name="ConversationAttributesApart">GET /data_attributes no longer takes model=conversation (2.16: a 422; conversation attributes are /conversations/attributes).</param>
/// <param name="WhatsAppMessages">POST /messages documents message_type whatsapp (2.16), which is refused as not emulated rather than as no such type.</param>
internal sealed record ApiModel(
    string Name, bool ConversationsCarryTopics = false, string UnsetPriority = "not_priority", long? UnassignedId = null, bool AwayReasons = true,
    bool WhatsAppMessages = false, bool TicketStateObjects = true, bool TicketAssigneeNumbers = false,
    bool TicketPreviousState = false, bool ConversationTitles = true, bool RetainMetrics = false, bool AiArticles = false, bool ReplySkipNotifications = false, bool MessageCopies = true,
    bool TicketWriteOptions = true, bool ConversationReplyOptions = true, bool ContactEmailVerified = false, bool MergeDuplicatesOnly = false, bool TicketReplyFiles = false,
    bool ConversationBrands = false, bool ConvertTicketState = false, bool ConversationAttributesApart = false)
{
    public static readonly ApiModel V2_11 = new("2.11", ConversationsCarryTopics: true, AwayReasons: false, TicketStateObjects: false, ConversationTitles: false, MessageCopies: false,
        TicketWriteOptions: false, ConversationReplyOptions: false);
    public static readonly ApiModel V2_14 = new("2.14");
    public static readonly ApiModel V2_15 = new("2.15", ReplySkipNotifications: true);
    public static readonly ApiModel V2_16 = new("2.16", UnsetPriority: "none", UnassignedId: 0, WhatsAppMessages: true, TicketAssigneeNumbers: true, TicketPreviousState: true, RetainMetrics: true, AiArticles: true, ReplySkipNotifications: true,
        ContactEmailVerified: true, MergeDuplicatesOnly: true, TicketReplyFiles: true, ConversationBrands: true, ConvertTicketState: true,
        ConversationAttributesApart: true);
}
