using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using IntercomPS.V2.Tests.Conformance;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests;

/// <summary>
/// A seeded fuzz over every 2.14 operation served: malformed, wrong-typed, oversized and odd-unicode bodies and path
/// values. Nothing may answer 5xx, and every answer (the client checks it) must conform to the description.
/// </summary>
public class FuzzTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly string[] Bodies =
    [
        "", "null", "[]", "42", "\"text\"", "{", "{\"a\":", "{}", "{\"email\":null}", "{\"email\":[]}", "{\"email\":{\"x\":1}}",
        "{\"role\":7}", "{\"external_id\":\"\\ud800\"}", "{\"name\":\"\u0000\u202e\ud83d\ude00\"}", "{\"custom_attributes\":\"x\"}",
        "{\"custom_attributes\":{\"\":1}}", "{\"signed_up_at\":-1}", "{\"signed_up_at\":1e400}", "{\"query\":[]}", "{\"query\":{\"operator\":\"AND\",\"value\":{}}}",
        "{\"query\":{\"field\":\"email\",\"operator\":\"=\",\"value\":{\"a\":1}}}", "{\"query\":{\"field\":\"custom_attributes.a\\\"b\",\"operator\":\"=\",\"value\":1}}",
        "{\"query\":{\"field\":\"created_at\",\"operator\":\"<\",\"value\":1e300}}", "{\"pagination\":{\"per_page\":\"x\"},\"query\":{\"field\":\"email\",\"operator\":\"=\",\"value\":\"a\"}}",
        "{\"name\":\"\",\"users\":\"x\"}", "{\"name\":\"t\",\"users\":[1]}", "{\"name\":\"t\",\"id\":\"abc\"}", "{\"id\":-5}", "{\"body\":5}",
        "{\"admin_id\":{},\"body\":\"b\"}", "{\"name\":\"n\",\"model\":5,\"data_type\":\"string\"}",
    ];

    // %00 is left out: Kestrel refuses a NUL in the path with a bodiless 400 before any middleware runs (issue 13).
    private static readonly string[] PathValues = ["0", "-1", "abc", "%F0%9F%98%80", "99999999999999999999999", new string('a', 2000), "000000000000000000000000"];

    [Fact]
    public async Task No_input_gets_a_5xx_and_every_answer_conforms()
    {
        var random = new Random(2014);
        var operations = EmulatedOperations.All;
        var statuses = new List<int>();
        for (var i = 0; i < 400; i++)
        {
            var (method, template) = operations[random.Next(operations.Count)];
            var path = string.Concat(template.Split('/').Select(part => part.StartsWith('{') ? "/" + PathValues[random.Next(PathValues.Length)] : part.Length == 0 ? "" : "/" + part));
            var body = method is "POST" or "PUT" ? Bodies[random.Next(Bodies.Length)] : null;
            var answer = await fixture.V2.SendAsync(new HttpMethod(method), path, body);
            Assert.True(answer.Status < 500, $"{method} {path} {body} -> {answer.Status}: {answer.Text}");
            statuses.Add(answer.Status);
        }

        Assert.Contains(400, statuses);
        Assert.Contains(404, statuses);
        (await fixture.V2.GetAsync("/me")).Ok(); // still serving
    }
}
