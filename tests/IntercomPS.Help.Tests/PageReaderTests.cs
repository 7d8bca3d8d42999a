using System.Linq;
using System.Xml.Linq;
using IntercomPS.HelpGen;
using Xunit;

namespace IntercomPS.Help.Tests;

/// <summary>A good page becomes MAML with every field in the place Get-Help reads it from.</summary>
public class PageReaderTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static readonly XElement Maml1 = MamlWriter.Write(new[] { PageReader.Parse("Get-Widget.md", Repo.GoodPage) })
        .Root!.Element(Command + "command")!;

    private static string[] Paras(XElement? parent) => parent!.Elements(Maml + "para").Select(p => p.Value).ToArray();

    [Fact]
    public void Details_and_description()
    {
        var details = Maml1.Element(Command + "details")!;
        Assert.Equal("Get-Widget", details.Element(Command + "name")!.Value);
        Assert.Equal("Get", details.Element(Command + "verb")!.Value);
        Assert.Equal("Widget", details.Element(Command + "noun")!.Value);
        Assert.Equal(new[] { "Gets widgets." }, Paras(details.Element(Maml + "description")));
        Assert.Equal(new[] { "The Get-Widget cmdlet gets widgets by name or by id.", "It streams them." }, Paras(Maml1.Element(Maml + "description")));
    }

    [Fact]
    public void Syntax_has_one_item_per_set_with_that_sets_parameters()
    {
        var items = Maml1.Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();
        string[] Names(XElement item) => item.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value).ToArray();
        Assert.Equal(new[] { "Name", "Color", "Force" }, Names(items[0]));
        Assert.Equal(new[] { "Id", "Color", "Force" }, Names(items[1]));
        Assert.All(items, i => Assert.Equal("Get-Widget", i.Element(Maml + "name")!.Value));

        var color = items[0].Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Color");
        Assert.Equal(new[] { "red", "green" }, color.Element(Command + "parameterValueGroup")!.Elements(Command + "parameterValue").Select(v => v.Value));
        var force = items[0].Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Force");
        Assert.Null(force.Element(Command + "parameterValue"));
    }

    [Theory]
    [InlineData("Name", "false", "true", "true", "True (ByPropertyName, ByValue)", "0", "WidgetName, n", "String[]", "None", "The widget names.")]
    [InlineData("Id", "true", "false", "false", "True (ByPropertyName)", "named", "widget_id", "Int32", "None", "The widget id.")]
    [InlineData("Color", "false", "false", "false", "False", "named", "none", "String", "red", "The color to filter on.")]
    [InlineData("Force", "false", "false", "false", "False", "named", "none", "SwitchParameter", "False", "Gets hidden widgets too.")]
    public void Parameters_carry_their_yaml(string name, string required, string variableLength, string globbing, string pipeline,
        string position, string aliases, string type, string defaultValue, string description)
    {
        var parameter = Maml1.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == name);
        Assert.Equal(required, parameter.Attribute("required")!.Value);
        Assert.Equal(variableLength, parameter.Attribute("variableLength")!.Value);
        Assert.Equal(globbing, parameter.Attribute("globbing")!.Value);
        Assert.Equal(pipeline, parameter.Attribute("pipelineInput")!.Value);
        Assert.Equal(position, parameter.Attribute("position")!.Value);
        Assert.Equal(aliases, parameter.Attribute("aliases")!.Value);
        Assert.Equal(type, parameter.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal(defaultValue, parameter.Element(Dev + "defaultValue")!.Value);
        Assert.Equal(new[] { description }, Paras(parameter.Element(Maml + "description")));
        Assert.Equal(type == "SwitchParameter" ? null : type, parameter.Element(Command + "parameterValue")?.Value);
    }

    [Fact]
    public void Inputs_outputs_and_notes()
    {
        var input = Maml1.Element(Command + "inputTypes")!.Element(Command + "inputType")!;
        Assert.Equal("System.String", input.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "Widget names." }, Paras(input.Element(Maml + "description")));
        var output = Maml1.Element(Command + "returnValues")!.Element(Command + "returnValue")!;
        Assert.Equal("Widget", output.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Equal(new[] { "One object per widget." }, Paras(output.Element(Maml + "description")));
        Assert.Equal(new[] { "Widgets are cached." }, Paras(Maml1.Element(Maml + "alertSet")!.Element(Maml + "alert")));
    }

    [Fact]
    public void Examples_keep_code_output_and_remarks()
    {
        var examples = Maml1.Element(Command + "examples")!.Elements(Command + "example").ToList();
        Assert.Equal(2, examples.Count);
        Assert.Equal("-------------------------- Example 1: Get a widget by name --------------------------", examples[0].Element(Maml + "title")!.Value);
        Assert.Equal("Get-Widget -Name gear", examples[0].Element(Dev + "code")!.Value);
        Assert.Equal(new[] { "Name Color\n---- -----\ngear red", "This command gets the widget named gear." }, Paras(examples[0].Element(Dev + "remarks")));
        Assert.Equal("'gear', 'cog' | Get-Widget", examples[1].Element(Dev + "code")!.Value);
    }

    [Fact]
    public void Related_links_start_with_the_online_version_and_keep_only_absolute_uris()
    {
        var links = Maml1.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink")
            .Select(l => (l.Element(Maml + "linkText")!.Value, l.Element(Maml + "uri")!.Value));
        Assert.Equal(new[]
        {
            ("Online Version:", "https://example.test/Get-Widget"),
            ("Set-Widget", ""),
            ("about_Widgets", "https://example.test/about_Widgets"),
        }, links);
    }

    [Fact]
    public void An_empty_online_version_is_valid_and_adds_no_link()
    {
        // As PlatyPS allows: a page of a project with no web home yet says "online version:" and nothing more.
        const string Online = "online version: https://example.test/Get-Widget\n";
        Assert.Contains(Online, Repo.GoodPage);
        var page = PageReader.Parse("Get-Widget.md", Repo.GoodPage.Replace(Online, "online version:\n"));

        Assert.Equal("", page.OnlineVersion);
        Assert.DoesNotContain(page.Links, l => l.Text == "Online Version:");
        Assert.Equal(["Set-Widget", "about_Widgets"], page.Links.Select(l => l.Text));
    }
}
