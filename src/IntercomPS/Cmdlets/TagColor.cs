using System.Management.Automation;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// -Color, one of <see cref="Tag.Colors"/> (tab-completed, and any other refused by the binder), declared from that
    /// one list: a [ValidateSet] attribute would have to spell the colours out again in each cmdlet that takes one.
    /// </summary>
    internal sealed class TagColor
    {
        private readonly RuntimeDefinedParameter _color;

        public TagColor(RuntimeDefinedParameterDictionary parameters, bool byPropertyName) =>
            _color = ComposedParameters.Add(parameters, "Color", typeof(string),
                new ParameterAttribute { ValueFromPipelineByPropertyName = byPropertyName }, new ValidateSetAttribute(Tag.Colors) { IgnoreCase = true });

        public string? Value => (string?)_color.Value;
    }
}
