using System.Runtime.CompilerServices;
using IntercomPS.Testing;
using Xunit;

namespace IntercomPS.V2.Tests.Conformance;

/// <summary>
/// The machine check every 2.x answer of this suite passes: the status must be documented (or be an error, judged by
/// the error schema) and the body must validate against the schema for (path template, method, status) of the
/// description the answer's version answers as (<see cref="OpenApiContract.JudgedBy"/>). It is every V2Client's judge
/// from the moment this assembly loads, so no test can skip it; only a run without that description does, and then
/// only the media type is checked, while every assertion of the calling test still runs and the skipped description
/// tests say why (<see cref="OpenApiContract.SkipReasonFor"/>).
/// </summary>
public static class AnswerConformance
{
#pragma warning disable CA2255 // A test assembly is the application here: its module initializer makes the check unskippable.
    [ModuleInitializer]
    internal static void JudgeEveryAnswer() => V2Client.Judge = Conform;
#pragma warning restore CA2255

    public static void Conform(string method, string path, string version, Reply answer)
    {
        if (answer.Text.Length > 0)
        {
            Assert.Equal("application/json", answer.ContentType);
        }

        var described = OpenApiContract.JudgedBy(version, method, path);
        if (!OpenApiContract.IsAvailable(described))
        {
            return;
        }

        var contract = OpenApiContract.For(described);
        var template = contract.Template(method, path);
        if (template is null)
        {
            // Not an operation of the description (a wrong path or method): it must be an error.list.
            Assert.True(answer.Status >= 400, $"{method} {path} is not in the description, yet answered {answer.Status}");
            template = "/contacts/{contact_id}";
            method = "GET";
        }

        if (answer.Text.Length == 0)
        {
            var documented = contract.Operation(template, method)?["responses"]?[answer.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            Assert.True(documented is not null && documented["content"] is null,
                $"{method} {path} answered {answer.Status} with no body, which the description does not document");
            return;
        }

        var violations = contract.Violations(template, method, answer.Status, answer.Json);
        Assert.True(violations.Count == 0,
            $"{method} {path} -> {answer.Status} breaks the description:\n{string.Join("\n", violations)}\n{answer.Text}");
    }
}
