using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Emulator;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests.NodeSdk;

/// <summary>
/// Intercom's official Node SDK (npm intercom-client, pinned in package.json beside the scripts) against the
/// emulator: each script in this folder drives one area of the API through the SDK's own methods and pagers and
/// asserts on what the SDK hands back, so "any Intercom client can be pointed at it" is checked by the client most
/// scripts would use. A script fails on any refused request (the SDK throws), on an assertion, or on anything it
/// writes to stderr; and the emulator must have named no field of the SDK's requests as unknown. Together the scripts
/// reach every operation the emulator serves, but the few listed with why.
/// </summary>
public class NodeSdkTests(NodeSdkFixture sdk) : IClassFixture<NodeSdkFixture>
{
    /// <summary>The ONE list of served 2.x operations no script reaches, each with why.</summary>
    public static IReadOnlyDictionary<string, string> NotReached { get; } = new Dictionary<string, string>
    {
        ["POST /admins/activity_logs/search"] = "2.16's, and the SDK speaks 2.14 with no way to send another version's request; ActivityLogsTests covers it",
        ["GET /admins/activity_log_event_types"] = "as POST /admins/activity_logs/search",
        ["GET /companies/{company_id}/notes"] = "2.16's, as POST /admins/activity_logs/search; NotesTests covers it",
        ["POST /companies/{company_id}/notes"] = "as GET /companies/{company_id}/notes",
        ["GET /brands"] = "2.15's, and the SDK speaks 2.14 with no way to send another version's request; BrandsTests covers it",
        ["GET /brands/{id}"] = "as GET /brands",
        ["POST /articles/{article_id}/tags"] = "2.16's, as POST /admins/activity_logs/search; ArticleTagsTests covers it",
        ["DELETE /articles/{article_id}/tags/{id}"] = "as POST /articles/{article_id}/tags",
        ["GET /articles/{id}/draft"] = "2.16's, as POST /admins/activity_logs/search; ArticleDraftsTests covers it",
        ["PUT /articles/{id}/draft"] = "as GET /articles/{id}/draft",
        ["POST /articles/{id}/draft/publish"] = "as GET /articles/{id}/draft",
        ["GET /articles/{article_id}/versions"] = "as GET /articles/{id}/draft",
        ["GET /articles/{article_id}/versions/{id}"] = "as GET /articles/{id}/draft",
        ["POST /internal_articles/{internal_article_id}/tags"] = "as POST /articles/{article_id}/tags",
        ["DELETE /internal_articles/{internal_article_id}/tags/{id}"] = "as POST /articles/{article_id}/tags",
        ["POST /tickets/{ticket_id}/change_type"] = "2.16's, and the SDK speaks 2.14 with no way to send another version's request; TicketLinksTests covers it",
        ["POST /tickets/{ticket_id}/linked_conversations"] = "as POST /tickets/{ticket_id}/change_type",
        ["DELETE /tickets/{ticket_id}/linked_conversations/{id}"] = "as POST /tickets/{ticket_id}/change_type",
        ["POST /conversations/{id}/merge"] = "2.16's, as POST /admins/activity_logs/search; ConversationMergeTests covers it",
        ["GET /content_snippets"] = "2.16's, and the SDK speaks 2.14 with no way to send another version's request; ContentSnippetsTests covers it",
        ["POST /content_snippets"] = "as GET /content_snippets",
        ["GET /content_snippets/{id}"] = "as GET /content_snippets",
        ["PUT /content_snippets/{id}"] = "as GET /content_snippets",
        ["DELETE /content_snippets/{id}"] = "as GET /content_snippets",
        ["POST /content_snippets/{content_snippet_id}/tags"] = "as GET /content_snippets",
        ["DELETE /content_snippets/{content_snippet_id}/tags/{id}"] = "as GET /content_snippets",
        ["GET /office_hours_schedules"] = "2.16's, and the SDK speaks 2.14 with no way to send another version's request; OfficeHoursTests covers it",
        ["POST /office_hours_schedules"] = "as GET /office_hours_schedules",
        ["GET /office_hours_schedules/{id}"] = "as GET /office_hours_schedules",
        ["PUT /office_hours_schedules/{id}"] = "as GET /office_hours_schedules",
        ["DELETE /office_hours_schedules/{id}"] = "as GET /office_hours_schedules",
        ["GET /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions"] = "as GET /office_hours_schedules",
        ["POST /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions"] = "as GET /office_hours_schedules",
        ["GET /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"] = "as GET /office_hours_schedules",
        ["PUT /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"] = "as GET /office_hours_schedules",
        ["DELETE /office_hours_schedules/{office_hours_schedule_id}/office_hours_exceptions/{id}"] = "as GET /office_hours_schedules",
        ["GET /conversations/deleted"] = "as POST /conversations/{id}/merge; DeletedConversationsTests covers it",
        ["GET /teams/{team_id}/metrics"] = "2.16's, as POST /admins/activity_logs/search; TeamMetricsTests covers it",
        ["GET /contacts/{id}/merge_history"] = "2.16's, as POST /admins/activity_logs/search; ContactMergeHistoryTests covers it",
        ["GET /conversations/attributes"] = "2.16's, and the SDK speaks 2.14 with no way to send another version's request; ConversationAttributesTests covers it",
        ["POST /conversations/attributes"] = "as GET /conversations/attributes",
        ["GET /conversations/attributes/{id}"] = "as GET /conversations/attributes",
        ["PUT /conversations/attributes/{id}"] = "as GET /conversations/attributes",
        ["DELETE /conversations/attributes/{id}"] = "as GET /conversations/attributes",
        ["POST /conversations/attributes/{id}/options"] = "as GET /conversations/attributes",
        ["PUT /conversations/attributes/{id}/options/{option_id}"] = "as GET /conversations/attributes",
        ["DELETE /conversations/attributes/{id}/options/{option_id}"] = "as GET /conversations/attributes",
        ["GET /macros"] = "2.16's, as GET /conversations/attributes; MacrosTests covers it",
        ["GET /macros/{id}"] = "as GET /macros",
        ["GET /conversations/{id}/handling_events"] = "2.16's, and the SDK speaks 2.14 with no way to send another version's request; ConversationHandlingTests covers it",
        ["GET /conversations/{id}/side_conversations"] = "as GET /conversations/{id}/handling_events",
    };

    [NodeSdkTheory]
    [InlineData("contacts.mjs")]
    [InlineData("conversations.mjs")]
    [InlineData("companies.mjs")]
    [InlineData("workspace.mjs")]
    [InlineData("articles.mjs")]
    [InlineData("tickets.mjs")]
    public void The_official_Node_SDK_works_against_the_emulator(string script)
    {
        var (exitCode, output, errors, warnings) = sdk.Runs[script];

        Assert.True(exitCode == 0 && errors.Length == 0, $"node {script} exited with {exitCode}:\n{errors}\n{output}");
        Assert.Equal("ok", output.Trim());
        Assert.Empty(warnings);
    }

    [Fact]
    public void Every_script_in_the_folder_is_run()
    {
        var run = typeof(NodeSdkTests).GetMethod(nameof(The_official_Node_SDK_works_against_the_emulator))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>().Select(d => (string)d.GetData(null!).Single()[0]);
        Assert.Equal(NodeSdkFixture.Scripts.Order(), run.Order());
    }

    [NodeSdkFact]
    public void The_scripts_reach_every_served_operation_but_the_listed_ones()
    {
        var served = Conformance.EmulatedOperations.All.Select(o => $"{o.Method} {o.Template}").ToHashSet();
        var reached = sdk.Requests.ByRoute.Keys.ToHashSet();
        Assert.Empty(served.Except(reached).Except(NotReached.Keys).Order());
        Assert.Empty(NotReached.Keys.Intersect(reached)); // reached after all: the entry goes
        Assert.Empty(NotReached.Keys.Except(served)); // no longer served: the entry goes
    }
}

/// <summary>Runs only where node and npm are on the PATH (CI has both); reported as skipped, saying so, elsewhere.</summary>
public sealed class NodeSdkTheoryAttribute : TheoryAttribute
{
    public NodeSdkTheoryAttribute()
    {
        Skip = NodeSdkFixture.SkipReason;
    }
}

/// <summary>The <see cref="NodeSdkTheoryAttribute"/> of a fact.</summary>
public sealed class NodeSdkFactAttribute : FactAttribute
{
    public NodeSdkFactAttribute()
    {
        Skip = NodeSdkFixture.SkipReason;
    }
}

/// <summary>
/// The SDK installed with npm into the test's output folder (once; later runs reuse it), an in-memory emulator of its
/// own, and every script run against it once: the tests read how each ran, what the emulator logged meanwhile (where
/// ignored fields are named) and which routes they reached.
/// </summary>
public sealed class NodeSdkFixture : IAsyncLifetime
{
    private const string Token = "sdk-test-token";

    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "NodeSdk");

    public static bool NodeAvailable { get; } = OnPath("node") && OnPath("npm");

    /// <summary>Why the tests that need node are skipped here, or null where they run.</summary>
    public static string? SkipReason => NodeAvailable ? null : "node and npm are not on the PATH: the official Node SDK cannot run here";

    private const string AppId = "sdk-app";

    /// <summary>The scripts: every .mjs file of the folder but the client they share.</summary>
    public static IReadOnlyList<string> Scripts { get; } =
        [.. Directory.GetFiles(Folder, "*.mjs").Select(f => Path.GetFileName(f)!).Where(f => f != "client.mjs").Order(StringComparer.Ordinal)];

    private readonly StringBuilder log = new();
    private readonly Dictionary<string, (int ExitCode, string Output, string Errors, string[] Warnings)> runs = [];
    private IntercomEmulator? emulator;

    /// <summary>How each script ran: its exit code, stdout, stderr and the unknown fields the emulator named meanwhile.</summary>
    public IReadOnlyDictionary<string, (int ExitCode, string Output, string Errors, string[] Warnings)> Runs => runs;

    /// <summary>The requests every script together made, by route.</summary>
    public RequestCounts Requests { get; private set; } = new(0, new Dictionary<string, int>());

    public async Task InitializeAsync()
    {
        if (!NodeAvailable)
        {
            return;
        }

        var options = new EmulatorOptions { Log = TextWriter.Synchronized(new StringWriter(log)) };
        options.Apps[AppId] = Token;
        emulator = await IntercomEmulator.StartAsync(options);
        var environment = new[] { ("INTERCOM_EMULATOR_URL", emulator.BaseUri.ToString().TrimEnd('/')), ("INTERCOM_EMULATOR_TOKEN", Token) };

        // What a workspace defines in Intercom's UI, which the API cannot write: the scripts find it by name.
        using var admin = new EmulatorAdmin(emulator.BaseUri);
        await admin.AddSubscriptionTypeAsync(AppId, "Newsletters", "opt_out");
        await admin.AddSubscriptionTypeAsync(AppId, "Beta program", "opt_in", ["email", "sms_message"]);
        await admin.AddTeamAsync(AppId, "Billing");
        await admin.AddSegmentAsync(AppId, "Nobody yet", []);

        if (!File.Exists(Path.Combine(Folder, "node_modules", "intercom-client", "package.json")))
        {
            var (exitCode, output, errors) = await RunAsync("npm", ["install", "--no-audit", "--no-fund", "--no-update-notifier", "--no-package-lock"], []);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"npm install in {Folder} failed ({exitCode}):\n{errors}\n{output}");
            }
        }

        // Every script once, one after another, each with the lines the emulator logged while it ran.
        foreach (var script in Scripts)
        {
            var logged = log.Length;
            var (exitCode, output, errors) = await RunAsync("node", [script], environment);
            var warnings = log.ToString()[logged..].Split('\n').Where(l => l.Contains("ignored unknown", StringComparison.Ordinal)).ToArray();
            runs[script] = (exitCode, output, errors, warnings);
        }

        Requests = await admin.GetRequestsAsync(AppId);
    }

    public async Task DisposeAsync()
    {
        if (emulator is not null)
        {
            await emulator.DisposeAsync();
        }
    }

    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string program, string[] arguments, (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Cannot start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new System.Threading.CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} ran for 3 minutes and was stopped.");
        }

        return (process.ExitCode, await output, await errors);
    }

    private static bool OnPath(string program) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)) || File.Exists(Path.Combine(directory, program + ".cmd")) || File.Exists(Path.Combine(directory, program + ".exe")));
}
