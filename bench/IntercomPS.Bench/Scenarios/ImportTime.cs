using System.Collections.Generic;
using System.Threading.Tasks;

namespace IntercomPS.Bench.Scenarios
{
    /// <summary>
    /// What `Import-Module IntercomPS` adds to a script's start: a runspace importing the module against one without
    /// it. The first import in a process (the engine already warm) loads and JITs the dll; a later one only reads
    /// the manifest, format file and help. Engine start-up itself is shown for scale.
    /// </summary>
    public sealed class ImportTime : IScenario
    {
        public string Key => "import";

        public string Description => "module import time: runspace with the module vs without";

        public Task<IReadOnlyList<Row>> RunAsync(BenchContext context)
        {
            var engine = context.Engine;
            var warmImport = engine.TimeWarmImport();
            var baseline = Row.Millis(engine.WarmRunspaceOpen) + " without module";
            IReadOnlyList<Row> rows = new[]
            {
                new Row("5. engine start: first runspace of the process", Row.Millis(engine.ColdRunspaceOpen), "-", "-", "-", null),
                new Row("5. runspace + first Import-Module in the process", Row.Millis(engine.ModuleRunspaceOpen), baseline,
                    Row.SignedMillis(engine.ModuleRunspaceOpen - engine.WarmRunspaceOpen), "-", null),
                new Row("5. runspace + Import-Module again", Row.Millis(warmImport), baseline, Row.SignedMillis(warmImport - engine.WarmRunspaceOpen), "-", null),
            };
            return Task.FromResult(rows);
        }
    }
}
