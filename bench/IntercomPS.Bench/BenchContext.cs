using System;
using System.Collections.Generic;

namespace IntercomPS.Bench
{
    /// <summary>What every scenario gets: the emulator process, the hosted engine, and the run's sizes.</summary>
    public sealed class BenchContext
    {
        public BenchContext(EmulatorProcess emulator, Engine engine, bool quick)
        {
            Emulator = emulator;
            Engine = engine;
            Quick = quick;
        }

        public EmulatorProcess Emulator { get; }

        public Engine Engine { get; }

        /// <summary>The smaller CI smoke run: same scenarios, fewer users, shorter durations.</summary>
        public bool Quick { get; }

        /// <summary>Interleaved runs per measurement, whose median is reported: 3, or 1 with --quick.</summary>
        public int Runs => Quick ? 1 : 3;

        /// <summary>The full-run size, or the quick one with --quick.</summary>
        public int Size(int full, int quick) => Quick ? quick : full;
    }

    /// <summary>One benchmark scenario; its key picks it on the command line.</summary>
    public interface IScenario
    {
        string Key { get; }

        string Description { get; }

        System.Threading.Tasks.Task<IReadOnlyList<Row>> RunAsync(BenchContext context);
    }
}
