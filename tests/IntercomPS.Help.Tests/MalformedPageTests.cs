using Xunit;
using IntercomPS.HelpGen;

namespace IntercomPS.Help.Tests;

/// <summary>Each kind of mistake in a page stops the generator with the file, the line and what is wrong.</summary>
public class MalformedPageTests
{
    [Theory]
    [InlineData("schema: 2.0.0", "schema: 3.0.0", 1, "front matter schema is '3.0.0'; only 2.0.0 is understood")]
    [InlineData("# Get-Widget\n", "# Get-Gadget\n", 8, "heading '# Get-Gadget' does not match the file name Get-Widget.md")]
    [InlineData("## SYNOPSIS\nGets widgets.\n", "\n\n", 8, "missing '## SYNOPSIS' section")]
    [InlineData("## SYNOPSIS\nGets widgets.\n", "## SYNOPSIS\n\n", 10, "'## SYNOPSIS' is empty")]
    [InlineData("## NOTES", "## REMARKS", 129, "unknown section '## REMARKS' (expected SYNOPSIS, SYNTAX, DESCRIPTION, EXAMPLES, PARAMETERS, INPUTS, OUTPUTS, NOTES, RELATED LINKS)")]
    [InlineData("## NOTES\nWidgets are cached.", "## INPUTS\nWidgets are cached.", 129, "'## INPUTS' appears twice (first at line 119)")]
    [InlineData("```powershell\n'gear'", "```\n'gear'", 46, "example 'Example 2: Pipe names' has no ```powershell code block")]
    [InlineData("### -Force", "### -Color", 101, "parameter -Color is documented twice (first at line 85)")]
    [InlineData("### -Force", "### Force", 101, "parameter heading '### Force' must be '### -Name' (or '### CommonParameters')")]
    [InlineData("```yaml\nType: SwitchParameter", "```\nType: SwitchParameter", 101, "parameter -Force has no ```yaml block")]
    [InlineData("### -Id\nThe widget id.\n", "### -Id\n\n", 70, "parameter -Id has no description")]
    [InlineData("Accept wildcard characters: True", "Accept wildcards: True", 67,
        "parameter -Name: unknown yaml key 'Accept wildcards' (known keys: Type, Parameter Sets, Aliases, Required, Position, Default value, Accept pipeline input, Accept wildcard characters, Accepted values)")]
    [InlineData("Aliases: widget_id", "Type: Int32", 76, "parameter -Id: yaml key 'Type' appears twice")]
    [InlineData("Position: Named\nDefault value: None\nAccept pipeline input: True (ByPropertyName)\n",
        "Default value: None\nAccept pipeline input: True (ByPropertyName)\n\n", 73, "parameter -Id: yaml block has no 'Position' key")]
    [InlineData("Required: True", "Required: Yes", 78, "parameter -Id: 'Required' must be True or False, not 'Yes'")]
    [InlineData("Position: 0", "Position: first", 64, "parameter -Name: 'Position' must be Named or a number, not 'first'")]
    [InlineData("Accept pipeline input: True (ByPropertyName)\n", "Accept pipeline input: Maybe\n", 81,
        "parameter -Id: 'Accept pipeline input' must be False or True (ByValue), True (ByPropertyName) or True (ByPropertyName, ByValue), not 'Maybe'")]
    [InlineData("Parameter Sets: Id", "Parameter Sets: ById", 70, "parameter -Id: parameter set 'ById' has no '### ById' in '## SYNTAX'")]
    [InlineData("Get-Widget [[-Name] <String[]>]", "Get-Widget [[-Name] <String[]>] [-Extra]", 15,
        "syntax of set 'Name' shows -Extra, which has no '### -Extra' in '## PARAMETERS'")]
    [InlineData("Get-Widget -Id <Int32> [-Color <String>] [-Force]", "Get-Widget -Id <Int32> [-Color <String>]", 20,
        "syntax of set 'Id' does not show -Force, which its yaml puts in that set")]
    [InlineData("### System.String\nWidget names.", "\nWidget names.", 119, "'## INPUTS' has no '### TypeName' (write '### None' when there is none)")]
    [InlineData("[Set-Widget](Set-Widget.md)", "Set-Widget", 134, "a related link must be a [text](uri) link")]
    public void Names_file_line_and_problem(string find, string replace, int line, string problem)
    {
        var page = Repo.GoodPage;
        Assert.Contains(find, page);
        var broken = page.Replace(find, replace);

        var error = Assert.Throws<PageException>(() => PageReader.Parse("docs/Get-Widget.md", broken));

        Assert.Equal($"docs/Get-Widget.md({line}): error HELPGEN: {problem}", error.Message);
    }
}
