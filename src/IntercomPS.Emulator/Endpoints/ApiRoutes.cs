using System;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace IntercomPS.Emulator.Endpoints;

/// <summary>The /v1 routes. Handlers take the HttpContext and parse everything themselves, so every bad input gets
/// our error message instead of the framework's binding errors.</summary>
internal static class ApiRoutes
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/users", Handle(UsersEndpoints.GetAsync));
        app.MapPost("/v1/users", Handle(ctx => UsersEndpoints.SaveAsync(ctx, create: true)));
        app.MapPut("/v1/users", Handle(ctx => UsersEndpoints.SaveAsync(ctx, create: false)));
        app.MapDelete("/v1/users", Handle(UsersEndpoints.DeleteAsync));
        app.MapPost("/v1/users/notes", Handle(NotesEndpoints.CreateAsync));
        app.MapPost("/v1/users/impressions", Handle(ImpressionsEndpoints.CreateAsync));
        app.MapGet("/v1/users/message_threads", Handle(MessageThreadsEndpoints.GetAsync));
        app.MapPost("/v1/users/message_threads", Handle(MessageThreadsEndpoints.PostAsync));
        app.MapPut("/v1/users/message_threads", Handle(MessageThreadsEndpoints.PutAsync));
        app.MapGet("/v1/tags", Handle(TagsEndpoints.GetAsync));
        app.MapPost("/v1/tags", Handle(ctx => TagsEndpoints.SaveAsync(ctx, create: true)));
        app.MapPut("/v1/tags", Handle(ctx => TagsEndpoints.SaveAsync(ctx, create: false)));
    }

    /// <summary>Wraps a handler as a plain RequestDelegate: no reflection-based parameter binding.</summary>
    public static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);
}
