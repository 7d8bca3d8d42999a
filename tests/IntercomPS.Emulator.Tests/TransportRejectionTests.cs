using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading.Tasks;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.Emulator.Tests;

/// <summary>
/// Kestrel refuses some malformed requests before any middleware runs, so they cannot get the JSON error body every
/// other failure gets. The README names exactly these; this pins them (status, no body, connection closed), so the
/// README stays true. Raw bytes over TCP, since HttpClient would refuse to send them.
/// </summary>
public sealed class TransportRejectionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    public static TheoryData<string, string, int> Requests => new()
    {
        { "a NUL in the request line", "GET /v1/us\0ers HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 400 },
        { "no Host header", "GET /v1/users HTTP/1.1\r\n\r\n", 400 },
        { "a Content-Length that is not a number", "POST /v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: abc\r\n\r\n", 400 },
        { "70 KB of headers", "GET /v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + new string('a', 70_000) + "\r\n\r\n", 431 },
        { "a 9 KB request target", "GET /" + new string('a', 9_000) + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", 414 },
        { "HTTP/9.9", "GET /v1/users HTTP/9.9\r\nHost: 127.0.0.1\r\n\r\n", 505 },
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public async Task Kestrel_refuses_these_before_routing_with_an_empty_body(string what, string raw, int status)
    {
        var answer = await SendRawAsync(raw);
        Assert.True(answer.StartsWith($"HTTP/1.1 {status} ", StringComparison.Ordinal), $"{what}: {answer}");
        Assert.Contains("\r\nContent-Length: 0\r\n", answer);
        Assert.Contains("\r\nConnection: close\r\n", answer);
        (await fixture.Api.GetAsync("v1/users?per_page=1")).AssertStatus(200); // and the emulator carries on
    }

    [Fact]
    public async Task A_malformed_body_the_emulator_reads_itself_still_gets_json()
    {
        var answer = await SendRawAsync("POST /v1/users HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\nzz\r\n");
        Assert.Contains("Content-Type: application/json", answer);
        Assert.Contains("{\"error\":{", answer);
    }

    private async Task<string> SendRawAsync(string raw)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", fixture.Emulator.BaseUri.Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(raw));
        stream.ReadTimeout = 10_000;
        using var answer = new MemoryStream();
        var buffer = new byte[8192];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10))) > 0)
            {
                answer.Write(buffer, 0, read);
                if (Encoding.Latin1.GetString(answer.ToArray()) is var text && text.Contains("\r\n\r\n", StringComparison.Ordinal)
                    && (text.Contains("Content-Length: 0\r\n", StringComparison.Ordinal) || text.EndsWith('}')))
                {
                    break;
                }
            }
        }
        catch (IOException)
        {
            // The server may reset the connection right after answering; what arrived is the answer.
        }

        return Encoding.Latin1.GetString(answer.ToArray());
    }
}
