using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>The /v1 routes. Handlers take the HttpContext and parse everything themselves, so every bad input gets
/// our error message instead of the framework's binding errors.</summary>
internal static class ApiRoutes
{
    private static readonly (string Method, string Path, Func<HttpContext, Task<IResult>> Handler)[] Routes =
    [
        ("GET", "/v1/users", UsersEndpoints.GetAsync),
        ("POST", "/v1/users", ctx => UsersEndpoints.SaveAsync(ctx, create: true)),
        ("PUT", "/v1/users", ctx => UsersEndpoints.SaveAsync(ctx, create: false)),
        ("DELETE", "/v1/users", UsersEndpoints.DeleteAsync),
        ("POST", "/v1/users/notes", NotesEndpoints.CreateAsync),
        ("POST", "/v1/users/impressions", ImpressionsEndpoints.CreateAsync),
        ("GET", "/v1/users/message_threads", MessageThreadsEndpoints.GetAsync),
        ("POST", "/v1/users/message_threads", MessageThreadsEndpoints.PostAsync),
        ("PUT", "/v1/users/message_threads", MessageThreadsEndpoints.PutAsync),
        ("GET", "/v1/tags", TagsEndpoints.GetAsync),
        ("POST", "/v1/tags", ctx => TagsEndpoints.SaveAsync(ctx, create: true)),
        ("PUT", "/v1/tags", ctx => TagsEndpoints.SaveAsync(ctx, create: false)),
    ];

    private static readonly HashSet<string> Names = Routes.Select(r => r.Method + " " + r.Path).ToHashSet(StringComparer.Ordinal);

    public static void Map(IEndpointRouteBuilder app)
    {
        foreach (var (method, path, handler) in Routes)
        {
            app.MapMethods(path, [method], Handle(handler));
        }
    }

    /// <summary>"PUT /v1/tags" for a request to one of the routes (paths compare case-insensitively), else null.</summary>
    public static string? RouteOf(string method, string path)
    {
        var name = method + " " + path.ToLowerInvariant();
        return Names.Contains(name) ? name : null;
    }

    /// <summary>Wraps a handler as a plain RequestDelegate: no reflection-based parameter binding.</summary>
    public static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);
}
