using System;

namespace IntercomPS.Emulator;

/// <summary>
/// A failure answered as Intercom's error object <c>{"error":{"type","message"}}</c>. Handlers throw it; one
/// middleware turns it into the response, so every failure path has the same shape.
/// </summary>
internal sealed class ApiError(int status, string type, string message) : Exception(message)
{
    public int Status { get; } = status;

    public string Type { get; } = type;

    /// <summary>The 2.14 face's error code when it is not the one its status implies ("conflict", "parameter_not_found").</summary>
    public string? Code { get; init; }

    /// <summary>The request field at fault, named in a 2.14 error, if any.</summary>
    public string? Field { get; init; }

    /// <summary>The WWW-Authenticate challenge of a 401, when not the API's own (Basic on /v1, Bearer on 2.14).</summary>
    public string? Challenge { get; init; }

    /// <summary>Retry-After seconds to send, if any.</summary>
    public int? RetryAfter { get; init; }

    public static ApiError BadRequest(string message) => new(400, "bad_request", message);

    public static ApiError NotFound(string message) => new(404, "not_found", message);

    /// <summary>v1's 404 for a user, in v1's words (2.14's are AppStore.ContactNotFound and its kin).</summary>
    public static ApiError UserNotFound() => NotFound("The User was not found");

    public static ApiError TagNotFound() => NotFound("The Tag was not found");

    /// <summary>The error type Intercom uses for a status.</summary>
    public static string TypeFor(int status) => status switch
    {
        401 => "unauthorized",
        402 => "request_failed",
        403 => "forbidden",
        404 => "not_found",
        405 => "method_not_allowed",
        429 => "rate_limited",
        >= 500 => "server_error",
        _ => "bad_request",
    };

    public static ApiError ForStatus(int status, string message, int? retryAfter = null) =>
        new(status, TypeFor(status), message) { RetryAfter = retryAfter };
}
