using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// What each write keeps of its body: an admin's reply, note or message on 2.14 may be HTML, kept as the description
/// says ("Notes accept some HTML formatting", "HTML and plaintext are supported") with anything that could run script
/// removed; plain text is paragraphs as before; a contact's words and every v1 body are text, escaped.
/// </summary>
public class BodiesTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private V2Client Api => fixture.V2;

    private async Task<(string Contact, string Email, string Admin, string Conversation)> NewConversation()
    {
        var email = EmulatorFixture.NewEmail();
        var contact = (await Api.PostAsync("/contacts", new { email, name = "Mira" })).Ok()["id"].GetString()!;
        var conversation = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "Help" })).Ok()["conversation_id"].GetString()!;
        return (contact, email, (await Api.GetAsync("/me")).Ok()["id"].GetString()!, conversation);
    }

    /// <summary>The body an admin's write leaves, as GET /conversations/{id} shows it: a reply or note part, or a message's source.</summary>
    private async Task<string> AdminWrites(string write, string body)
    {
        var (contact, _, admin, id) = await NewConversation();
        if (write == "message")
        {
            var sent = (await Api.PostAsync("/messages", new { message_type = "inapp", body, from = new { type = "admin", id = admin }, to = new { type = "user", id = contact } })).Ok();
            return (await Api.GetAsync($"/conversations/{sent["conversation_id"].GetString()}")).Ok()["source"].GetProperty("body").GetString()!;
        }

        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = write, type = "admin", admin_id = admin, body })).Ok();
        return LastPart((await Api.GetAsync($"/conversations/{id}")).Ok());
    }

    private static string LastPart(Reply conversation) =>
        conversation["conversation_parts"].GetProperty("conversation_parts").EnumerateArray().Last().GetProperty("body").GetString()!;

    [Theory]
    [InlineData("comment")]
    [InlineData("note")]
    [InlineData("message")]
    public async Task An_admins_html_is_kept(string write)
    {
        Assert.Equal("<p>Hi <b>there</b></p>", await AdminWrites(write, "<p>Hi <b>there</b></p>"));
        Assert.Equal("<p>See <a href=\"https://example.com/a?b=1&amp;c=2\">the guide</a>, <em>now</em>.</p>\n<ul>\n<li>one<br>two</li>\n</ul>",
            await AdminWrites(write, "<p>See <a href=\"https://example.com/a?b=1&amp;c=2\">the guide</a>, <em>now</em>.</p>  <ul> <li>one<br/>two</li> </ul>"));
    }

    /// <summary>As the description's HTML note answers: the document's wrappers gone, the lists kept, one line between blocks.</summary>
    [Fact]
    public async Task A_whole_html_document_is_cut_to_its_formatting()
    {
        Assert.Equal("<h3>Steps</h3>\n<ol>\n<li>Log in</li>\n<li>Pay</li>\n</ol>",
            await AdminWrites("note", "<html> <head><title>x</title></head> <body>  <h3>Steps</h3>  <ol>   <li>Log in</li>   <li>Pay</li> </ol>  </body> </html>"));
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("note")]
    [InlineData("message")]
    public async Task Plain_text_from_an_admin_is_still_escaped_paragraphs(string write)
    {
        Assert.Equal("<p>Line one &amp; two, 2 &gt; 1</p>\n\n<p>Line three</p>", await AdminWrites(write, "Line one & two, 2 > 1\n\nLine three"));
    }

    [Theory]
    [InlineData("comment")]
    [InlineData("note")]
    [InlineData("message")]
    public async Task Script_event_handlers_and_javascript_urls_are_removed(string write)
    {
        var body = await AdminWrites(write,
            "<p onclick=\"steal()\">Hi<script>alert(1)</script><style>p { color: red }</style> " +
            "<a href=\"javascript:alert(2)\" onmouseover=\"alert(3)\">one</a> <a href=\" JaVaScRiPt&colon;alert(4)\">two</a> " +
            "<a href=\"mailto:ops@example.com\">mail</a><img src=\"x\" onerror=\"alert(5)\"><img src=\"https://example.com/p.png\" alt=\"pic\"></p>" +
            "<iframe src=\"https://evil.example\"></iframe><div><b>unclosed");
        Assert.Equal(
            "<p>Hi <a>one</a> <a>two</a> <a href=\"mailto:ops@example.com\">mail</a><img><img src=\"https://example.com/p.png\" alt=\"pic\"></p><b>unclosed</b>",
            body);
    }

    /// <summary>A contact's words are text ("HTML is not supported" for a conversation it starts), as are a note on a contact's.</summary>
    [Fact]
    public async Task A_contacts_words_and_a_note_on_a_contact_stay_text()
    {
        var (contact, _, admin, _) = await NewConversation();
        var id = (await Api.PostAsync("/conversations", new { from = new { type = "user", id = contact }, body = "<b>hi</b>" })).Ok()["conversation_id"].GetString();
        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "user", intercom_user_id = contact, body = "<i>again</i>" })).Ok();
        var conversation = (await Api.GetAsync($"/conversations/{id}")).Ok();
        Assert.Equal("<p>&lt;b&gt;hi&lt;/b&gt;</p>", conversation["source"].GetProperty("body").GetString());
        Assert.Equal("<p>&lt;i&gt;again&lt;/i&gt;</p>", LastPart(conversation));
        Assert.Equal("<p>&lt;b&gt;note&lt;/b&gt;</p>", (await Api.PostAsync($"/contacts/{contact}/notes", new { body = "<b>note</b>", admin_id = admin })).Ok()["body"].GetString());
    }

    [Fact]
    public async Task V1_bodies_stay_text_and_v1_reads_an_admins_html_as_2_14_keeps_it()
    {
        var (_, email, admin, id) = await NewConversation();
        var threadId = long.Parse(id, System.Globalization.CultureInfo.InvariantCulture);
        var (status, thread) = await fixture.V1.SendAsync(HttpMethod.Put, "users/message_threads", new { email, thread_id = threadId, body = "<b>v1</b>" });
        Assert.Equal(200, status);
        Assert.Equal("<p>&lt;b&gt;v1&lt;/b&gt;</p>", Messages(thread).Last().GetProperty("html").GetString());
        var (_, note) = await fixture.V1.SendAsync(HttpMethod.Post, "users/notes", new { email, body = "<b>v1 note</b>" });
        Assert.Equal("<p>&lt;b&gt;v1 note&lt;/b&gt;</p>", note.GetProperty("html").GetString());
        var (_, started) = await fixture.V1.SendAsync(HttpMethod.Post, "users/message_threads", new { email, body = "<script>x</script>" });
        Assert.Equal("<p>&lt;script&gt;x&lt;/script&gt;</p>", Messages(started).Single().GetProperty("html").GetString());

        (await Api.PostAsync($"/conversations/{id}/reply", new { message_type = "comment", type = "admin", admin_id = admin, body = "<p>Hi <b>there</b></p>" })).Ok();
        var (_, read) = await fixture.V1.SendAsync(HttpMethod.Get, $"users/message_threads?email={email}&thread_id={id}");
        Assert.Equal("<p>Hi <b>there</b></p>", Messages(read).Last().GetProperty("html").GetString());
    }

    private static JsonElement[] Messages(JsonElement thread) => [.. thread.GetProperty("messages").EnumerateArray()];
}
