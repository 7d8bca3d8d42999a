using System.Collections.Generic;
using System.Threading.Tasks;
using IntercomPS.Emulator.Model;

namespace IntercomPS.Emulator;

/// <summary>
/// What one app can do, after the endpoints have parsed and validated the request. Two implementations: stored
/// apps (SQLite) and the dummy app (canned answers, nothing kept). Failures are thrown as <see cref="ApiError"/>.
/// </summary>
internal interface IAppBackend
{
    /// <summary>The app's one admin, who writes the admin messages.</summary>
    AdminRecord Admin { get; }

    /// <summary>A page of the users (of one tag, when <paramref name="tagId"/>, its 24-hex id, or a name is given).</summary>
    Task<UserPage> ListUsersAsync(int page, int perPage, string? tagId, string? tagName);

    Task<UserRecord> GetUserAsync(UserKey key);

    /// <summary>Updates the user, or creates it when <paramref name="create"/> is set; Created says which.</summary>
    Task<(UserRecord User, bool Created)> SaveUserAsync(UserInput input, bool create);

    Task<UserRecord> DeleteUserAsync(UserKey key);

    Task<NoteRecord> AddNoteAsync(UserKey key, string body);

    /// <summary>Records a visit and returns the number of admin messages the user has not read.</summary>
    Task<int> RecordImpressionAsync(UserKey key, string? userIp, string? userAgent);

    Task<IReadOnlyList<ConversationRecord>> ListThreadsAsync(UserKey key);

    Task<ConversationRecord> GetThreadAsync(UserKey key, long threadId);

    Task<ConversationRecord> CreateThreadAsync(UserKey key, string body, string? url);

    /// <summary>A reply (from the user, or from an admin) and/or a read flag change on an existing thread.</summary>
    Task<ConversationRecord> UpdateThreadAsync(UserKey key, long threadId, string? body, string? url, bool? read, bool fromAdmin);

    Task<TagRecord> GetTagAsync(string name);

    Task<(TagRecord Tag, bool Created)> SaveTagAsync(TagInput input, bool create);
}
