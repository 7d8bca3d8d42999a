using System;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace IntercomPS.Emulator.Model;

/// <summary>Renders a plain-text body the way Intercom shows it (escaped paragraphs split on blank lines), and back.</summary>
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

    /// <summary>
    /// A body as display_as=plaintext gives it: paragraphs and line breaks as new lines, an inline link as
    /// "label (url)" (as 2.16's description says), no other markup, entities decoded.
    /// </summary>
    public static string PlainText(string html)
    {
        var text = Link().Replace(html, m => $"{m.Groups[2].Value} ({m.Groups[1].Value})");
        text = LineBreak().Replace(text, "\n");
        text = Markup().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"<a\s[^>]*?href=""([^""]*)""[^>]*>(.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex Markup();
}
