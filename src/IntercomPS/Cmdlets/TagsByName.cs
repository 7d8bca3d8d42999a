using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// A command's -AddTag and -RemoveTag, tag names: one GET /tags for the whole command, each name looked up once and
    /// shared by every item it changes (Set-IntercomTicket, Set-IntercomArticle). Used on the pipeline thread, as the
    /// finder wants.
    /// </summary>
    internal sealed class TagsByName
    {
        private readonly Dictionary<string, Task<Tag>> _found = new Dictionary<string, Task<Tag>>(StringComparer.Ordinal);
        private TagFinder? _find;

        /// <summary>The refusal of a name given to both -AddTag and -RemoveTag (as tag names compare, without case); null when none is.</summary>
        public static PSArgumentException? Overlap(string[]? add, string[]? remove) =>
            add is not null && remove is not null && add.Intersect(remove, StringComparer.OrdinalIgnoreCase).ToArray() is { Length: > 0 } both
                ? new PSArgumentException($"-AddTag and -RemoveTag both name {string.Join(", ", both.Select(name => $"'{name}'"))}: give each tag to one.")
                : null;

        /// <summary>
        /// The refusal, before anything is sent, of an update by -Id that may tag too (Set-IntercomArticle,
        /// -InternalArticle, -ContentSnippet): no id (a blank cell), a tag both added and removed, or nothing to change
        /// at all; null when none applies.
        /// </summary>
        public static PSArgumentException? RefusalOfUpdate(string? id, string noun, string source, string[]? add, string[]? remove, bool changesNothingElse, string nothingToChange) =>
            string.IsNullOrWhiteSpace(id) ? new PSArgumentException($"Name the {noun} by -Id, or pipe it from {source} (a blank cell names none).")
            : Overlap(add, remove) ?? (changesNothingElse && add is null && remove is null ? new PSArgumentException(nothingToChange) : null);

        /// <summary>What -WhatIf and -Confirm say an update with tags does: "Update ...: tag 'a'; untag 'c'".</summary>
        public static string Action(string update, string[]? add, string[]? remove) =>
            Describe(add, remove).ToList() is { Count: > 0 } tagging ? update + ": " + string.Join("; ", tagging) : update;

        /// <summary>What -WhatIf and -Confirm add for the tags: "tag 'a', 'b'" and "untag 'c'".</summary>
        public static IEnumerable<string> Describe(string[]? add, string[]? remove)
        {
            if (add is not null) yield return $"tag {string.Join(", ", add.Select(name => $"'{name}'"))}";
            if (remove is not null) yield return $"untag {string.Join(", ", remove.Select(name => $"'{name}'"))}";
        }

        /// <summary>The tags of these names (none for null); an unknown name fails the task, so the item fails before anything is written.</summary>
        public Task<Tag[]> Of(IIntercomApi client, string[]? names, CancellationToken token)
        {
            if (names is null) return Task.FromResult(Array.Empty<Tag>());
            var found = new List<Task<Tag>>();
            foreach (var name in names)
            {
                if (!_found.TryGetValue(name, out var tag)) _found[name] = tag = (_find ??= client.NewTagFinder())(name, token);
                found.Add(tag);
            }
            return Task.WhenAll(found);
        }

        /// <summary>
        /// An article's (or internal article's) write: every tag named found first (an unknown one fails it before
        /// anything is written), then the <paramref name="update"/> when there is one, then the <paramref name="tag"/>
        /// write when tags were named; then <paramref name="readBack"/> (-PassThru) when tags were written, as the
        /// update's answer predates them.
        /// </summary>
        /// <returns>The item as last answered; null when nothing was read.</returns>
        public static async Task<T?> UpdateThenTagAsync<T>(Task<Tag[]> adding, Task<Tag[]> removing, Func<Task<T>>? update,
            Func<IReadOnlyList<string>, IReadOnlyList<string>, Task>? tag, Func<Task<T>>? readBack) where T : class
        {
            var add = await adding.ConfigureAwait(false);
            var remove = await removing.ConfigureAwait(false);
            var item = update is null ? null : await update().ConfigureAwait(false);
            if (tag is null) return item;
            await tag(add.Select(found => found.Id!).ToArray(), remove.Select(found => found.Id!).ToArray()).ConfigureAwait(false);
            return readBack is null ? item : await readBack().ConfigureAwait(false);
        }
    }
}
