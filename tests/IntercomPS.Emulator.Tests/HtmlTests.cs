using IntercomPS.Emulator.Model;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>display_as=plaintext: HTML bodies back to the text they show.</summary>
public sealed class HtmlTests
{
    [Theory]
    [InlineData("<p>one</p>\n\n<p>two</p>", "one\n\ntwo")]
    [InlineData("<p>a<br>b<br/>c</p>", "a\nb\nc")]
    [InlineData("<p>See <a href=\"https://example.com/x?a=1&amp;b=2\">the guide</a>.</p>", "See the guide (https://example.com/x?a=1&b=2).")]
    [InlineData("<p>&lt;b&gt; is &quot;bold&quot; &amp; &#39;strong&#39;</p>", "<b> is \"bold\" & 'strong'")]
    [InlineData("<p><b>bold</b> and <i>italic</i></p>", "bold and italic")]
    public void Plain_text_keeps_paragraphs_and_breaks_renders_links_as_label_and_url_and_decodes_entities(string html, string text)
    {
        Assert.Equal(text, Html.PlainText(html));
    }

    [Fact]
    public void Plain_text_of_a_rendered_body_is_the_body()
    {
        const string body = "Line <one> & \"two\"\n\nParagraph 'three'";
        Assert.Equal(body, Html.PlainText(Html.Paragraphs(body)));
    }

    [Theory]
    [InlineData("Hi & bye", "<p>Hi &amp; bye</p>")] // no tag: text
    [InlineData("2 < 3 <b>and</b> 4 > 1", "2 &lt; 3 <b>and</b> 4 &gt; 1")] // a '<' that starts no tag is text
    [InlineData("<B>loud</B> <EM onClick=x>em</EM>", "<b>loud</b> <em>em</em>")]
    [InlineData("<a href='https://example.com/x'>single</a> <a href=https://example.com/y>bare</a>", "<a href=\"https://example.com/x\">single</a> <a href=\"https://example.com/y\">bare</a>")]
    [InlineData("<a href=\"&#106;avascript:alert(1)\">e</a><a href=\"java\tscript:x\">t</a><a href=\"data:text/html,x\">d</a><a href=\"/rel\">r</a>", "<a>e</a><a>t</a><a>d</a><a>r</a>")]
    [InlineData("<img src=\"mailto:a@b.c\" alt='\"q\"'>", "<img alt=\"&quot;q&quot;\">")] // mailto is a link's only
    [InlineData("a<!-- <script>x</script> -->b<!DOCTYPE html>c", "abc")]
    [InlineData("<b><i>crossed</b></i> </p> <script>never closed", "<b><i>crossed</i></b>")] // closed in order; a stray close dropped
    [InlineData("<svg><script>x</script></svg><style>b{}</style>&lt;kept&gt;", "&lt;kept&gt;")]
    public void Markup_keeps_the_allowed_formatting_and_nothing_that_runs(string body, string html)
    {
        Assert.Equal(html, Html.Markup(body));
    }
}
