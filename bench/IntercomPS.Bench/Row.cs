using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace IntercomPS.Bench
{
    /// <summary>One line of the results table. Pass is null for numbers reported for information only.</summary>
    public sealed record Row(string Scenario, string Measured, string Baseline, string Ratio, string Target, bool? Pass)
    {
        private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

        /// <summary>A row that could not be measured, saying why instead of showing a made-up number.</summary>
        public static Row NotAvailable(string scenario, string why, string target) => new Row(scenario, "not available", why, "-", target, null);

        public static string Seconds(TimeSpan time) => time.TotalSeconds.ToString("0.00", Invariant) + " s";

        public static string Millis(TimeSpan time) => time.TotalMilliseconds.ToString("0", Invariant) + " ms";

        public static string Millis2(TimeSpan time) => time.TotalMilliseconds.ToString("0.00", Invariant) + " ms";

        public static string SignedMillis(TimeSpan time) => time.TotalMilliseconds.ToString("+0;-0;0", Invariant) + " ms";

        public static string Times(double ratio) => ratio.ToString("0.00", Invariant) + "x";

        public static string Number(double value, string format = "N0") => value.ToString(format, Invariant);

        public static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", Invariant) + " MiB";

        /// <summary>A markdown table, padded so it also reads well on a console.</summary>
        public static void WriteTable(TextWriter output, IReadOnlyList<Row> rows)
        {
            var header = new[] { "scenario", "measured", "baseline", "ratio", "target", "result" };
            var cells = rows.Select(row => new[] { row.Scenario, row.Measured, row.Baseline, row.Ratio, row.Target, row.Pass switch { true => "pass", false => "FAIL", null => "-" } }).ToList();
            var widths = header.Select((title, column) => cells.Select(line => line[column].Length).Append(title.Length).Max()).ToArray();
            void Line(IEnumerable<string> values) => output.WriteLine("| " + string.Join(" | ", values.Select((value, column) => value.PadRight(widths[column]))) + " |");
            Line(header);
            Line(widths.Select(width => new string('-', width)));
            foreach (var line in cells) Line(line);
        }
    }
}
