using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace IntercomPS.Emulator.Model;

/// <summary>
/// Bodies as stored HTML: plain text as escaped paragraphs split on blank lines (<see cref="Paragraphs"/>), the HTML
/// an admin may write on 2.x cut down to a small allowlist (<see cref="Markup"/>), and HTML back to text.
/// </summary>
internal static partial class Html
{
    /// <summary>
    /// What a redacted message's body becomes: the words of the description's example of POST /conversations/redact
    /// (its redacted part), which says no more about it; the message itself stays.
    /// </summary>
    public const string Redacted = "<p><i>This message was deleted</i></p>";

    /// <summary>
    /// A 2.x reply's body as stored: an admin writes HTML ("Notes accept some HTML formatting"; a part's body "may
    /// contain HTML"), a contact text.
    /// </summary>
    public static string Reply(string body, bool byAdmin) => byAdmin ? Markup(body) : Paragraphs(body);

    public static string Paragraphs(string body)
    {
        var paragraphs = BlankLines().Split(body.Replace("\r\n", "\n", StringComparison.Ordinal))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .Select(p => "<p>" + Escape(p) + "</p>");
        return string.Join("\n\n", paragraphs);
    }

    /// <summary>
    /// A body that may be HTML, which 2.14's description says of exactly two writes, both an admin's: a reply or note
    /// ("Notes accept some HTML formatting"; its HTML note example comes back cleaned) and POST /messages ("HTML and
    /// plaintext are supported"). Every other body is text (<see cref="Paragraphs"/>): v1's (its spec's "text of the
    /// note", a user's Messenger messages), a contact's conversation ("HTML is not supported") and replies, a note on a
    /// contact ("The text of the note") and the words of a close or an assignment. Without a tag the body is text here
    /// too; with one, the formatting below is kept and everything else dropped, as the service cleans what it is sent
    /// (the description's note comes back without its html and body wrappers, its lists kept, a line between blocks).
    /// Only the tags and attributes named here are written, every value and every piece of text escaped again, so
    /// nothing sent can become a script wherever the body is shown.
    /// </summary>
    public static string Markup(string body)
    {
        if (!TagLike().IsMatch(body))
        {
            return Paragraphs(body);
        }

        var sb = new StringBuilder(body.Length);
        var open = new List<string>();
        var at = 0;
        while (at < body.Length)
        {
            var lt = body.IndexOf('<', at);
            if (lt < 0)
            {
                AppendText(sb, body[at..]);
                break;
            }

            AppendText(sb, body[at..lt]);
            if (Comment().Match(body, lt) is { Success: true } comment)
            {
                at = lt + comment.Length;
            }
            else if (Tag().Match(body, lt) is { Success: true } tag)
            {
                at = lt + tag.Length;
                var name = tag.Groups["name"].Value.ToLowerInvariant();
                if (Dropped.Contains(name) && tag.Groups["close"].Length == 0)
                {
                    // The element goes with its content: a script's or a style's text is no words of the body.
                    var end = new Regex($@"</{name}\s*>", RegexOptions.IgnoreCase).Match(body, at);
                    at = end.Success ? end.Index + end.Length : body.Length;
                }
                else if (Kept.TryGetValue(name, out var attributes))
                {
                    AppendTag(sb, open, name, attributes, tag);
                }
            }
            else
            {
                sb.Append("&lt;"); // a '<' that starts no tag is text
                at = lt + 1;
            }
        }

        for (var i = open.Count - 1; i >= 0; i--)
        {
            sb.Append("</").Append(open[i]).Append('>');
        }

        return BetweenBlocks().Replace(sb.ToString(), "\n").Trim();
    }

    /// <summary>
    /// The tags kept, each with the attributes it keeps: links and images only to http(s) (and mailto for a link), since
    /// a javascript: or data: URL runs or hides script. An image is kept, http(s) only: it loads a picture and runs
    /// nothing, and dropping it would lose what the admin showed. Any other tag is dropped and its words kept.
    /// </summary>
    private static readonly FrozenDictionary<string, string[]> Kept = new Dictionary<string, string[]>
    {
        ["p"] = [], ["br"] = [], ["b"] = [], ["strong"] = [], ["i"] = [], ["em"] = [], ["u"] = [], ["s"] = [],
        ["ul"] = [], ["ol"] = [], ["li"] = [], ["code"] = [], ["pre"] = [], ["blockquote"] = [],
        ["h1"] = [], ["h2"] = [], ["h3"] = [], ["h4"] = [], ["h5"] = [], ["h6"] = [],
        ["a"] = ["href"], ["img"] = ["src", "alt"],
    }.ToFrozenDictionary();

    /// <summary>Tags dropped with their content: script, style, and what holds no words of the body.</summary>
    private static readonly FrozenSet<string> Dropped =
        new[] { "script", "style", "head", "title", "template", "iframe", "object", "embed", "svg", "math", "noscript", "textarea" }.ToFrozenSet();

    private static readonly FrozenSet<string> Void = new[] { "br", "img" }.ToFrozenSet();

    /// <summary>A kept tag, written anew: its name, its kept attributes escaped; a closing tag only for an open element, so the result is well formed.</summary>
    private static void AppendTag(StringBuilder sb, List<string> open, string name, string[] kept, Match tag)
    {
        if (tag.Groups["close"].Length > 0)
        {
            var index = open.LastIndexOf(name);
            if (index >= 0)
            {
                for (var i = open.Count - 1; i >= index; i--)
                {
                    sb.Append("</").Append(open[i]).Append('>');
                }

                open.RemoveRange(index, open.Count - index);
            }

            return;
        }

        sb.Append('<').Append(name);
        foreach (Match attribute in Attribute().Matches(tag.Groups["attributes"].Value))
        {
            var attributeName = attribute.Groups["name"].Value.ToLowerInvariant();
            var value = WebUtility.HtmlDecode(attribute.Groups["value"].Value).Trim();
            if (kept.Contains(attributeName) && (attributeName == "alt" || SafeUrl(value, allowMailto: name == "a")))
            {
                sb.Append(' ').Append(attributeName).Append("=\"").Append(Escape(value)).Append('"');
            }
        }

        sb.Append('>');
        if (!Void.Contains(name))
        {
            open.Add(name);
        }
    }

    private static bool SafeUrl(string url, bool allowMailto) =>
        !url.Any(char.IsControl)
        && Uri.TryCreate(url, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps || (allowMailto && uri.Scheme == Uri.UriSchemeMailto));

    // Text is decoded and escaped again, so an entity stays what it showed and a stray '>' or '&' is escaped.
    private static void AppendText(StringBuilder sb, string text) => sb.Append(Escape(WebUtility.HtmlDecode(text)));

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
        text = AnyTag().Replace(text, "");
        return WebUtility.HtmlDecode(text).Trim();
    }

    [GeneratedRegex(@"\n[ \t]*\n\s*")]
    private static partial Regex BlankLines();

    [GeneratedRegex(@"<a\s[^>]*?href=""([^""]*)""[^>]*>(.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex(@"<br\s*/?>", RegexOptions.IgnoreCase)]
    private static partial Regex LineBreak();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();

    /// <summary>What makes a body HTML rather than text: a tag, a closing tag or a comment.</summary>
    [GeneratedRegex(@"<[a-zA-Z/!]")]
    private static partial Regex TagLike();

    [GeneratedRegex(@"\G(?:<!--.*?(?:-->|$)|<[!?][^>]*>?)", RegexOptions.Singleline)]
    private static partial Regex Comment();

    // An attribute's name stops at '<', so a '<' that starts no tag costs a scan to the next '<', not to the end.
    [GeneratedRegex(@"\G<(?<close>/)?(?<name>[a-zA-Z][a-zA-Z0-9]*)(?<attributes>(?:\s+[^\s""'<>/=]+(?:\s*=\s*(?:""[^""]*""|'[^']*'|[^\s""'=<>`]+))?)*)\s*/?>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"(?<name>[^\s""'>/=]+)(?:\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'=<>`]+)))?")]
    private static partial Regex Attribute();

    /// <summary>Whitespace alone between a block's tag and another tag: one line, as the service writes it.</summary>
    [GeneratedRegex(@"(?<=</?(?:p|ul|ol|li|h[1-6]|blockquote)>)\s+(?=<)|(?<=>)\s+(?=</?(?:p|ul|ol|li|h[1-6]|blockquote)>)")]
    private static partial Regex BetweenBlocks();
}
