using System;
using System.Linq;
using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>What a cmdlet's by-name parameters name: the one kind of object it takes from the pipeline.</summary>
    internal enum PipedKind { Admin, Company, Tag, DataAttribute, Segment, Team, Thread, ThreadPart, Article, InternalArticle, HelpCenterCollection, Ticket, TicketType, ThreadToConvert, ThreadToMerge, ContentSnippet, ThreadToRead, Macro, OfficeHours }

    /// <summary>
    /// The object piped into a cmdlet that acts on admins, companies, tags, data attributes, segments, teams, articles, macros, office hours, or threads
    /// and their parts by id alone (their deletion and redaction), kept in
    /// a hidden -InputObject so the one place that decides whether it names that kind can see it. Every object of the
    /// module binds its own Id and Name by property name (and, through a [string] -Name, its ToString()), so piped into
    /// the wrong cmdlet it would name another thing with the same id or name: a company deleted by a tag's Id, a tag
    /// deleted by a user's Name, an attribute archived by a tag's Id. Those are refused, saying what to pipe
    /// instead; the module's objects of the right kind (and those that refer to one: a thread's assignees, the
    /// session's admin) and objects from outside the module (CSV rows, hashtables, strings) bind by name as before.
    /// Users are decided apart, by <see cref="UserTarget"/>.
    /// </summary>
    internal sealed class PipedObject
    {
        private readonly RuntimeDefinedParameter _input;
        private readonly PipedKind _kind;

        /// <param name="parameters">The cmdlet's composed parameters, which -InputObject joins.</param>
        /// <param name="kind">What the cmdlet's by-name parameters name.</param>
        /// <param name="parameterSet">The set that takes objects from the pipeline; all the cmdlet's sets unless it has one for them.</param>
        public PipedObject(RuntimeDefinedParameterDictionary parameters, PipedKind kind, string parameterSet = ParameterAttribute.AllParameterSets)
        {
            _kind = kind;
            _input = ComposedParameters.Add(parameters, "InputObject", typeof(PSObject),
                new ParameterAttribute { ParameterSetName = parameterSet, ValueFromPipeline = true, DontShow = true });
        }

        /// <summary>The piped object itself, which a refusal carries as its TargetObject; null when nothing is piped.</summary>
        public PSObject? InputObject => (PSObject?)_input.Value;

        /// <summary>Why the piped object names no object of this kind, or null when it may (or nothing is piped).</summary>
        public ArgumentException? Refusal() => Refuse(InputObject?.BaseObject, _kind) is { } why ? new ArgumentException(why) : null;

        /// <summary>Refuses the piped object in its place among the answers when it names no object of this kind.</summary>
        /// <returns>Whether it was refused, so the input is done with.</returns>
        public bool Refuses(RequestRunner requests)
        {
            if (Refusal() is not { } refusal) return false;
            requests.Refuse(InputObject, refusal);
            return true;
        }

        /// <summary>
        /// Refuses a piped article (or ticket) beside an -Id that names another: PowerShell binds the command line's -Id
        /// and skips the piped object's own, so the write would go to the other one while -Confirm named the piped one.
        /// </summary>
        /// <returns>Whether it was refused, so the input is done with.</returns>
        public bool RefusesAnotherArticle(RequestRunner requests, string? id) =>
            RefusesAnother<Article>(requests, id, article => article.Id, article => article.Title, "article");

        /// <inheritdoc cref="RefusesAnotherArticle"/>
        public bool RefusesAnotherInternalArticle(RequestRunner requests, string? id) =>
            RefusesAnother<InternalArticle>(requests, id, article => article.Id, article => article.Title, "internal article");

        /// <inheritdoc cref="RefusesAnotherArticle"/>
        public bool RefusesAnotherContentSnippet(RequestRunner requests, string? id) =>
            RefusesAnother<ContentSnippet>(requests, id, snippet => snippet.Id, snippet => snippet.Title, "content snippet");

        /// <inheritdoc cref="RefusesAnotherArticle"/>
        public bool RefusesAnotherTicket(RequestRunner requests, string? id) =>
            RefusesAnother<Ticket>(requests, id, ticket => ticket.Id, ticket => ticket.ToString(), "ticket");

        /// <inheritdoc cref="RefusesAnotherArticle"/>
        public bool RefusesAnotherTicketType(RequestRunner requests, string? id) =>
            RefusesAnother<TicketType>(requests, id, type => type.Id, type => type.ToString(), "ticket type");

        /// <summary>
        /// Refuses a piped thread (or sent message, naming its conversation) beside an -Id that names another thread, as
        /// <see cref="RefusesAnotherArticle"/> refuses an article: the write would go to the -Id's thread while -Confirm named the piped one.
        /// </summary>
        /// <returns>Whether it was refused, so the input is done with.</returns>
        public bool RefusesAnotherThread(RequestRunner requests, string? id)
        {
            var (what, own) = InputObject?.BaseObject switch
            {
                MessageThread thread => ("thread", thread.ThreadId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                SentMessage message => ("message", message.ConversationId?.Trim()),
                _ => (null, null),
            };
            var named = id?.Trim();
            if (own is null || string.IsNullOrEmpty(named) || string.Equals(own, named, StringComparison.Ordinal)) return false;
            requests.Refuse(InputObject, new ArgumentException(
                $"The piped {what} names thread {own}, and -Id names another ({named}): pipe it alone, or name the thread by -Id alone."));
            return true;
        }

        private bool RefusesAnother<T>(RequestRunner requests, string? id, Func<T, string?> idOf, Func<T, string?> nameOf, string noun) where T : class
        {
            if (InputObject?.BaseObject is not T piped || idOf(piped) is not { } own || string.IsNullOrWhiteSpace(id)
                || string.Equals(own.Trim(), id!.Trim(), StringComparison.Ordinal)) return false;
            var kind = char.ToUpperInvariant(noun[0]) + noun.Substring(1);
            requests.Refuse(InputObject, new ArgumentException(
                $"{kind} '{nameOf(piped)}' ({own}) names its {noun}, and -Id names another ({id.Trim()}): pipe it alone, or name the {noun} by -Id alone."));
            return true;
        }

        /// <summary>
        /// Refuses a piped tag beside a -Name that names another tag (or more): PowerShell binds the command line's -Name
        /// and skips the piped tag's own, so the deletion would go to the other tag while the tag piped was the one meant.
        /// Names compare ignoring case, as 2.x finds tags.
        /// </summary>
        /// <returns>Whether it was refused, so the input is done with.</returns>
        public bool RefusesAnotherTag(RequestRunner requests, string[] names)
        {
            if (InputObject?.BaseObject is not Tag { Name: { } own } || names.All(name => string.Equals(name, own, StringComparison.OrdinalIgnoreCase))) return false;
            requests.Refuse(InputObject, new ArgumentException(
                $"Tag '{own}' names its tag, and -Name names another ({string.Join(", ", names)}): pipe it alone, or name the tags by -Name alone."));
            return true;
        }

        /// <summary>
        /// Why a piped sent message names no thread, or null: its ConversationId binds -ThreadId (or -Id), and Intercom
        /// opens its conversation only when the user replies, so one sent without -OpenConversation usually has none yet.
        /// Without this it would bind nothing, and the cmdlet would fall back to what it does without a thread (list
        /// the user's threads) or fail on PowerShell's own null binding.
        /// </summary>
        internal static string? Unopened(object? piped) => piped is SentMessage sent && string.IsNullOrWhiteSpace(sent.ConversationId)
            ? $"{sent} opened no conversation yet, so it names no thread: Intercom opens one when the user replies, or at once for a message sent with Send-IntercomMessage -OpenConversation."
            : null;

        private static string? Refuse(object? piped, PipedKind kind)
        {
            if (kind is PipedKind.Thread or PipedKind.ThreadToConvert or PipedKind.ThreadToMerge or PipedKind.ThreadToRead && Unopened(piped) is { } unopened) return unopened;
            if (piped is null || piped.GetType().Assembly != typeof(Admin).Assembly || Names(piped, kind)) return null;
            return kind switch
            {
                PipedKind.Admin => piped switch
                {
                    MessageAuthor author => $"The author '{author}' is a {author.Type ?? "user"}, not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id.",
                    Team team => $"Team '{team.Name}' is not an admin: pipe its admins instead, Get-IntercomAdmin -Id (Get-IntercomTeam -Name '{team.Name}').AdminIds.",
                    AwayReason reason => $"Away reason '{reason.Label}' is not an admin: pass its Id to Set-IntercomAdmin -ReasonId instead.",
                    User user => $"User '{user}' is a contact, not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id.",
                    _ => $"{Describe(piped)} is not an admin: pipe admins (Get-IntercomAdmin), or pass an admin's -Id.",
                },
                PipedKind.Company => $"{Describe(piped)} is not a company: pipe companies (Get-IntercomCompany), or pass a company's -Id or -CompanyId.",
                PipedKind.Tag when piped is User user => $"User '{user}' is not a tag: to tag or untag users, pipe them to Set-IntercomTag -Name (-Untag).",
                PipedKind.Tag => $"{Describe(piped)} is not a tag: pipe tags (Get-IntercomTag) or tag names, or pass -Name.",
                PipedKind.DataAttribute => $"{Describe(piped)} is not a data attribute: pipe data attributes (Get-IntercomDataAttribute) or their names, or pass -Name.",
                PipedKind.Segment => $"{Describe(piped)} is not a segment: pipe segments (Get-IntercomSegment), or pass a segment's -SegmentId.",
                PipedKind.Team => $"{Describe(piped)} is not a team: pipe teams (Get-IntercomTeam) or threads, or pass a team's -Id.",
                // A part carries its thread's ThreadId, so piped to the thread's deletion it would delete the whole conversation.
                PipedKind.Thread when piped is ThreadPart => $"{Describe(piped)} is a part of thread {((ThreadPart)piped).ThreadId}, not the thread: to redact the part, pipe it to Clear-IntercomMessagePart; to delete the thread, pipe threads (Get-IntercomMessageThread).",
                PipedKind.Thread when piped is User user => $"User '{user}' is not a thread: to delete the user's threads, pipe Get-IntercomMessageThread -Id '{user.Id}'.",
                PipedKind.Thread => $"{Describe(piped)} is not a thread: pipe threads (Get-IntercomMessageThread), or pass -ThreadId.",
                PipedKind.Article when piped is InternalArticle => $"{Describe(piped)} is not a help center article: the *-IntercomInternalArticle cmdlets take it.",
                PipedKind.Article => $"{Describe(piped)} is not an article: pipe articles (Get-IntercomArticle), or pass an article's -Id.",
                PipedKind.InternalArticle when piped is Article => $"{Describe(piped)} is a help center article, not an internal article: the *-IntercomArticle cmdlets take it.",
                PipedKind.InternalArticle => $"{Describe(piped)} is not an internal article: pipe internal articles (Get-IntercomInternalArticle), or pass an internal article's -Id.",
                PipedKind.HelpCenterCollection when piped is Article article => $"Article '{article}' is not a collection: to get the collection it is in, pass its ParentId, Get-IntercomHelpCenterCollection -Id {article.ParentId}.",
                PipedKind.HelpCenterCollection => $"{Describe(piped)} is not a help center collection: pipe collections (Get-IntercomHelpCenterCollection), or pass a collection's -Id.",
                PipedKind.Ticket when piped is User user => $"User '{user}' is not a ticket: to act on the user's tickets, pipe the user to Get-IntercomTicket first.",
                PipedKind.Ticket when piped is TicketType type => $"Ticket type '{type}' is not a ticket: to get the tickets of a type, pass its name or Id to Get-IntercomTicket -TicketType.",
                PipedKind.Ticket => $"{Describe(piped)} is not a ticket: pipe tickets (Get-IntercomTicket), or pass a ticket's -Id.",
                PipedKind.TicketType => $"{Describe(piped)} is not a ticket type: pipe ticket types (Get-IntercomTicketType), or pass a ticket type's -Id.",
                PipedKind.ThreadToConvert when piped is ThreadPart part => $"{Describe(piped)} is a part of thread {part.ThreadId}, not the thread: to convert the thread, pipe the thread (Get-IntercomMessageThread -ThreadId {part.ThreadId}) or pass -Id {part.ThreadId}.",
                PipedKind.ThreadToConvert when piped is User user => $"User '{user}' is not a thread: to open a ticket for the user, pipe the user to New-IntercomTicket; to convert one of the user's threads, pipe Get-IntercomMessageThread -Id '{user.Id}'.",
                PipedKind.ThreadToConvert when piped is Ticket ticket => $"Ticket '{ticket}' is a ticket already, not a thread: to change it, pipe it to Set-IntercomTicket.",
                PipedKind.ThreadToConvert => $"{Describe(piped)} is not a thread: pipe threads (Get-IntercomMessageThread), or pass a thread's -Id.",
                PipedKind.ThreadToMerge when piped is ThreadPart part => $"{Describe(piped)} is a part of thread {part.ThreadId}, not the thread: to merge the thread, pipe the thread (Get-IntercomMessageThread -ThreadId {part.ThreadId}) or pass -Id {part.ThreadId}.",
                PipedKind.ThreadToMerge when piped is User user => $"User '{user}' is not a thread: to merge one of the user's threads, pipe Get-IntercomMessageThread -Id '{user.Id}'; to merge leads into a user, use Merge-IntercomLead.",
                PipedKind.ThreadToMerge => $"{Describe(piped)} is not a thread: pipe threads (Get-IntercomMessageThread), or pass a thread's -Id.",
                PipedKind.ContentSnippet => $"{Describe(piped)} is not a content snippet: pipe content snippets (Get-IntercomContentSnippet), or pass a content snippet's -Id.",
                // A part carries its thread's ThreadId, a side conversation's part the side conversation's: either would read another thread than the one meant.
                PipedKind.ThreadToRead when piped is ThreadPart part => $"{Describe(piped)} is a part of thread {part.ThreadId}, not a thread: pipe threads (Get-IntercomMessageThread -ThreadId {part.ThreadId}), or pass -ThreadId {part.ThreadId}.",
                PipedKind.ThreadToRead when piped is User user => $"User '{user}' is not a thread: pipe the user's threads instead, Get-IntercomMessageThread -Id '{user.Id}'.",
                PipedKind.ThreadToRead => $"{Describe(piped)} is not a thread: pipe threads (Get-IntercomMessageThread), or pass -ThreadId.",
                PipedKind.Macro => $"{Describe(piped)} is not a macro: pipe macros (Get-IntercomMacro), or pass a macro's -Id.",
                // An exception's own Id would name a schedule with that id, not the exception's schedule.
                PipedKind.OfficeHours when piped is OfficeHoursException exception => $"{Describe(piped)} is an exception of office hours schedule {exception.ScheduleId}, not a schedule: to get its schedule, pass Get-IntercomOfficeHours -Id {exception.ScheduleId}.",
                PipedKind.OfficeHours => $"{Describe(piped)} is not an office hours schedule: pipe schedules (Get-IntercomOfficeHours), or pass a schedule's -Id.",
                PipedKind.ThreadPart => $"{Describe(piped)} is not a thread's part: pipe a thread's Parts, or a thread with -Source, or pass -ThreadId with -PartId or -Source.",
                _ => throw new ArgumentOutOfRangeException(nameof(kind)),
            };
        }

        /// <summary>Whether one of the module's objects names this kind: itself, or what it refers to by that kind's property names.</summary>
        private static bool Names(object piped, PipedKind kind) => kind switch
        {
            PipedKind.Admin => piped is Admin or MessageThread or IntercomSession or MessageAuthor { IsAdmin: true },
            PipedKind.Company => piped is Company,
            PipedKind.Tag => piped is Tag,
            PipedKind.DataAttribute => piped is DataAttribute,
            PipedKind.Segment => piped is Segment,
            PipedKind.Team => piped is Team or MessageThread,
            PipedKind.Thread => piped is MessageThread or SentMessage,
            PipedKind.ThreadPart => piped is ThreadPart or MessageThread,
            PipedKind.Article => piped is Article,
            PipedKind.InternalArticle => piped is InternalArticle,
            PipedKind.HelpCenterCollection => piped is HelpCenterCollection,
            PipedKind.Ticket => piped is Ticket,
            PipedKind.TicketType => piped is TicketType,
            PipedKind.ThreadToConvert => piped is MessageThread or SentMessage,
            PipedKind.ThreadToMerge => piped is MessageThread or SentMessage,
            PipedKind.ContentSnippet => piped is ContentSnippet,
            PipedKind.ThreadToRead => piped is MessageThread or SentMessage,
            PipedKind.Macro => piped is Macro,
            PipedKind.OfficeHours => piped is OfficeHours,
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        /// <summary>"Data attribute 'plan'": the object's kind in words, and its text where it has one.</summary>
        internal static string Describe(object piped)
        {
            var type = piped.GetType().Name;
            var words = type.Substring(0, 1) + string.Concat(type.Skip(1).Select(c => char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
            if (piped.ToString() is { Length: > 0 } text && text != piped.GetType().FullName) return $"{words} '{text}'";
            return ("aeiou".IndexOf(char.ToLowerInvariant(words[0])) >= 0 ? "An " : "A ") + words.ToLowerInvariant();
        }
    }
}
