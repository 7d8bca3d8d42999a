using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using IntercomPS.HelpGen;
using Xunit;

namespace IntercomPS.Help.Tests;

/// <summary>
/// The pages and the code agree: every exported cmdlet has a page and every page a cmdlet, every parameter in
/// code is documented and every documented one exists, with the type, aliases, sets, position and binding the
/// code declares. Each test lists every disagreement at once.
/// </summary>
public class DriftTests(ModuleRunspace module) : IClassFixture<ModuleRunspace>
{
    private readonly Dictionary<string, CmdletInfo> _cmdlets = module.Invoke("Get-Command -Module IntercomPS -CommandType Cmdlet")
        .Select(c => (CmdletInfo)c.BaseObject).ToDictionary(c => c.Name);

    private readonly Dictionary<string, CommandPage> _pages = Repo.Pages().ToDictionary(p => p.Name);

    [Fact]
    public void Every_cmdlet_has_a_page_and_every_page_a_cmdlet()
    {
        Assert.NotEmpty(_cmdlets);
        Assert.Equal(_cmdlets.Keys.OrderBy(n => n), _pages.Keys.OrderBy(n => n));
        Assert.All(_pages.Values, p => Assert.Equal("IntercomPS", p.ModuleName));
    }

    [Fact]
    public void Every_parameter_is_documented_as_declared()
    {
        var problems = new List<string>();
        foreach (var (name, cmdlet) in _cmdlets)
        {
            if (!_pages.TryGetValue(name, out var page)) continue;
            var documented = page.Parameters.ToDictionary(p => p.Name);
            foreach (var parameter in Metadata.Documented(cmdlet))
            {
                if (!documented.Remove(parameter.Name, out var doc)) problems.Add($"{name}: -{parameter.Name} has no '### -{parameter.Name}'");
                else Compare(parameter, doc, $"{name} -{parameter.Name}", problems);
            }
            problems.AddRange(documented.Keys.Select(p => $"{name}: '### -{p}' documents a parameter the cmdlet does not have"));
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Syntax_has_the_cmdlets_parameter_sets()
    {
        var problems = new List<string>();
        foreach (var (name, cmdlet) in _cmdlets)
        {
            if (!_pages.TryGetValue(name, out var page)) continue;
            // A cmdlet without named sets has one, __AllParameterSets, which the engine does not flag as default.
            var inCode = cmdlet.ParameterSets.Select(s => (s.Name, IsDefault: s.IsDefault || cmdlet.ParameterSets.Count == 1)).OrderBy(s => s.Name);
            var inPage = page.Syntax.Select(s => (s.Name, s.IsDefault)).OrderBy(s => s.Name);
            if (!inCode.SequenceEqual(inPage))
                problems.Add($"{name}: ## SYNTAX has sets [{string.Join(", ", inPage)}], the cmdlet [{string.Join(", ", inCode)}]");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void Compare(ParameterMetadata code, ParameterDoc doc, string where, List<string> problems)
    {
        void Check(string what, object expected, object actual)
        {
            if (!Equals(expected.ToString(), actual.ToString())) problems.Add($"{where}: {what} is '{actual}' in the page, '{expected}' in the code");
        }

        var pageSets = doc.Usages.SelectMany(u => u.ParameterSets).OrderBy(s => s);
        Check("Parameter Sets", string.Join(", ", code.ParameterSets.Keys.Select(Metadata.SetName).OrderBy(s => s)), string.Join(", ", pageSets));
        foreach (var usage in doc.Usages)
        {
            Check("Type", Metadata.TypeName(code.ParameterType), usage.Type);
            Check("Aliases", string.Join(", ", code.Aliases.OrderBy(a => a)), string.Join(", ", usage.Aliases.OrderBy(a => a)));
            Check("Accepted values", string.Join(", ", Metadata.AcceptedValues(code)), string.Join(", ", usage.AcceptedValues));
            Check("Accept wildcard characters", Metadata.Wildcards(code), usage.Wildcards);
        }
        foreach (var (setName, set) in code.ParameterSets)
        {
            var usage = doc.Usages.FirstOrDefault(u => u.ParameterSets.Contains(Metadata.SetName(setName)));
            if (usage is null) continue;
            var inSet = "in " + Metadata.SetName(setName);
            Check($"Required ({inSet})", set.IsMandatory, usage.Required);
            Check($"Position ({inSet})", set.Position == int.MinValue ? "Named" : set.Position.ToString(), usage.Position?.ToString() ?? "Named");
            Check($"Accept pipeline input ({inSet})", Metadata.Pipeline(set), usage.PipelineText);
        }
    }
}
