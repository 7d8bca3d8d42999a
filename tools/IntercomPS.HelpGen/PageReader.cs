using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace IntercomPS.HelpGen;

/// <summary>Reads one cmdlet page in PlatyPS's markdown schema (2.0.0) and checks it as it goes.</summary>
public static class PageReader
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private static readonly string[] RequiredSections = { "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS" };
    private static readonly string[] KnownSections = RequiredSections.Concat(new[] { "NOTES", "RELATED LINKS" }).ToArray();
    private static readonly string[] FrontMatterKeys = { "external help file", "Module Name", "online version", "schema" };

    /// <summary>A "-Name" in a syntax line; the lookbehind skips the dash inside Verb-Noun.</summary>
    private static readonly Regex SyntaxParameter = new(@"(?<![\w-])-([A-Za-z]\w*)");

    public static CommandPage Read(string path) => Parse(path, File.ReadAllText(path));

    /// <param name="file">The page's path: it names the cmdlet and every error message.</param>
    public static CommandPage Parse(string file, string markdown)
    {
        markdown = markdown.Replace("\r\n", "\n");
        var page = new Sections(file, markdown);
        var blocks = Markdig.Markdown.Parse(markdown, Markdown).ToList();

        var front = FrontMatter(page, blocks.FirstOrDefault() as YamlFrontMatterBlock);
        var titles = page.Split(blocks.Skip(1), 1, out var beforeTitle);
        if (beforeTitle.Count > 0) throw page.Error(Sections.LineOf(beforeTitle[0]), "text between the front matter and the '# Cmdlet-Name' heading");
        if (titles.Count == 0) throw page.Error(1, "no '# Cmdlet-Name' heading");
        if (titles.Count > 1) throw page.Error(titles[1].Line, $"a second '# {titles[1].Title}' heading; a page documents one cmdlet");

        var command = titles[0];
        var expected = Path.GetFileNameWithoutExtension(file);
        if (command.Title != expected) throw page.Error(command.Line, $"heading '# {command.Title}' does not match the file name {expected}.md");
        if (command.Title.IndexOf('-') <= 0) throw page.Error(command.Line, $"'{command.Title}' is not a Verb-Noun cmdlet name");
        if (command.Blocks.Count > 0) throw page.Error(Sections.LineOf(command.Blocks[0]), "text between '# " + command.Title + "' and '## SYNOPSIS'");

        var sections = SectionsByName(page, command);
        var syntax = Syntax(page, sections["SYNTAX"]);
        var parameters = Parameters(page, sections["PARAMETERS"], syntax);

        return new CommandPage(
            command.Title,
            front["external help file"],
            front["Module Name"],
            front["online version"],
            string.Join(" ", Text(page, sections["SYNOPSIS"], required: true)),
            Text(page, sections["DESCRIPTION"], required: true),
            syntax,
            Examples(page, sections["EXAMPLES"]),
            parameters,
            Types(page, sections["INPUTS"]),
            Types(page, sections["OUTPUTS"]),
            sections.TryGetValue("NOTES", out var notes) ? Text(page, notes, required: false) : Array.Empty<string>(),
            Links(page, front["online version"], sections.TryGetValue("RELATED LINKS", out var links) ? links : null));
    }

    private static Dictionary<string, string> FrontMatter(Sections page, YamlFrontMatterBlock? block)
    {
        if (block == null) throw page.Error(1, "no front matter; a page starts with ---, external help file, Module Name, online version, schema: 2.0.0, ---");
        var values = new Dictionary<string, string>();
        foreach (var line in Sections.Code(block).Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && l != "---"))
        {
            int colon = line.IndexOf(':');
            if (colon > 0) values[line.Substring(0, colon).Trim()] = line.Substring(colon + 1).Trim();
        }
        var missing = FrontMatterKeys.FirstOrDefault(k => !values.ContainsKey(k));
        if (missing != null) throw page.Error(Sections.LineOf(block), $"front matter has no '{missing}'");
        if (values["schema"] != "2.0.0") throw page.Error(Sections.LineOf(block), $"front matter schema is '{values["schema"]}'; only 2.0.0 is understood");
        return values;
    }

    private static Dictionary<string, Section> SectionsByName(Sections page, Section command)
    {
        var sections = new Dictionary<string, Section>();
        foreach (var section in command.Children)
        {
            if (!KnownSections.Contains(section.Title))
                throw page.Error(section.Line, $"unknown section '## {section.Title}' (expected {string.Join(", ", KnownSections)})");
            if (sections.TryGetValue(section.Title, out var first))
                throw page.Error(section.Line, $"'## {section.Title}' appears twice (first at line {first.Line})");
            sections[section.Title] = section;
        }
        var missing = RequiredSections.FirstOrDefault(s => !sections.ContainsKey(s));
        if (missing != null) throw page.Error(command.Line, $"missing '## {missing}' section");
        return sections;
    }

    private static IReadOnlyList<string> Text(Sections page, Section section, bool required)
    {
        if (section.Children.Count > 0) throw page.Error(section.Children[0].Line, $"'## {section.Title}' takes text, not ### headings");
        var text = page.Paragraphs(section.Blocks);
        if (required && text.Count == 0) throw page.Error(section.Line, $"'## {section.Title}' is empty");
        return text;
    }

    private static IReadOnlyList<SyntaxSet> Syntax(Sections page, Section section)
    {
        if (section.Children.Count == 0)
            return new[] { new SyntaxSet(SyntaxSet.AllSets, true, SyntaxCode(page, section.Line, "## SYNTAX", section.Blocks), section.Line) };
        if (section.Blocks.Count > 0) throw page.Error(Sections.LineOf(section.Blocks[0]), "text before the first ### parameter set in '## SYNTAX'");
        return section.Children.Select(set =>
        {
            bool isDefault = set.Title.EndsWith(" (Default)", StringComparison.Ordinal);
            var name = isDefault ? set.Title.Substring(0, set.Title.Length - " (Default)".Length).Trim() : set.Title;
            return new SyntaxSet(name, isDefault, SyntaxCode(page, set.Line, "### " + set.Title, set.Blocks), set.Line);
        }).ToList();
    }

    private static string SyntaxCode(Sections page, int line, string where, IReadOnlyList<Block> blocks)
    {
        var code = blocks.OfType<FencedCodeBlock>().ToList();
        if (code.Count != 1) throw page.Error(line, $"'{where}' needs exactly one ``` block with the syntax line, found {code.Count}");
        return Sections.Code(code[0]);
    }

    private static IReadOnlyList<ExampleDoc> Examples(Sections page, Section section)
    {
        if (section.Children.Count == 0) throw page.Error(section.Line, "'## EXAMPLES' has no '### Example 1: title'");
        if (section.Blocks.Count > 0) throw page.Error(Sections.LineOf(section.Blocks[0]), "text before the first ### example in '## EXAMPLES'");
        return section.Children.Select(example =>
        {
            var code = example.Blocks.OfType<FencedCodeBlock>().FirstOrDefault(b => Sections.Info(b) == "powershell")
                ?? throw page.Error(example.Line, $"example '{example.Title}' has no ```powershell code block");
            return new ExampleDoc(example.Title, Sections.Code(code), page.Paragraphs(example.Blocks.Where(b => b != code)));
        }).ToList();
    }

    private static IReadOnlyList<ParameterDoc> Parameters(Sections page, Section section, IReadOnlyList<SyntaxSet> syntax)
    {
        if (section.Blocks.Count > 0) throw page.Error(Sections.LineOf(section.Blocks[0]), "text before the first ### -Name in '## PARAMETERS'");
        var parameters = new List<ParameterDoc>();
        foreach (var heading in section.Children.Where(h => h.Title != "CommonParameters"))
        {
            if (!heading.Title.StartsWith("-", StringComparison.Ordinal) || heading.Title.Length < 2 || heading.Title.Contains(' '))
                throw page.Error(heading.Line, $"parameter heading '### {heading.Title}' must be '### -Name' (or '### CommonParameters')");
            var name = heading.Title.Substring(1);
            var first = parameters.FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
            if (first != null) throw page.Error(heading.Line, $"parameter -{name} is documented twice (first at line {first.Line})");
            parameters.Add(Parameter(page, heading, name, syntax));
        }
        foreach (var set in syntax) CheckSyntaxLine(page, set, parameters);
        return parameters;
    }

    private static ParameterDoc Parameter(Sections page, Section heading, string name, IReadOnlyList<SyntaxSet> syntax)
    {
        bool IsYaml(Block b) => b is FencedCodeBlock code && Sections.Info(code) == "yaml";
        var yaml = heading.Blocks.Where(IsYaml).Cast<FencedCodeBlock>().ToList();
        if (yaml.Count == 0) throw page.Error(heading.Line, $"parameter -{name} has no ```yaml block");
        var description = page.Paragraphs(heading.Blocks.Where(b => !IsYaml(b)));
        if (description.Count == 0) throw page.Error(heading.Line, $"parameter -{name} has no description");

        var usages = yaml.Select(block => ParameterYaml.Parse(page, name, Sections.Code(block), Sections.LineOf(block) + 1)).ToList();
        var seen = new HashSet<string>();
        foreach (var set in usages.SelectMany(u => u.ParameterSets))
        {
            if (!seen.Add(set)) throw page.Error(heading.Line, $"parameter -{name}: parameter set '{set}' is in two yaml blocks");
            if (set != ParameterUsage.AllSets && !syntax.Any(s => s.Name == set))
                throw page.Error(heading.Line, $"parameter -{name}: parameter set '{set}' has no '### {set}' in '## SYNTAX'");
        }
        if (seen.Contains(ParameterUsage.AllSets) && seen.Count > 1)
            throw page.Error(heading.Line, $"parameter -{name}: '(All)' and named parameter sets together");
        return new ParameterDoc(name, description, usages, heading.Line);
    }

    /// <summary>The syntax line of a set shows exactly the documented parameters that belong to it.</summary>
    private static void CheckSyntaxLine(Sections page, SyntaxSet set, IReadOnlyList<ParameterDoc> parameters)
    {
        var shown = SyntaxParameter.Matches(set.Text).Select(m => m.Groups[1].Value).ToList();
        foreach (var name in shown)
            if (!parameters.Any(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)))
                throw page.Error(set.Line, $"syntax of set '{set.Name}' shows -{name}, which has no '### -{name}' in '## PARAMETERS'");
        foreach (var parameter in parameters.Where(p => p.UsagesIn(set.Name).Any()))
            if (!shown.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
                throw page.Error(set.Line, $"syntax of set '{set.Name}' does not show -{parameter.Name}, which its yaml puts in that set");
    }

    private static IReadOnlyList<TypeDoc> Types(Sections page, Section section)
    {
        if (section.Children.Count == 0)
            throw page.Error(section.Line, $"'## {section.Title}' has no '### TypeName' (write '### None' when there is none)");
        if (section.Blocks.Count > 0) throw page.Error(Sections.LineOf(section.Blocks[0]), $"text before the first ### type in '## {section.Title}'");
        return section.Children.Select(t => new TypeDoc(t.Title, page.Paragraphs(t.Blocks))).ToList();
    }

    /// <summary>Get-Help prints a link's text and URI; a relative one (Set-Widget.md) means nothing there, so only the text is kept.</summary>
    private static string Absolute(string? url) => Uri.TryCreate(url, UriKind.Absolute, out _) ? url! : "";

    /// <summary>The online version first (as PlatyPS does), then every [text](uri) under ## RELATED LINKS.</summary>
    private static IReadOnlyList<LinkDoc> Links(Sections page, string onlineVersion, Section? section)
    {
        var links = new List<LinkDoc>();
        if (onlineVersion.Length > 0) links.Add(new LinkDoc("Online Version:", onlineVersion));
        if (section == null) return links;
        if (section.Children.Count > 0) throw page.Error(section.Children[0].Line, "'## RELATED LINKS' takes a list of links, not ### headings");
        foreach (var block in section.Blocks)
        {
            var leaves = block is LeafBlock leaf ? new[] { leaf } : block.Descendants<LeafBlock>();
            var found = leaves.SelectMany(l => l.Inline?.Descendants<LinkInline>() ?? Enumerable.Empty<LinkInline>()).ToList();
            if (found.Count == 0) throw page.Error(Sections.LineOf(block), "a related link must be a [text](uri) link");
            links.AddRange(found.Select(l => new LinkDoc(string.Concat(l.Descendants<LiteralInline>().Select(t => t.Content.ToString())), Absolute(l.Url))));
        }
        return links;
    }
}
