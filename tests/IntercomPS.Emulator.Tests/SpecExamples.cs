namespace IntercomPS.Emulator.Tests;

/// <summary>The spec's example requests and responses (intercom-v1-api-docs.txt), verbatim where the spec is complete.</summary>
public static class SpecExamples
{
    public const string User = """
        {
          "email": "ben@intercom.io", "user_id": "123", "name": "Ben", "created_at": 1270000000, "last_impression_at": 1300000000,
          "custom_data": { "app_name": "Genesis", "monthly_spend": 155.5, "team_mates": 7 },
          "social_profiles": [
            { "type": "twitter", "url": "http://twitter.com/abc", "username": "abc" },
            { "type": "facebook", "url": "http://facebook.com/vanity", "username": "vanity", "id": "13241141441141413" }
          ],
          "location_data": {
            "city_name": "Santiago", "continent_code": "SA", "country_name": "Chile", "latitude": -33.44999999999999,
            "longitude": -70.6667, "postal_code": "", "region_name": "12", "timezone": "Chile/Continental", "country_code": "CHL"
          },
          "session_count": 0, "last_seen_ip": "127.0.0.1", "last_seen_user_agent": "Mozilla/5.0", "relationship_score": 90,
          "unsubscribed_from_emails": false
        }
        """;

    public const string CreatedUser = """
        {
          "email": "ben@intercom.io", "user_id": "7902", "name": "Ben McRedmond", "created_at": 1257553080, "last_impression_at": 1300000000,
          "custom_data": { "plan": "pro" },
          "social_profiles": [
            { "type": "twitter", "url": "http://twitter.com/abc", "username": "abc" },
            { "type": "facebook", "url": "http://facebook.com/vanity", "username": "vanity", "id": "13241141441141413" }
          ],
          "location_data": {
            "city_name": "Santiago", "continent_code": "SA", "country_name": "Chile", "latitude": -33.44999999999999,
            "longitude": -70.6667, "postal_code": "", "region_name": "12", "timezone": "Chile/Continental", "country_code": "CHL"
          },
          "session_count": 0, "last_seen_ip": "1.2.3.4", "last_seen_user_agent": "ie6", "relationship_score": 90,
          "unsubscribed_from_emails": false
        }
        """;

    public const string UserList = "{ \"users\": [" + User + "], \"total_count\": 3, \"page\": 1, \"next_page\": null, \"previous_page\": null, \"total_pages\": 1 }";

    public const string Note = "{ \"html\": \"<p>This is the text of my note.</p>\", \"created_at\": null, \"user\": " + User + " }";

    public const string Tag = """{ "id": null, "name": "Free Trial", "color": "green", "segment": false, "tagged_user_count": null }""";

    public const string Impression = """{ "unread_messages": 1 }""";

    public const string Thread = """
        {
          "created_at": 1366697900, "updated_at": 1366611500, "read": true, "created_by_user": true, "thread_id": 5591, "message_type": "inbox",
          "messages": [
            { "created_at": 1366697900, "url": null, "html": "<p>Hey Intercom, What is up?</p>\n\n<p></p>",
              "from": { "email": "bob@example.com", "user_id": "456", "name": "Bob", "is_admin": false, "avatar": { } } }
          ]
        }
        """;

    public const string CreatedThread = """
        {
          "created_at": 1366697902, "updated_at": null, "read": true, "created_by_user": false, "thread_id": 5591, "message_type": "inbox",
          "messages": [
            { "created_at": 1366697902, "url": "http://example.com/my/sweet/url", "html": "<p>Hey Intercom, What is up?</p>",
              "from": { "email": "bob@example.com", "user_id": "456", "name": "Bob", "is_admin": false, "avatar": { } } }
          ]
        }
        """;

    public const string Threads = "[" + Thread + "]";

    public const string CreateUserRequest = """
        {
          "email" : "ben@intercom.io", "user_id" : "7902", "name" : "Ben McRedmond", "created_at" : 1257553080,
          "custom_data" : {"plan" : "pro"}, "last_seen_ip" : "1.2.3.4", "last_seen_user_agent" : "ie6",
          "companies" : [ { "id" : 6, "name" : "Intercom", "created_at" : 103201, "plan" : "Messaging", "monthly_spend" : 50 } ],
          "last_request_at" : 1300000000
        }
        """;

    public const string UpdateUserRequest = """{ "email" : "ben@intercom.io", "name" : "Benjamin McRedmond" }""";

    public const string DeleteUserRequest = """{ "email" : "ben@intercom.io", "user_id" : "7902" }""";

    public const string NoteRequest = """{ "email" : "ben@intercom.io", "body" : "This is the text of my note." }""";

    public const string TagRequest = """{ "user_ids" : ["abc123", "def456"], "name" : "Free Trial", "tag_or_untag" : "tag" }""";

    public const string ImpressionRequest = """{ "email" : "ben@intercom.io" }""";

    public const string CreateThreadRequest = """{ "email" : "ben@intercom.io", "body" : "Hey Intercom, What is up?", "url" : "http://example.com/my/sweet/url" }""";

    public const string ReplyRequest = """{ "email" : "ben@intercom.io", "body" : "Not much either :(", "thread_id" : 11547, "url" : "http://example.com/my/sweet/url" }""";
}
