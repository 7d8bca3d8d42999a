using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace IntercomPS.Bench
{
    /// <summary>
    /// `IntercomPS.Bench --hello`: a Kestrel hello-world, the ceiling the emulator's throughput is reported against.
    /// The same host, minimal API and JSON answers as the emulator, with no work behind them; run as its own process
    /// like the emulator, so both are measured the same way.
    /// </summary>
    public static class HelloServer
    {
        public static async Task RunAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.MapGet("/{**path}", () => Results.Text("{\"type\":\"user\",\"user_id\":\"hello\"}", "application/json"));
            app.MapPut("/{**path}", async (HttpRequest request) =>
            {
                using var reader = new StreamReader(request.Body);
                await reader.ReadToEndAsync();
                return Results.Text("{\"type\":\"user\",\"user_id\":\"hello\"}", "application/json");
            });
            await ServerProcess.ServeAsync(app, "hello");
        }
    }
}
