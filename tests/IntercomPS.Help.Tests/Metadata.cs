using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace IntercomPS.Help.Tests;

/// <summary>What the code says about a cmdlet's parameters, in the words a page uses.</summary>
internal static class Metadata
{
    /// <summary>The parameters a page documents: not the common ones (### CommonParameters covers those), not DontShow ones.</summary>
    public static IEnumerable<ParameterMetadata> Documented(CmdletInfo cmdlet) =>
        cmdlet.Parameters.Values
            .Where(p => !Cmdlet.CommonParameters.Contains(p.Name))
            .Where(p => !p.Attributes.OfType<ParameterAttribute>().All(a => a.DontShow));

    /// <summary>Type names as PlatyPS writes them: String[], SwitchParameter; a nullable is written as its value type.</summary>
    public static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? TypeName(inner)
        : type.IsArray ? TypeName(type.GetElementType()!) + "[]"
        : type.Name;

    public static string SetName(string set) => set == ParameterAttribute.AllParameterSets ? "(All)" : set;

    public static string Pipeline(ParameterSetMetadata set) =>
        (set.ValueFromPipeline, set.ValueFromPipelineByPropertyName) switch
        {
            (false, false) => "False",
            (true, false) => "True (ByValue)",
            (false, true) => "True (ByPropertyName)",
            _ => "True (ByPropertyName, ByValue)",
        };

    /// <summary>What [ValidateSet] and the module's own sets (-Color, which also lets no colour through) list as ValidValues.</summary>
    public static IEnumerable<string> AcceptedValues(ParameterMetadata parameter) =>
        parameter.Attributes.SelectMany(attribute => attribute.GetType().GetProperty("ValidValues")?.GetValue(attribute) as IEnumerable<string> ?? Enumerable.Empty<string>());

    public static bool Wildcards(ParameterMetadata parameter) => parameter.Attributes.OfType<SupportsWildcardsAttribute>().Any();

    /// <summary>A property of a help object, as a list: Get-Help gives one item or an array.</summary>
    public static IReadOnlyList<PSObject> Items(PSObject? parent, string property)
    {
        var value = parent?.Properties[property]?.Value;
        return value switch
        {
            null => Array.Empty<PSObject>(),
            PSObject { BaseObject: IList list } => list.Cast<object>().Select(PSObject.AsPSObject).ToList(),
            IList list => list.Cast<object>().Select(PSObject.AsPSObject).ToList(),
            _ => new[] { PSObject.AsPSObject(value) },
        };
    }

    /// <summary>The paragraphs of a help text property; Get-Help ends every paragraph but the last with a newline.</summary>
    public static string Text(PSObject? parent, string property) =>
        string.Join("\n", Items(parent, property)
            .Select(i => (i.Properties["Text"]?.Value?.ToString() ?? i.ToString()).TrimEnd())
            .Where(t => t.Length > 0));
}
