using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// -Color, one of <see cref="Tag.Colors"/> (tab-completed, and any other refused by the binder), declared from that
    /// one list. Not a [ValidateSet]: a tag piped on binds its Color by name, and a 2.x tag has none, which a set
    /// refuses even with [AllowNull]; an empty colour is no colour given.
    /// </summary>
    internal sealed class TagColor
    {
        private readonly RuntimeDefinedParameter _color;

        public TagColor(RuntimeDefinedParameterDictionary parameters, bool byPropertyName) =>
            _color = ComposedParameters.Add(parameters, "Color", typeof(string),
                new ParameterAttribute { ValueFromPipelineByPropertyName = byPropertyName }, new AllowNullAttribute(), new AllowEmptyStringAttribute(),
                new ValidateTagColorAttribute(), new ArgumentCompleterAttribute(typeof(Completer)));

        public string? Value => string.IsNullOrEmpty((string?)_color.Value) ? null : (string?)_color.Value;

        /// <summary>One of the colours in any case, or none.</summary>
        public sealed class ValidateTagColorAttribute : ValidateArgumentsAttribute
        {
            /// <summary>The colours it takes, as the help lists them.</summary>
            public IReadOnlyList<string> ValidValues => Tag.Colors;

            protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
            {
                var color = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
                if (color is null || color is string { Length: 0 }) return;
                if (!Tag.Colors.Contains(color.ToString(), StringComparer.OrdinalIgnoreCase))
                    throw new ValidationMetadataException($"'{color}' is not a tag colour: use one of {string.Join(", ", Tag.Colors)}.");
            }
        }

        /// <summary>Tab completion for -Color, in alphabetical order.</summary>
        public sealed class Completer : IArgumentCompleter
        {
            public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
                CommandAst commandAst, IDictionary fakeBoundParameters) =>
                Tag.Colors.Where(color => color.StartsWith(wordToComplete ?? string.Empty, StringComparison.OrdinalIgnoreCase))
                    .OrderBy(color => color, StringComparer.Ordinal)
                    .Select(color => new CompletionResult(color, color, CompletionResultType.ParameterValue, color));
        }
    }
}
