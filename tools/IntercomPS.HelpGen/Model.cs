using System;
using System.Collections.Generic;
using System.Linq;

namespace IntercomPS.HelpGen;

/// <summary>One cmdlet page, as read from docs/Verb-Noun.md.</summary>
public sealed record CommandPage(
    string Name,
    string ExternalHelpFile,
    string ModuleName,
    string OnlineVersion,
    string Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxSet> Syntax,
    IReadOnlyList<ExampleDoc> Examples,
    IReadOnlyList<ParameterDoc> Parameters,
    IReadOnlyList<TypeDoc> Inputs,
    IReadOnlyList<TypeDoc> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LinkDoc> Links)
{
    public string Verb => Name.Substring(0, Name.IndexOf('-'));
    public string Noun => Name.Substring(Name.IndexOf('-') + 1);
}

/// <summary>A parameter set from ## SYNTAX; a page without ### headings there has the one set "__AllParameterSets".</summary>
public sealed record SyntaxSet(string Name, bool IsDefault, string Text, int Line)
{
    public const string AllSets = "__AllParameterSets";
}

public sealed record ExampleDoc(string Title, string Code, IReadOnlyList<string> Remarks);

/// <summary>A parameter: its description and one yaml block per group of parameter sets that bind it alike.</summary>
public sealed record ParameterDoc(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterUsage> Usages, int Line)
{
    public IEnumerable<ParameterUsage> UsagesIn(string set) => Usages.Where(u => u.AppliesTo(set));
}

public sealed record ParameterUsage(
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    IReadOnlyList<string> AcceptedValues,
    bool Required,
    int? Position,
    string DefaultValue,
    PipelineInput Pipeline,
    bool Wildcards)
{
    public const string AllSets = "(All)";

    public bool IsSwitch => Type == "SwitchParameter";

    public bool AppliesTo(string set) =>
        set == SyntaxSet.AllSets || ParameterSets.Contains(AllSets) || ParameterSets.Contains(set);

    /// <summary>The wording Get-Help and PlatyPS use: False, True (ByValue), True (ByPropertyName, ByValue).</summary>
    public string PipelineText => Pipeline switch
    {
        PipelineInput.None => "False",
        PipelineInput.ByValue => "True (ByValue)",
        PipelineInput.ByPropertyName => "True (ByPropertyName)",
        _ => "True (ByPropertyName, ByValue)",
    };
}

[Flags]
public enum PipelineInput { None = 0, ByValue = 1, ByPropertyName = 2 }

public sealed record TypeDoc(string Name, IReadOnlyList<string> Description);

public sealed record LinkDoc(string Text, string Uri);

/// <summary>A malformed page: where and what.</summary>
public sealed class PageException(string file, int line, string problem) : Exception($"{file}({line}): error HELPGEN: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string Problem { get; } = problem;
}
