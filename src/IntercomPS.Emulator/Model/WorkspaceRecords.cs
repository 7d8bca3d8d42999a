using System.Collections.Generic;
using System.Text.Json;

namespace IntercomPS.Emulator.Model;

/// <summary>
/// A company as 2.14 shows it: Id is the id Intercom gives (24 hex digits), CompanyId the workspace's own; times are
/// UNIX seconds, CustomAttributes the flat JSON object text; UserCount how many contacts are attached; Tags its tags, in id order.
/// </summary>
internal sealed record CompanyRecord(
    long Seq, string Id, string CompanyId, string? Name, string? Plan, long? Size, string? Website, string? Industry, long MonthlySpend,
    long? RemoteCreatedAt, string CustomAttributes, long CreatedAt, long UpdatedAt, long UserCount, IReadOnlyList<TagRecord> Tags);

/// <summary>A company named in POST /tags: by Intercom's id, the workspace's company_id, or both (then both must match); Untag removes the tag.</summary>
internal sealed record CompanyTagging(string? Id, string? CompanyId, bool Untag);

/// <summary>A create or update of a company; null fields leave the stored value as it is.</summary>
internal sealed record CompanyInput(
    string? CompanyId, string? Name, string? Plan, long? Size, string? Website, string? Industry, long? MonthlySpend, long? RemoteCreatedAt,
    IReadOnlyDictionary<string, JsonElement>? CustomAttributes);

/// <summary>A numbered page of companies and how many there are in all.</summary>
internal sealed record CompanyPage(IReadOnlyList<CompanyRecord> Companies, long TotalCount, int Page, int PerPage);

/// <summary>
/// A segment: a named list of contacts of one person type (user, or contact for leads, as 2.14 names it); Id is
/// 24 hex digits; Count is how many contacts it has.
/// </summary>
internal sealed record SegmentRecord(string Id, string Name, string PersonType, long CreatedAt, long UpdatedAt, long Count);

/// <summary>A contact's events of one name: how many, and when the first and the last happened (UNIX seconds).</summary>
internal sealed record EventSummaryRecord(string Name, long Count, long First, long Last);

/// <summary>
/// A subscription type (email and SMS preferences): what the workspace defines and the API only reads. Id is a numeric
/// string; Name and Description are its default translation in Locale; ConsentType opt_out (everyone receives it
/// until they opt out) or opt_in (nobody does until they opt in); ContentTypes email and/or sms_message; State live,
/// draft or archived. A contact attached to it has made the one explicit choice its consent type allows.
/// </summary>
internal sealed record SubscriptionTypeRecord(string Id, string Name, string Description, string Locale, string ConsentType, IReadOnlyList<string> ContentTypes, string State)
{
    public static readonly IReadOnlyList<string> ConsentTypes = ["opt_out", "opt_in"];

    public static readonly IReadOnlyList<string> States = ["live", "draft", "archived"];

    public static readonly IReadOnlyList<string> Contents = ["email", "sms_message"];

    /// <summary>
    /// The one rule of POST /contacts/{id}/subscriptions' consent_type: it must be the type's own. The description
    /// says only "The consent_type of a subscription, opt_out or opt_in" and documents no answer for one that
    /// disagrees, so the emulator takes the strict reading and refuses it (400 parameter_invalid) rather than guess
    /// which of the two the caller meant.
    /// </summary>
    public void CheckConsent(string consentType)
    {
        if (consentType != ConsentType)
        {
            throw new ApiError(400, "bad_request",
                $"consent_type must be the subscription type's own: '{Name}' ({Id}) is {ConsentType}, not {consentType}") { Code = "parameter_invalid", Field = "consent_type" };
        }
    }
}
