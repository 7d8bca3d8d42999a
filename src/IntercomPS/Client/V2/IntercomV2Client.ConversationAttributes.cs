using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>2.16's conversation attributes (/conversations/attributes and their options) and macros (GET /macros, /macros/{id}).</summary>
    public sealed partial class IntercomV2Client : IConversationAttributes
    {
        private const string ConversationAttributes = "conversations/attributes";

        public async Task<DataAttribute[]> ListConversationAttributesAsync(bool includeArchived, CancellationToken cancellationToken = default) =>
            (await SendAsync(HttpMethod.Get, ConversationAttributes + "?include_archived=" + (includeArchived ? "true" : "false"), null,
                V2JsonContext.Default.ConversationAttributeList, idempotent: true, cancellationToken).ConfigureAwait(false)).Data.Select(ToModel).ToArray();

        public async Task<DataAttribute> GetConversationAttributeAsync(long id, CancellationToken cancellationToken = default) =>
            ToModel(await SendAsync(HttpMethod.Get, AttributePath(id), null, V2JsonContext.Default.ConversationAttributeObject, idempotent: true, cancellationToken).ConfigureAwait(false));

        public async Task<DataAttribute> CreateConversationAttributeAsync(NewDataAttribute attribute, CancellationToken cancellationToken = default)
        {
            if (attribute is null) throw new ArgumentNullException(nameof(attribute));
            return ToModel(await SendAsync(HttpMethod.Post, ConversationAttributes, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("name", attribute.Name);
                writer.WriteString("data_type", attribute.DataType);
                if (attribute.Description is not null) writer.WriteString("description", attribute.Description);
                if (attribute.Options is { } options)
                {
                    writer.WriteStartArray("options");
                    foreach (var option in options)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("label", option);
                        writer.WriteEndObject();
                    }
                    writer.WriteEndArray();
                }
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationAttributeObject, idempotent: false, cancellationToken).ConfigureAwait(false));
        }

        public async Task<DataAttribute> UpdateConversationAttributeAsync(long id, string? name, string? description, CancellationToken cancellationToken = default) =>
            ToModel(await SendAsync(HttpMethod.Put, AttributePath(id), writer =>
            {
                writer.WriteStartObject();
                if (name is not null) writer.WriteString("name", name);
                if (description is not null) writer.WriteString("description", description);
                writer.WriteEndObject();
            }, V2JsonContext.Default.ConversationAttributeObject, idempotent: true, cancellationToken).ConfigureAwait(false));

        public async Task<DataAttribute> ArchiveConversationAttributeAsync(long id, CancellationToken cancellationToken = default) =>
            ToModel(await SendAsync(HttpMethod.Delete, AttributePath(id), null, V2JsonContext.Default.ConversationAttributeObject, idempotent: true, cancellationToken).ConfigureAwait(false));

        public async Task<DataAttribute> AddConversationAttributeOptionAsync(long id, string label, CancellationToken cancellationToken = default) =>
            ToModel(await SendAsync(HttpMethod.Post, AttributePath(id) + "/options", writer => WriteLabel(writer, label),
                V2JsonContext.Default.ConversationAttributeObject, idempotent: false, cancellationToken).ConfigureAwait(false));

        public async Task<DataAttribute> RenameConversationAttributeOptionAsync(long id, string optionId, string label, CancellationToken cancellationToken = default) =>
            ToModel(await SendAsync(HttpMethod.Put, AttributePath(id) + "/options/" + Uri.EscapeDataString(optionId), writer => WriteLabel(writer, label),
                V2JsonContext.Default.ConversationAttributeObject, idempotent: true, cancellationToken).ConfigureAwait(false));

        public async Task<DataAttribute> ArchiveConversationAttributeOptionAsync(long id, string optionId, CancellationToken cancellationToken = default) =>
            ToModel(await SendAsync(HttpMethod.Delete, AttributePath(id) + "/options/" + Uri.EscapeDataString(optionId), null,
                V2JsonContext.Default.ConversationAttributeObject, idempotent: true, cancellationToken).ConfigureAwait(false));

        /// <summary>Every page of GET /macros (the largest, 150 a page), following pages.next.starting_after.</summary>
        public async Task<Macro[]> ListMacrosAsync(DateTime? updatedSince, CancellationToken cancellationToken = default)
        {
            var since = updatedSince is { } at ? "&updated_since=" + new DateTimeOffset(at.ToUniversalTime()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) : string.Empty;
            var macros = new List<Macro>();
            string? cursor = null;
            do
            {
                var page = await SendAsync(HttpMethod.Get, "macros?per_page=150" + since + (cursor is null ? string.Empty : "&starting_after=" + Uri.EscapeDataString(cursor)), null,
                    V2JsonContext.Default.MacroList, idempotent: true, cancellationToken).ConfigureAwait(false);
                macros.AddRange(page.Data.Select(ToMacro));
                var next = page.Pages?.Next?.StartingAfter;
                cursor = next == cursor ? null : next; // a cursor that does not move would page forever
            }
            while (cursor is not null);
            return macros.ToArray();
        }

        public async Task<Macro> GetMacroAsync(string id, CancellationToken cancellationToken = default) =>
            ToMacro(await SendAsync(HttpMethod.Get, "macros/" + Uri.EscapeDataString(id), null, V2JsonContext.Default.MacroObject, idempotent: true, cancellationToken).ConfigureAwait(false));

        private static string AttributePath(long id) => ConversationAttributes + "/" + id.ToString(CultureInfo.InvariantCulture);

        private static void WriteLabel(Utf8JsonWriter writer, string label)
        {
            writer.WriteStartObject();
            writer.WriteString("label", label);
            writer.WriteEndObject();
        }

        private static DataAttribute ToModel(ConversationAttributeObject a) => new DataAttribute
        {
            Id = a.Id,
            Model = "conversation",
            Name = a.Name,
            FullName = a.Name is null ? null : "custom_attributes." + a.Name,
            Label = a.Name,
            Description = a.Description,
            DataType = a.DataType,
            Options = a.Options?.Where(o => !o.Archived).Select(o => o.Label ?? string.Empty).ToArray() ?? Array.Empty<string>(),
            ListOptions = a.Options?.Select(o => new DataAttributeOption { Id = o.Id, Label = o.Label, Archived = o.Archived }).ToArray() ?? Array.Empty<DataAttributeOption>(),
            Required = a.Required,
            Custom = true,
            Archived = a.Archived,
            ApiWritable = true,
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
        };

        private static Macro ToMacro(MacroObject m) => new Macro
        {
            Id = m.Id,
            Name = m.Name,
            Body = m.Body,
            BodyText = m.BodyText,
            CreatedAt = m.CreatedAt?.ToUniversalTime(),
            UpdatedAt = m.UpdatedAt?.ToUniversalTime(),
            VisibleTo = m.VisibleTo,
            VisibleToTeamIds = m.VisibleToTeamIds ?? Array.Empty<string>(),
            AvailableOn = m.AvailableOn ?? Array.Empty<string>(),
        };
    }

    /// <summary>A conversation attribute as 2.16 sends it.</summary>
    internal sealed class ConversationAttributeObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Name is null ? "a conversation attribute without a name" : null;

        [JsonPropertyName("id")] public long? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("data_type")] public string? DataType { get; set; }
        [JsonPropertyName("required")] public bool Required { get; set; }
        [JsonPropertyName("archived")] public bool Archived { get; set; }
        [JsonPropertyName("options")] public ConversationAttributeOptionObject[]? Options { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
    }

    internal sealed class ConversationAttributeOptionObject
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("label")] public string? Label { get; set; }
        [JsonPropertyName("archived")] public bool Archived { get; set; }
    }

    internal sealed class ConversationAttributeList
    {
        [JsonPropertyName("data")] public ConversationAttributeObject[] Data { get; set; } = Array.Empty<ConversationAttributeObject>();
    }

    /// <summary>A macro as 2.16 sends it: its times are ISO 8601 strings, not UNIX seconds.</summary>
    internal sealed class MacroObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "a macro without an id" : null;

        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("body")] public string? Body { get; set; }
        [JsonPropertyName("body_text")] public string? BodyText { get; set; }
        [JsonPropertyName("created_at")] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at")] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("visible_to")] public string? VisibleTo { get; set; }
        [JsonPropertyName("visible_to_team_ids")] public string[]? VisibleToTeamIds { get; set; }
        [JsonPropertyName("available_on")] public string[]? AvailableOn { get; set; }
    }

    internal sealed class MacroList
    {
        [JsonPropertyName("data")] public MacroObject[] Data { get; set; } = Array.Empty<MacroObject>();
        [JsonPropertyName("pages")] public MacroPages? Pages { get; set; }
    }

    internal sealed class MacroPages
    {
        [JsonPropertyName("next")] public MacroCursor? Next { get; set; }
    }

    internal sealed class MacroCursor
    {
        [JsonPropertyName("starting_after")] public string? StartingAfter { get; set; }
    }
}
