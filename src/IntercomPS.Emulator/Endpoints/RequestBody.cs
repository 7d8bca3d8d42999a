using System;
using System.Buffers;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>Reads a request body as a JSON object: at most 1 MiB, JSON content type (or none), well-formed.</summary>
internal static class RequestBody
{
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// The body as <see cref="ReadAsync(HttpContext, bool)"/> reads it, each field not in <paramref name="known"/> (what
    /// the operation's request schema defines) named in X-Emulator-Warning: ignored, as the real service ignores it.
    /// </summary>
    public static async Task<JsonElement?> ReadAsync(HttpContext context, FieldSet known, bool required = true)
    {
        var body = await ReadAsync(context, required);
        if (body is { } given)
        {
            UnknownFields.Warn(context, given, known);
        }

        return body;
    }

    /// <summary>The body's JSON object, or null when the body is empty and <paramref name="required"/> is false.</summary>
    public static async Task<JsonElement?> ReadAsync(HttpContext context, bool required = true)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBytes)
        {
            throw TooLarge();
        }

        if (request.ContentType is { Length: > 0 } type && !IsJson(type))
        {
            throw new ApiError(415, "bad_request", $"Content-Type must be application/json, not '{type}'");
        }

        var bytes = await ReadLimitedAsync(context);
        if (bytes.Length == 0 || IsWhiteSpace(bytes))
        {
            return required ? throw ApiError.BadRequest("A JSON object body is required") : null;
        }

        try
        {
            // Kept until the response is done rather than cloned: the handler reads the body only while it runs.
            var document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = 64 });
            context.Response.RegisterForDispose(document);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw ApiError.BadRequest($"The body must be a JSON object, not {Input.Kind(root)}");
            }

            CheckStrings(root, bytes);
            return root;
        }
        catch (JsonException e)
        {
            throw ApiError.BadRequest($"The body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>
    /// A parsed body can still hold a string .NET cannot read: bytes that are not UTF-8 (the parser does not check
    /// inside strings), or an escaped unpaired surrogate ("\ud800"). Find either here, once, so no handler ever meets
    /// it, and say which it is.
    /// </summary>
    private static void CheckStrings(JsonElement element, byte[] bytes)
    {
        try
        {
            Walk(element);
        }
        catch (InvalidOperationException)
        {
            throw InvalidUtf8At(bytes) is { } offset
                ? ApiError.BadRequest($"The body is not valid UTF-8: the bytes at byte offset {offset} encode no character")
                : ApiError.BadRequest("The body contains a string that is not valid Unicode (an unpaired surrogate escape)");
        }

        static void Walk(JsonElement e)
        {
            switch (e.ValueKind)
            {
                case JsonValueKind.String:
                    _ = e.GetString();
                    break;
                case JsonValueKind.Array:
                    foreach (var item in e.EnumerateArray())
                    {
                        Walk(item);
                    }

                    break;
                case JsonValueKind.Object:
                    foreach (var property in e.EnumerateObject())
                    {
                        _ = property.Name;
                        Walk(property.Value);
                    }

                    break;
            }
        }
    }

    /// <summary>Where the first byte sequence that is not UTF-8 starts, or null when it is all UTF-8.</summary>
    private static int? InvalidUtf8At(byte[] bytes)
    {
        for (var i = 0; i < bytes.Length;)
        {
            if (System.Text.Rune.DecodeFromUtf8(bytes.AsSpan(i), out _, out var used) != System.Buffers.OperationStatus.Done)
            {
                return i;
            }

            i += used;
        }

        return null;
    }

    private static bool IsJson(string contentType)
    {
        var media = contentType.Split(';')[0].Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase)
            || media.Equals("text/json", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The whole body, read from Kestrel's pipe without intermediate buffers: one array of its exact size.</summary>
    private static async Task<byte[]> ReadLimitedAsync(HttpContext context)
    {
        var reader = context.Request.BodyReader;
        while (true)
        {
            var read = await reader.ReadAsync(context.RequestAborted);
            var buffer = read.Buffer;
            if (buffer.Length > MaxBytes)
            {
                reader.AdvanceTo(buffer.End);
                throw TooLarge();
            }

            if (read.IsCompleted)
            {
                var bytes = buffer.ToArray();
                reader.AdvanceTo(buffer.End);
                return bytes;
            }

            reader.AdvanceTo(buffer.Start, buffer.End); // keep it all; wake when more has arrived
        }
    }

    private static bool IsWhiteSpace(byte[] bytes) => Array.TrueForAll(bytes, b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n');

    private static ApiError TooLarge() => new(413, "bad_request", $"The body is larger than {MaxBytes} bytes (1 MiB)");
}
