using System;
using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>
/// The fields a request body (or query string) takes: its own names, and for a field that holds an object, or an
/// array of objects, of a fixed shape, that object's fields, written as a path ("pagination.per_page"). A field given
/// no paths of its own (custom_attributes, metadata) holds whatever its writer likes, so nothing inside it is checked.
/// </summary>
internal sealed class FieldSet
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FieldSet>? inside;

    public FieldSet(IEnumerable<string> paths)
    {
        Dictionary<string, List<string>>? children = null;
        foreach (var path in paths)
        {
            var dot = path.IndexOf('.');
            if (dot < 0)
            {
                names.Add(path);
                continue;
            }

            var parent = path[..dot];
            names.Add(parent);
            children ??= new(StringComparer.Ordinal);
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(path[(dot + 1)..]);
        }

        inside = children?.ToDictionary(c => c.Key, c => new FieldSet(c.Value), StringComparer.Ordinal);
    }

    public bool Contains(string name) => names.Contains(name);

    /// <summary>The fields of the object <paramref name="name"/> holds, or null when its content is not checked.</summary>
    public FieldSet? Inside(string name) => inside is null ? null : inside.GetValueOrDefault(name);

    /// <summary>The names at this level, in a stable order, for messages.</summary>
    public IEnumerable<string> Names => names.Order(StringComparer.Ordinal);
}
