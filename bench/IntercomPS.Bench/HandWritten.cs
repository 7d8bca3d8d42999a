using System;

namespace IntercomPS.Bench
{
    /// <summary>
    /// The scripts an ops engineer writes without the module, run in real pwsh (<see cref="Pwsh"/>): Invoke-RestMethod
    /// in a loop, and with ForEach-Object -Parallel. Each times its own work and checks its own count.
    /// </summary>
    public static class HandWritten
    {
        private static string Preamble(EmulatorProcess emulator) =>
            $"$base = {Pwsh.Quote(emulator.ApiUri.ToString().TrimEnd('/'))}; $headers = @{{ Authorization = {Pwsh.Quote(EmulatorProcess.Authorization.ToString())} }}\n"
            + "$clock = [System.Diagnostics.Stopwatch]::StartNew(); $n = 0\n";

        private const string Result = "\n\"RESULT $($clock.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture)) $n\"";

        /// <summary>Page after page until the last, as the usual export script does.</summary>
        public static string SequentialPager(EmulatorProcess emulator, int pageSize) => Preamble(emulator) + $$"""
            $page = 1
            do {
                $answer = Invoke-RestMethod "$base/users?page=$page&per_page={{pageSize}}" -Headers $headers
                $answer.users | ForEach-Object { $n++ }
                $page++
            } while ($page -le $answer.total_pages)
            """ + Result;

        /// <summary>The first page for the page count, then the rest with ForEach-Object -Parallel.</summary>
        public static string ParallelPager(EmulatorProcess emulator, int pageSize, int throttleLimit) => Preamble(emulator) + $$"""
            $first = Invoke-RestMethod "$base/users?page=1&per_page={{pageSize}}" -Headers $headers
            $first.users | ForEach-Object { $n++ }
            if ($first.total_pages -gt 1) {
                2..$first.total_pages | ForEach-Object -ThrottleLimit {{throttleLimit}} -Parallel {
                    (Invoke-RestMethod "$using:base/users?page=$_&per_page={{pageSize}}" -Headers $using:headers).users
                } | ForEach-Object { $n++ }
            }
            """ + Result;

        public static string SequentialLookups(EmulatorProcess emulator, int users) => Preamble(emulator) + $$"""
            foreach ($i in 1..{{users}}) {
                $user = Invoke-RestMethod "$base/users?email=user$i%40example.com" -Headers $headers
                if ($user.email -eq "user$i@example.com") { $n++ }
            }
            """ + Result;

        public static string ParallelLookups(EmulatorProcess emulator, int users, int throttleLimit) => Preamble(emulator) + $$"""
            1..{{users}} | ForEach-Object -ThrottleLimit {{throttleLimit}} -Parallel {
                Invoke-RestMethod "$using:base/users?email=user$_%40example.com" -Headers $using:headers
            } | ForEach-Object { $n++ }
            """ + Result;

        public static string ParallelUpdates(EmulatorProcess emulator, int users, int throttleLimit) => Preamble(emulator) + $$"""
            1..{{users}} | ForEach-Object -ThrottleLimit {{throttleLimit}} -Parallel {
                $body = @{ user_id = "user$_"; name = "Renamed $_"; last_seen_ip = '10.0.0.1' } | ConvertTo-Json
                Invoke-RestMethod -Method Put "$using:base/users" -Headers $using:headers -ContentType 'application/json' -Body $body
            } | ForEach-Object { $n++ }
            """ + Result;

        /// <summary>Batches of <paramref name="batchSize"/> users, one POST /tags each, <paramref name="throttleLimit"/> at a time.</summary>
        public static string ParallelTagBatches(EmulatorProcess emulator, int users, int batchSize, int throttleLimit) => Preamble(emulator) + $$"""
            $batches = for ($i = 0; $i -lt {{users}}; $i += {{batchSize}}) { ,@(($i + 1)..([Math]::Min($i + {{batchSize}}, {{users}})) | ForEach-Object { @{ user_id = "user$_" } }) }
            $batches | ForEach-Object -ThrottleLimit {{throttleLimit}} -Parallel {
                $body = @{ name = 'bench-by-hand'; users = $_ } | ConvertTo-Json -Depth 3
                Invoke-RestMethod -Method Post "$using:base/tags" -Headers $using:headers -ContentType 'application/json' -Body $body
            } | ForEach-Object { $n++ }
            """ + Result;
    }
}
