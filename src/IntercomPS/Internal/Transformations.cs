using System;
using System.Globalization;
using System.Management.Automation;

namespace IntercomPS.Internal
{
    /// <summary>
    /// Lets [bool] parameters take what CSV files and people write: "true"/"false", "yes"/"no", "1"/"0".
    /// PowerShell itself refuses strings for Boolean parameters, which would make Import-Csv pipelines fail.
    /// An empty cell means "not given".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class BooleanTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is not string text) return value;
            switch (text.Trim().ToLowerInvariant())
            {
                case "": return null;
                case "true": case "yes": case "y": case "1": case "$true": return true;
                case "false": case "no": case "n": case "0": case "$false": return false;
                default: throw new ArgumentTransformationMetadataException($"'{text}' is not a boolean: use true or false.");
            }
        }
    }

    /// <summary>
    /// Lets [datetime] parameters take UNIX seconds (what the API and many exports use) as well as dates.
    /// An empty cell means "not given".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DateTimeTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text when text.Trim().Length == 0:
                    return null;
                case string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds):
                    return Json.UnixTime.ToDateTime(seconds);
                case int or long:
                    return Json.UnixTime.ToDateTime(Convert.ToInt64(value, CultureInfo.InvariantCulture));
                case DateTimeOffset offset:
                    return offset.UtcDateTime;
                default:
                    return value;
            }
        }
    }
}
