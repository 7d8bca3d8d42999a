using System;
using System.Linq;
using Xunit;

namespace IntercomPS.Client.Tests
{
    /// <summary>
    /// Office hours as people write them and as Intercom's minutes: lines read into minutes from Monday 00:00 (or from
    /// midnight, for a day), and minutes written back with days of the same times together.
    /// </summary>
    public sealed class OfficeHoursTextTests
    {
        private static (int, int)[] Minutes(params string[] lines) =>
            OfficeHoursText.ParseWeek(lines).Select(s => (s.StartMinute, s.EndMinute)).ToArray();

        [Fact]
        public void A_week_reads_into_minutes_from_Monday_midnight_in_start_order()
        {
            Assert.Equal(new[] { (540, 1020), (1980, 2460), (9240, 9480) }, Minutes("Sun 10:00-14:00", "mon-tuesday 09:00-17:00"));
            Assert.Equal(new[] { (0, 1440), (2880, 4320) }, Minutes("Mon,Wed 00:00-24:00"));
        }

        [Fact]
        public void Minutes_write_back_with_days_of_the_same_times_together()
        {
            var week = OfficeHoursText.ParseWeek(new[] { "Mon-Fri 09:00-17:30", "Sat 10:00-14:00", "Mon 18:00-20:00" });
            Assert.Equal(new[] { "Mon-Fri 09:00-17:30", "Mon 18:00-20:00", "Sat 10:00-14:00" }, OfficeHoursText.FormatWeek(week));
            Assert.Equal(new[] { "Mon 09:00-17:00", "Wed 09:00-17:00" }, OfficeHoursText.FormatWeek(OfficeHoursText.ParseWeek(new[] { "Mon,Wed 09:00-17:00" })));
            Assert.Equal(new[] { "Mon 00:00-Sun 24:00" }, OfficeHoursText.FormatWeek(OfficeHoursText.AllWeek));
            Assert.Equal(new[] { "Fri 22:00-Sat 02:00" }, OfficeHoursText.FormatWeek(new[] { new OfficeHoursSpan(4 * 1440 + 1320, 5 * 1440 + 120) }));
            Assert.Equal(new[] { "09:00-13:00", "14:00-24:00" }, OfficeHoursText.FormatDay(OfficeHoursText.ParseDay(new[] { "14:00-24:00", "09:00-13:00" })));
        }

        [Theory]
        [InlineData("Sun-Sat 09:00-17:00", "'Sun-Sat' in 'Sun-Sat 09:00-17:00' runs backwards: the week starts on Monday (write Sat-Sun, not Sun-Sat).")]
        [InlineData("Mon 09:00", "'Mon 09:00' has no times: write them as HH:mm-HH:mm, such as 09:00-17:00.")]
        [InlineData("Mon 24:15-24:30", "'24:15' in 'Mon 24:15-24:30' is not a time: write HH:mm, 00:00 to 24:00.")]
        [InlineData("Mon 9:7-10:00", "'9:7' in 'Mon 9:7-10:00' is not a time: write HH:mm, 00:00 to 24:00.")]
        public void A_line_that_does_not_read_says_why(string line, string message)
        {
            Assert.Equal(message, Assert.Throws<ArgumentException>(() => OfficeHoursText.ParseWeek(new[] { line })).Message);
        }
    }
}
