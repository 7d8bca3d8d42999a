using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using Json.Schema;
using Microsoft.OpenApi;
using Microsoft.OpenApi.Reader;
using Microsoft.OpenApi.YamlReader;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// One of Intercom's OpenAPI descriptions (2.14, the contract, or another version shared/reference holds) as a
/// machine that judges answers. Microsoft.OpenApi reads the YAML and
/// writes it as OpenAPI 3.1, whose schemas are JSON Schema 2020-12 (3.0's <c>nullable</c> becomes a type with
/// "null"); <see cref="Errata"/> then corrects the description where it contradicts itself, and JsonSchema.Net
/// validates each answer against the schema of its (path, method, status).
/// </summary>
public sealed class OpenApiContract
{
    public const string Version = "2.14";

    /// <summary>The versions whose descriptions the suite judges by, when they are found beside 2.14's.</summary>
    public static IReadOnlyList<string> Described { get; } = ["2.11", Version, "2.15", "2.16"];

    private static readonly ConcurrentDictionary<string, Lazy<OpenApiContract>> Loaded = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonSchema> schemas = new(StringComparer.Ordinal);
    private readonly JsonObject defs;
    // OpenAPI keeps annotations JSON Schema 2020-12 does not define (example, discriminator, x-...): allowed, unjudged.
    private readonly BuildOptions buildOptions = new()
    {
        SchemaRegistry = new SchemaRegistry(),
        Dialect = Dialect.Draft202012.With([], allowUnknownKeywords: true),
    };

    // JsonSchema.Net's registry is a plain dictionary that a build writes and an evaluation may read, and the suite's
    // classes run in parallel: a build holds it alone (two at once corrupted it in a full run) and evaluations share it.
    private readonly ReaderWriterLockSlim registryLock = new();

    private const string Draft = "https://json-schema.org/draft/2020-12/schema";

    // JsonSchema.Net checks "email" with regular expressions that give up after 250 ms and then call the address
    // invalid, which a loaded machine can reach (first.user@example.com failed a full run at load 30): the same rule
    // of an address, an "@" with a local part and a dotted domain, without a clock.
    static OpenApiContract() => FormatRegistry.Global.Register(new PredicateFormat("email", IsEmail));

    private static bool IsEmail(JsonElement node)
    {
        if (node.ValueKind != JsonValueKind.String) return true;
        var text = node.GetString()!;
        var at = text.LastIndexOf('@');
        return at > 0 && at < text.Length - 1 && !text.Any(char.IsWhiteSpace)
            && System.Net.Mail.MailAddress.TryCreate(text, out var address) && address.Address == text
            && text[(at + 1)..].Split('.') is { Length: >= 2 } labels && labels.All(label => label.Length > 0);
    }

    private OpenApiContract(string version, JsonObject document, JsonObject raw)
    {
        DescribedVersion = version;
        ComponentsUri = $"https://intercom.test/{version}/components";
        Components = new Lazy<JsonSchema>(() => JsonSchema.FromText(
            new JsonObject { ["$schema"] = Draft, ["$id"] = ComponentsUri, ["$defs"] = defs!.DeepClone() }.ToJsonString(), buildOptions));
        Document = document;
        Raw = raw;
        defs = (JsonObject)document["components"]!["schemas"]!;
        Paths = ((JsonObject)document["paths"]!).Select(p => p.Key).ToArray();
    }

    /// <summary>The 2.14 description, read once; only where it is <see cref="Available"/> (a test that needs it is a <see cref="DescriptionFactAttribute"/>).</summary>
    public static OpenApiContract Instance => For(Version);

    /// <summary>The description of <paramref name="version"/> (one of <see cref="Described"/>), read once; only where <see cref="IsAvailable"/>.</summary>
    public static OpenApiContract For(string version) => IsAvailable(version)
        ? Loaded.GetOrAdd(version, v => new Lazy<OpenApiContract>(() => Load(v))).Value
        : throw new InvalidOperationException(SkipReasonFor(version));

    /// <summary>A contract over the same description that has built no schema yet.</summary>
    internal OpenApiContract Anew() => new(DescribedVersion, Document, Raw);

    /// <summary>The version this description is of.</summary>
    public string DescribedVersion { get; }

    /// <summary>Where this description's components are registered: one address per version, so two never mix.</summary>
    private string ComponentsUri { get; }

    /// <summary>The description as OpenAPI 3.1 JSON, errata applied, component refs pointing at $defs.</summary>
    public JsonObject Document { get; }

    public IReadOnlyList<string> Paths { get; }

    private Lazy<JsonSchema> Components { get; }

    /// <summary>
    /// The description's YAML as plain JSON, for its examples: Microsoft.OpenApi turns an example's empty (null)
    /// values into "" strings, which would make the examples contradict every nullable object.
    /// </summary>
    public JsonObject Raw { get; }

    /// <summary>One documented response example, as written.</summary>
    public JsonElement Example(string template, string method, int status, string name) => JsonDocument.Parse(
        Raw["paths"]![template]![method.ToLowerInvariant()]!["responses"]![status.ToString(System.Globalization.CultureInfo.InvariantCulture)]!
            ["content"]!["application/json"]!["examples"]![name]!["value"]!.ToJsonString()).RootElement.Clone();

    /// <summary>
    /// Where Intercom's description is: INTERCOM_OPENAPI, else shared/reference beside a folder above the tests (the
    /// layout CI has, ../shared beside the clone); null when neither, as in a clone with nothing beside it. The
    /// description is Intercom's document, so it is never copied into the repository.
    /// </summary>
    public static string? DescriptionPath { get; } = Locate();

    /// <summary>Whether the description was found: where it was not, <see cref="SkipReason"/> says so and how to point at it.</summary>
    public static bool Available => DescriptionPath is not null;

    /// <summary>The one line a run without the description shows, on every test that needs it.</summary>
    public const string SkipReason = "Intercom's OpenAPI description (intercom-api-2.14.yaml) was not found in INTERCOM_OPENAPI or any " +
        "../shared/reference above the tests, so answers are not validated against it: set INTERCOM_OPENAPI=/path/to/intercom-api-2.14.yaml";

    /// <summary>
    /// Where the description of <paramref name="version"/> is: 2.14's as <see cref="DescriptionPath"/> says, another
    /// version's beside it (intercom-api-VERSION.yaml in the same folder); null when it is not there.
    /// </summary>
    public static string? PathOf(string version)
    {
        if (version == Version || DescriptionPath is null)
        {
            return DescriptionPath;
        }

        var candidate = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(DescriptionPath))!, $"intercom-api-{version}.yaml");
        return File.Exists(candidate) ? candidate : null;
    }

    /// <summary>
    /// The description an answer to <paramref name="version"/> is judged by, as the README's version table says: a
    /// described version by its own; Unstable and Preview by the newest; any other by the nearest described version
    /// below it, 1.x and 2.0-2.10 by the oldest (2.11). An operation that description lacks but a later one has
    /// (2.13's GET /contacts/find_by_external_id) is judged by the first later description that has it.
    /// </summary>
    public static string JudgedBy(string version, string method, string path)
    {
        string answersAs;
        if (Described.Contains(version))
        {
            answersAs = version;
        }
        else if (!System.Version.TryParse(version, out var asked))
        {
            answersAs = Described[^1]; // Unstable, Preview; an unknown version is an error, which any description judges alike
        }
        else
        {
            answersAs = Described.LastOrDefault(d => System.Version.Parse(d) <= asked) ?? Described[0];
        }

        return Described.SkipWhile(d => d != answersAs)
            .FirstOrDefault(d => !IsAvailable(d) || For(d).Template(method, path) is not null) ?? answersAs;
    }

    /// <summary>Whether answers in <paramref name="version"/> can be judged here: its description was found.</summary>
    public static bool IsAvailable(string version) => Described.Contains(version) && PathOf(version) is not null;

    /// <summary>The one line a test that needs <paramref name="version"/>'s description shows where it is not found.</summary>
    public static string SkipReasonFor(string version) => version == Version || !Available ? SkipReason
        : $"intercom-api-{version}.yaml was not found beside {Path.GetFileName(DescriptionPath)}, so answers in {version} are not validated against its description: put it there";

    private static string? Locate()
    {
        // Set but wrong is an error when the description is read, never a skip: whoever set it meant it.
        if (Environment.GetEnvironmentVariable("INTERCOM_OPENAPI") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "reference", "intercom-api-2.14.yaml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>The path template a concrete path matches: literal segments win over parameters (/contacts/search).</summary>
    public string? Template(string method, string path)
    {
        var segments = path.Split('?')[0].Trim('/').Split('/');
        return Paths
            .Where(t => Operation(t, method) is not null)
            .Select(t => (Template: t, Parts: t.Trim('/').Split('/')))
            .Where(t => t.Parts.Length == segments.Length
                && t.Parts.Zip(segments).All(p => p.First.StartsWith('{') || p.First == p.Second))
            .OrderBy(t => t.Parts.Count(p => p.StartsWith('{')))
            .Select(t => t.Template)
            .FirstOrDefault();
    }

    /// <summary>A documented answer, through its reference to a shared one ("#/components/responses/ObjectNotFound", as 2.16's office hours give their 404s and 422s).</summary>
    private JsonNode? Response(JsonNode? response) =>
        response?["$ref"]?.GetValue<string>() is { } reference && reference.StartsWith("#/components/responses/", StringComparison.Ordinal)
            ? Document["components"]?["responses"]?[reference["#/components/responses/".Length..]]
            : response;

    public JsonObject? Operation(string template, string method) =>
        Document["paths"]?[template]?[method.ToLowerInvariant()] as JsonObject;

    /// <summary>
    /// The schema of an answer. A status the operation does not document is judged by the description's error
    /// schema when it is an error (every endpoint can answer 401, 429 or 5xx) and refused when it is a success.
    /// </summary>
    public JsonSchema SchemaFor(string template, string method, int status)
    {
        var key = $"{method.ToUpperInvariant()} {template} {status}";
        return schemas.GetOrAdd(key, _ =>
        {
            var operation = Operation(template, method) ?? throw new InvalidOperationException($"The description has no operation {method} {template}");
            var response = Response(operation["responses"]?[status.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            JsonNode schema;
            if (response is null)
            {
                if (status < 400)
                {
                    throw new InvalidOperationException($"{key}: the description documents no such success answer");
                }

                schema = new JsonObject { ["$ref"] = "#/$defs/error" };
            }
            else
            {
                schema = response["content"]?["application/json"]?["schema"]?.DeepClone()
                    ?? throw new InvalidOperationException($"{key}: the description gives no JSON schema for this answer");
            }

            var text = new JsonObject { ["$schema"] = Draft, ["allOf"] = new JsonArray(schema) }.ToJsonString()
                .Replace("\"#/$defs/", $"\"{ComponentsUri}#/$defs/", StringComparison.Ordinal);
            registryLock.EnterWriteLock();
            try
            {
                RegisterComponents();
                return JsonSchema.FromText(text, buildOptions, new Uri($"https://intercom.test/{Guid.NewGuid():N}"));
            }
            finally
            {
                registryLock.ExitWriteLock();
            }
        });
    }

    /// <summary>Every way the instance breaks the schema, as "location (schema path): message" lines; empty when it conforms.</summary>
    public IReadOnlyList<string> Violations(string template, string method, int status, JsonElement instance)
    {
        var schema = SchemaFor(template, method, status);
        EvaluationResults result;
        registryLock.EnterReadLock();
        try
        {
            result = schema.Evaluate(instance, new EvaluationOptions
            {
                OutputFormat = OutputFormat.Hierarchical,
                RequireFormatValidation = true,
            });
        }
        finally
        {
            registryLock.ExitReadLock();
        }

        var violations = new List<string>();
        Collect(result, violations);
        return result.IsValid ? [] : violations.DefaultIfEmpty("invalid (no detail)").ToList();
    }

    /// <summary>Failures only: a branch of anyOf that failed while another passed is not a violation.</summary>
    private static void Collect(EvaluationResults node, List<string> into)
    {
        if (node.IsValid)
        {
            return;
        }

        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
        {
            into.Add($"{node.InstanceLocation} ({node.EvaluationPath}): {keyword}: {message}");
        }

        foreach (var child in node.Details ?? [])
        {
            Collect(child, into);
        }
    }

    /// <summary>Built once and registered by its $id, the components answer every operation's references.</summary>
    private void RegisterComponents() => _ = Components.Value;

    private static OpenApiContract Load(string version)
    {
        var settings = new OpenApiReaderSettings();
        settings.AddYamlReader();
        var path = PathOf(version)!;
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"INTERCOM_OPENAPI names {path}, which does not exist", path);
        }

        var read = OpenApiDocument.LoadAsync(path, settings).GetAwaiter().GetResult();
        if (read.Diagnostic?.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("The OpenAPI description does not read cleanly: " + string.Join("; ", errors));
        }

        using var stream = new MemoryStream();
        read.Document!.SerializeAsJsonAsync(stream, OpenApiSpecVersion.OpenApi3_1).GetAwaiter().GetResult();
        var json = System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace("\"#/components/schemas/", "\"#/$defs/", StringComparison.Ordinal);
        var document = (JsonObject)JsonNode.Parse(json)!;
        var raw = YamlJson.Read(path);
        Errata.Apply(version, document, raw);
        return new OpenApiContract(version, document, raw);
    }
}
