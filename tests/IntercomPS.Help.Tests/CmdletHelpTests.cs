using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using Xunit;

namespace IntercomPS.Help.Tests;

/// <summary>Get-Help in the real engine, on the staged module, shows what the pages say for every exported cmdlet.</summary>
public class CmdletHelpTests(ModuleRunspace module) : IClassFixture<ModuleRunspace>
{
    private readonly string[] _cmdlets = module.Invoke("Get-Command -Module IntercomPS -CommandType Cmdlet").Select(c => c.Properties["Name"].Value.ToString()!).ToArray();

    private PSObject Help(string cmdlet) => module.Invoke($"Get-Help {cmdlet} -Full").Single();

    [Fact]
    public void Every_cmdlet_shows_its_synopsis_description_parameters_and_examples()
    {
        Assert.NotEmpty(_cmdlets);
        var problems = new List<string>();
        foreach (var page in Repo.Pages().Where(p => _cmdlets.Contains(p.Name)))
        {
            var help = Help(page.Name);
            void Check(string what, string expected, string actual)
            {
                if (expected != actual) problems.Add($"{page.Name}: Get-Help shows {what} '{actual}', the page says '{expected}'");
            }

            Check("synopsis", page.Synopsis, help.Properties["Synopsis"].Value?.ToString()?.Trim() ?? "");
            Check("description", string.Join("\n", page.Description), Metadata.Text(help, "description"));

            var parameters = Metadata.Items(Metadata.Items(help, "parameters").SingleOrDefault(), "parameter")
                .ToDictionary(p => p.Properties["name"].Value.ToString()!, p => Metadata.Text(p, "description"));
            foreach (var parameter in page.Parameters)
                Check($"-{parameter.Name} as", string.Join("\n", parameter.Description), parameters.GetValueOrDefault(parameter.Name, "(missing)"));

            var examples = Metadata.Items(Metadata.Items(help, "examples").SingleOrDefault(), "example");
            Check("example count", page.Examples.Count.ToString(), examples.Count.ToString());
            foreach (var (example, shown) in page.Examples.Zip(examples))
            {
                Check("example code", example.Code, shown.Properties["code"].Value.ToString()!);
                Check("example remarks", string.Join("\n", example.Remarks), Metadata.Text(shown, "remarks").Trim());
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_page_has_two_examples_one_a_pipeline()
    {
        var problems = Repo.Pages()
            .Where(p => p.Examples.Count < 2 || !p.Examples.Any(e => e.Code.Contains('|')))
            .Select(p => $"{p.Name}: {p.Examples.Count} examples, {p.Examples.Count(e => e.Code.Contains('|'))} with a pipeline");
        Assert.Empty(problems);
    }

    [Fact]
    public void About_topic_has_its_sections_and_sees_every_cmdlet()
    {
        var about = "\n" + string.Join("\n", module.Invoke("Get-Help about_IntercomPS").Select(o => o.ToString()));

        string[] headings = { "TOPIC", "SHORT DESCRIPTION", "LONG DESCRIPTION", "SESSIONS", "THE EMULATOR", "PAGING", "ERRORS", "THROTTLING", "SECURITY", "SEE ALSO" };
        var at = headings.Select(h => about.IndexOf("\n" + h + "\n", System.StringComparison.Ordinal)).ToArray();
        Assert.True(at.All(i => i >= 0) && at.SequenceEqual(at.Order()), "headings found at " + string.Join(", ", headings.Zip(at)));
        var seeAlso = about.Substring(at[^1]).Split('\n').Select(l => l.Trim());
        Assert.Empty(_cmdlets.Except(seeAlso));
    }

    [Fact]
    public void About_topic_leads_with_REST_API_2_14_and_shows_both_faces_of_the_emulator()
    {
        var about = string.Join("\n", module.Invoke("Get-Help about_IntercomPS").Select(o => o.ToString()));
        string Section(string heading, string next) => about[about.IndexOf("\n" + heading + "\n", System.StringComparison.Ordinal)..about.IndexOf("\n" + next + "\n", System.StringComparison.Ordinal)];

        var summary = Section("SHORT DESCRIPTION", "LONG DESCRIPTION");
        Assert.True(summary.IndexOf("REST API 2.14", System.StringComparison.Ordinal) is >= 0 and var v2 && v2 < summary.IndexOf("v1", System.StringComparison.Ordinal), summary);
        var emulator = Section("THE EMULATOR", "PAGING");
        Assert.True(emulator.IndexOf("REST API 2.14", System.StringComparison.Ordinal) is >= 0 and var face && face < emulator.IndexOf("v1", System.StringComparison.Ordinal), emulator);
        Assert.Contains("Bearer", emulator, System.StringComparison.Ordinal);
        Assert.Contains("-AccessToken $key -BaseUri http://127.0.0.1:8080/", emulator, System.StringComparison.Ordinal);
        Assert.Contains("-BaseUri http://127.0.0.1:8080/v1/", emulator, System.StringComparison.Ordinal);
    }
    [Fact]
    public void About_topics_security_note_names_every_cmdlet_that_asks_first()
    {
        var about = string.Join("\n", module.Invoke("Get-Help about_IntercomPS").Select(o => o.ToString()));
        var security = about[about.IndexOf("\nSECURITY\n", System.StringComparison.Ordinal)..about.IndexOf("\nSEE ALSO\n", System.StringComparison.Ordinal)];
        var askFirst = module.Invoke("Get-Command -Module IntercomPS -CommandType Cmdlet | Where-Object { $_.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0].ConfirmImpact -eq 'High' } | ForEach-Object Name")
            .Select(o => o.ToString()).ToArray();
        Assert.Contains("Remove-IntercomUser", askFirst);
        var unnamed = askFirst.Where(cmdlet => !System.Text.RegularExpressions.Regex.IsMatch(security, $@"\b{cmdlet}\b")).ToArray();
        Assert.True(unnamed.Length == 0, "SECURITY does not say these ask first: " + string.Join(", ", unnamed));
    }
}
