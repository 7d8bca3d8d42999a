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
}
