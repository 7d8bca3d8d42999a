using System;
using System.Buffers;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace IntercomPS.Bench
{
    /// <summary>
    /// `IntercomPS.Bench --sqlite-put`: the least a Kestrel server can do for 2.14's <c>PUT /contacts/{id}</c> and still
    /// commit it to SQLite, the write floor the emulator's PUT is read against. Per request: parse the body, run one
    /// upsert with RETURNING in a transaction of its own on one connection (WAL, fsync off, a temporary file: the
    /// emulator's default store), and write the row back as a contact of the emulator's answer's size. None of the
    /// emulator's work is here: no auth, versions, validation, conflicts, tags, request log or group commit.
    /// An id is inserted on its first PUT, so the emulator's wrk script drives both servers unchanged.
    /// </summary>
    public static class SqliteWriteServer
    {
        private const string Upsert = """
            INSERT INTO contacts (id, external_id, email, name, created_at, updated_at)
            VALUES ($id, 'user-' || $id, $id || '@example.com', $name, $now, $now)
            ON CONFLICT (id) DO UPDATE SET name = excluded.name, updated_at = excluded.updated_at
            RETURNING id, external_id, email, name, created_at, updated_at, custom_attributes
            """;

        private static readonly string[] Unset =
        {
            "phone", "owner_id", "signed_up_at", "last_seen_at", "last_replied_at", "last_contacted_at", "last_email_opened_at",
            "last_email_clicked_at", "language_override", "browser", "browser_version", "browser_language", "os", "avatar",
        };

        private static readonly string[] Location = { "country", "region", "city", "country_code", "continent_code" };

        private static readonly string[] Lists = { "tags", "notes", "companies" };

        public static async Task RunAsync()
        {
            var path = Path.Combine(Path.GetTempPath(), $"intercomps-write-floor-{Guid.NewGuid():N}.db");
            try
            {
                using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
                connection.Open();
                using (var setup = connection.CreateCommand())
                {
                    setup.CommandText = """
                        PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY;
                        CREATE TABLE contacts (seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, external_id TEXT UNIQUE, email TEXT,
                            name TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, custom_attributes TEXT NOT NULL DEFAULT '{}');
                        CREATE INDEX contacts_email ON contacts (email);
                        """;
                    setup.ExecuteNonQuery();
                }

                using var upsert = connection.CreateCommand();
                upsert.CommandText = Upsert;
                var id = upsert.Parameters.Add("$id", SqliteType.Text);
                var name = upsert.Parameters.Add("$name", SqliteType.Text);
                var now = upsert.Parameters.Add("$now", SqliteType.Integer);
                upsert.Prepare();
                // One connection, one statement at a time: SQLite has one writer anyway.
                using var gate = new SemaphoreSlim(1, 1);

                var builder = WebApplication.CreateSlimBuilder();
                builder.Logging.ClearProviders();
                builder.WebHost.UseUrls("http://127.0.0.1:0");
                var app = builder.Build();
                app.MapPut("/contacts/{contactId}", async (HttpContext context, string contactId) =>
                {
                    using var body = await JsonDocument.ParseAsync(context.Request.Body);
                    var answer = new ArrayBufferWriter<byte>(2048);
                    await gate.WaitAsync();
                    try
                    {
                        id.Value = contactId;
                        name.Value = (body.RootElement.TryGetProperty("name", out var given) ? given.GetString() : null) ?? (object)DBNull.Value;
                        now.Value = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
                        using var row = upsert.ExecuteReader();
                        row.Read();
                        WriteContact(answer, row);
                    }
                    finally
                    {
                        gate.Release();
                    }

                    context.Response.ContentType = "application/json";
                    context.Response.ContentLength = answer.WrittenCount;
                    await context.Response.Body.WriteAsync(answer.WrittenMemory);
                });
                await ServerProcess.ServeAsync(app, "sqlite-put");
            }
            finally
            {
                foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(path + suffix);
            }
        }

        /// <summary>The row as a 2.14 contact with the fields (and so about the size) of the emulator's answer.</summary>
        private static void WriteContact(IBufferWriter<byte> answer, SqliteDataReader row)
        {
            using var w = new Utf8JsonWriter(answer);
            var id = row.GetString(0);
            w.WriteStartObject();
            w.WriteString("type", "contact");
            w.WriteString("id", id);
            w.WriteString("workspace_id", "benchapp");
            w.WriteString("external_id", row.GetString(1));
            w.WriteString("role", "user");
            w.WriteString("email", row.GetString(2));
            w.WriteString("email_domain", "example.com");
            w.WriteString("name", row.IsDBNull(3) ? null : row.GetString(3));
            w.WriteBoolean("has_hard_bounced", false);
            w.WriteBoolean("marked_email_as_spam", false);
            w.WriteBoolean("unsubscribed_from_emails", false);
            w.WriteNumber("created_at", row.GetInt64(4));
            w.WriteNumber("updated_at", row.GetInt64(5));
            foreach (var field in Unset) w.WriteNull(field);
            w.WriteStartObject("location");
            w.WriteString("type", "location");
            foreach (var field in Location) w.WriteNull(field);
            w.WriteEndObject();
            w.WritePropertyName("custom_attributes");
            w.WriteRawValue(row.GetString(6));
            foreach (var list in Lists)
            {
                w.WriteStartObject(list);
                w.WriteString("type", "list");
                w.WriteStartArray("data");
                w.WriteEndArray();
                w.WriteString("url", $"/contacts/{id}/{list}");
                w.WriteNumber("total_count", 0);
                w.WriteBoolean("has_more", false);
                w.WriteEndObject();
            }
            w.WriteStartObject("social_profiles");
            w.WriteString("type", "list");
            w.WriteStartArray("data");
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
        }
    }
}
