using System.Text.Json.Serialization;

namespace IntercomPS.Json
{
    /// <summary>Source-generated JSON metadata: no reflection at run time, so the first call is fast.</summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
    [JsonSerializable(typeof(User))]
    [JsonSerializable(typeof(UserPage))]
    [JsonSerializable(typeof(Tag))]
    [JsonSerializable(typeof(Note))]
    [JsonSerializable(typeof(ImpressionResult))]
    [JsonSerializable(typeof(MessageThread))]
    [JsonSerializable(typeof(MessageThread[]))]
    [JsonSerializable(typeof(ErrorEnvelope))]
    internal sealed partial class IntercomJsonContext : JsonSerializerContext
    {
    }

    /// <summary>{"error": {"type": ..., "message": ...}}, which the API sends with every failure.</summary>
    internal sealed class ErrorEnvelope
    {
        [JsonPropertyName("error")] public ErrorBody? Error { get; set; }
    }

    internal sealed class ErrorBody
    {
        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
    }
}
