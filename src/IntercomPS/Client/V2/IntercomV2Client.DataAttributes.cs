using System;
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
    /// <summary>Data attributes: GET and POST /data_attributes, PUT /data_attributes/{id}.</summary>
    public sealed partial class IntercomV2Client : IDataAttributes
    {
        public async Task<DataAttribute[]> ListDataAttributesAsync(string? model, bool includeArchived, CancellationToken cancellationToken = default)
        {
            var query = (model is null ? string.Empty : "model=" + Uri.EscapeDataString(model) + "&") + "include_archived=" + (includeArchived ? "true" : "false");
            var list = await SendAsync(HttpMethod.Get, "data_attributes?" + query, null, V2JsonContext.Default.DataAttributeList, idempotent: true, cancellationToken).ConfigureAwait(false);
            return list.Data.Select(ToModel).ToArray();
        }

        /// <summary>
        /// POST /data_attributes; a list attribute is data_type "options" with its options, as 2.x defines one. Not
        /// idempotent: a repeat of one that was applied would be refused as existing, which would hide that it worked.
        /// </summary>
        public async Task<DataAttribute> CreateDataAttributeAsync(NewDataAttribute attribute, CancellationToken cancellationToken = default)
        {
            if (attribute is null) throw new ArgumentNullException(nameof(attribute));
            var created = await SendAsync(HttpMethod.Post, "data_attributes", writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("name", attribute.Name);
                writer.WriteString("model", attribute.Model);
                writer.WriteString("data_type", attribute.Options is null ? attribute.DataType : "options");
                if (attribute.Description is not null) writer.WriteString("description", attribute.Description);
                if (attribute.Options is { } options) WriteOptions(writer, options);
                writer.WriteEndObject();
            }, V2JsonContext.Default.DataAttributeObject, idempotent: false, cancellationToken).ConfigureAwait(false);
            return ToModel(created);
        }

        public async Task<DataAttribute> UpdateDataAttributeAsync(long id, DataAttributeChanges changes, CancellationToken cancellationToken = default)
        {
            if (changes is null) throw new ArgumentNullException(nameof(changes));
            var updated = await SendAsync(HttpMethod.Put, "data_attributes/" + id.ToString(CultureInfo.InvariantCulture), writer =>
            {
                writer.WriteStartObject();
                if (changes.Description is not null) writer.WriteString("description", changes.Description);
                if (changes.Options is { } options) WriteOptions(writer, options);
                if (changes.Archived is { } archived) writer.WriteBoolean("archived", archived);
                writer.WriteEndObject();
            }, V2JsonContext.Default.DataAttributeObject, idempotent: true, cancellationToken).ConfigureAwait(false);
            return ToModel(updated);
        }

        /// <summary>options: [{"value": "1-10"}, ...], as 2.x takes them (and answers them as plain strings).</summary>
        private static void WriteOptions(Utf8JsonWriter writer, string[] options)
        {
            writer.WriteStartArray("options");
            foreach (var option in options)
            {
                writer.WriteStartObject();
                writer.WriteString("value", option);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }

        private static DataAttribute ToModel(DataAttributeObject a) => new DataAttribute
        {
            Id = a.Id,
            Model = a.Model,
            Name = a.Name,
            FullName = a.FullName,
            Label = a.Label,
            Description = a.Description,
            DataType = a.DataType,
            Options = a.Options ?? Array.Empty<string>(),
            Custom = a.Custom,
            Archived = a.Archived,
            ApiWritable = a.ApiWritable,
            CreatedAt = a.CreatedAt,
            UpdatedAt = a.UpdatedAt,
        };
    }

    /// <summary>A data attribute as 2.x sends it.</summary>
    internal sealed class DataAttributeObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Name is null ? "a data attribute without a name" : null;

        [JsonPropertyName("id")] public long? Id { get; set; }
        [JsonPropertyName("model")] public string? Model { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("full_name")] public string? FullName { get; set; }
        [JsonPropertyName("label")] public string? Label { get; set; }
        [JsonPropertyName("description")] public string? Description { get; set; }
        [JsonPropertyName("data_type")] public string? DataType { get; set; }
        [JsonPropertyName("options")] public string[]? Options { get; set; }
        [JsonPropertyName("custom")] public bool Custom { get; set; }
        [JsonPropertyName("archived")] public bool Archived { get; set; }
        [JsonPropertyName("api_writable")] public bool ApiWritable { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
    }

    internal sealed class DataAttributeList
    {
        [JsonPropertyName("data")] public DataAttributeObject[] Data { get; set; } = Array.Empty<DataAttributeObject>();
    }
}
