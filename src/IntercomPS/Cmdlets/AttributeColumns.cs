using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using IntercomPS.Client;
using IntercomPS.Internal;

namespace IntercomPS.Cmdlets
{
    /// <summary>
    /// New- and Set-IntercomUser's -CustomAttributeColumns: a piped row's columns named as the workspace's custom
    /// contact attributes become those attributes' values, each converted to the attribute's declared type, so a CSV's
    /// flat plan, seats and mrr columns need no hand-made CustomData. A value that is not of its type is the row's
    /// error before anything is sent. Made once per command from one listing of the attributes.
    /// </summary>
    internal sealed class AttributeColumns
    {
        private readonly Dictionary<string, DataAttribute> _byName;

        private AttributeColumns(IEnumerable<DataAttribute> custom) =>
            _byName = custom.Where(attribute => attribute.Name is not null).GroupBy(attribute => attribute.Name!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(group => group.Key, group => group.First(), StringComparer.OrdinalIgnoreCase);

        /// <summary>The custom contact attributes that are not archived (GET /data_attributes?model=contact).</summary>
        public static async Task<AttributeColumns> ReadAsync(IDataAttributes api, CancellationToken token) =>
            new AttributeColumns((await api.ListDataAttributesAsync("contact", includeArchived: false, token).ConfigureAwait(false)).Where(attribute => attribute.Custom));

        /// <summary>
        /// <paramref name="customData"/> with the row's attribute columns added, each of its declared type; a blank cell
        /// is not given, and a key -CustomData already names keeps -CustomData's value. Throws for a value of the wrong type.
        /// </summary>
        public IDictionary? Merge(IDictionary? customData, PSObject row)
        {
            Dictionary<string, object?>? merged = null;
            foreach (var column in row.Properties)
            {
                if (!_byName.TryGetValue(column.Name, out var attribute)) continue;
                var value = column.Value is PSObject wrapped ? wrapped.BaseObject : column.Value;
                if (value is null || (value is string text && text.Trim().Length == 0)) continue;
                if (merged is null)
                {
                    merged = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
                    if (customData is not null)
                        foreach (DictionaryEntry entry in customData) merged[Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty] = entry.Value;
                }
                if (merged.ContainsKey(attribute.Name!)) continue;
                merged[attribute.Name!] = Typed(column.Name, value, attribute);
            }
            return merged ?? customData;
        }

        private static object Typed(string column, object value, DataAttribute attribute)
        {
            try
            {
                return attribute.DataType switch
                {
                    "integer" => Integer(value),
                    "float" => Float(value),
                    "boolean" => value is bool flag ? flag : BooleanTransformationAttribute.Parse(Text(value))!.Value,
                    "date" or "datetime" => new DateTimeTransformationAttribute().Transform(null!, value) is DateTime time ? time : throw new FormatException(),
                    _ => Text(value),
                };
            }
            catch (Exception failure) when (failure is FormatException || failure is OverflowException || failure is ArgumentTransformationMetadataException)
            {
                throw new ArgumentException($"Column '{column}' is the custom attribute {attribute.Name}, {Describe(attribute.DataType)}, and '{value}' is not one, so nothing of this row was sent." +
                    (failure is ArgumentTransformationMetadataException ? " " + failure.Message : string.Empty), failure);
            }
        }

        private static long Integer(object value) => value switch
        {
            long whole => whole,
            int or short or byte or sbyte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
            double or float or decimal when Convert.ToDecimal(value, CultureInfo.InvariantCulture) is var number && number == decimal.Truncate(number) => decimal.ToInt64(Convert.ToDecimal(value, CultureInfo.InvariantCulture)),
            _ => long.TryParse(Text(value).Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed) ? parsed : throw new FormatException(),
        };

        private static double Float(object value) => value switch
        {
            double or float or decimal or long or int or short or byte => Convert.ToDouble(value, CultureInfo.InvariantCulture),
            _ => double.TryParse(Text(value).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && !double.IsNaN(parsed) && !double.IsInfinity(parsed) ? parsed : throw new FormatException(),
        };

        private static string Text(object value) => value is IFormattable formattable ? formattable.ToString(null, CultureInfo.InvariantCulture) : value.ToString() ?? string.Empty;

        private static string Describe(string? dataType) => dataType switch
        {
            "integer" => "an integer",
            "float" => "a number",
            "boolean" => "a boolean (true or false)",
            "date" or "datetime" => "a date",
            _ => "text",
        };
    }
}
