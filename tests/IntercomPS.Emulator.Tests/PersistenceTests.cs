using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>With a data file, answered writes survive a restart and kill -9.</summary>
public sealed class PersistenceTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("intercom-emulator-tests-").FullName;
    private readonly HttpClient http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public void Dispose()
    {
        http.Dispose();
        Directory.Delete(directory, recursive: true);
    }

    private static EmulatorOptions Options(string path)
    {
        var options = new EmulatorOptions { DataPath = path };
        options.Apps["keep"] = "keep-key";
        return options;
    }

    [Fact]
    public async Task Data_survives_dispose_and_restart_on_the_same_file()
    {
        var path = Path.Combine(directory, "nested", "intercom.db");
        long threadId;
        await using (var first = await IntercomEmulator.StartAsync(Options(path)))
        {
            var api = new Api(http, first.BaseUri, "keep", "keep-key");
            (await api.PostAsync("v1/users", new { email = "kept@example.com", user_id = "k1", custom_data = new { plan = "pro" } })).AssertStatus(201);
            (await api.PostAsync("v1/tags", new { name = "vip", user_ids = new[] { "k1" }, tag_or_untag = "tag" })).AssertStatus(201);
            threadId = (await api.PostAsync("v1/users/message_threads", new { user_id = "k1", body = "hello" }))["thread_id"].GetInt64();
            Assert.True((await new Api(http, first.BaseUri, null, null).GetAsync("admin/health"))["persistent"].GetBoolean());
        }

        await using var second = await IntercomEmulator.StartAsync(Options(path));
        var again = new Api(http, second.BaseUri, "keep", "keep-key");
        var user = (await again.GetAsync("v1/users?user_id=k1")).AssertStatus(200);
        Assert.Equal("pro", user["custom_data"].GetProperty("plan").GetString());
        Assert.Equal(1, (await again.GetAsync("v1/tags?name=vip"))["tagged_user_count"].GetInt32());
        Assert.Equal("<p>hello</p>", (await again.GetAsync($"v1/users/message_threads?user_id=k1&thread_id={threadId}"))["messages"][0].GetProperty("html").GetString());
    }

    [Fact]
    public async Task Every_acknowledged_write_survives_kill_9()
    {
        var path = Path.Combine(directory, "killed.db");
        var acknowledged = new ConcurrentBag<string>();
        using (var child = EmulatorProcess.Start(["--port", "0", "--data", path, "--app", "keep:keep-key"]))
        {
            var api = new Api(http, await child.BaseUriAsync(), "keep", "keep-key");
            using var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var id = $"w{w}-{n}";
                    try
                    {
                        var reply = await api.PostAsync("v1/users", new { user_id = id, custom_data = new { n } });
                        if (reply.Status == 201)
                        {
                            acknowledged.Add(id);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                }
            })).ToArray();

            // Kill mid-load, once a good number of writes has been answered.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (acknowledged.Count < 150)
            {
                Assert.True(DateTime.UtcNow < deadline, $"only {acknowledged.Count} writes acknowledged in 30 s:\n{child.Stderr}");
                await Task.Delay(20);
            }

            child.KillHard();
            await stop.CancelAsync();
            await Task.WhenAll(writers);
        }

        await using var restarted = await IntercomEmulator.StartAsync(Options(path));
        var check = new Api(http, restarted.BaseUri, "keep", "keep-key");
        var stored = new HashSet<string>();
        for (var page = 1; ; page++)
        {
            var reply = (await check.GetAsync($"v1/users?page={page}")).AssertStatus(200);
            stored.UnionWith(reply["users"].EnumerateArray().Select(u => u.GetProperty("user_id").GetString()!));
            if (reply["next_page"].ValueKind == System.Text.Json.JsonValueKind.Null)
            {
                break;
            }
        }

        var lost = acknowledged.Where(id => !stored.Contains(id)).ToList();
        Assert.True(lost.Count == 0, $"{lost.Count} of {acknowledged.Count} acknowledged writes were lost: {string.Join(", ", lost.Take(10))}");
    }

    [Fact]
    public async Task A_data_file_from_before_intercom_ids_is_upgraded_and_its_rows_get_ids()
    {
        // The version-1 tables, as an older emulator wrote them: no intercom_id columns.
        var path = Path.Combine(directory, "old.db");
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var create = old.CreateCommand();
            create.CommandText = """
                CREATE TABLE users (seq INTEGER PRIMARY KEY AUTOINCREMENT, app TEXT NOT NULL, user_id TEXT, email TEXT, name TEXT,
                    created_at INTEGER, last_impression_at INTEGER, custom_data TEXT NOT NULL DEFAULT '{}', last_seen_ip TEXT,
                    last_seen_user_agent TEXT, session_count INTEGER NOT NULL DEFAULT 0, unsubscribed INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE tags (id INTEGER PRIMARY KEY AUTOINCREMENT, app TEXT NOT NULL, name TEXT NOT NULL, color TEXT NOT NULL, UNIQUE (app, name));
                CREATE TABLE user_tags (tag_id INTEGER NOT NULL, user_seq INTEGER NOT NULL, PRIMARY KEY (tag_id, user_seq)) WITHOUT ROWID;
                INSERT INTO users (app, user_id, email, created_at) VALUES ('keep', 'old-1', 'old@example.com', 1300000000);
                INSERT INTO tags (app, name, color) VALUES ('keep', 'legacy', 'red');
                INSERT INTO user_tags VALUES (1, 1);
                """;
            create.ExecuteNonQuery();
        }

        string userId, tagId;
        await using (var emulator = await IntercomEmulator.StartAsync(Options(path)))
        {
            var api = new Api(http, emulator.BaseUri, "keep", "keep-key");
            userId = (await api.GetAsync("v1/users?user_id=old-1")).AssertStatus(200)["intercom_id"].GetString()!;
            Assert.StartsWith("4d7c6d00", userId); // dated by the old row's created_at, the best time known
            var legacy = (await api.GetAsync("v1/tags?name=legacy")).AssertStatus(200);
            tagId = legacy["id"].GetString()!;
            Assert.Equal(1, legacy["tagged_user_count"].GetInt32()); // counted once by the upgrade, kept from then on
            Assert.Matches("^[0-9a-f]{24}$", tagId);
            Assert.Equal("old-1", (await api.GetAsync($"v1/users?tag_id={tagId}")).AssertStatus(200)["users"][0].GetProperty("user_id").GetString());
            Assert.Matches("^[0-9a-f]{24}$", (await api.PostAsync("v1/users", new { email = "new@example.com" })).AssertStatus(201)["intercom_id"].GetString());

            // A link from before when and by whom were recorded: 2.14 says neither, null as its tag allows.
            var v2 = new Api(http, emulator.BaseUri, "keep-key", ""); // the token as Basic's username, no password
            var applied = (await v2.GetAsync($"contacts/{userId}/tags")).AssertStatus(200)["data"][0];
            Assert.Equal((JsonValueKind.Null, JsonValueKind.Null), (applied.GetProperty("applied_at").ValueKind, applied.GetProperty("applied_by").ValueKind));
        }

        await using (var again = await IntercomEmulator.StartAsync(Options(path)))
        {
            var api = new Api(http, again.BaseUri, "keep", "keep-key");
            Assert.Equal(userId, (await api.GetAsync("v1/users?user_id=old-1")).AssertStatus(200)["intercom_id"].GetString());
            Assert.Equal(tagId, (await api.GetAsync("v1/tags?name=legacy")).AssertStatus(200)["id"].GetString());
        }
    }
    [Fact]
    public async Task A_data_file_from_before_titles_redactions_and_subscription_types_is_upgraded()
    {
        var path = Path.Combine(directory, "before.db");
        string contactId;
        long threadId;
        await using (var first = await IntercomEmulator.StartAsync(Options(path)))
        {
            var v1 = new Api(http, first.BaseUri, "keep", "keep-key");
            contactId = (await v1.PostAsync("v1/users", new { email = "old@example.com", user_id = "old-1" })).AssertStatus(201)["intercom_id"].GetString()!;
            threadId = (await v1.PostAsync("v1/users/message_threads", new { user_id = "old-1", body = "my card number is 4111" }))["thread_id"].GetInt64();
        }

        // Take the file back to before this release: no title, custom attributes or redaction columns, no subscription tables.
        using (var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            old.Open();
            using var downgrade = old.CreateCommand();
            downgrade.CommandText = """
                ALTER TABLE conversation_states DROP COLUMN title;
                ALTER TABLE conversation_states DROP COLUMN custom_attributes;
                ALTER TABLE messages DROP COLUMN redacted_at;
                DROP TRIGGER tr_users_subscriptions;
                DROP TABLE contact_subscriptions;
                DROP TABLE subscription_types;
                """;
            downgrade.ExecuteNonQuery();
        }

        await using var upgraded = await IntercomEmulator.StartAsync(Options(path));
        var v2 = new Api(http, upgraded.BaseUri, "keep-key", "");
        var admin = new Api(http, upgraded.BaseUri, null, null);
        var titled = (await v2.PutAsync($"conversations/{threadId}", new { title = "Card", custom_attributes = new { issue = "pci" } })).AssertStatus(200);
        Assert.Equal("Card", titled["title"].GetString());
        Assert.Equal("pci", titled["custom_attributes"].GetProperty("issue").GetString());
        var source = titled["source"].GetProperty("id").GetString()!;
        var redacted = (await v2.PostAsync("conversations/redact", new { type = "source", conversation_id = $"{threadId}", source_id = source })).AssertStatus(200);
        Assert.True(redacted["source"].GetProperty("redacted").GetBoolean());
        var type = (await admin.PostAsync("admin/apps/keep/subscription_types", new { name = "Newsletters", consent_type = "opt_out" })).AssertStatus(200)["id"].GetString()!;
        (await v2.PostAsync($"contacts/{contactId}/subscriptions", new { id = type, consent_type = "opt_out" })).AssertStatus(200);
        Assert.Equal(type, (await v2.GetAsync($"contacts/{contactId}/subscriptions")).AssertStatus(200)["data"][0].GetProperty("id").GetString());
        // The trigger the upgrade added takes a deleted contact's choices with it.
        (await v2.DeleteAsync($"contacts/{contactId}")).AssertStatus(200);
        var recreated = (await v2.PostAsync("contacts", new { email = "old@example.com" })).AssertStatus(200)["id"].GetString()!;
        Assert.Empty((await v2.GetAsync($"contacts/{recreated}/subscriptions")).AssertStatus(200)["data"].EnumerateArray());
    }

    [Fact]
    public async Task Ticket_types_and_tickets_made_on_a_data_file_from_before_them_survive_a_restart()
    {
        // A data file from before ticket types: the version-1 users table only.
        var path = OldDataFile("before-tickets.db");

        string typeId, ticketId;
        await using (var first = await IntercomEmulator.StartAsync(Options(path)))
        {
            var v2 = new Api(http, first.BaseUri, "keep-key", ""); // the token as Basic's username, no password
            typeId = (await v2.PostAsync("ticket_types", new { name = "Bug Report", category = "Tracker" })).AssertStatus(200)["id"].GetString()!;
            (await v2.PostAsync($"ticket_types/{typeId}/attributes", new { name = "Priority", description = "How urgent", data_type = "list", list_items = "Low,High" })).AssertStatus(200);
            ticketId = (await v2.PostAsync("tickets", new { ticket_type_id = typeId, contacts = new[] { new { email = "kept@example.com" } }, ticket_attributes = new { Priority = "High" } }))
                .AssertStatus(200)["id"].GetString()!;
            (await v2.PostAsync($"tickets/{ticketId}/reply", new { message_type = "note", type = "admin", admin_id = (await v2.GetAsync("me")).AssertStatus(200)["id"].GetString(), body = "Kept" }))
                .AssertStatus(200);
            // A second ticket, deleted: its number (2) is not given again, after a restart either.
            var deleted = (await v2.PostAsync("tickets", new { ticket_type_id = typeId, contacts = new[] { new { email = "kept@example.com" } }, ticket_attributes = new { Priority = "Low" } }))
                .AssertStatus(200)["id"].GetString()!;
            (await v2.DeleteAsync($"tickets/{deleted}")).AssertStatus(200);
        }

        await using var second = await IntercomEmulator.StartAsync(Options(path));
        var again = new Api(http, second.BaseUri, "keep-key", "");
        Assert.Equal("3", (await again.PostAsync("tickets", new { ticket_type_id = typeId, contacts = new[] { new { email = "kept@example.com" } }, ticket_attributes = new { Priority = "Low" } }))
            .AssertStatus(200)["ticket_id"].GetString());
        var type = (await again.GetAsync($"ticket_types/{typeId}")).AssertStatus(200);
        Assert.Equal("Tracker", type["category"].GetString());
        Assert.Equal(["_default_title_", "_default_description_", "Priority"],
            type["ticket_type_attributes"].GetProperty("data").EnumerateArray().Select(a => a.GetProperty("name").GetString()));
        var ticket = (await again.GetAsync($"tickets/{ticketId}")).AssertStatus(200);
        Assert.Equal("High", ticket["ticket_attributes"].GetProperty("Priority").GetString());
        Assert.Equal(["ticket_state_updated_by_admin", "note"], ticket["ticket_parts"].GetProperty("ticket_parts").EnumerateArray().Select(p => p.GetProperty("part_type").GetString()));
    }

    [Fact]
    public async Task Help_center_articles_and_collections_made_on_a_data_file_from_before_them_survive_a_restart()
    {
        // A data file from before the help center: the version-1 users table only.
        var path = OldDataFile("before-help-center.db");

        string collectionId, articleId;
        await using (var first = await IntercomEmulator.StartAsync(Options(path)))
        {
            var v2 = new Api(http, first.BaseUri, "keep-key", "");
            var admin = long.Parse((await v2.GetAsync("me")).AssertStatus(200)["id"].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            collectionId = (await v2.PostAsync("help_center/collections", new { name = "Billing" })).AssertStatus(200)["id"].GetString()!;
            articleId = (await v2.PostAsync("articles", new
            {
                title = "Kept", body = "Still here.", author_id = admin, state = "published", parent_id = long.Parse(collectionId, System.Globalization.CultureInfo.InvariantCulture),
                translated_content = new { fr = new { title = "Gardé", body = "Toujours là.", author_id = admin } },
            })).AssertStatus(200)["id"].GetString()!;
        }

        await using var second = await IntercomEmulator.StartAsync(Options(path));
        var again = new Api(http, second.BaseUri, "keep-key", "");
        var article = (await again.GetAsync($"articles/{articleId}")).AssertStatus(200);
        Assert.Equal("Kept", article["title"].GetString());
        Assert.Equal("published", article["state"].GetString());
        Assert.Equal(long.Parse(collectionId, System.Globalization.CultureInfo.InvariantCulture), article["parent_id"].GetInt64());
        Assert.Equal("Gardé", article["translated_content"].GetProperty("fr").GetProperty("title").GetString());
        Assert.Equal("Billing", (await again.GetAsync($"help_center/collections/{collectionId}")).AssertStatus(200)["name"].GetString());
        // New ones carry on from the ids before, never reusing one.
        var next = (await again.PostAsync("help_center/collections", new { name = "Plans" })).AssertStatus(200)["id"].GetString()!;
        Assert.True(long.Parse(next, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(collectionId, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Internal_articles_made_on_a_data_file_from_before_them_survive_a_restart()
    {
        // A data file from before internal articles: the version-1 users table only.
        var path = OldDataFile("before-internal-articles.db");

        string articleId;
        long admin;
        await using (var first = await IntercomEmulator.StartAsync(Options(path)))
        {
            var v2 = new Api(http, first.BaseUri, "keep-key", "");
            admin = long.Parse((await v2.GetAsync("me")).AssertStatus(200)["id"].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
            articleId = (await v2.PostAsync("internal_articles", new { title = "Kept", body = "<p>Still here.</p>", owner_id = admin, author_id = admin }))
                .AssertStatus(200)["id"].GetString()!;
        }

        await using var second = await IntercomEmulator.StartAsync(Options(path));
        var again = new Api(http, second.BaseUri, "keep-key", "");
        var article = (await again.GetAsync($"internal_articles/{articleId}")).AssertStatus(200);
        Assert.Equal("Kept", article["title"].GetString());
        Assert.Equal("<p>Still here.</p>", article["body"].GetString());
        Assert.Equal(admin, article["owner_id"].GetInt64());
        // New ones carry on from the ids before, never reusing one.
        var next = (await again.PostAsync("internal_articles", new { title = "Next", owner_id = admin, author_id = admin })).AssertStatus(200)["id"].GetString()!;
        Assert.True(long.Parse(next, System.Globalization.CultureInfo.InvariantCulture) > long.Parse(articleId, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Contacts_added_to_a_conversation_on_a_data_file_from_before_them_survive_a_restart()
    {
        // A data file from before conversation contacts: the version-1 users table only.
        var path = OldDataFile("before-conversation-contacts.db");

        string owner, guest, conversation;
        await using (var first = await IntercomEmulator.StartAsync(Options(path)))
        {
            var v2 = new Api(http, first.BaseUri, "keep-key", "");
            var admin = (await v2.GetAsync("me")).AssertStatus(200)["id"].GetString()!;
            owner = (await v2.PostAsync("contacts", new { email = "owner@example.com" })).AssertStatus(200)["id"].GetString()!;
            guest = (await v2.PostAsync("contacts", new { email = "guest@example.com" })).AssertStatus(200)["id"].GetString()!;
            conversation = (await v2.PostAsync("conversations", new { from = new { type = "user", id = owner }, body = "Hello" })).AssertStatus(200)["conversation_id"].GetString()!;
            (await v2.PostAsync($"conversations/{conversation}/customers", new { admin_id = admin, customer = new { intercom_user_id = guest } })).AssertStatus(200);
        }

        await using var second = await IntercomEmulator.StartAsync(Options(path));
        var again = new Api(http, second.BaseUri, "keep-key", "");
        var contacts = (await again.GetAsync($"conversations/{conversation}")).AssertStatus(200)["contacts"].GetProperty("contacts");
        Assert.Equal([owner, guest], contacts.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    /// <summary>A data file as the first emulator wrote it: the version-1 users table alone, which every later table is added to.</summary>
    private string OldDataFile(string name)
    {
        var path = Path.Combine(directory, name);
        using var old = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        old.Open();
        using var create = old.CreateCommand();
        create.CommandText = """
            CREATE TABLE users (seq INTEGER PRIMARY KEY AUTOINCREMENT, app TEXT NOT NULL, user_id TEXT, email TEXT, name TEXT,
                created_at INTEGER, last_impression_at INTEGER, custom_data TEXT NOT NULL DEFAULT '{}', last_seen_ip TEXT,
                last_seen_user_agent TEXT, session_count INTEGER NOT NULL DEFAULT 0, unsubscribed INTEGER NOT NULL DEFAULT 0);
            """;
        create.ExecuteNonQuery();
        return path;
    }
}
