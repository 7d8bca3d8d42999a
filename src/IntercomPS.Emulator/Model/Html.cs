using System;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace IntercomPS.Emulator.Model;

/// <summary>Renders a plain-text body the way Intercom shows it: escaped paragraphs split on blank lines.</summary>
internal static partial class Html
{
    public static string Paragraphs(string body)
    {
        var paragraphs = BlankLines().Split(body.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .Select(p => "<p>" + Escape(p) + "</p>");
        return string.Join("\n\n", paragraphs);
    }

    // Escape only what HTML needs; other characters (including non-ASCII) pass through as UTF-8.
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            _ = c switch
            {
                '&' => sb.Append("&amp;"),
                '<' => sb.Append("&lt;"),
                '>' => sb.Append("&gt;"),
                '"' => sb.Append("&quot;"),
                '\'' => sb.Append("&#39;"),
                _ => sb.Append(c),
            };
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();
}
