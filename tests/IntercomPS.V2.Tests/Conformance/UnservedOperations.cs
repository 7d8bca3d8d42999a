using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// The operations of Intercom's 2.14 description the emulator deliberately does not serve, each with the reason: the
/// one written list, which <see cref="ServedOperationsTests"/> holds to be exactly the description's operations less
/// the served ones. An operation the emulator starts serving leaves this list in the same change.
/// </summary>
public static class UnservedOperations
{
    private static readonly (string Reason, string[] Operations)[] Groups =
    [
        ("AI content (import sources, external pages) is not emulated",
        [
            "GET /ai/content_import_sources",
            "POST /ai/content_import_sources",
            "DELETE /ai/content_import_sources/{source_id}",
            "GET /ai/content_import_sources/{source_id}",
            "PUT /ai/content_import_sources/{source_id}",
            "GET /ai/external_pages",
            "POST /ai/external_pages",
            "DELETE /ai/external_pages/{page_id}",
            "GET /ai/external_pages/{page_id}",
            "PUT /ai/external_pages/{page_id}",
        ]),
        ("Fin, the AI agent, is not emulated",
        [
            "POST /fin/start",
            "POST /fin/reply",
            "POST /fin/csat",
        ]),
        ("reporting and content exports are not emulated",
        [
            "POST /export/reporting_data/enqueue",
            "GET /export/reporting_data/{job_identifier}",
            "GET /export/reporting_data/get_datasets",
            "GET /download/reporting_data/{job_identifier}",
            "POST /export/content/data",
            "GET /export/content/data/{job_identifier}",
            "POST /export/cancel/{job_identifier}",
            "GET /download/content/data/{job_identifier}",
        ]),
        ("workspace settings (the IP allowlist) are not emulated",
        [
            "GET /ip_allowlist",
            "PUT /ip_allowlist",
        ]),
        ("custom objects are not emulated",
        [
            "POST /custom_object_instances/{custom_object_type_identifier}",
            "GET /custom_object_instances/{custom_object_type_identifier}",
            "DELETE /custom_object_instances/{custom_object_type_identifier}",
            "GET /custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}",
            "DELETE /custom_object_instances/{custom_object_type_identifier}/{custom_object_instance_id}",
        ]),
        ("news items and newsfeeds are not emulated",
        [
            "GET /news/news_items",
            "POST /news/news_items",
            "GET /news/news_items/{news_item_id}",
            "PUT /news/news_items/{news_item_id}",
            "DELETE /news/news_items/{news_item_id}",
            "GET /news/newsfeeds/{newsfeed_id}/items",
            "GET /news/newsfeeds",
            "GET /news/newsfeeds/{newsfeed_id}",
        ]),
        ("phone calls are not emulated",
        [
            "POST /phone_call_redirects",
            "GET /calls",
            "GET /calls/{call_id}",
            "GET /calls/{call_id}/recording",
            "GET /calls/{call_id}/transcript",
            "POST /calls/search",
        ]),
        ("visitors are not emulated",
        [
            "PUT /visitors",
            "GET /visitors",
            "POST /visitors/convert",
        ]),
    ];

    /// <summary>Each unserved operation ("GET /companies") and why it is not served.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } =
        Groups.SelectMany(g => g.Operations.Select(operation => (operation, g.Reason))).ToDictionary(p => p.operation, p => p.Reason);
}
