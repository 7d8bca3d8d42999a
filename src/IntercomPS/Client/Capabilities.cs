using System;
using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.Client
{
    /// <summary>
    /// One thing a cmdlet, or one of its parameters, asks of Intercom that not every protocol can do: whether v1 can,
    /// the lowest Intercom-Version of REST API 2.x that can (null: none), and what a session that cannot is told.
    /// </summary>
    public sealed class Capability
    {
        private Capability(string cmdlet, string? parameter, bool whenOmitted, bool onV1, string? sinceV2, string? what, string? refusal, string? contactField, bool withoutUser = false)
        {
            WithoutUser = withoutUser;
            Cmdlet = cmdlet;
            Parameter = parameter;
            WhenOmitted = whenOmitted;
            OnV1 = onV1;
            SinceV2 = sinceV2;
            What = what;
            Refusal = refusal;
            ContactField = contactField;
        }

        public string Cmdlet { get; }

        /// <summary>The parameter (without its dash), or null when the cmdlet as a whole is meant.</summary>
        public string? Parameter { get; }

        /// <summary>True when leaving the parameter out is what asks for it (Get-IntercomTag with no -Name lists every tag).</summary>
        public bool WhenOmitted { get; }

        public bool OnV1 { get; }

        /// <summary>The lowest Intercom-Version that can (like "2.0"), or null when REST API 2.x cannot at all.</summary>
        public string? SinceV2 { get; }

        /// <summary>What it is, as a refusal names it ("Archiving a user"), for a REST API 2.x-only capability.</summary>
        public string? What { get; }

        /// <summary>The whole refusal, where the protocol that cannot has its own words for it.</summary>
        public string? Refusal { get; }

        /// <summary>The 2.x contact field a v1-only user field would be (last_seen_ip): several are refused in one sentence.</summary>
        public string? ContactField { get; }

        /// <summary>True when naming no user is what asks for it: a conversation by its id alone, or the workspace's conversations.</summary>
        public bool WithoutUser { get; }

        /// <summary>
        /// Whether a cmdlet invocation asks for this, given whether its <see cref="Parameter"/> has a value (for a
        /// <see cref="WithoutUser"/> row, whether the input names a user).
        /// </summary>
        public bool IsAskedFor(bool parameterGiven) => (Parameter is null && !WithoutUser) || parameterGiven != WhenOmitted;

        public override string ToString() => Cmdlet + (WithoutUser ? " without a user" : Parameter is null ? string.Empty : (WhenOmitted ? " without -" : " -") + Parameter);

        /// <summary>REST API 2.x only: v1 is told "<paramref name="what"/> needs REST API 2.x", or <paramref name="refusal"/> when given.</summary>
        internal static Capability OnlyV2(string cmdlet, string? parameter, string what, string since, string? refusal = null, bool whenOmitted = false) =>
            new Capability(cmdlet, parameter, whenOmitted, onV1: false, since, what, refusal, null);

        /// <summary>REST API 2.x only when the input names no user: v1 finds a thread through its user.</summary>
        internal static Capability OnlyV2WithoutUser(string cmdlet, string refusal) =>
            new Capability(cmdlet, null, whenOmitted: true, onV1: false, "2.0", "Acting on conversations without naming a user", refusal, null, withoutUser: true);

        /// <summary>v1 only: a 2.x session is told <paramref name="refusal"/>.</summary>
        internal static Capability OnlyV1(string cmdlet, string? parameter, string refusal) =>
            new Capability(cmdlet, parameter, whenOmitted: false, onV1: true, sinceV2: null, what: null, refusal, null);

        /// <summary>A user field only v1 has: 2.x sessions are told which contact field is missing.</summary>
        internal static Capability OnlyV1Field(string cmdlet, string parameter, string contactField) =>
            new Capability(cmdlet, parameter, whenOmitted: false, onV1: true, sinceV2: null, what: null, refusal: null, contactField);
    }

    /// <summary>
    /// What each protocol can do, stated once: every cmdlet and parameter that only one protocol serves, keyed by cmdlet
    /// and parameter, with the protocols that can and, on 2.x, the lowest Intercom-Version that can. Cmdlets check it
    /// before a request is built and refuse with not_supported; clients never check it again, so a parameter their
    /// protocol has no place for is left out of the request, and only this table keeps it from being dropped silently.
    /// </summary>
    public static class Capabilities
    {
        /// <summary>
        /// Intercom-Version 2.0 brought the contact model (contacts, their notes, tags and archive, conversation search
        /// and parts) that every 2.x request of this module uses. Intercom's descriptions at hand (2.11 and later) all
        /// have them; a token session asking for a 1.x version cannot.
        /// </summary>
        private const string ContactModel = "2.0";

        /// <summary>DELETE /conversations/{id}: "Delete a conversation" in Intercom's 2.13 changelog.</summary>
        private const string ConversationDeletion = "2.13";

        /// <summary>Notes on a company (GET/POST /companies/{id}/notes): first in the 2.16 description.</summary>
        private const string CompanyNotes = "2.16";

        /// <summary>Tags on articles and internal articles (POST/DELETE /articles/{id}/tags, /internal_articles/{id}/tags): first in the 2.16 description.</summary>
        private const string ArticleTags = "2.16";

        /// <summary>An article's staged draft, its publishing and its versions (/articles/{id}/draft, /articles/{id}/versions): first in the 2.16 description.</summary>
        private const string ArticleDrafts = "2.16";

        /// <summary>A team's real-time metrics (GET /teams/{id}/metrics): first in the 2.16 description.</summary>
        private const string TeamMetrics = "2.16";

        /// <summary>POST /contacts/merge's skip_duplicate_validation: 2.16, whose merge takes only duplicates without it.</summary>
        private const string MergeNonDuplicates = "2.16";

        /// <summary>Merging one conversation into another (POST /conversations/{id}/merge): first in the 2.16 description.</summary>
        private const string ConversationMerge = "2.16";

        /// <summary>A user's merge history (GET /contacts/{id}/merge_history): first in the 2.16 description.</summary>
        private const string MergeHistory = "2.16";

        /// <summary>Conversation attributes and their list options (/conversations/attributes): first in the 2.16 description.</summary>
        private const string ConversationAttributes = "2.16";

        /// <summary>Macros, read only (GET /macros, /macros/{id}): first in the 2.16 description.</summary>
        private const string Macros = "2.16";

        /// <summary>Deleted conversations' ids (GET /conversations/deleted): first in the 2.16 description.</summary>
        private const string DeletedConversations = "2.16";

        /// <summary>A conversation's handling events and side conversations (GET /conversations/{id}/handling_events, /side_conversations): first in the 2.16 description.</summary>
        private const string ConversationHandling = "2.16";

        /// <summary>Office hours schedules and their exceptions (/office_hours_schedules): first in the 2.16 description.</summary>
        private const string OfficeHours = "2.16";

        /// <summary>Content snippets and their tags (/content_snippets): first in the 2.16 description.</summary>
        private const string ContentSnippets = "2.16";

        /// <summary>
        /// A conversation's title on PUT /conversations/{id}: first in the 2.14 description (2.11's update takes only read and
        /// custom_attributes; 2.2's changelog made the title visible, set in the UI only). No changelog entry dates it.
        /// </summary>
        private const string ConversationTitles = "2.14";

        /// <summary>Away status reasons (GET /away_status_reasons, an admin's away_status_reason_id): first in the 2.14 description.</summary>
        private const string AwayReasons = "2.14";

        /// <summary>
        /// Tickets as these cmdlets read and write them: a ticket's state an object with an id, set by ticket_state_id, and
        /// GET /ticket_states (the 2.14 description; 2.11 wrote a state as its category and set it by name).
        /// </summary>
        private const string TicketStates = "2.14";

        /// <summary>Changing a ticket's type and linking threads to a tracker ticket (POST /tickets/{id}/change_type, /linked_conversations): first in the 2.16 description.</summary>
        private const string TicketTypeChanges = "2.16";

        /// <summary>Blocking a contact (POST /contacts/{id}/block): "Block contact API", Intercom's 2.13 changelog; not in 2.11's description.</summary>
        private const string BlockContact = "2.13";

        public static IReadOnlyList<Capability> All { get; } = new[]
        {
            Capability.OnlyV2("Connect-Intercom", "Region", "-Region", ContactModel, V2Parameter("Region")),
            Capability.OnlyV2("Connect-Intercom", "ApiVersion", "-ApiVersion", ContactModel, V2Parameter("ApiVersion")),
            Capability.OnlyV2("Connect-Intercom", "AdminId", "-AdminId", ContactModel, V2Parameter("AdminId")),

            Capability.OnlyV2("Remove-IntercomUser", "Archive", "Archiving a user", ContactModel),
            Capability.OnlyV2("Restore-IntercomUser", null, "Unarchiving a user", ContactModel),
            Capability.OnlyV2("Block-IntercomUser", null, "Blocking a user", BlockContact),
            Capability.OnlyV2("Add-IntercomNote", "AdminId", "Choosing the admin who writes a note (-AdminId)", ContactModel),
            Capability.OnlyV2("Get-IntercomTag", "Name", "Listing every tag", ContactModel, whenOmitted: true),
            Capability.OnlyV2("Set-IntercomMessageThread", "State", "Opening, closing or snoozing a conversation", ContactModel),

            // The team inbox (REST API 2.x's conversations, worked by admins): v1 has threads of a user and their replies only.
            Capability.OnlyV2("Add-IntercomMessageThreadUser", null, "Adding a user to a conversation", ContactModel),
            Capability.OnlyV2("Remove-IntercomMessageThreadUser", null, "Removing a user from a conversation", ContactModel),
            Capability.OnlyV2WithoutUser("Get-IntercomMessageThread", ThreadsOfAUser),
            Capability.OnlyV2WithoutUser("Set-IntercomMessageThread", ThreadsOfAUser),
            Capability.OnlyV2WithoutUser("Add-IntercomMessageReply", ThreadsOfAUser),
            Capability.OnlyV2("Get-IntercomMessageThread", "State", "Filtering conversations by state (-State)", ContactModel),
            Capability.OnlyV2("Get-IntercomMessageThread", "AssigneeId", "Filtering conversations by the admin assigned (-AssigneeId)", ContactModel),
            Capability.OnlyV2("Get-IntercomMessageThread", "TeamId", "Filtering conversations by the team assigned (-TeamId)", ContactModel),
            Capability.OnlyV2("Get-IntercomMessageThread", "Unassigned", "Filtering unassigned conversations (-Unassigned)", ContactModel),
            Capability.OnlyV2("Get-IntercomMessageThread", "Tag", "Filtering conversations by tag (-Tag)", ContactModel),
            Capability.OnlyV2("Get-IntercomMessageThread", "Read", "Filtering conversations by read or unread (-Read)", ContactModel),
            Capability.OnlyV2("Get-IntercomMessageThread", "CreatedSince", "Filtering conversations by when they started (-CreatedSince)", ContactModel),
            Capability.OnlyV2("Get-IntercomMessageThread", "UpdatedSince", "Filtering conversations by when they last changed (-UpdatedSince)", ContactModel),
            Capability.OnlyV2("Get-IntercomMessageThread", "Text", "Searching conversations' first message (-Text)", ContactModel),
            Capability.OnlyV2("Get-IntercomMessageThread", "PlainText", "Bodies as plain text (-PlainText)", ContactModel),
            Capability.OnlyV2("Set-IntercomMessageThread", "Title", "Titling a conversation (-Title)", ConversationTitles),
            Capability.OnlyV2("Set-IntercomMessageThread", "CustomData", "A conversation's custom attributes (-CustomData)", ContactModel),
            Capability.OnlyV2("Set-IntercomMessageThread", "AssigneeId", "Assigning a conversation to an admin (-AssigneeId)", ContactModel),
            Capability.OnlyV2("Set-IntercomMessageThread", "TeamId", "Assigning a conversation to a team (-TeamId)", ContactModel),
            Capability.OnlyV2("Set-IntercomMessageThread", "AddTag", "Tagging a conversation (-AddTag)", ContactModel),
            Capability.OnlyV2("Set-IntercomMessageThread", "RemoveTag", "Untagging a conversation (-RemoveTag)", ContactModel),
            Capability.OnlyV2("Set-IntercomMessageThread", "AdminId", "Choosing the admin who acts on a conversation (-AdminId)", ContactModel),
            Capability.OnlyV2("Add-IntercomMessageReply", "AdminId", "Replying as an admin (-AdminId)", ContactModel),
            Capability.OnlyV2("Add-IntercomMessageReply", "AsAdmin", "Replying as an admin (-AsAdmin)", ContactModel),
            Capability.OnlyV2("Add-IntercomMessageReply", "Note", "A note on a conversation (-Note)", ContactModel),
            Capability.OnlyV2("Send-IntercomMessage", null, "Sending a message as an admin", ContactModel,
                "The v1 API cannot send a message as an admin (its threads are started by users): connect with Connect-Intercom -AccessToken to REST API 2.x, which can."),
            Capability.OnlyV2("Get-IntercomNote", null, "Reading notes", ContactModel,
                "The v1 API cannot read notes (it could only add them): connect with Connect-Intercom -AccessToken to REST API 2.x, which can."),
            Capability.OnlyV2("Get-IntercomAdmin", null, "Listing admins", ContactModel),
            Capability.OnlyV2("Get-IntercomTeam", null, "Listing teams", ContactModel),
            Capability.OnlyV2("Get-IntercomTeamMetric", null, "Team metrics", TeamMetrics),
            // The admin activity log: every 2.x description at hand has it.
            Capability.OnlyV2("Get-IntercomAdminActivity", null, "Reading the admin activity log", ContactModel),
            // GDPR on the team inbox: deleting a conversation (2.13 on) and redacting its parts (API 2.2 on: every 2.x description at hand).
            Capability.OnlyV2("Remove-IntercomMessageThread", null, "Deleting a conversation", ConversationDeletion),
            Capability.OnlyV2("Merge-IntercomMessageThread", null, "Merging conversations", ConversationMerge),
            Capability.OnlyV2("Get-IntercomMessageThread", "Deleted", "Listing deleted conversations (-Deleted)", DeletedConversations),
            Capability.OnlyV2("Get-IntercomHandlingEvent", null, "Reading a conversation's handling events", ConversationHandling),
            Capability.OnlyV2("Get-IntercomSideConversation", null, "Reading a conversation's side conversations", ConversationHandling),
            // Office hours and their exceptions (holiday closures), 2.16 on.
            Capability.OnlyV2("Get-IntercomContentSnippet", null, "Reading content snippets", ContentSnippets),
            Capability.OnlyV2("New-IntercomContentSnippet", null, "Creating content snippets", ContentSnippets),
            Capability.OnlyV2("Set-IntercomContentSnippet", null, "Changing content snippets", ContentSnippets),
            Capability.OnlyV2("Remove-IntercomContentSnippet", null, "Deleting content snippets", ContentSnippets),
            Capability.OnlyV2("Get-IntercomOfficeHours", null, "Reading office hours", OfficeHours),
            Capability.OnlyV2("New-IntercomOfficeHours", null, "Creating office hours", OfficeHours),
            Capability.OnlyV2("Set-IntercomOfficeHours", null, "Changing office hours", OfficeHours),
            Capability.OnlyV2("Remove-IntercomOfficeHours", null, "Deleting office hours", OfficeHours),
            Capability.OnlyV2("Get-IntercomOfficeHoursException", null, "Reading office hours exceptions", OfficeHours),
            Capability.OnlyV2("Add-IntercomOfficeHoursException", null, "Adding office hours exceptions", OfficeHours),
            Capability.OnlyV2("Remove-IntercomOfficeHoursException", null, "Removing office hours exceptions", OfficeHours),
            Capability.OnlyV2("Clear-IntercomMessagePart", null, "Redacting a conversation's part or message", ContactModel),
            // Admins' away mode: setting it is as old as 2.x; its reasons came with 2.14.
            Capability.OnlyV2("Set-IntercomAdmin", null, "Setting an admin away or back", ContactModel),
            Capability.OnlyV2("Set-IntercomAdmin", "ReasonId", "An away status reason (-ReasonId)", AwayReasons),
            Capability.OnlyV2("Set-IntercomAdmin", "Reason", "An away status reason (-Reason)", AwayReasons),
            Capability.OnlyV2("Get-IntercomAwayReason", null, "Listing away status reasons", AwayReasons),
            Capability.OnlyV2("New-IntercomUser", "Phone", "A user's phone", ContactModel, NoPhone),
            Capability.OnlyV2("Set-IntercomUser", "Phone", "A user's phone", ContactModel, NoPhone),

            // Workspace data (issue 24): data attributes, the CSV columns bound to them, deleting tags.
            Capability.OnlyV2("Get-IntercomDataAttribute", null, "Listing data attributes", ContactModel, NoDataAttributes),
            Capability.OnlyV2("New-IntercomDataAttribute", null, "Defining a data attribute", ContactModel, NoDataAttributes),
            Capability.OnlyV2("Set-IntercomDataAttribute", null, "Changing a data attribute", ContactModel, NoDataAttributes),
            Capability.OnlyV2("Get-IntercomDataAttribute", "Model=conversation", "Conversation data attributes (-Model conversation)", ConversationAttributes, NoDataAttributes),
            Capability.OnlyV2("New-IntercomDataAttribute", "Model=conversation", "Conversation data attributes (-Model conversation)", ConversationAttributes, NoDataAttributes),
            Capability.OnlyV2("Set-IntercomDataAttribute", "Model=conversation", "Conversation data attributes (-Model conversation)", ConversationAttributes, NoDataAttributes),
            Capability.OnlyV2("Get-IntercomMacro", null, "Macros (saved replies)", Macros),
            Capability.OnlyV2("New-IntercomUser", "CustomAttributeColumns", "Binding columns to custom attributes", ContactModel, NoAttributeColumns),
            Capability.OnlyV2("Set-IntercomUser", "CustomAttributeColumns", "Binding columns to custom attributes", ContactModel, NoAttributeColumns),
            Capability.OnlyV2("Get-IntercomUser", "Filter", "Searching users (-Filter)", ContactModel, NoSearch),
            Capability.OnlyV2("Get-IntercomUser", "Query", "Searching users (-Query)", ContactModel, NoSearch),
            Capability.OnlyV2("Remove-IntercomTag", null, "Deleting a tag", ContactModel,
                "The v1 API cannot delete a tag: untag its users with Set-IntercomTag -Untag, or connect with Connect-Intercom -AccessToken to REST API 2.x, which can."),
            // Workspace data (issue 24): companies, events, leads and segments exist on REST API 2.x only.
            Capability.OnlyV2("Get-IntercomCompany", null, "Companies", ContactModel),
            Capability.OnlyV2("New-IntercomCompany", null, "Companies", ContactModel),
            Capability.OnlyV2("Remove-IntercomCompany", null, "Companies", ContactModel),
            Capability.OnlyV2("Add-IntercomCompanyUser", null, "Attaching users to companies", ContactModel),
            Capability.OnlyV2("Remove-IntercomCompanyUser", null, "Detaching users from companies", ContactModel),
            Capability.OnlyV2("Get-IntercomCompanyUser", null, "A company's users", ContactModel),
            Capability.OnlyV2("Add-IntercomCompanyNote", null, "A note on a company", CompanyNotes),
            Capability.OnlyV2("Get-IntercomCompanyNote", null, "Reading a company's notes", CompanyNotes),
            Capability.OnlyV2("Get-IntercomUserCompany", null, "A user's companies", ContactModel),
            Capability.OnlyV2("Get-IntercomUserMergeHistory", null, "A user's merge history", MergeHistory),
            Capability.OnlyV2("New-IntercomEvent", null, "Recording data events", ContactModel),
            Capability.OnlyV2("Get-IntercomEvent", null, "A user's data events", ContactModel),
            Capability.OnlyV2("New-IntercomEventSummary", null, "Recording data event summaries", ContactModel),
            Capability.OnlyV2("Get-IntercomSegment", null, "Segments", ContactModel),
            Capability.OnlyV2("Get-IntercomSegmentUser", null, "A segment's users", ContactModel),
            Capability.OnlyV2("Get-IntercomSubscriptionType", null, "Subscription types", ContactModel),
            Capability.OnlyV2("Get-IntercomUserSubscription", null, "A user's subscriptions", ContactModel),
            Capability.OnlyV2("Set-IntercomUserSubscription", null, "Setting a user's subscriptions", ContactModel),
            // The help center: its articles and collections (every 2.x description at hand, 2.11 on, has them).
            Capability.OnlyV2("Get-IntercomArticle", null, "Help center articles", ContactModel),
            Capability.OnlyV2("New-IntercomArticle", null, "Help center articles", ContactModel),
            Capability.OnlyV2("Set-IntercomArticle", null, "Help center articles", ContactModel),
            Capability.OnlyV2("Remove-IntercomArticle", null, "Help center articles", ContactModel),
            Capability.OnlyV2("Set-IntercomArticle", "AddTag", "Tagging an article (-AddTag)", ArticleTags),
            Capability.OnlyV2("Set-IntercomArticle", "RemoveTag", "Untagging an article (-RemoveTag)", ArticleTags),
            Capability.OnlyV2("Get-IntercomArticle", "Draft", "An article's staged draft (-Draft)", ArticleDrafts),
            Capability.OnlyV2("Set-IntercomArticle", "Draft", "Staging an article's draft (-Draft)", ArticleDrafts),
            Capability.OnlyV2("Publish-IntercomArticle", null, "Publishing an article's draft", ArticleDrafts),
            Capability.OnlyV2("Get-IntercomArticleVersion", null, "An article's versions", ArticleDrafts),
            Capability.OnlyV2("Get-IntercomInternalArticle", null, "Internal articles", ContactModel),
            Capability.OnlyV2("New-IntercomInternalArticle", null, "Internal articles", ContactModel),
            Capability.OnlyV2("Set-IntercomInternalArticle", null, "Internal articles", ContactModel),
            Capability.OnlyV2("Remove-IntercomInternalArticle", null, "Internal articles", ContactModel),
            Capability.OnlyV2("Set-IntercomInternalArticle", "AddTag", "Tagging an internal article (-AddTag)", ArticleTags),
            Capability.OnlyV2("Set-IntercomInternalArticle", "RemoveTag", "Untagging an internal article (-RemoveTag)", ArticleTags),
            Capability.OnlyV2("Get-IntercomHelpCenterCollection", null, "Help center collections", ContactModel),
            // Tickets: 2.14 made a ticket's state an object set by ticket_state_id, which these cmdlets read and write.
            Capability.OnlyV2("Get-IntercomTicketType", null, "Tickets", TicketStates, NoTickets),
            Capability.OnlyV2("Get-IntercomTicket", null, "Tickets", TicketStates, NoTickets),
            Capability.OnlyV2("New-IntercomTicket", null, "Tickets", TicketStates, NoTickets),
            Capability.OnlyV2("Set-IntercomTicket", null, "Tickets", TicketStates, NoTickets),
            Capability.OnlyV2("Set-IntercomTicket", "TicketType", "Changing a ticket's type", TicketTypeChanges, NoTickets),
            Capability.OnlyV2("Set-IntercomTicket", "LinkThreadId", "Linking threads to a ticket", TicketTypeChanges, NoTickets),
            Capability.OnlyV2("Set-IntercomTicket", "UnlinkThreadId", "Unlinking threads from a ticket", TicketTypeChanges, NoTickets),
            Capability.OnlyV2("Remove-IntercomTicket", null, "Tickets", TicketStates, NoTickets),
            Capability.OnlyV2("Add-IntercomTicketReply", null, "Tickets", TicketStates, NoTickets),
            Capability.OnlyV2("ConvertTo-IntercomTicket", null, "Tickets", TicketStates, NoTickets),
            Capability.OnlyV2("Get-IntercomLead", null, "Leads", ContactModel),
            Capability.OnlyV2("New-IntercomLead", null, "Leads", ContactModel),
            Capability.OnlyV2("Set-IntercomLead", null, "Leads", ContactModel),
            Capability.OnlyV2("Merge-IntercomLead", null, "Merging a lead into a user", ContactModel),
            Capability.OnlyV2("Merge-IntercomLead", "SkipDuplicateCheck", "Merging a lead into a user that is not its duplicate (-SkipDuplicateCheck)", MergeNonDuplicates),
            Capability.OnlyV1Field("New-IntercomLead", "LastSeenIp", "last_seen_ip"),
            Capability.OnlyV1Field("New-IntercomLead", "LastSeenUserAgent", "last_seen_user_agent"),
            Capability.OnlyV1Field("New-IntercomLead", "Companies", "companies"),
            Capability.OnlyV1Field("Set-IntercomLead", "LastSeenIp", "last_seen_ip"),
            Capability.OnlyV1Field("Set-IntercomLead", "LastSeenUserAgent", "last_seen_user_agent"),
            Capability.OnlyV1Field("Set-IntercomLead", "Companies", "companies"),

            Capability.OnlyV1("New-IntercomImpression", null,
                "Impressions do not exist on REST API 2.x, and neither does the unread message count they answer with. " +
                "To record that a user was seen, set their last seen time: Set-IntercomUser -LastRequestAt (Get-Date)."),
            Capability.OnlyV1Field("New-IntercomUser", "LastSeenIp", "last_seen_ip"),
            Capability.OnlyV1Field("New-IntercomUser", "LastSeenUserAgent", "last_seen_user_agent"),
            Capability.OnlyV1Field("New-IntercomUser", "Companies", "companies"),
            Capability.OnlyV1Field("Set-IntercomUser", "LastSeenIp", "last_seen_ip"),
            Capability.OnlyV1Field("Set-IntercomUser", "LastSeenUserAgent", "last_seen_user_agent"),
            Capability.OnlyV1Field("Set-IntercomUser", "Companies", "companies"),
            Capability.OnlyV1("New-IntercomTag", "Color", NoColour),
            Capability.OnlyV1("Set-IntercomTag", "Color", NoColour),
            Capability.OnlyV1("Get-IntercomMessageThread", "CurrentUrl", "REST API 2.x has no auto messages for the page a user is on, so -CurrentUrl cannot be used there: leave it out."),
            Capability.OnlyV1("New-IntercomMessageThread", "Url", NoMessageUrl),
            Capability.OnlyV1("Add-IntercomMessageReply", "Url", NoMessageUrl),
        };

        private static readonly Dictionary<string, Capability[]> ByCmdlet =
            All.GroupBy(capability => capability.Cmdlet, StringComparer.OrdinalIgnoreCase).ToDictionary(group => group.Key, group => group.ToArray(), StringComparer.OrdinalIgnoreCase);

        /// <summary>The capabilities a cmdlet's parameters may ask for (none for most).</summary>
        public static IReadOnlyList<Capability> Of(string cmdlet) => ByCmdlet.TryGetValue(cmdlet, out var found) ? found : Array.Empty<Capability>();

        /// <summary>
        /// The not_supported error for what <paramref name="client"/> cannot do among <paramref name="asked"/>, or null
        /// when it can do them all. Several refusals are one error, so one input reports every reason at once.
        /// </summary>
        public static NotSupportedException? Refusal(IEnumerable<Capability> asked, IIntercomApi client)
        {
            var refused = asked.Where(capability => !client.Supports(capability)).ToList();
            if (refused.Count == 0) return null;
            var reasons = new List<string>();
            var fields = refused.Where(capability => capability.ContactField is not null && client.Protocol == IntercomProtocol.V2).ToList();
            if (fields.Count > 0)
                reasons.Add($"REST API 2.x has no contact field for {string.Join(" or ", fields.Select(field => $"{field.ContactField} (-{field.Parameter})"))}, so nothing was written: " +
                    $"leave {(fields.Count == 1 ? "it" : "them")} out (for a CSV, drop the column) when writing to a 2.x workspace.");
            // On a 2.x session, what a later version brings outranks what an earlier one does: the version that has them
            // all is the one to ask for (Set-IntercomTicket -TicketType on 2.11 is told 2.16, not 2.14 and then 2.16).
            var rest = refused.Except(fields).ToList();
            if (client.Protocol == IntercomProtocol.V2 && rest.Where(c => c.SinceV2 is not null).Select(c => Version.Parse(c.SinceV2!)).DefaultIfEmpty().Max() is { } newest)
                rest = rest.Where(c => c.SinceV2 is null || Version.Parse(c.SinceV2) == newest).ToList();
            // A cmdlet refused whole and one of its parameters for the same reason (v1 has no tickets) says it once.
            reasons.AddRange(rest.Select(capability => Reason(capability, client)).Distinct(StringComparer.Ordinal));
            return new NotSupportedException(string.Join(" ", reasons));
        }

        private static string Reason(Capability capability, IIntercomApi client) =>
            client.Protocol == IntercomProtocol.V1 || capability.SinceV2 is null
                ? capability.Refusal ?? $"{capability.What} needs REST API 2.x: the v1 API has no equivalent. Connect with Connect-Intercom -AccessToken to use it."
                : $"{capability.What} needs Intercom-Version {capability.SinceV2} or later, and this session asks for {client.ApiVersion}: connect with Connect-Intercom -ApiVersion {Suggested(capability.SinceV2)}.";

        /// <summary>The version to suggest for what needs <paramref name="since"/>: the module's default, unless that is older.</summary>
        private static string Suggested(string since) =>
            Version.Parse(since) > Version.Parse(IntercomClientOptions.DefaultApiVersion) ? since : IntercomClientOptions.DefaultApiVersion;

        private static string V2Parameter(string name) =>
            $"-{name} is for REST API 2.x sessions (Connect-Intercom -AccessToken); an app id and API key connect to the v1 API.";

        private const string NoPhone =
            "v1 users have no phone, so nothing was written: leave -Phone out (for a CSV, drop the column), or connect to REST API 2.x with Connect-Intercom -AccessToken, where users have one.";

        private const string ThreadsOfAUser =
            "On the v1 API a thread is one of a user's: name the user (-Email, -UserId, or pipe it). The workspace's conversations, " +
            "and one by -ThreadId alone, need REST API 2.x: connect with Connect-Intercom -AccessToken.";

        private const string NoDataAttributes =
            "The v1 API has no data attributes (it made custom data keys on first use), so there are none to list, define or change: connect with Connect-Intercom -AccessToken to REST API 2.x.";

        private const string NoSearch =
            "The v1 API cannot search users, so nothing was sent: list them and filter with Where-Object " +
            "(Get-IntercomUser | Where-Object { $_.CustomData['plan'] -eq 'pro' }), which reads every user, or connect with Connect-Intercom -AccessToken to REST API 2.x, which searches on the server.";

        private const string NoAttributeColumns =
            "-CustomAttributeColumns reads the types of the workspace's custom attributes, which the v1 API does not have, so nothing was written: " +
            "give the values as -CustomData (a custom_data column of JSON), or connect with Connect-Intercom -AccessToken to REST API 2.x.";

        private const string NoTickets =
            "The v1 API has no tickets: connect with Connect-Intercom -AccessToken to REST API 2.x, which has them.";

        private const string NoColour = "Tags have no colour on REST API 2.x, so -Color cannot be set there: leave it out.";

        private const string NoMessageUrl = "REST API 2.x records no page URL with a user's message, so -Url cannot be used there: leave it out.";
    }
}
