using System;
using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.HelpGen;

/// <summary>Reads a parameter's ```yaml block: flat "Key: value" lines with PlatyPS's key names.</summary>
public static class ParameterYaml
{
    private const string AcceptedValues = "Accepted values";

    private static readonly string[] RequiredKeys =
    {
        "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value",
        "Accept pipeline input", "Accept wildcard characters",
    };

    private static readonly HashSet<string> KnownKeys = new(RequiredKeys.Append(AcceptedValues));

    /// <param name="firstLine">The file line of the block's first content line, for error messages.</param>
    public static ParameterUsage Parse(Sections page, string parameter, string yaml, int firstLine)
    {
        var values = new Dictionary<string, (string Value, int Line)>();
        var lines = yaml.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var text = lines[i].Trim();
            int line = firstLine + i;
            if (text.Length == 0) continue;
            int colon = text.IndexOf(':');
            if (colon <= 0) throw page.Error(line, $"parameter -{parameter}: yaml line '{text}' is not 'Key: value'");
            var key = text.Substring(0, colon).Trim();
            if (!KnownKeys.Contains(key))
                throw page.Error(line, $"parameter -{parameter}: unknown yaml key '{key}' (known keys: {string.Join(", ", KnownKeys)})");
            if (values.ContainsKey(key)) throw page.Error(line, $"parameter -{parameter}: yaml key '{key}' appears twice");
            values[key] = (text.Substring(colon + 1).Trim(), line);
        }
        var missing = RequiredKeys.FirstOrDefault(k => !values.ContainsKey(k));
        if (missing != null) throw page.Error(firstLine - 1, $"parameter -{parameter}: yaml block has no '{missing}' key");

        string Get(string key) => values[key].Value;
        bool Bool(string key) => Get(key).ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw page.Error(values[key].Line, $"parameter -{parameter}: '{key}' must be True or False, not '{Get(key)}'"),
        };

        var type = Get("Type");
        if (type.Length == 0) throw page.Error(values["Type"].Line, $"parameter -{parameter}: 'Type' is empty");
        var sets = List(Get("Parameter Sets"));
        if (sets.Count == 0) throw page.Error(values["Parameter Sets"].Line, $"parameter -{parameter}: 'Parameter Sets' is empty; use (All)");

        return new ParameterUsage(
            type,
            sets,
            Get("Aliases").Equals("None", StringComparison.OrdinalIgnoreCase) ? Array.Empty<string>() : List(Get("Aliases")),
            values.TryGetValue(AcceptedValues, out var accepted) ? List(accepted.Value) : Array.Empty<string>(),
            Bool("Required"),
            Position(page, parameter, values["Position"]),
            Get("Default value"),
            Pipeline(page, parameter, values["Accept pipeline input"]),
            Bool("Accept wildcard characters"));
    }

    private static IReadOnlyList<string> List(string value) =>
        value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0).ToList();

    private static int? Position(Sections page, string parameter, (string Value, int Line) entry)
    {
        if (entry.Value.Equals("Named", StringComparison.OrdinalIgnoreCase)) return null;
        if (int.TryParse(entry.Value, out int position) && position >= 0) return position;
        throw page.Error(entry.Line, $"parameter -{parameter}: 'Position' must be Named or a number, not '{entry.Value}'");
    }

    /// <summary>False, or True followed by (ByValue), (ByPropertyName) or both, in either order.</summary>
    private static PipelineInput Pipeline(Sections page, string parameter, (string Value, int Line) entry)
    {
        var value = entry.Value;
        if (value.Equals("False", StringComparison.OrdinalIgnoreCase)) return PipelineInput.None;
        int open = value.IndexOf('(');
        if (value.StartsWith("True", StringComparison.OrdinalIgnoreCase) && open > 0 && value.EndsWith(")"))
        {
            var result = PipelineInput.None;
            foreach (var kind in List(value.Substring(open + 1, value.Length - open - 2)))
            {
                if (!Enum.TryParse<PipelineInput>(kind, out var flag) || flag == PipelineInput.None) { result = PipelineInput.None; break; }
                result |= flag;
            }
            if (result != PipelineInput.None) return result;
        }
        throw page.Error(entry.Line,
            $"parameter -{parameter}: 'Accept pipeline input' must be False or True (ByValue), True (ByPropertyName) or True (ByPropertyName, ByValue), not '{value}'");
    }
}
