using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IntercomPS.Client.V2.Search;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// Get-IntercomUser -Filter: a PowerShell-style condition, read with PowerShell's own parser and translated into a
    /// search query the client knows nothing PowerShell about. Fields are written bare (plan -eq 'pro', as
    /// Get-ADUser -Filter reads them) or as $_.plan (as Where-Object does); -and and -or join conditions with PowerShell's
    /// precedence (equal, left to right) and parentheses group them. Values are constants ('pro', 3, $true, 'a', 'b').
    /// What the client does with the field names (custom attributes, tag names, days in the workspace's time zone) and
    /// which operators a field takes are the client's: here only the language is translated.
    /// </summary>
    internal static class UserFilter
    {
        private static readonly Dictionary<TokenKind, string> Comparisons = new Dictionary<TokenKind, string>
        {
            [TokenKind.Ieq] = "=", [TokenKind.Ceq] = "=",
            [TokenKind.Ine] = "!=", [TokenKind.Cne] = "!=",
            [TokenKind.Igt] = ">", [TokenKind.Cgt] = ">",
            [TokenKind.Ilt] = "<", [TokenKind.Clt] = "<",
            [TokenKind.Ige] = ">=", [TokenKind.Cge] = ">=",
            [TokenKind.Ile] = "<=", [TokenKind.Cle] = "<=",
            [TokenKind.Iin] = "IN", [TokenKind.Cin] = "IN",
            [TokenKind.Inotin] = "NIN", [TokenKind.Cnotin] = "NIN",
            [TokenKind.Ilike] = "like", [TokenKind.Clike] = "like",
            [TokenKind.Inotlike] = "notlike", [TokenKind.Cnotlike] = "notlike",
        };

        /// <summary>The condition as a search query node; an ArgumentException that says what is wrong and how to write it.</summary>
        public static SearchNode Parse(string filter)
        {
            if (string.IsNullOrWhiteSpace(filter)) throw new ArgumentException("-Filter is empty: write a condition such as \"plan -eq 'pro'\".");
            var script = Parser.ParseInput(filter, out _, out var errors);
            if (errors.Length > 0) throw Invalid(filter, errors[0].Message);
            var statements = script.EndBlock?.Statements;
            if (script.BeginBlock is not null || script.ProcessBlock is not null || statements is not { Count: 1 } || statements[0] is not PipelineAst { PipelineElements.Count: 1 } pipeline)
                throw Invalid(filter, "it is not one condition");
            return Element(pipeline.PipelineElements[0], filter);
        }

        private static SearchNode Element(CommandBaseAst element, string filter) => element switch
        {
            CommandExpressionAst { Redirections.Count: 0 } expression => Expression(expression.Expression, filter),
            CommandAst command => Words(command.CommandElements, filter),
            _ => throw Invalid(filter, "it is not a condition"),
        };

        /// <summary>An expression: $_.field -op value, joined by -and / -or, in parentheses.</summary>
        private static SearchNode Expression(ExpressionAst expression, string filter)
        {
            switch (expression)
            {
                case BinaryExpressionAst { Operator: TokenKind.And or TokenKind.Or } joined:
                    return Join(joined.Operator == TokenKind.And ? "AND" : "OR", Expression(joined.Left, filter), Expression(joined.Right, filter));
                case BinaryExpressionAst compared when Comparisons.TryGetValue(compared.Operator, out var op):
                    return Comparison(FieldOf(compared.Left, filter), op, ValueOf(compared.Right, filter), filter);
                case BinaryExpressionAst other:
                    throw Invalid(filter, $"'{other.ErrorPosition.Text}' is not a comparison a search can make: use -eq, -ne, -gt, -lt, -ge, -le, -like, -notlike, -in or -notin");
                case ParenExpressionAst { Pipeline: PipelineAst { PipelineElements.Count: 1 } inner }:
                    return Element(inner.PipelineElements[0], filter);
                case UnaryExpressionAst { TokenKind: TokenKind.Not or TokenKind.Exclaim }:
                    throw Invalid(filter, "-not cannot be searched for: write the opposite comparison (-ne for -eq, -notlike for -like, -notin for -in)");
                default:
                    throw Invalid(filter, $"'{expression.Extent.Text}' is not a condition");
            }
        }

        /// <summary>
        /// A condition PowerShell read as a command (plan -eq 'pro' -and seats -gt 3): field, -operator, value, and
        /// -and / -or between them, left to right as PowerShell's equal precedence has it.
        /// </summary>
        private static SearchNode Words(IReadOnlyList<CommandElementAst> words, string filter)
        {
            SearchNode? result = null;
            string? joining = null;
            var i = 0;
            while (i < words.Count)
            {
                SearchNode next;
                if (words[i] is ParenExpressionAst group)
                {
                    next = Expression(group, filter);
                    i++;
                }
                else
                {
                    if (i + 2 >= words.Count)
                        throw Invalid(filter, $"'{words[i].Extent.Text}' is not followed by an operator and a value");
                    var field = FieldOf(words[i], filter);
                    if (words[i + 1] is not CommandParameterAst parameter || parameter.Argument is not null)
                        throw Invalid(filter, $"'{words[i + 1].Extent.Text}' after {field} is not an operator: use -eq, -ne, -gt, -lt, -ge, -le, -like, -notlike, -in or -notin");
                    var op = Operator(parameter.ParameterName) ?? throw Invalid(filter, $"-{parameter.ParameterName} is not a comparison a search can make: use -eq, -ne, -gt, -lt, -ge, -le, -like, -notlike, -in or -notin");
                    next = Comparison(field, op, ValueOf(words[i + 2], filter), filter);
                    i += 3;
                }
                result = result is null ? next : Join(joining!, result, next);
                if (i == words.Count) break;
                if (words[i] is not CommandParameterAst { Argument: null } connective || !(connective.ParameterName.Equals("and", StringComparison.OrdinalIgnoreCase) || connective.ParameterName.Equals("or", StringComparison.OrdinalIgnoreCase)))
                    throw Invalid(filter, $"'{words[i].Extent.Text}' should be -and or -or between two conditions");
                joining = connective.ParameterName.Equals("and", StringComparison.OrdinalIgnoreCase) ? "AND" : "OR";
                if (++i == words.Count) throw Invalid(filter, $"-{connective.ParameterName} is not followed by a condition");
            }
            return result ?? throw Invalid(filter, "it holds no condition");
        }

        private static string? Operator(string name)
        {
            var kind = name.ToLowerInvariant() switch
            {
                "eq" or "ieq" or "ceq" => TokenKind.Ieq,
                "ne" or "ine" or "cne" => TokenKind.Ine,
                "gt" or "igt" or "cgt" => TokenKind.Igt,
                "lt" or "ilt" or "clt" => TokenKind.Ilt,
                "ge" or "ige" or "cge" => TokenKind.Ige,
                "le" or "ile" or "cle" => TokenKind.Ile,
                "in" or "iin" or "cin" => TokenKind.Iin,
                "notin" or "inotin" or "cnotin" => TokenKind.Inotin,
                "like" or "ilike" or "clike" => TokenKind.Ilike,
                "notlike" or "inotlike" or "cnotlike" => TokenKind.Inotlike,
                _ => TokenKind.Unknown,
            };
            return Comparisons.TryGetValue(kind, out var op) ? op : null;
        }

        /// <summary>Groups of one operator are kept flat: a -and b -and c is one AND group of three.</summary>
        private static SearchNode Join(string op, SearchNode left, SearchNode right) =>
            new SearchGroup(op, Flat(op, left).Concat(Flat(op, right)));

        private static IEnumerable<SearchNode> Flat(string op, SearchNode node) => node is SearchGroup group && group.Operator == op ? group.Nodes : new[] { node };

        /// <summary>-like and -notlike as the string operators they are: 'ab*' starts with, '*ab' ends with, '*ab*' contains.</summary>
        private static SearchNode Comparison(string field, string op, object? value, string filter)
        {
            if (op is "like" or "notlike")
            {
                if (value is not string pattern) throw Invalid(filter, $"-{op} on {field} takes a text pattern such as 'ab*'");
                var core = pattern.Trim('*');
                var starts = pattern.StartsWith("*", StringComparison.Ordinal);
                var ends = pattern.EndsWith("*", StringComparison.Ordinal) && pattern.Length > 1;
                if (core.Length == 0 || core.IndexOfAny(new[] { '*', '?', '[', ']' }) >= 0)
                    throw Invalid(filter, $"-{op} '{pattern}' on {field} cannot be searched for: a search takes 'ab*' (starts with), '*ab' (ends with) or '*ab*' (contains), and -notlike only '*ab*'");
                var searched = (op, starts, ends) switch
                {
                    ("like", false, false) => "=",
                    ("like", false, true) => "^",
                    ("like", true, false) => "$",
                    ("like", true, true) => "~",
                    ("notlike", true, true) => "!~",
                    ("notlike", false, false) => "!=",
                    _ => throw Invalid(filter, $"-notlike '{pattern}' on {field} cannot be searched for: a search can only exclude what contains a text ('*ab*')"),
                };
                return new SearchFilter(field, searched, core);
            }
            return new SearchFilter(field, op, value);
        }

        /// <summary>The field: a bare word (plan), or $_.plan / $PSItem.plan.</summary>
        private static string FieldOf(Ast ast, string filter) => ast switch
        {
            StringConstantExpressionAst { StringConstantType: StringConstantType.BareWord } word => word.Value,
            MemberExpressionAst { Expression: VariableExpressionAst variable, Member: StringConstantExpressionAst member }
                when variable.VariablePath.UserPath is "_" or "PSItem" => member.Value,
            _ => throw Invalid(filter, $"'{ast.Extent.Text}' is not a field: write it bare (plan) or as $_.plan"),
        };

        /// <summary>A constant value: text, a number, $true/$false/$null, or a list of them (for -in and -notin).</summary>
        private static object? ValueOf(Ast ast, string filter)
        {
            if (ast is not ExpressionAst expression) throw Invalid(filter, $"'{ast.Extent.Text}' is not a value");
            object? value;
            try
            {
                value = expression.SafeGetValue();
            }
            catch (InvalidOperationException)
            {
                throw Invalid(filter, $"'{ast.Extent.Text}' is not a constant: put the value itself in the filter (in a double-quoted string, \"plan -eq '$plan'\" does)");
            }
            return Plain(value);
        }

        private static object? Plain(object? value) => value switch
        {
            PSObject wrapped => Plain(wrapped.BaseObject),
            int number => (long)number,
            object[] list => list.Select(Plain).ToArray(),
            _ => value,
        };

        private static ArgumentException Invalid(string filter, string problem) =>
            new ArgumentException($"-Filter \"{filter}\" cannot be searched for: {problem}.");
    }
}
