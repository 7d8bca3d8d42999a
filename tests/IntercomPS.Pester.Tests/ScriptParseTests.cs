using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using Xunit;

namespace IntercomPS.Pester.Tests;

/// <summary>
/// No pwsh here to run build.ps1, so at least the real parser reads it and every script under tests/:
/// a syntax error fails here instead of on a user's machine.
/// </summary>
public sealed class ScriptParseTests
{
    public static TheoryData<string> Scripts() => new(ScriptPaths());

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Script_parses_without_errors(string script)
    {
        Parser.ParseFile(Path.Combine(RepoPaths.Root, script), out _, out var errors);
        Assert.Empty(errors.Select(e => $"{e.Extent.StartLineNumber}:{e.Extent.StartColumnNumber} {e.Message}"));
    }

    private static IEnumerable<string> ScriptPaths() =>
        Directory.EnumerateFiles(RepoPaths.Tests, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".ps1", StringComparison.Ordinal) || f.EndsWith(".psm1", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(RepoPaths.Root, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Prepend("build.ps1");

    [Fact]
    public void Build_script_offers_the_four_tasks_with_Build_as_default()
    {
        var ast = Parser.ParseFile(Path.Combine(RepoPaths.Root, "build.ps1"), out _, out _);
        var task = ast.ParamBlock.Parameters.Single(p => p.Name.VariablePath.UserPath == "Task");
        var validateSet = task.Attributes.OfType<AttributeAst>().Single(a => a.TypeName.Name == "ValidateSet");
        var values = validateSet.PositionalArguments.OfType<StringConstantExpressionAst>().Select(s => s.Value);
        Assert.Equal(new[] { "Build", "Test", "Docs", "Package" }, values);
        Assert.Equal("Build", Assert.IsType<StringConstantExpressionAst>(task.DefaultValue).Value);
    }

    [Fact]
    public void The_scripts_list_covers_the_runner_and_its_fixtures()
    {
        var scripts = ScriptPaths().ToList();
        Assert.Contains("tests/IntercomPS.Pester.Tests/PesterCompat.psm1", scripts);
        Assert.Contains("tests/TestSetup.ps1", scripts);
        Assert.Contains("tests/IntercomPS.Pester.Tests/Fixtures/Should.Fixture.ps1", scripts);
    }
}
