using System.Collections.Generic;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>The 2.14 operations the emulator serves: the conformance suite holds every one of them to the description.</summary>
public static class EmulatedOperations
{
    public static IReadOnlyList<(string Method, string Template)> All { get; } =
    [
        ("GET", "/me"),
        ("GET", "/admins"),
        ("GET", "/admins/{admin_id}"),
        ("GET", "/contacts"),
        ("POST", "/contacts"),
        ("GET", "/contacts/{contact_id}"),
        ("PUT", "/contacts/{contact_id}"),
        ("DELETE", "/contacts/{contact_id}"),
        ("POST", "/contacts/search"),
        ("GET", "/contacts/find_by_external_id/{external_id}"),
        ("POST", "/contacts/{contact_id}/archive"),
        ("POST", "/contacts/{contact_id}/unarchive"),
        ("GET", "/contacts/{contact_id}/tags"),
        ("POST", "/contacts/{contact_id}/tags"),
        ("DELETE", "/contacts/{contact_id}/tags/{tag_id}"),
        ("GET", "/contacts/{contact_id}/notes"),
        ("POST", "/contacts/{contact_id}/notes"),
        ("GET", "/notes/{note_id}"),
        ("GET", "/tags"),
        ("POST", "/tags"),
        ("GET", "/tags/{tag_id}"),
        ("DELETE", "/tags/{tag_id}"),
        ("GET", "/data_attributes"),
        ("POST", "/data_attributes"),
        ("GET", "/conversations"),
        ("POST", "/conversations"),
        ("GET", "/conversations/{conversation_id}"),
        ("PUT", "/conversations/{conversation_id}"),
        ("POST", "/conversations/search"),
        ("POST", "/conversations/{conversation_id}/reply"),
        ("POST", "/conversations/{conversation_id}/parts"),
        ("POST", "/events"),
        ("GET", "/events"),
    ];
}
