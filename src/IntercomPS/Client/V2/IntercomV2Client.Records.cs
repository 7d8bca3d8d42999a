using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Tags (GET/POST /tags, DELETE /contacts/{id}/tags/{tag_id}), notes (POST and GET /contacts/{id}/notes, GET
    /// /notes/{id}) and impressions, which 2.x does not have.
    /// </summary>
    public sealed partial class IntercomV2Client
    {
        /// <summary>
        /// POST /contacts/{id}/notes by <paramref name="adminId"/>, else the session's admin. Not idempotent: retried
        /// only when certainly not applied.
        /// </summary>
        public async Task<Note> AddNoteAsync(UserIdentity user, string body, string? adminId = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A note needs a body.");
            var contact = ContactIdAsync(user, cancellationToken);
            var admin = adminId is not null ? Task.FromResult(adminId) : AdminIdAsync(cancellationToken);
            await Task.WhenAll(contact, admin).ConfigureAwait(false);
            var contactId = await contact.ConfigureAwait(false);
            var note = await PostNoteAsync("contacts/" + Uri.EscapeDataString(contactId) + "/notes", contactId, await admin.ConfigureAwait(false), body, cancellationToken).ConfigureAwait(false);
            return ToNote(note, user, contactId);
        }

        /// <summary>
        /// GET /contacts/{id}/notes?page=n&amp;per_page=, newest first, walked by page number until the last (checked as
        /// any paged read); the contact is found when the first page is asked for.
        /// </summary>
        public IPageReader<Note> ListNotes(UserIdentity user, int pageSize = int.MaxValue, CancellationToken cancellationToken = default)
        {
            if (user is null) throw new ArgumentNullException(nameof(user));
            string? contactId = null;
            return NotePages(async token =>
            {
                contactId ??= await ContactIdAsync(user, token).ConfigureAwait(false);
                return "contacts/" + Uri.EscapeDataString(contactId) + "/notes";
            }, note => ToNote(note, user, contactId), pageSize, cancellationToken);
        }

        /// <summary>POST /companies/{id}/notes (2.16 on), as a contact's note is written. Not idempotent: retried only when certainly not applied.</summary>
        public async Task<Note> AddCompanyNoteAsync(string companyId, string body, string? adminId = null, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(companyId)) throw new ArgumentException("A company is named by the Id Intercom gave it.");
            if (string.IsNullOrWhiteSpace(body)) throw new ArgumentException("A note needs a body.");
            var author = adminId ?? await AdminIdAsync(cancellationToken).ConfigureAwait(false);
            return ToNote(await PostNoteAsync("companies/" + Uri.EscapeDataString(companyId) + "/notes", null, author, body, cancellationToken).ConfigureAwait(false), null, null);
        }

        /// <summary>A note written at <paramref name="path"/> (a contact's, which names its contact_id too, or a company's), sent once.</summary>
        private Task<NoteObject> PostNoteAsync(string path, string? contactId, string author, string body, CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Post, path, writer =>
            {
                writer.WriteStartObject();
                if (contactId is not null) writer.WriteString("contact_id", contactId);
                writer.WriteString("admin_id", author);
                writer.WriteString("body", body);
                writer.WriteEndObject();
            }, V2JsonContext.Default.NoteObject, idempotent: false, cancellationToken);

        /// <summary>GET /companies/{id}/notes (2.16 on), paged as a contact's notes are.</summary>
        public IPageReader<Note> ListCompanyNotes(string companyId, int pageSize = int.MaxValue, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(companyId)) throw new ArgumentException("A company is named by the Id Intercom gave it.");
            var path = "companies/" + Uri.EscapeDataString(companyId) + "/notes";
            return NotePages(_ => Task.FromResult(path), note => ToNote(note, null, null), pageSize, cancellationToken);
        }

        /// <summary>A list of notes at the path <paramref name="pathAsync"/> finds when the first page is asked for, walked by page number until the last (checked as any paged read).</summary>
        private PageReader<Note> NotePages(Func<CancellationToken, Task<string>> pathAsync, Func<NoteObject, Note> toNote, int pageSize, CancellationToken cancellationToken)
        {
            var perPage = Math.Max(1, Math.Min(pageSize, NotesPageSize));
            PagedReadCheck? check = null;
            var page = 0;
            var done = false;
            return new PageReader<Note>(async token =>
            {
                if (done) return (null, null);
                var path = await pathAsync(token).ConfigureAwait(false);
                check ??= new PagedReadCheck(HttpMethod.Get, new Uri(BaseUri, path), "note", perPage, new SeenIds());
                page++;
                var list = await SendAsync(HttpMethod.Get, $"{path}?page={page}&per_page={perPage}", null, V2JsonContext.Default.NoteList,
                    idempotent: true, token).ConfigureAwait(false);
                check.Page(list.TotalCount, list.Data, note => note.Id, null);
                done = list.Data.Length == 0 || page >= (list.Pages?.TotalPages ?? page);
                return (list.Data.Length == 0 ? null : list.Data.Select(toNote).ToArray(), list.TotalCount);
            }, cancellationToken);
        }

        /// <summary>GET /notes/{id}. The note names its contact by id only, so that is all its User carries.</summary>
        public async Task<Note> GetNoteAsync(string id, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(id)) throw new ArgumentException("A note is named by its Id.");
            var note = await SendAsync(HttpMethod.Get, "notes/" + Uri.EscapeDataString(id), null, V2JsonContext.Default.NoteObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return ToNote(note, null, note.Contact?.Id);
        }

        /// <summary>The most notes a page holds, as the description's example pages them.</summary>
        private const int NotesPageSize = 50;

        /// <summary>
        /// A note as the module shows it. The answer names the contact by id only: the note's user is what is known of
        /// them without asking again (the email or user id it was asked for with, when it was).
        /// </summary>
        private static Note ToNote(NoteObject note, UserIdentity? user, string? contactId) => new Note
        {
            Id = note.Id,
            Html = note.Body,
            CreatedAt = note.CreatedAt,
            // A company's note (2.16) is on the company alone, named by the id Intercom gave it.
            User = note.Company is null ? new User { Id = note.Contact?.Id ?? contactId, Email = user?.Email, UserId = user?.UserId } : null,
            Company = note.Company is { } company ? new Company { Id = company.Id } : null,
            Author = note.Author is { } admin ? new MessageAuthor { Type = "admin", Id = admin.Id, Name = admin.Name, Email = admin.Email, IsAdmin = true } : null,
        };

        /// <summary>GET /tags, matched by name as Intercom matches tag names (ignoring case; an exact match first).</summary>
        public Task<Tag> GetTagAsync(string name, CancellationToken cancellationToken = default) => NewTagFinder()(name, cancellationToken);

        /// <summary>
        /// One GET /tags, asked for by the first name and shared by the rest (a failed listing fails each name);
        /// blank names are refused before anything is sent.
        /// </summary>
        public TagFinder NewTagFinder()
        {
            Task<Tag[]>? listing = null;
            return async (name, cancellationToken) =>
            {
                if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A tag needs a name.");
                listing ??= ListTagsAsync(cancellationToken);
                return Named(await listing.ConfigureAwait(false), name);
            };
        }

        private Tag Named(Tag[] tags, string name) =>
            tags.FirstOrDefault(tag => string.Equals(tag.Name, name, StringComparison.Ordinal))
            ?? tags.FirstOrDefault(tag => string.Equals(tag.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new IntercomLookupException("GET", new Uri(BaseUri, "tags"), IntercomApiException.NotFoundType, $"No tag is named '{name}'.");

        /// <summary>
        /// Names from one GET /tags for the whole command; a contact with more tags than it lists (has_more), or with a
        /// tag made since the listing, is named from its own GET /contacts/{id}/tags instead.
        /// </summary>
        public TagNamer NewTagNamer()
        {
            Task<Tag[]>? listing = null;
            return async (user, cancellationToken) =>
            {
                var listed = user.Tags ?? new UserTags(Array.Empty<Tag>());
                if (!user.TagsUnnamed) return listed;
                if (!user.TagsHaveMore)
                {
                    listing ??= ListTagsAsync(cancellationToken);
                    var all = (await listing.ConfigureAwait(false)).Where(tag => tag.Id is not null).GroupBy(tag => tag.Id!).ToDictionary(group => group.Key, group => group.First());
                    if (listed.All(tag => all.ContainsKey(tag.Id!))) return new UserTags(listed.Select(tag => all[tag.Id!]).ToList());
                }
                var own = await SendAsync(HttpMethod.Get, "contacts/" + Uri.EscapeDataString(user.Id!) + "/tags", null, V2JsonContext.Default.TagObjectList, idempotent: true, cancellationToken).ConfigureAwait(false);
                return new UserTags(own.Data.Select(ToTag).ToList());
            };
        }

        /// <summary>
        /// 2.x tags do not say how many users carry them: one contact search (role user and the tag, one contact a page)
        /// whose total_count is the count. Like every search it may not yet count users tagged in the last minutes.
        /// </summary>
        public async Task<Tag> CountTaggedUsersAsync(Tag tag, CancellationToken cancellationToken = default)
        {
            if (tag is null) throw new ArgumentNullException(nameof(tag));
            var counted = await SendAsync(HttpMethod.Post, "contacts/search", writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("query");
                writer.WriteString("operator", "AND");
                writer.WriteStartArray("value");
                ContactLookup.WriteFilter(writer, "role", "=", "user");
                ContactLookup.WriteFilter(writer, "tag_id", "=", tag.Id!);
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteStartObject("pagination");
                writer.WriteNumber("per_page", 1);
                writer.WriteEndObject();
                writer.WriteEndObject();
            }, V2JsonContext.Default.ContactRefList, idempotent: true, cancellationToken).ConfigureAwait(false);
            return new Tag { Id = tag.Id, Name = tag.Name, Color = tag.Color, Segment = tag.Segment, TaggedUserCount = counted.TotalCount };
        }

        /// <summary>DELETE /tags/{id} of the tag named (one GET /tags per finder). Not idempotent: a repeat of one applied would be not_found.</summary>
        public async Task<Tag> DeleteTagAsync(string name, TagFinder find, CancellationToken cancellationToken = default)
        {
            var tag = await find(name, cancellationToken).ConfigureAwait(false);
            await _transport.SendRawAsync(HttpMethod.Delete, "tags/" + Uri.EscapeDataString(tag.Id!), null, idempotent: false, cancellationToken).ConfigureAwait(false);
            return tag;
        }

        public async Task<Tag[]> ListTagsAsync(CancellationToken cancellationToken = default)
        {
            var list = await SendAsync(HttpMethod.Get, "tags", null, V2JsonContext.Default.TagObjectList, idempotent: true, cancellationToken).ConfigureAwait(false);
            return list.Data.Select(ToTag).ToArray();
        }

        /// <summary>
        /// POST /tags: {name} creates (or finds) the tag, {name, users: [{id}]} also tags those contacts, each batch in
        /// one request (2.x tags have no colour, so <see cref="TagChanges.Color"/> is not sent). 2.x documents no way to
        /// untag users there, so untagging is one DELETE per contact, side by side under the scheduler. Users without a
        /// contact id are looked up first, concurrently; one that cannot be found (or whose untag fails) is refused
        /// with its own error (<see cref="SavedTag.Refused"/>) and the others still go.
        /// </summary>
        public async Task<SavedTag> SaveTagAsync(TagChanges changes, RequestScheduler? scheduler = null, CancellationToken cancellationToken = default)
        {
            if (changes is null) throw new ArgumentNullException(nameof(changes));
            var slots = scheduler ?? new RequestScheduler();
            if (changes.Untag) return await UntagAsync(changes, slots, cancellationToken).ConfigureAwait(false);

            var found = await Task.WhenAll(changes.Users.Select(user => AttemptAsync(user, async () =>
                user.Id ?? await slots.RunAsync(() => ContactIdAsync(user, cancellationToken), cancellationToken).ConfigureAwait(false)))).ConfigureAwait(false);
            var ids = found.Where(outcome => outcome.Failure is null).Select(outcome => outcome.ContactId!).ToList();
            var tag = await slots.RunAsync(() => SendAsync(HttpMethod.Post, "tags", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("name", changes.Name);
                if (ids.Count > 0)
                {
                    writer.WriteStartArray("users");
                    foreach (var id in ids)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("id", id);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }, V2JsonContext.Default.TagObject, idempotent: true, cancellationToken), cancellationToken).ConfigureAwait(false);
            return new SavedTag(ToTag(tag), Refused(found));
        }

        /// <summary>The tag must exist (else nobody has it: not_found for the batch); then one DELETE per contact.</summary>
        private async Task<SavedTag> UntagAsync(TagChanges changes, RequestScheduler slots, CancellationToken cancellationToken)
        {
            var tag = await slots.RunAsync(() => GetTagAsync(changes.Name, cancellationToken), cancellationToken).ConfigureAwait(false);
            var untagged = await Task.WhenAll(changes.Users.Select(user => AttemptAsync(user, async () =>
            {
                var contactId = user.Id ?? await slots.RunAsync(() => ContactIdAsync(user, cancellationToken), cancellationToken).ConfigureAwait(false);
                var path = "contacts/" + Uri.EscapeDataString(contactId) + "/tags/" + Uri.EscapeDataString(tag.Id!);
                await slots.RunAsync(() => SendAsync(HttpMethod.Delete, path, null, V2JsonContext.Default.TagObject, idempotent: true, cancellationToken), cancellationToken).ConfigureAwait(false);
                return contactId;
            }))).ConfigureAwait(false);
            return new SavedTag(tag, Refused(untagged));
        }

        /// <summary>One user's part of a tag save: the contact id it used, or its failure, which (unless the credentials were refused) is that user's alone.</summary>
        private static async Task<(UserIdentity User, string? ContactId, Exception? Failure)> AttemptAsync(UserIdentity user, Func<Task<string>> work)
        {
            try
            {
                return (user, await work().ConfigureAwait(false), null);
            }
            catch (IntercomApiException failure) when (failure.StatusCode != HttpStatusCode.Unauthorized)
            {
                return (user, null, failure);
            }
        }

        private static RefusedUser[] Refused(IEnumerable<(UserIdentity User, string? ContactId, Exception? Failure)> outcomes) =>
            outcomes.Where(outcome => outcome.Failure is not null).Select(outcome => new RefusedUser(outcome.User, outcome.Failure!)).ToArray();

        /// <summary>2.x tags have an id and a name only: no colour, no tagged user count (null, never a made-up 0).</summary>
        private static Tag ToTag(TagObject tag) => new Tag { Id = tag.Id, Name = tag.Name, Color = null, TaggedUserCount = null };
    }

    /// <summary>A tag as 2.x shows it: {type: tag, id (numeric string), name}.</summary>
    internal sealed class TagObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null || Name is null ? "a tag without an id or name" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
    }

    internal sealed class TagObjectList
    {
        [JsonPropertyName("data")] public TagObject[] Data { get; set; } = Array.Empty<TagObject>();
    }

    /// <summary>A note: {type: note, id, created_at, contact: {id} or (2.16) company: {id}, author, body (HTML)}.</summary>
    internal sealed class NoteObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a note without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("contact")] public ContactRef? Contact { get; set; }
        [JsonPropertyName("company")] public ContactRef? Company { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("author")] public PartAuthor? Author { get; set; }
    }

    /// <summary>GET /contacts/{id}/notes: a page of notes, numbered.</summary>
    internal sealed class NoteList
    {
        [JsonPropertyName("data")] public NoteObject[] Data { get; set; } = Array.Empty<NoteObject>();
        [JsonPropertyName("total_count")] public int TotalCount { get; set; }
        [JsonPropertyName("pages")] public CursorPages? Pages { get; set; }
    }
}
