using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Leads, contacts with role lead: listed by a contact search on role, read by id or found by email, created with
    /// POST /contacts (role lead), updated with PUT /contacts/{id}, and merged into a user with POST /contacts/merge.
    /// </summary>
    public sealed partial class IntercomV2Client : ILeads
    {
        /// <summary>The ErrorId's type when several leads have the email asked for.</summary>
        internal const string AmbiguousLeadType = "ambiguous_lead";

        public IPageReader<User> ListLeads(int pageSize = int.MaxValue, CancellationToken cancellationToken = default) =>
            ContactWalk(writer => ContactLookup.WriteFilter(writer, "role", "=", "lead"), pageSize, cancellationToken);

        public async Task<User> GetLeadAsync(UserIdentity lead, CancellationToken cancellationToken = default) =>
            (await FindLeadAsync(lead, cancellationToken).ConfigureAwait(false)).ToUser();

        public async Task<User> CreateLeadAsync(UserChanges changes, CancellationToken cancellationToken = default)
        {
            if (changes is null) throw new ArgumentNullException(nameof(changes));
            if (changes.Identity.UserId is not null || changes.Identity.Id is not null)
                throw new ArgumentException("A new lead is named by its email only: leads have no user id, and Intercom gives the contact id. A contact with a user id is a user (New-IntercomUser).");
            try
            {
                var created = await SendAsync(HttpMethod.Post, "contacts", writer => WriteContact(writer, changes, newRole: "lead"), V2JsonContext.Default.Contact,
                    idempotent: false, cancellationToken).ConfigureAwait(false);
                return created.ToUser();
            }
            catch (IntercomApiException failure) when (UndefinedAttribute(failure, changes) is { } explained)
            {
                throw explained;
            }
        }

        /// <summary>The lead is found first (an id that is not a lead's is not_found); the update itself is idempotent.</summary>
        public async Task<User> UpdateLeadAsync(UserIdentity lead, UserChanges changes, CancellationToken cancellationToken = default)
        {
            if (changes.Identity.UserId is not null)
                throw new ArgumentException("Leads have no user id: a contact with one is a user. To make a lead a user, merge it into one (Merge-IntercomLead).");
            var id = (await FindLeadAsync(lead, cancellationToken).ConfigureAwait(false)).Id!;
            return await PutContactAsync(id, changes, cancellationToken).ConfigureAwait(false);
        }

        /// <summary>
        /// Finds the lead and the user, then POST /contacts/merge {from, into}. Not idempotent: once merged the lead is
        /// gone, so a repeat after a lost answer would be a 404; that error says the merge may have happened.
        /// </summary>
        public async Task<User> MergeLeadAsync(UserIdentity lead, UserIdentity into, bool skipDuplicateCheck = false, CancellationToken cancellationToken = default)
        {
            var from = FindLeadAsync(lead, cancellationToken);
            var user = ContactIdAsync(into, cancellationToken);
            await Task.WhenAll(from, user).ConfigureAwait(false);
            var fromId = (await from.ConfigureAwait(false)).Id!;
            var intoId = await user.ConfigureAwait(false);
            Contact merged;
            try
            {
                merged = await SendAsync(HttpMethod.Post, "contacts/merge", writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("from", fromId);
                    writer.WriteString("into", intoId);
                    if (skipDuplicateCheck) writer.WriteBoolean("skip_duplicate_validation", true);
                    writer.WriteEndObject();
                }, V2JsonContext.Default.Contact, idempotent: false, cancellationToken).ConfigureAwait(false);
            }
            catch (IntercomApiException refused) when (refused.ErrorType == InvalidMergeType)
            {
                // Intercom's own text names its request field; say what the cmdlet's user can do.
                throw new IntercomApiException(refused.Method, refused.RequestUri, refused.StatusCode, refused.ErrorType,
                    $"Lead {fromId} and user {intoId} are not duplicates (they share no email or phone), and Intercom-Version 2.16 merges only duplicates. " +
                    "To merge them anyway, add -SkipDuplicateCheck (Merge-IntercomLead -SkipDuplicateCheck).", refused.RetryAfter, refused, refused.RequestId);
            }
            return merged.ToUser();
        }

        /// <summary>The most GET /contacts/{id}/merge_history lists on a page (2.16's description).</summary>
        private const int MergeHistoryPageSize = 150;

        public async Task<UserMerge[]> GetUserMergeHistoryAsync(UserIdentity user, CancellationToken cancellationToken = default)
        {
            var contactId = await ContactIdAsync(user, cancellationToken).ConfigureAwait(false);
            var path = "contacts/" + Uri.EscapeDataString(contactId) + "/merge_history?per_page=" + MergeHistoryPageSize.ToString(CultureInfo.InvariantCulture);
            var merges = new List<UserMerge>();
            var cursors = new HashSet<string>(StringComparer.Ordinal);
            string? cursor = null;
            while (true)
            {
                var page = await SendAsync(HttpMethod.Get, cursor is null ? path : path + "&cursor=" + Uri.EscapeDataString(cursor), null,
                    V2JsonContext.Default.MergeHistoryList, idempotent: true, cancellationToken).ConfigureAwait(false);
                merges.AddRange(page.Data.Where(entry => entry is not null).Select(entry => new UserMerge
                {
                    ContactId = contactId, SourceContactId = entry.SourceContactId, SourceRole = entry.SourceContactRole, MergedAt = entry.MergedAt,
                }));
                if (page.HasMore != true || string.IsNullOrEmpty(page.NextCursor)) return merges.ToArray();
                // A cursor given twice would walk the same pages for ever: stop, saying so, rather than loop.
                if (!cursors.Add(page.NextCursor!))
                    throw new IntercomApiException("GET", new Uri(BaseUri, "contacts/" + Uri.EscapeDataString(contactId) + "/merge_history"), HttpStatusCode.OK, "repeated_cursor",
                        $"Intercom gave the merge history's cursor '{page.NextCursor}' twice; stopped after {merges.Count} entries rather than read them again.");
                cursor = page.NextCursor;
            }
        }

        /// <summary>POST /contacts/merge's refusal (2.16) of a lead and user that are not duplicates.</summary>
        internal const string InvalidMergeType = "invalid_merge";

        /// <summary>By contact id (GET; a contact that is not a lead is not_found), else one search on role lead and email.</summary>
        private async Task<Contact> FindLeadAsync(UserIdentity lead, CancellationToken cancellationToken)
        {
            if (lead is null) throw new ArgumentNullException(nameof(lead));
            if (lead.Id is { } id)
            {
                var contact = await SendAsync(HttpMethod.Get, "contacts/" + Uri.EscapeDataString(id), null, V2JsonContext.Default.Contact, idempotent: true, cancellationToken).ConfigureAwait(false);
                if (contact.Role != "lead")
                    throw new IntercomLookupException("GET", new Uri(BaseUri, "contacts/" + id), IntercomApiException.NotFoundType, $"Contact {id} is a {contact.Role}, not a lead.");
                return contact;
            }
            if (lead.Email is null) throw new ArgumentException("A lead is named by its contact id (-Id) or its email (-Email); leads have no user id.");
            var found = await SendAsync(HttpMethod.Post, "contacts/search", writer => ContactLookup.WriteSearch(writer, new UserIdentity(null, lead.Email), ContactLookup.ProbeSize, role: "lead"),
                V2JsonContext.Default.ContactList, idempotent: true, cancellationToken).ConfigureAwait(false);
            var searched = new Uri(BaseUri, "contacts/search");
            if (found.Data.Length == 0)
                throw new IntercomLookupException("POST", searched, IntercomApiException.NotFoundType,
                    $"No lead (contact with role lead) has email '{lead.Email}'. A contact created in the last few minutes may not be searchable yet; by -Id it is found at once.");
            if (found.TotalCount > 1 || found.Data.Length > 1)
                throw new IntercomLookupException("POST", searched, AmbiguousLeadType,
                    $"{found.TotalCount} leads have email '{lead.Email}', so which one is meant is unclear; name it by -Id (the contact id), e.g. {found.Data[0].Id}.");
            return found.Data[0];
        }
    }

    /// <summary>GET /contacts/{id}/merge_history's answer (2.16): a page of merge_history entries and the cursor to the next.</summary>
    internal sealed class MergeHistoryList
    {
        [System.Text.Json.Serialization.JsonPropertyName("data")] public MergeHistoryItem[] Data { get; set; } = Array.Empty<MergeHistoryItem>();
        [System.Text.Json.Serialization.JsonPropertyName("next_cursor")] public string? NextCursor { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("has_more")] public bool? HasMore { get; set; }
    }

    internal sealed class MergeHistoryItem
    {
        [System.Text.Json.Serialization.JsonPropertyName("source_contact_id")] public string? SourceContactId { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("source_contact_role")] public string? SourceContactRole { get; set; }
        [System.Text.Json.Serialization.JsonPropertyName("merged_at"), System.Text.Json.Serialization.JsonConverter(typeof(IntercomPS.Json.UnixTimeConverter))] public DateTime? MergedAt { get; set; }
    }
}
