using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// One user an input names, and what its errors and -WhatIf carry. An input with neither email nor id is that
    /// input's own error (<see cref="Refusal"/>), never the whole command's.
    /// </summary>
    public sealed class UserTarget
    {
        private readonly string? _userId;
        private readonly string? _email;
        private readonly string? _id;

        private UserTarget(string? userId, string? email, string? id, object? target)
        {
            _userId = userId;
            _email = email;
            _id = id;
            Target = target;
        }

        /// <summary>The piped object, else the value given on the command line.</summary>
        public object? Target { get; }

        /// <exception cref="ArgumentException">Neither an email nor a user id was given.</exception>
        public UserIdentity Identity() => new UserIdentity(_userId, _email, _id);

        /// <summary>Why this names no user (neither email, user id nor id), or null when it names one and <see cref="Identity"/> succeeds.</summary>
        public ArgumentException? Refusal()
        {
            if (!string.IsNullOrWhiteSpace(_userId) || !string.IsNullOrWhiteSpace(_email) || !string.IsNullOrWhiteSpace(_id)) return null;
            try
            {
                Identity();
                return null;
            }
            catch (ArgumentException refused)
            {
                return refused;
            }
        }

        /// <summary>Each name this gives the user (contact id, user id, email), for <see cref="SameUserOrder"/>; blank ones left out.</summary>
        public string[] Keys() => new[] { ("id:", _id), ("user_id:", _userId), ("email:", _email) }
            .Where(key => !string.IsNullOrWhiteSpace(key.Item2)).Select(key => key.Item1 + key.Item2!.Trim()).ToArray();

        /// <summary>The user's name for -WhatIf and -Confirm messages (only users that are named get there).</summary>
        public string Describe() => Identity().ToString();

        /// <summary>
        /// The users one input names: -Email a,b -UserId c,d (and -Id e,f, the contact ids) pair them up in order (or
        /// any one alone names each); a piped object with several of those properties is one user; a piped plain
        /// string is an email.
        /// </summary>
        /// <exception cref="ArgumentException">-Email, -UserId and -Id have different numbers of values.</exception>
        /// <param name="namesOwn">The kind of the module's objects that, piped, names what the cmdlet acts with rather than
        /// a user (a Company for Add-IntercomCompanyUser, a SubscriptionType for Set-IntercomUserSubscription); null: none.</param>
        public static IReadOnlyList<UserTarget> Of(string[]? emails, string[]? userIds, string[]? contactIds, PSObject? input, Type? namesOwn = null)
        {
            // A piped note, tag, company, segment, admin, team, away reason, data attribute or thread part has an Id
            // of its own (v1 notes have none), which binds to -Id by name but is no contact id: a note alone names the
            // user it is about; the others name nobody. They are refused even beside -Email, since their other
            // properties bind too (a company's Name and CustomData to a user write's, an admin's Email), except a
            // company where it names the company the users are linked to (Add-IntercomCompanyUser), or a subscription type
            // where it names the type the users are set for (Set-IntercomUserSubscription).
            if (input?.BaseObject is Note note && emails is null && userIds is null && (contactIds is null || IsOnly(contactIds, note.Id)))
            {
                if (note.User is not { } about) throw new ArgumentException($"{(note.Id is null ? "The note" : "Note " + note.Id)} does not say which user it is about, so it cannot name one; pipe the user instead.");
                return new[] { new UserTarget(about.UserId, about.Email, about.Id, input) };
            }
            if (NotAUser(input?.BaseObject) is { } refusal)
            {
                var own = input!.BaseObject;
                if (namesOwn is null || !namesOwn.IsInstanceOfType(own)) throw new ArgumentException(refusal);
                if (IsOnly(contactIds, (own as Company)?.Id ?? (own as SubscriptionType)?.Id)) contactIds = null;
                if (emails is null && userIds is null && contactIds is null)
                    throw new ArgumentException(own is Company company
                        ? $"Company '{company}' is the company: name the users to link to it with -Email, -UserId or -Id."
                        : $"Subscription type '{own}' is the subscription type: name the users to set it for with -Email, -UserId or -Id.");
            }
            if (emails is null && userIds is null && contactIds is null)
                return new[] { new UserTarget(null, input?.BaseObject as string, null, input) };
            emails ??= Array.Empty<string>();
            userIds ??= Array.Empty<string>();
            contactIds ??= Array.Empty<string>();
            var count = Math.Max(emails.Length, Math.Max(userIds.Length, contactIds.Length));
            if ((emails.Length > 0 && emails.Length != count) || (userIds.Length > 0 && userIds.Length != count) || (contactIds.Length > 0 && contactIds.Length != count))
            {
                var given = new[] { ("-Email", emails.Length), ("-UserId", userIds.Length), ("-Id", contactIds.Length) }.Where(named => named.Item2 > 0).ToArray();
                var counts = $"{given[0].Item1} has {given[0].Item2} value{(given[0].Item2 == 1 ? "" : "s")}";
                for (var i = 1; i < given.Length; i++) counts += (i == given.Length - 1 ? " and " : ", ") + $"{given[i].Item1} {given[i].Item2}";
                throw new ArgumentException($"{counts}; give one of them, or the same number of each to pair them up.");
            }
            var targets = new UserTarget[count];
            for (var i = 0; i < count; i++)
            {
                var email = i < emails.Length ? emails[i] : null;
                var userId = i < userIds.Length ? userIds[i] : null;
                var id = i < contactIds.Length ? contactIds[i] : null;
                targets[i] = new UserTarget(userId, email, id, input ?? (object?)userId ?? (object?)email ?? id);
            }
            return targets;
        }

        /// <summary>Why a piped object of the module's names no user (it is no user, or does not say whose it is); null for anything else.</summary>
        internal static string? NotAUser(object? piped) => piped switch
        {
            Tag tag => $"Tag '{tag.Name}' is not a user: to act on the users it tags, pipe Get-IntercomUser -Tag '{tag.Name}'.",
            Company company => $"Company '{company}' is not a user: to act on its users, pipe Get-IntercomCompanyUser -CompanyId '{company.CompanyId}'.",
            Segment segment => $"Segment '{segment}' is not a user: to act on its users, pipe Get-IntercomSegmentUser -SegmentId '{segment.Id}'.",
            SubscriptionType type => $"Subscription type '{type}' is not a user: pipe users to Set-IntercomUserSubscription -SubscriptionType '{type.Id}', or pass -Email, -UserId or -Id.",
            // Teammates and their teams and reasons bind their Id (and an admin its Email) by name too, and would
            // name a contact that is not there: an empty thread list, or a note on nobody.
            Admin admin => $"Admin '{admin.Name}' is a teammate, not a user: pass its Id to -AssigneeId or -AdminId instead.",
            Team team => $"Team '{team.Name}' is not a user: pass its Id to -TeamId instead.",
            AwayReason reason => $"Away reason '{reason.Label}' is not a user: pass its Id to Set-IntercomAdmin -ReasonId instead.",
            // A note beside -Email, -UserId or -Id would pair its own Id with them as a contact id.
            Note note => $"{(note.Id is null ? "The note" : "Note " + note.Id)} names the user it is about only when piped alone, without -Email, -UserId or -Id: pipe the user instead.",
            // Every other object of the module names no user: a data attribute, a thread's part or an admin author would
            // bind its own Id (or Email) as a user's; a thread's message or the session names nobody at all.
            null or User or MessageThread or DataEvent or EventSummary or SentMessage or ImpressionResult or UserSubscription => null,
            MessageAuthor { IsAdmin: false, Type: null or "user" or "lead" or "contact" } => null,
            _ when piped.GetType().Assembly == typeof(User).Assembly => $"{PipedObject.Describe(piped)} is not a user: pipe users (Get-IntercomUser), or pass -Email, -UserId or -Id.",
            _ => null,
        };

        private static bool IsOnly(string[]? values, string? value) => values is { Length: 1 } && value is not null && values[0] == value;
    }
}
