using System.Collections.Generic;

namespace IntercomPS.Emulator.Model;

/// <summary>One option of a list conversation attribute (2.16): a UUID the options routes name it by, its label, archived or not.</summary>
internal sealed record ConversationAttributeOption(string Id, string Label, bool Archived);

/// <summary>A relationship attribute's reference: one or many of a custom object type.</summary>
internal sealed record ConversationAttributeReference(string Type, string? ObjectTypeId);

/// <summary>
/// A conversation data attribute (2.16's /conversations/attributes): the fields its data_type has (multiline for
/// strings, options for lists, reference for relationships) are kept for every type and written only for their own.
/// </summary>
internal sealed record ConversationAttributeRecord(
    long Id, string Name, string Description, string DataType, bool Required, IReadOnlyList<string> VisibleToTeamIds, bool Archived,
    long CreatedAt, long UpdatedAt, string AdminId, bool Multiline, IReadOnlyList<ConversationAttributeOption> Options, ConversationAttributeReference? Reference)
{
    /// <summary>The data types 2.16 takes, in the order its error message names them.</summary>
    public static readonly IReadOnlyList<string> DataTypes = ["string", "integer", "list", "decimal", "boolean", "datetime", "relationship", "files"];
}

/// <summary>
/// A macro (saved reply, 2.16's /macros): the API only reads them, so they are seeded (/admin/apps/{app_id}/macros, or
/// the dummy app's canned ones). <see cref="Body"/> is the HTML as written in Intercom, placeholders in its own
/// {{attribute | fallback: 'x'}} form; the answer transforms them. Times are UNIX seconds.
/// </summary>
internal sealed record MacroRecord(
    string Id, string Name, string? Body, long CreatedAt, long UpdatedAt, string VisibleTo, IReadOnlyList<string> VisibleToTeamIds, IReadOnlyList<string> AvailableOn)
{
    public static readonly IReadOnlyList<string> Visibilities = ["everyone", "specific_teams"];

    public static readonly IReadOnlyList<string> Surfaces = ["inbox", "messenger"];
}
