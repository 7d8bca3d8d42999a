using System;
using System.Globalization;
using System.Text.RegularExpressions;
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
            return value is string text ? Parse(text) : value;
        }

        /// <summary>A CSV cell as a boolean; null for an empty one.</summary>
        internal static bool? Parse(string text)
        {
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
    /// Lets whole-number parameters take what CSV files hold: an empty cell means "not given" (PowerShell would read
    /// it as 0 and overwrite the stored value), and a number with a fraction, as text or not, loses its fraction, as
    /// Intercom drops it (PowerShell would round 4900.7 up to 4901).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class WholeNumberTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text when text.Trim().Length == 0:
                    return null;
                case string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && Math.Abs(number) < long.MaxValue:
                    return (long)Math.Truncate(number);
                case string text:
                    throw new ArgumentTransformationMetadataException($"'{text}' is not a number: write it with digits, like 4900.");
                case double or float or decimal:
                    return (long)Math.Truncate(Convert.ToDecimal(value, CultureInfo.InvariantCulture));
                default:
                    return value;
            }
        }
    }

    /// <summary>
    /// Lets [datetime] parameters take UNIX seconds (what the API and many exports use) as well as dates. Text without
    /// a zone (an Export-Csv cell, '2024-01-01') is UTC, as every time the module shows is, so a CSV round trip keeps
    /// each instant whatever the machine's time zone; text with an offset or Z keeps it. A date whose day and month
    /// could be read either way is read so only when this culture writes it so, else refused. An empty cell means "not given".
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class DateTimeTransformationAttribute : ArgumentTransformationAttribute
    {
        private const DateTimeStyles AsUtc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case string text when text.Trim().Length == 0:
                    return null;
                case string text when long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds):
                    return FromSeconds(seconds, text);
                case string text when DayMonth.Match(text) is { Success: true } numeric:
                    return FromDayMonth(text.Trim(), numeric);
                case string text when DateTime.TryParse(text, CultureInfo.CurrentCulture, AsUtc, out var time) || DateTime.TryParse(text, CultureInfo.InvariantCulture, AsUtc, out time):
                    return time;
                case string text:
                    throw new ArgumentTransformationMetadataException($"'{text}' is not a date: write it as 2024-01-01T09:30:00Z, 2024-01-01 (UTC), or UNIX seconds.");
                case int or long:
                    return FromSeconds(Convert.ToInt64(value, CultureInfo.InvariantCulture), value);
                case DateTimeOffset offset:
                    return offset.UtcDateTime;
                default:
                    return value;
            }
        }

        /// <summary>01/03/2024, 1.3.2024 00:00:00, 3/1/2024 12:00:00 AM: day and month as numbers, in either order, a four-digit year.</summary>
        private static readonly Regex DayMonth = new Regex(@"^\s*(\d{1,2})([/.\-])(\d{1,2})\2(\d{4})(?!\d)(.*)$", RegexOptions.CultureInvariant);

        /// <summary>
        /// A date written with day and month as numbers. What this culture itself writes (Export-Csv's cells here) is read
        /// as this culture reads it. Anything else may come from a machine whose culture puts day and month the other way
        /// round (en-GB's 01/03/2024 is 1 March, en-US reads 3 January): when only one order makes a date it is that one;
        /// when both do, the cell is refused, never read as a different day.
        /// </summary>
        private static DateTime FromDayMonth(string text, Match numeric)
        {
            var culture = CultureInfo.CurrentCulture;
            if (DateTime.TryParse(text, culture, AsUtc, out var local) && IsWrittenBy(culture, local, text)) return local;
            int first = int.Parse(numeric.Groups[1].Value, CultureInfo.InvariantCulture), second = int.Parse(numeric.Groups[3].Value, CultureInfo.InvariantCulture);
            var year = numeric.Groups[4].Value;
            var rest = numeric.Groups[5].Value;
            var dayFirst = Reading(year, month: second, day: first, rest);
            var monthFirst = Reading(year, month: first, day: second, rest);
            if (dayFirst is { } a && monthFirst is { } b && a != b)
                throw new ArgumentTransformationMetadataException(
                    $"'{text}' could be {a.ToString("d MMMM", CultureInfo.InvariantCulture)} or {b.ToString("d MMMM", CultureInfo.InvariantCulture)} {year}, and this culture ({culture.Name}) does not write dates so: " +
                    $"write it as {a:yyyy-MM-dd} or {b:yyyy-MM-dd} (year-month-day), or UNIX seconds, or read the file under the culture that wrote it.");
            return dayFirst ?? monthFirst ?? throw new ArgumentTransformationMetadataException($"'{text}' is not a date: write it as 2024-01-01T09:30:00Z, 2024-01-01 (UTC), or UNIX seconds.");
        }

        /// <summary>Whether <paramref name="text"/> is how <paramref name="culture"/> writes <paramref name="time"/> (Export-Csv writes the general format).</summary>
        private static bool IsWrittenBy(CultureInfo culture, DateTime time, string text) =>
            text == time.ToString("G", culture) || text == time.ToString("g", culture) || text == time.ToString("d", culture);

        private static DateTime? Reading(string year, int month, int day, string rest) =>
            month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(int.Parse(year, CultureInfo.InvariantCulture), month)
            && DateTime.TryParse($"{year}-{month:00}-{day:00}{rest}", CultureInfo.InvariantCulture, AsUtc, out var time) ? time : (DateTime?)null;

        private static DateTime FromSeconds(long seconds, object given) =>
            Json.UnixTime.TryToDateTime(seconds) ?? throw new ArgumentTransformationMetadataException($"{given} UNIX seconds is outside what [datetime] can hold (years 1 to 9999).");
    }

    /// <summary>
    /// Lets -CustomData take what round trips give it: a hashtable, the object ConvertFrom-Json makes of one, or the
    /// JSON text Export-Csv writes for it (`{"plan":"pro"}`). An empty cell means "not given"; anything else that is
    /// not a flat JSON object is refused with the reason, never dropped.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class CustomDataTransformationAttribute : ArgumentTransformationAttribute
    {
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped && wrapped.BaseObject is not PSCustomObject ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case System.Collections.IDictionary:
                    return value;
                case string text when text.Trim().Length == 0:
                    return null;
                case string text:
                    return FromJson(text);
                case PSObject { BaseObject: PSCustomObject } custom:
                    var table = new System.Collections.Hashtable(StringComparer.OrdinalIgnoreCase);
                    foreach (var property in custom.Properties) table[property.Name] = property.Value is PSObject inner ? inner.BaseObject : property.Value;
                    return table;
                default:
                    return value; // the binder says what it cannot convert
            }
        }

        private static System.Collections.Hashtable FromJson(string text)
        {
            try
            {
                var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(text));
                reader.Read();
                var table = Json.CustomDataConverter.ReadTable(ref reader, strict: true);
                if (reader.Read()) throw new System.Text.Json.JsonException("there is more after the closing }.");
                return table;
            }
            catch (System.Text.Json.JsonException failure)
            {
                throw new ArgumentTransformationMetadataException(
                    $"CustomData '{Shorten(text)}' is not a flat JSON object ({failure.Message.TrimEnd('.')}). Write it as JSON, e.g. {{\"plan\":\"pro\",\"seats\":3}}, as Export-Csv does.", failure);
            }
        }

        private static string Shorten(string text) => text.Length <= 60 ? text : text.Substring(0, 57) + "...";
    }

    /// <summary>
    /// Lets a secret parameter (-AccessToken, -ApiKey) take a PSCredential (what Get-Credential and many secret vaults
    /// hand out) as well as a SecureString: the secret is its password. Plain text is refused with what to do instead,
    /// so a secret never has to be typed into a command line or a script (and -ApiKey no longer gets PowerShell's bare
    /// "cannot convert String to SecureString").
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecretTransformationAttribute : ArgumentTransformationAttribute
    {
        private readonly string _parameter;
        private readonly string _variable;

        public SecretTransformationAttribute(string parameter, string variable)
        {
            _parameter = parameter;
            _variable = variable;
        }

        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value switch
            {
                PSCredential credential => credential.Password,
                string => throw new ArgumentTransformationMetadataException(
                    $"-{_parameter} takes a SecureString or a PSCredential, not plain text: use (Read-Host -AsSecureString), Get-Secret, or set {_variable} for a scheduled script."),
                _ => value,
            };
        }
    }
}
