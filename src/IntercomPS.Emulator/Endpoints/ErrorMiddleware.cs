using System;
using System.Globalization;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>
/// The outermost middleware: every failure becomes Intercom's JSON error object (v1's, or 2.14's error.list), including the framework's own
/// bodiless 404 (no route) and 405 (wrong method). Bad input can never surface as a 500 or crash the server.
/// </summary>
internal static class ErrorMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
            var response = context.Response;
            if (!response.HasStarted && response.StatusCode is 404 or 405 && response.ContentType is null && !context.RequestAborted.IsCancellationRequested)
            {
                var request = context.Request;
                var message = response.StatusCode == 404
                    ? $"No such endpoint: {request.Method} {request.Path}"
                    : $"{request.Method} is not allowed on {request.Path}" + (response.Headers.Allow.Count > 0 ? $"; allowed: {response.Headers.Allow}" : "");
                await WriteAsync(context, ApiError.ForStatus(response.StatusCode, message));
            }
        }
        catch (ApiError e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Kestrel's own rejections while reading the request (body too large, malformed chunking ...).
            await WriteAsync(context, ApiError.ForStatus(e.StatusCode, e.Message));
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away (or a drop fault aborted the connection): nobody to answer.
        }
        catch (Exception e) when (!context.Response.HasStarted)
        {
            await Console.Error.WriteLineAsync($"intercom-emulator: unexpected {e}");
            await WriteAsync(context, new ApiError(500, "server_error", $"The emulator failed unexpectedly ({e.GetType().Name})"));
        }
    }

    public static Task WriteAsync(HttpContext context, ApiError error)
    {
        var v2 = V2.Face.Serves(context);
        if (error.Status == 401)
        {
            // Every 401, real or injected, tells the client how to authenticate: Basic on /v1, a Bearer token on 2.14
            // and on /admin when it has a token.
            context.Response.Headers.WWWAuthenticate = error.Challenge ?? (v2 ? "Bearer realm=\"Intercom\"" : "Basic realm=\"Intercom\"");
        }

        if (error.RetryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return v2
            ? Json.WriteAsync(context, error.Status, w => V2.Writer.ErrorList(w, V2.Face.RequestId(context), V2.Face.Code(error), error.Message, error.Field))
            : Json.WriteErrorAsync(context, error.Status, error.Type, error.Message);
    }
}
