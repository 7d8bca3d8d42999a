using System;
using System.Collections;
using System.Text.Json.Serialization;
using IntercomPS.Json;

namespace IntercomPS.Client.V2
{
    /// <summary>
    /// A company as 2.x sends it, or a list of them (type list: data, or companies as one schema names it, with
    /// total_count, pages and a scroll's scroll_param): one wire type, since GET /companies?company_id= is described as
    /// a list and may answer the company itself.
    /// </summary>
    internal sealed class CompanyObject : ICheckedAnswer
    {
        string? ICheckedAnswer.Problem => !IsList && Id is null ? "a company without an id" : null;

        [JsonPropertyName("type")] public string? Type { get; set; }
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("company_id")] public string? CompanyId { get; set; }
        [JsonPropertyName("name")] public string? Name { get; set; }
        [JsonPropertyName("plan")] public PlanObject? Plan { get; set; }
        [JsonPropertyName("size")] public long? Size { get; set; }
        [JsonPropertyName("website")] public string? Website { get; set; }
        [JsonPropertyName("industry")] public string? Industry { get; set; }
        [JsonPropertyName("monthly_spend")] public double? MonthlySpend { get; set; }
        [JsonPropertyName("session_count")] public long? SessionCount { get; set; }
        [JsonPropertyName("user_count")] public long? UserCount { get; set; }
        [JsonPropertyName("remote_created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? RemoteCreatedAt { get; set; }
        [JsonPropertyName("created_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? CreatedAt { get; set; }
        [JsonPropertyName("updated_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? UpdatedAt { get; set; }
        [JsonPropertyName("last_request_at"), JsonConverter(typeof(UnixTimeConverter))] public DateTime? LastRequestAt { get; set; }
        [JsonPropertyName("custom_attributes"), JsonConverter(typeof(CustomDataConverter))] public Hashtable? CustomAttributes { get; set; }

        [JsonPropertyName("data")] public CompanyObject[]? Data { get; set; }
        [JsonPropertyName("companies")] public CompanyObject[]? Companies { get; set; }
        [JsonPropertyName("total_count")] public int? TotalCount { get; set; }
        [JsonPropertyName("scroll_param")] public string? ScrollParam { get; set; }

        [JsonIgnore] public bool IsList => Type == "list" || Data is not null || Companies is not null;

        /// <summary>A list's companies (none for a list without them).</summary>
        [JsonIgnore] public CompanyObject[] Items => Data ?? Companies ?? Array.Empty<CompanyObject>();

        public Company ToCompany() => new Company
        {
            Id = Id,
            CompanyId = CompanyId,
            Name = Name,
            Plan = Plan?.Name,
            Size = Size,
            Website = Website,
            Industry = Industry,
            MonthlySpend = MonthlySpend is { } spend ? (long)Math.Truncate(spend) : (long?)null,
            SessionCount = SessionCount,
            UserCount = UserCount,
            RemoteCreatedAt = RemoteCreatedAt,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            LastRequestAt = LastRequestAt,
            CustomData = CustomAttributes ?? CustomDataConverter.NewTable(),
        };
    }

    /// <summary>A company's plan: {type: plan, id, name}, or {} without one.</summary>
    internal sealed class PlanObject
    {
        [JsonPropertyName("name")] public string? Name { get; set; }
    }

    /// <summary>What a delete answers: {id, object, deleted}.</summary>
    internal sealed class DeletedObject
    {
        [JsonPropertyName("id")] public string? Id { get; set; }
        [JsonPropertyName("deleted")] public bool Deleted { get; set; }
    }
}
