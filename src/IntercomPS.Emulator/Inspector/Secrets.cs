using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace IntercomPS.Emulator.Inspector;

/// <summary>
/// Keeps secrets off the inspector: everything it answers passes here. The emulator's own secrets (every app's key,
/// which is also its 2.x token, and the admin token) are masked wherever they appear; so are credential headers
/// (Authorization, Cookie) whatever they hold, and any value named like a secret (token, key, password, secret) in a
/// JSON body or a query string, since a script may carry a real service's token the emulator never knew.
/// </summary>
internal sealed partial class Secrets
{
    public const string Mask = "••••••";

    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase) { "Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie" };

    private readonly string[] known;

    /// <param name="known">The secrets the emulator holds; null and empty ones are skipped.</param>
    public Secrets(IEnumerable<string?> known) =>
        this.known = [.. known.OfType<string>().Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).OrderByDescending(s => s.Length)];

    /// <summary>A name that says its value is a secret: access_token, api_key, apiKey, password, client_secret...</summary>
    public static bool IsSecretName(string name) => SecretName().IsMatch(name);

    /// <summary>The text with every known secret in it masked.</summary>
    public string Hide(string text)
    {
        foreach (var secret in known)
        {
            text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>A header's value as the inspector shows it: a credential header keeps only its scheme (Bearer, Basic).</summary>
    public string HideHeader(string name, string value)
    {
        if (!CredentialHeaders.Contains(name))
        {
            return Hide(value);
        }

        var space = value.IndexOf(' ', StringComparison.Ordinal);
        return name.EndsWith("Authorization", StringComparison.OrdinalIgnoreCase) && space > 0 ? value[..space] + " " + Mask : Mask;
    }

    /// <summary>A path and query string with the values of secret-named parameters masked, then every known secret.</summary>
    public string HidePath(string path)
    {
        var question = path.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return Hide(path);
        }

        var parameters = path[(question + 1)..].Split('&').Select(p =>
        {
            var eq = p.IndexOf('=', StringComparison.Ordinal);
            return eq > 0 && IsSecretName(Uri.UnescapeDataString(p[..eq])) ? p[..(eq + 1)] + Mask : p;
        });
        return Hide(path[..(question + 1)] + string.Join('&', parameters));
    }

    /// <summary>A captured body: JSON is shown indented, with secret-named values masked; any other text as it is, masked.</summary>
    public string HideBody(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            using var stream = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                Write(writer, document.RootElement);
            }

            return System.Text.Encoding.UTF8.GetString(stream.ToArray());
        }
        catch (JsonException)
        {
            return Hide(text); // not JSON, or cut at the body limit: shown as text
        }
    }

    /// <summary>Copies <paramref name="element"/> with every string masked and the values of secret-named properties replaced.</summary>
    public void Write(Utf8JsonWriter w, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                w.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    w.WritePropertyName(Hide(property.Name));
                    if (property.Value.ValueKind == JsonValueKind.String && IsSecretName(property.Name) && property.Value.GetString()!.Length > 0)
                    {
                        w.WriteStringValue(Mask);
                    }
                    else
                    {
                        Write(w, property.Value);
                    }
                }

                w.WriteEndObject();
                break;
            case JsonValueKind.Array:
                w.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(w, item);
                }

                w.WriteEndArray();
                break;
            case JsonValueKind.String:
                w.WriteStringValue(Hide(element.GetString()!));
                break;
            default:
                element.WriteTo(w);
                break;
        }
    }

    // snake_case, kebab-case or dotted names ending in a secret word (api_key, access-token), and camelCase ones (apiKey).
    [GeneratedRegex(@"(?i:(^|[_\-.])(token|secret|password|passwd|api_?key|key|authorization|credentials?))$|[a-z0-9](Token|Secret|Password|Key|Credentials?)$")]
    private static partial Regex SecretName();
}
