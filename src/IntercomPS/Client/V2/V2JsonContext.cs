using System.Text.Json.Serialization;
using IntercomPS;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// Source-generated metadata for the 2.x wire shapes, which each resource file declares beside its code. The
    /// list is here, in one place: the generator does not merge [JsonSerializable] from several partial declarations.
    /// </summary>
    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(ErrorList))]
    [JsonSerializable(typeof(AdminWithApp))]
    [JsonSerializable(typeof(ContactRefList))]
    [JsonSerializable(typeof(Contact))]
    [JsonSerializable(typeof(ContactList))]
    [JsonSerializable(typeof(ContactReference))]
    [JsonSerializable(typeof(TagObject))]
    [JsonSerializable(typeof(TagObjectList))]
    [JsonSerializable(typeof(NoteObject))]
    [JsonSerializable(typeof(NoteList))]
    [JsonSerializable(typeof(DeletedConversationList))]
    [JsonSerializable(typeof(HandlingEventList))]
    [JsonSerializable(typeof(SideConversationList))]
    [JsonSerializable(typeof(MergeHistoryList))]
    // Office hours (2.16).
    [JsonSerializable(typeof(ContentSnippetObject))]
    [JsonSerializable(typeof(ContentSnippetList))]
    [JsonSerializable(typeof(OfficeHoursScheduleObject))]
    [JsonSerializable(typeof(OfficeHoursScheduleList))]
    [JsonSerializable(typeof(OfficeHoursExceptionObject))]
    [JsonSerializable(typeof(OfficeHoursExceptionList))]
    [JsonSerializable(typeof(ConversationObject))]
    [JsonSerializable(typeof(ConversationList))]
    [JsonSerializable(typeof(ConversationCreated))]
    [JsonSerializable(typeof(MessageSent))]
    [JsonSerializable(typeof(AdminObject))]
    [JsonSerializable(typeof(AdminList))]
    [JsonSerializable(typeof(TeamObject))]
    [JsonSerializable(typeof(TeamList))]
    [JsonSerializable(typeof(TeamMetricList))]
    [JsonSerializable(typeof(DataAttributeObject))]
    [JsonSerializable(typeof(DataAttributeList))]
    [JsonSerializable(typeof(ConversationAttributeObject))]
    [JsonSerializable(typeof(ConversationAttributeList))]
    [JsonSerializable(typeof(MacroObject))]
    [JsonSerializable(typeof(MacroList))]
    // Workspace data: companies, segments, events.
    [JsonSerializable(typeof(CompanyObject))]
    [JsonSerializable(typeof(DeletedObject))]
    [JsonSerializable(typeof(EventList))]
    [JsonSerializable(typeof(NoContent))]
    [JsonSerializable(typeof(SegmentObject))]
    [JsonSerializable(typeof(SegmentList))]
    // Help center articles.
    [JsonSerializable(typeof(ArticleObject))]
    [JsonSerializable(typeof(ArticleList))]
    [JsonSerializable(typeof(ArticleSearchList))]
    [JsonSerializable(typeof(ArticleVersionObject))]
    [JsonSerializable(typeof(ArticleVersionList))]
    [JsonSerializable(typeof(CollectionObject))]
    [JsonSerializable(typeof(CollectionList))]
    [JsonSerializable(typeof(InternalArticleObject))]
    [JsonSerializable(typeof(InternalArticleList))]
    [JsonSerializable(typeof(ActivityLogList))]
    // Subscription types.
    [JsonSerializable(typeof(SubscriptionTypeObject))]
    [JsonSerializable(typeof(SubscriptionTypeList))]
    // Admins' away mode.
    [JsonSerializable(typeof(AwayReasonList))]
    // Tickets, their types and states.
    [JsonSerializable(typeof(TicketObject))]
    [JsonSerializable(typeof(TicketList))]
    [JsonSerializable(typeof(TicketPartObject))]
    [JsonSerializable(typeof(TicketTypeObject))]
    [JsonSerializable(typeof(TicketTypeList))]
    [JsonSerializable(typeof(TicketStateList))]
    internal sealed partial class V2JsonContext : JsonSerializerContext
    {
    }

    /// <summary>Every 2.x failure: {"type": "error.list", "request_id", "errors": [{"code", "message"}]}.</summary>
    internal sealed class ErrorList
    {
        [JsonPropertyName("request_id")] public string? RequestId { get; set; }
        [JsonPropertyName("errors")] public ErrorItem[]? Errors { get; set; }
    }

    internal sealed class ErrorItem
    {
        [JsonPropertyName("code")] public string? Code { get; set; }
        [JsonPropertyName("message")] public string? Message { get; set; }
    }

    /// <summary>GET /me: the admin the token belongs to, with their workspace.</summary>
    internal sealed class AdminWithApp : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => Id is null ? "an admin without an id" : null;

        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("email")] public string? Email { get; set; }
        [JsonPropertyName("app")] public AppInfo? App { get; set; }
    }

    internal sealed class AppInfo
    {
        [JsonPropertyName("id_code")] public string? IdCode { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("region")] public string? Region { get; set; }
        [JsonPropertyName("timezone")] public string? TimeZone { get; set; }
    }
}
