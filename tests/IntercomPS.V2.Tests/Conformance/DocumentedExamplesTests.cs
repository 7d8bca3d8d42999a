using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using IntercomPS.Emulator.Endpoints.V2;
using Xunit;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// Each description's own response examples (2.14's, and those of every other version found beside it), for every
/// operation the emulator serves, validate against their schemas once the errata are applied: the proof that the
/// validator reads each description as Intercom means it, and that the errata list is complete and no larger than needed.
/// </summary>
public class DocumentedExamplesTests
{
    public static IEnumerable<object[]> Examples() => OpenApiContract.Described.Where(OpenApiContract.IsAvailable).SelectMany(ExamplesOf);

    private static IEnumerable<object[]> ExamplesOf(string version)
    {
        var contract = OpenApiContract.For(version);
        foreach (var (method, template) in EmulatedOperations.All)
        {
            var operation = contract.Operation(template, method);
            if (operation is null && ApiVersions.IntroducedIn($"{method} {template}") is { } since && System.Version.Parse(version) < since)
            {
                continue; // an operation a later version brought (ApiVersions), which this description cannot have
            }

            Assert.True(operation is not null, $"{method} {template} is not in the {version} description");
            foreach (var (status, response) in (JsonObject)operation!["responses"]!)
            {
                if (response?["content"]?["application/json"]?["examples"] is JsonObject examples)
                {
                    foreach (var (name, _) in examples)
                    {
                        yield return [version, method, template, int.Parse(status, System.Globalization.CultureInfo.InvariantCulture), name];
                    }
                }
            }
        }
    }

    [DescriptionTheory]
    [MemberData(nameof(Examples))]
    public void Documented_example_conforms(string version, string method, string template, int status, string example)
    {
        var contract = OpenApiContract.For(version);
        var violations = contract.Violations(template, method, status, contract.Example(template, method, status, example));
        Assert.True(violations.Count == 0, string.Join("\n", violations.Take(20)));
    }

    [Fact]
    public void Every_erratum_is_needed_and_explained()
    {
        Assert.All(Errata.All, e => Assert.False(string.IsNullOrWhiteSpace(e.Why)));
        Assert.Equal(Errata.All.Count, Errata.All.Select(e => e.Location).Distinct().Count());
    }
}

/// <summary>The validator can fail: answers that break the description are caught, with where and why.</summary>
public class ValidatorTests
{
    [DescriptionFact]
    public void A_contact_with_a_numeric_id_is_refused()
    {
        var contract = OpenApiContract.Instance;
        var example = contract.Example("/contacts/{contact_id}", "GET", 200, "successful");
        var node = System.Text.Json.Nodes.JsonNode.Parse(example.GetRawText())!;
        node["id"] = 42;
        var violations = contract.Violations("/contacts/{contact_id}", "GET", 200, JsonDocument.Parse(node.ToJsonString()).RootElement);
        Assert.Contains(violations, v => v.StartsWith("/id ", System.StringComparison.Ordinal) && v.Contains("string", System.StringComparison.Ordinal));
    }

    [DescriptionFact]
    public void An_error_without_its_errors_list_is_refused_even_for_an_undocumented_status()
    {
        var violations = OpenApiContract.Instance.Violations("/contacts/{contact_id}", "GET", 503,
            JsonDocument.Parse("""{"type":"error.list","request_id":null}""").RootElement);
        Assert.Contains(violations, v => v.Contains("errors", System.StringComparison.Ordinal));
    }

    [DescriptionTheory]
    [InlineData("f93ecfa8-d08a-4325-8694-89aeb89c8f85", true)]
    [InlineData("000hjqhpf95ef3b8f8v0", true)]
    [InlineData("000HJQHPF95EF3B8F8V0", false)]
    [InlineData("000hjqhpf95ef3b8f8w0", false)]
    [InlineData("req_abc123", false)]
    public void A_request_id_is_a_uuid_or_the_real_services_own_form(string requestId, bool valid)
    {
        var violations = OpenApiContract.Instance.Violations("/contacts/{contact_id}", "GET", 404, JsonDocument.Parse(
            $$"""{"type":"error.list","request_id":"{{requestId}}","errors":[{"code":"not_found","message":"User Not Found"}]}""").RootElement);
        Assert.Equal(valid, violations.Count == 0);
    }

    [DescriptionFact]
    public void Schemas_build_and_judge_answers_on_many_threads_at_once()
    {
        // As the suite's classes do in parallel: four threads build and judge with one contract that has built nothing
        // yet, in step (each schema is built by all four at once: the busiest the registry can be), 120 contracts: one broke the registry about once in 30 before builds took it alone.
        var failures = new ConcurrentQueue<Exception>();
        var answer = JsonDocument.Parse("""{"type":"list"}""").RootElement;
        for (var round = 0; round < 120; round++)
        {
            var contract = OpenApiContract.Instance.Anew();
            var operations = contract.Paths
                .SelectMany(path => new[] { "GET", "POST", "PUT", "DELETE" }.Select(method => (Path: path, Method: method)))
                .Where(o => contract.Operation(o.Path, o.Method)?["responses"]?["200"]?["content"]?["application/json"]?["schema"] is not null)
                .ToArray();
            Assert.True(operations.Length > 100, $"only {operations.Length} operations answer 200 with JSON");
            using var start = new Barrier(4);
            var threads = Enumerable.Range(0, 4).Select(_ => new Thread(() =>
            {
                start.SignalAndWait();
                foreach (var (path, method) in operations)
                {
                    try
                    {
                        contract.Violations(path, method, 200, answer);
                    }
                    catch (Exception e)
                    {
                        failures.Enqueue(e);
                    }
                }
            })).ToList();
            threads.ForEach(t => t.Start());
            threads.ForEach(t => t.Join());
        }

        Assert.Empty(failures);
    }

    [DescriptionFact]
    public void An_undocumented_success_status_is_a_failure_of_its_own()
    {
        Assert.Throws<System.InvalidOperationException>(() => OpenApiContract.Instance.SchemaFor("/contacts/{contact_id}", "GET", 201));
    }

    [DescriptionTheory]
    [InlineData("GET", "/contacts/search", "/contacts/{contact_id}")]
    [InlineData("POST", "/contacts/search", "/contacts/search")]
    [InlineData("GET", "/contacts/6762f0cd1bb69f9f2193bb7c", "/contacts/{contact_id}")]
    [InlineData("GET", "/contacts/find_by_external_id/abc", "/contacts/find_by_external_id/{external_id}")]
    [InlineData("DELETE", "/contacts/abc/tags/7", "/contacts/{contact_id}/tags/{tag_id}")]
    public void Paths_match_their_templates_literal_segments_first(string method, string path, string? template)
    {
        Assert.Equal(template, OpenApiContract.Instance.Template(method, path));
    }
}
