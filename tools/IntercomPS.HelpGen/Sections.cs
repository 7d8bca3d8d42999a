using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace IntercomPS.HelpGen;

/// <summary>A heading and the blocks under it, up to the next heading of the same or a higher level.</summary>
public sealed record Section(string Title, int Line, IReadOnlyList<Block> Blocks, IReadOnlyList<Section> Children);

/// <summary>Cuts a parsed page into its ## sections and their ### subsections, and reads blocks back as text.</summary>
public sealed class Sections(string file, string source)
{
    public string File { get; } = file;

    public PageException Error(int line, string problem) => new(File, line, problem);

    public static int LineOf(Block block) => block.Line + 1;

    public string HeadingText(HeadingBlock heading) =>
        Raw(heading).TrimStart('#').Trim();

    /// <summary>Groups top-level blocks under headings of <paramref name="level"/>; blocks before the first one come back in <paramref name="leading"/>.</summary>
    public List<Section> Split(IEnumerable<Block> blocks, int level, out List<Block> leading)
    {
        var sections = new List<Section>();
        leading = new List<Block>();
        string? title = null;
        int line = 0;
        var current = leading;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock heading && heading.Level <= level)
            {
                if (heading.Level < level)
                    throw Error(LineOf(block), $"unexpected {new string('#', heading.Level)} heading '{HeadingText(heading)}' here");
                if (title != null) sections.Add(Make(title, line, current, level));
                title = HeadingText(heading);
                line = LineOf(block);
                current = new List<Block>();
                continue;
            }
            current.Add(block);
        }
        if (title != null) sections.Add(Make(title, line, current, level));
        return sections;
    }

    private Section Make(string title, int line, List<Block> blocks, int level)
    {
        if (level == 3) return new Section(title, line, blocks, new List<Section>());
        var children = Split(blocks, level + 1, out var leading);
        return new Section(title, line, leading, children);
    }

    /// <summary>The text of a block as a help paragraph: paragraphs joined onto one line, code and lists kept as written.</summary>
    public string Text(Block block) => block switch
    {
        ParagraphBlock p => string.Join(" ", Raw(p).Split('\n').Select(l => l.Trim())),
        FencedCodeBlock code => Code(code),
        _ => Raw(block),
    };

    public IReadOnlyList<string> Paragraphs(IEnumerable<Block> blocks) =>
        blocks.Select(Text).Where(t => t.Length > 0).ToList();

    public static string Code(LeafBlock code) => code.Lines.ToString().TrimEnd();

    public static string Info(FencedCodeBlock code) => (code.Info ?? "").Trim().ToLowerInvariant();

    private string Raw(Block block) => source.Substring(block.Span.Start, block.Span.Length).Replace("\r", "").Trim();
}
